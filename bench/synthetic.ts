/** N synthetic published items for the benchmarks: half honourees (one campaign), half news. */
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'

/**
 * In one transaction, as the seed does: libsql opens a new connection for every
 * transaction and frees it only when garbage-collected, so ten thousand separate creates
 * in a tight loop run out of file descriptors.
 */
export async function seedSynthetic(payload: Payload, count: number, campaign?: number) {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await createItems(payload, req, count, campaign)
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

async function createItems(payload: Payload, req: Awaited<ReturnType<typeof createLocalReq>>, count: number, campaign?: number) {
  for (let i = 0; i < count; i++) {
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
