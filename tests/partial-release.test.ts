/**
 * A partial publish (site/scripts/partial-release.ts) gives the same portal as a full build.
 * All real: Payload on a fresh SQLite file (seeded), the long-lived build process the rebuild
 * queue runs (so a publish after another one is checked too: nothing stale kept between them),
 * astro build for the full builds (the reference one in a process of its own), Pagefind.
 * After a news item is published, a news item unpublished, another deleted, an honouree renamed and a task
 * progress update published — each a partial publish — every file of the release (pages, lists, sitemap, RSS, JSON, CSV) equals,
 * byte for byte, a full build of the same content. The search index differs by design (a delta
 * index beside the base one: site/scripts/search-delta.ts), so it is compared by its answers:
 * new words found, old ones gone, the same pages, in the same order where none changed.
 * A change a partial publish cannot take (the site settings) builds in full.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { releaseScriptRunner } from '../cms/publishing/buildQueue'
import { releaseWorkerRunner } from '../cms/publishing/releaseWorker'
import { seed } from '../cms/seed'
import { CATALOG_FILE, DELTA_DIR, type Catalog } from '../site/lib/search-catalog'
import { decodeFragment, runSearch, SEARCH_LIMIT } from '../site/lib/search'
import { diskSource } from '../site/lib/search-server'
import { releaseEnvIn, type ReleaseSummary } from '../site/scripts/release'
import { serveStatic, sitemapUrls } from './helpers/portal'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

const root = path.resolve(import.meta.dirname, '..')
const work = path.join(root, '.build', `partial-test-${process.pid}`)
const partialEnv = releaseEnvIn(path.join(work, 'partial'))
const fullEnv = releaseEnvIn(path.join(work, 'full'))

let cms: TestCms
let payload: Payload
let editor: Awaited<ReturnType<typeof makeUser>>
const asEditor = () => ({ user: editor, overrideAccess: false }) as const

/** The portal's builds as the CMS runs them: one long-lived build process (releaseWorker.ts), started once the database is. */
let worker: ReturnType<typeof releaseWorkerRunner>

/** One build; its summary (mode, fallback reason). The reference build: a plain full build in a process of its own. */
/** The log of the last build (a partial publish's steps). */
let lastLog = ''
async function build(env: Record<string, string>, partial: boolean): Promise<ReleaseSummary> {
  const run = partial ? worker : releaseScriptRunner(root, { ...process.env, ...env, PORTAL_NOW: '2026-11-22', PORTAL_PARTIAL: '0' })
  const outcome = await run({ id: 'test', reasons: [] })
  if (!outcome.ok) throw new Error(`${outcome.error}\n${outcome.log}`)
  lastLog = outcome.log ?? ''
  return outcome.summary as ReleaseSummary
}

const live = (env: Record<string, string>) => path.join(fs.realpathSync(env.PORTAL_CURRENT), 'client')

/** Every file of a client folder except compressed copies and the search index (checked by searching), relative. */
function files(dir: string, relative = ''): string[] {
  return fs.readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = path.posix.join(relative, entry.name)
    if (entry.isDirectory()) return child === 'pagefind' ? [] : files(dir, child)
    return /\.(br|gz)$/.test(entry.name) ? [] : [child]
  })
}

/**
 * A release's search answers as the portal's server gives them (search-server.ts diskSource:
 * its own Pagefind runtime over HTTP, base and delta index merged, the catalogue's ranking):
 * each query → every result's URL, in order, over all result pages.
 */
async function answers(clientDir: string, queries: string[]): Promise<Map<string, string[]>> {
  const server = await serveStatic(clientDir)
  try {
    const source = await diskSource(clientDir, `${server.url}/pagefind/`)
    const found = new Map<string, string[]>()
    for (const query of queries) {
      const urls: string[] = []
      for (let page = 1; ; page++) {
        const answer = await runSearch(source, query, {}, page)
        urls.push(...answer.hits.map((hit) => hit.url))
        if (page * SEARCH_LIMIT >= answer.total) break
      }
      found.set(query, urls)
    }
    return found
  } finally {
    await server.close()
  }
}

const catalogOf = (clientDir: string) => JSON.parse(fs.readFileSync(path.join(clientDir, 'pagefind', CATALOG_FILE), 'utf8')) as Catalog

let kept: { news: { id: number; slug: string }; gone: { id: number; slug: string }; deleted: { id: number; slug: string }; honouree: { id: number; slug: string } }

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  worker = releaseWorkerRunner(root, { ...process.env, ...partialEnv, PORTAL_NOW: '2026-11-22', PORTAL_SAVE_MARGIN_MS: '0' })
  await seed(payload)
  editor = await makeUser(payload, 'editor')
  const [campaign] = (await payload.find({ collection: 'campaigns', limit: 1, overrideAccess: true, sort: 'id' })).docs
  // Items without images: a partial publish leaves new image sizes to a full build.
  const honouree = await payload.create({
    collection: 'honourees',
    data: { name: 'Gia đình Zqxtencu', kind: 'learning-family', award: 'title', awardTitle: 'Gia đình học tập tiêu biểu', year: 2024, locality: 'Xã Mẫu, tỉnh Thái Bình', campaign: campaign.id, illustrative: true, _status: 'published' } as never,
    ...asEditor(),
  })
  const gone = await payload.create({
    collection: 'news',
    data: { title: 'Tin Zqxsegox sẽ gỡ', summary: 'Tin sẽ được gỡ khỏi cổng.', publishedAt: '2026-11-01T00:00:00.000Z', _status: 'published' } as never,
    ...asEditor(),
  })
  const deleted = await payload.create({
    collection: 'news',
    data: { title: 'Tin Zqxxoabo sẽ xoá', summary: 'Tin sẽ bị xoá hẳn.', publishedAt: '2026-11-02T00:00:00.000Z', _status: 'published' } as never,
    ...asEditor(),
  })
  kept = { news: { id: 0, slug: '' }, gone: { id: gone.id, slug: gone.slug! }, deleted: { id: deleted.id, slug: deleted.slug! }, honouree: { id: honouree.id, slug: honouree.slug! } }
  fs.mkdirSync(work, { recursive: true })
  // Media changed within 5 s before a full build make the next publish full (clock margin):
  // the seed's images are older than that in a real portal.
  await new Promise((resolve) => setTimeout(resolve, 6000))
  const first = await build(partialEnv, true)
  expect(first.mode).toBe('full')
}, 900_000)

afterAll(async () => {
  worker?.close()
  await cms?.cleanup()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('a partial publish equals a full build', () => {
  test('publishing a news item renders only what shows it', async () => {
    const news = await payload.create({
      collection: 'news',
      data: { title: 'Tin Zqxtinmoi về khuyến học', summary: 'Tin mới xuất bản.', publishedAt: '2026-11-20T00:00:00.000Z', _status: 'published' } as never,
      ...asEditor(),
    })
    kept.news = { id: news.id, slug: news.slug! }
    const summary = await build(partialEnv, true)
    expect(summary.fallback).toBeUndefined()
    expect(summary.mode).toBe('partial')
    // Only the documents saved since the kept content were read: the public counts agree.
    expect(lastLog).toContain('nội dung: ')
    expect(lastLog).not.toContain('so sánh từng mục')
    expect(summary.renderedPages).toBeLessThan(summary.pages / 2)
    expect(fs.readFileSync(path.join(live(partialEnv), 'tin-tuc', news.slug!, 'index.html'), 'utf8')).toContain('Zqxtinmoi')
    // Searchable at once, from the delta index (search-delta.ts): the base one is the full build's.
    const catalog = catalogOf(live(partialEnv))
    expect(catalog.entries.find((entry) => entry.url === `/tin-tuc/${news.slug}/`)?.delta).toBe(true)
    expect((await answers(live(partialEnv), ['zqxtinmoi'])).get('zqxtinmoi')?.[0]).toBe(`/tin-tuc/${news.slug}/`)
  }, 600_000)

  test('unpublishing a news item and renaming an honouree are partial too', async () => {
    // A page taken down: every page indexed again (nothing of it left in the index), no delta.
    await payload.update({ collection: 'news', id: kept.gone.id, data: { _status: 'draft' } as never, ...asEditor() })
    expect((await build(partialEnv, true)).mode).toBe('partial')
    expect(fs.existsSync(path.join(live(partialEnv), 'pagefind', DELTA_DIR))).toBe(false)
    expect(catalogOf(live(partialEnv)).entries.some((entry) => entry.delta)).toBe(false)
    // A deletion leaves no date to find: the public count differs from the kept content's.
    await payload.delete({ collection: 'news', id: kept.deleted.id, ...asEditor() })
    expect((await build(partialEnv, true)).mode).toBe('partial')
    expect(lastLog).toMatch(/news: \d+ mục công khai, \d+ theo các lần lưu: so sánh từng mục/)
    expect(fs.existsSync(path.join(live(partialEnv), 'tin-tuc', kept.deleted.slug, 'index.html'))).toBe(false)
    await payload.update({ collection: 'honourees', id: kept.honouree.id, data: { name: 'Gia đình Zqxtenmoi', _status: 'published' } as never, ...asEditor() })
    const summary = await build(partialEnv, true)
    expect(summary.mode).toBe('partial')
    expect(catalogOf(live(partialEnv)).entries.find((entry) => entry.url === `/dien-hinh/${kept.honouree.slug}/`)?.delta).toBe(true)
    // The base fragments of the pages that showed the old name (their whole old text) are not
    // in the new release: only the words remain in the base index until the next full index.
    const fragmentDir = path.join(live(partialEnv), 'pagefind', 'fragment')
    const fragments = await Promise.all(
      fs.readdirSync(fragmentDir).filter((name) => name.endsWith('.pf_fragment')).map((name) => decodeFragment(fs.readFileSync(path.join(fragmentDir, name)))),
    )
    expect(fragments.length).toBeGreaterThan(10)
    expect(fragments.filter((f) => /zqxtencu/i.test(JSON.stringify(f))).map((f) => f.url)).toEqual([])
  }, 600_000)

  test('an approved task progress update is partial too, and shows on its document page', async () => {
    const plan = (await payload.find({ collection: 'plans', where: { documentNumber: { equals: '38/KH-HĐTĐKT' } }, depth: 0, overrideAccess: true })).docs[0]!
    const task = plan.tasks!.find((t) => t.order === 5)!
    await payload.create({
      collection: 'task-updates',
      data: { plan: plan.id, task: task.id, reportedAt: '2026-11-20T00:00:00.000Z', status: 'completed', percent: 100, note: 'Zqxtiendo đã gửi thông báo', _status: 'published' } as never,
      ...asEditor(),
    })
    const summary = await build(partialEnv, true)
    expect(summary.fallback).toBeUndefined()
    expect(summary.mode).toBe('partial')
    expect(fs.readFileSync(path.join(live(partialEnv), 'van-ban', plan.slug!, 'index.html'), 'utf8')).toContain('Zqxtiendo')
  }, 600_000)

  test('every file equals a full build of the same content, byte for byte', async () => {
    expect((await build(fullEnv, false)).mode).toBe('full')
    const partial = live(partialEnv)
    const full = live(fullEnv)
    const partialFiles = files(partial).sort()
    expect(partialFiles).toEqual(files(full).sort())
    const different = partialFiles.filter((file) => !fs.readFileSync(path.join(partial, file)).equals(fs.readFileSync(path.join(full, file))))
    expect(different).toEqual([])
    // The changes are there (the comparison is not of two stale sites).
    expect(fs.existsSync(path.join(partial, 'tin-tuc', kept.gone.slug, 'index.html'))).toBe(false)
    expect(fs.readFileSync(path.join(partial, 'dien-hinh', kept.honouree.slug, 'index.html'), 'utf8')).toContain('Zqxtenmoi')
    expect(fs.readFileSync(path.join(partial, 'dien-hinh', 'index.html'), 'utf8')).not.toContain('Zqxtencu')
    expect(fs.readFileSync(path.join(partial, 'tin-tuc', 'rss.xml'), 'utf8')).toContain('Zqxtinmoi')
    expect(fs.readFileSync(path.join(partial, 'tin-tuc', 'rss.xml'), 'utf8')).not.toContain('Zqxsegox')
    const urls = sitemapUrls(partial).map((url) => new URL(url).pathname)
    expect(urls).toContain(`/tin-tuc/${kept.news.slug}/`)
    expect(urls).not.toContain(`/tin-tuc/${kept.gone.slug}/`)
    expect(urls).not.toContain(`/tin-tuc/${kept.deleted.slug}/`)
    // Every compressed copy is of its own file, not a stale one.
    for (const file of partialFiles.filter((f) => fs.existsSync(path.join(partial, `${f}.br`)))) {
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(partial, `${file}.br`))).equals(fs.readFileSync(path.join(partial, file))), file).toBe(true)
      expect(zlib.gunzipSync(fs.readFileSync(path.join(partial, `${file}.gz`))).equals(fs.readFileSync(path.join(partial, file))), file).toBe(true)
    }
  }, 900_000)

  test('search answers as the full build does: new words found, old ones gone, the same order where no page changed', async () => {
    const partial = live(partialEnv)
    const full = live(fullEnv)
    // The delta index holds the pages changed since the last full index, accumulated over the
    // rename and the task update; the full build has none.
    const partialCatalog = catalogOf(partial)
    const fullCatalog = catalogOf(full)
    const delta = new Set(partialCatalog.entries.filter((entry) => entry.delta).map((entry) => entry.url))
    expect(delta).toContain(`/dien-hinh/${kept.honouree.slug}/`)
    expect([...delta].some((url) => url.startsWith('/van-ban/'))).toBe(true)
    expect(fs.existsSync(path.join(full, 'pagefind', DELTA_DIR))).toBe(false)
    // The same pages and facts listed once each, and the same words for suggestions.
    const listed = (catalog: Catalog) => catalog.entries.map(({ id: _, delta: __, ...entry }) => entry)
    expect(listed(partialCatalog)).toEqual(listed(fullCatalog))
    expect(new Set(partialCatalog.entries.map((entry) => entry.id)).size).toBe(partialCatalog.entries.length)
    expect(partialCatalog.words).toEqual(fullCatalog.words)

    const queries = ['zqxtinmoi', 'zqxtenmoi', 'zqxtencu', 'zqxsegox', 'zqxtiendo', '38/KH-HĐTĐKT', 'kh 38', 'khuyến học', 'gia đình', 'thi đua', 'khen thưởng', 'biểu dương', 'học tập suốt đời', 'quyết định', 'phong trào']
    const [fromPartial, fromFull] = await Promise.all([answers(partial, queries), answers(full, queries)])
    expect(fromPartial.get('zqxtinmoi')?.[0]).toBe(`/tin-tuc/${kept.news.slug}/`)
    expect(fromPartial.get('zqxtenmoi')).toContain(`/dien-hinh/${kept.honouree.slug}/`)
    expect(fromPartial.get('zqxtiendo')?.[0]).toMatch(/^\/van-ban\//)
    expect(fromPartial.get('38/KH-HĐTĐKT')?.[0]).toMatch(/^\/van-ban\//)
    // The old name is still in the base index, but its page now shows the new one: not found.
    expect(fromPartial.get('zqxtencu')).not.toContain(`/dien-hinh/${kept.honouree.slug}/`)
    expect(fromPartial.get('zqxsegox')).not.toContain(`/tin-tuc/${kept.gone.slug}/`)
    let unchanged = 0
    for (const query of queries) {
      const a = fromPartial.get(query)!
      const b = fromFull.get(query)!
      // Every page the full build finds; besides them only delta pages, which Pagefind can
      // also find by a longer word starting with a query word (it matches such words only in
      // the index chunks a query loads, and the small delta is one chunk: search-delta.ts).
      expect(b.filter((url) => !a.includes(url)), query).toEqual([])
      expect(a.filter((url) => !b.includes(url) && !delta.has(url)), query).toEqual([])
      // The same order when none of them is in the delta (a delta page's text score comes
      // from the delta's statistics and may move it).
      if (![...a, ...b].some((url) => delta.has(url))) {
        unchanged++
        expect(a, query).toEqual(b)
      }
    }
    expect(unchanged).toBeGreaterThanOrEqual(3)
  }, 180_000)

  test('a change to the site settings builds in full', async () => {
    await payload.updateGlobal({ slug: 'site-settings', data: { notice: { enabled: true, text: 'Thông báo Zqxthongbao' } } as never, overrideAccess: true })
    const summary = await build(partialEnv, true)
    expect(summary.mode).toBe('full')
    expect(summary.fallback).toMatch(/cấu hình/)
    // A full build writes the base index only.
    expect(fs.existsSync(path.join(live(partialEnv), 'pagefind', DELTA_DIR))).toBe(false)
  }, 900_000)
})
