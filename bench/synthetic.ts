/** N synthetic published items for the benchmarks: half honourees (one campaign), half news. */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

/** Items per transaction: one transaction for 100,000 items held gigabytes until its commit. */
const BATCH = 2000

/**
 * In transactions of BATCH items, as the seed does: libsql opens a new connection for every
 * transaction and frees it only when garbage-collected, so ten thousand separate creates
 * in a tight loop run out of file descriptors.
 */
export async function seedSynthetic(payload: Payload, count: number, campaign?: number) {
  for (let from = 0; from < count; from += BATCH) {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      await createItems(payload, req, from, Math.min(count, from + BATCH), campaign)
      await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  }
}

async function createItems(payload: Payload, req: Awaited<ReturnType<typeof createLocalReq>>, from: number, to: number, campaign?: number) {
  for (let i = from; i < to; i++) {
    if (i % 2 === 0) {
      await payload.create({
        collection: 'honourees',
        data: {
          name: `Gia đình học tập mẫu số ${i}`,
          kind: 'learning-family',
          award: 'title',
          awardTitle: 'Gia đình học tập tiêu biểu',
          year: 2020 + (i % 6),
          locality: `Xã Mẫu ${i % 50}, tỉnh Thái Bình`,
          ...(campaign ? { campaign } : {}),
          illustrative: true,
          _status: 'published',
        } as never,
        overrideAccess: true,
        req,
      })
    } else {
      await payload.create({
        collection: 'news',
        data: { title: `Tin tổng hợp số ${i} về phong trào khuyến học`, summary: 'Tin tổng hợp dùng để đo hiệu năng.', publishedAt: new Date(Date.UTC(2024, 0, 1 + (i % 365))).toISOString(), _status: 'published' } as never,
        overrideAccess: true,
        req,
      })
    }
  }
}

/**
 * `count` items as `seedSynthetic` makes them, fast enough for 100,000: the first
 * `throughPayload` through Payload's Local API (hooks, validation, versions — the real
 * path), the rest copied from the same pattern by one SQL statement per collection into the
 * collections' main tables, which are what the portal reads (published documents; drafts
 * and versions live beside them and the build never reads them). Payload's create ran at
 * about 30 items/s on this machine under load: 100,000 would take about an hour. SQLite only.
 */
export async function seedSyntheticFast(payload: Payload, count: number, throughPayload = Math.min(count, 2000)) {
  await seedSynthetic(payload, throughPayload)
  if (count <= throughPayload) return
  const client = (payload.db as unknown as { client?: { execute: (sql: string) => Promise<unknown> } }).client
  if (!client) throw new Error('seedSyntheticFast needs the SQLite adapter')
  // The same names, slugs (slugify of the name) and values as createItems above, for i in [from, count).
  const from = throughPayload
  const series = `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ${count})`
  await client.execute(`${series}
    INSERT INTO honourees (name, slug, kind, award, award_title, year, locality, illustrative, _status)
    SELECT 'Gia đình học tập mẫu số ' || i, 'gia-dinh-hoc-tap-mau-so-' || i, 'learning-family', 'title',
      'Gia đình học tập tiêu biểu', 2020 + (i % 6), 'Xã Mẫu ' || (i % 50) || ', tỉnh Thái Bình', 1, 'published'
    FROM n WHERE i % 2 = 0`)
  await client.execute(`${series}
    INSERT INTO news (title, slug, summary, published_at, _status)
    SELECT 'Tin tổng hợp số ' || i || ' về phong trào khuyến học', 'tin-tong-hop-so-' || i || '-ve-phong-trao-khuyen-hoc',
      'Tin tổng hợp dùng để đo hiệu năng.', strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || (i % 365) || ' days'), 'published'
    FROM n WHERE i % 2 = 1`)
}
