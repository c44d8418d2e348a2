/**
 * A partial publish: a new release that re-renders only the pages a change touches, with the
 * last full build's own code. The full build keeps its prerender bundle, content data and
 * every path's cache key (site/integrations/keep-prerender.ts, `partial/` in the release);
 * here, in a fresh process:
 *   1. the live release is copied as hard links (nothing is written into a shared file:
 *      every file written is a new file renamed over its link);
 *   2. the content that changed since that build is read from Payload (published documents
 *      whose `updatedAt` differs, new or gone, and every entry that shows one of them
 *      populated) and put into the bundle's data chunk, as the content layer would;
 *   3. the bundle's app lists every path with its cache key (site/lib/cache-keys.ts); paths
 *      whose key changed or that have none (home, lists, sitemap data, RSS) are rendered, paths
 *      gone are removed;
 *   4. the sitemap is written by @astrojs/sitemap from the same inputs as in a full build;
 *   5. search: a delta index of the pages changed since the base index (search-delta.ts), brotli/gzip of changed files, then the
 *      same check and atomic switch as a full build (release.ts).
 * Whatever it cannot handle it refuses with `NotPartial` before anything goes live, and
 * release.ts builds in full: no kept bundle, code or settings changed, media or images
 * involved, a redirect or unknown route kind, too many pages to render, any error.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import xxhash from 'xxhash-wasm'

import { removeInBackground } from './background-remove.ts'
import { codeFingerprint } from './code-fingerprint.ts'
import { dataChunkName, type Entry, keepStore, storeDataFile, takeStore, writeStore } from './content-store.ts'
import { PARTIAL_DIR, PARTIAL_STATE, type KeptPath, type KeptState } from '../integrations/keep-prerender.ts'
import { relationId } from '../../cms/lib/relations.ts'
import { findPublishedVersionNotes } from '../lib/cms.ts'
import { documentHistories, historyCollections, historyId } from '../lib/history-entries.ts'
import { LASTMOD_FILE } from '../lib/sitemap.ts'
import { sitemapIndexPath, sitemapPath } from '../lib/routes.ts'
import { COMPRESSIBLE, compressFile } from './compress.ts'
import { linkUnchanged } from './link-unchanged.ts'
import { installStaticImages } from './partial-images.ts'
import { replaceFile } from './replace-file.ts'
import { searchRecordCache } from './search-record-cache.ts'
import { buildDeltaIndex } from './search-delta.ts'
import { buildSearchIndex, WORDS_FILE } from './search-index.ts'
import { CATALOG_FILE, DELTA_DIR } from '../lib/search-catalog.ts'

/** A change this path does not handle: release.ts falls back to a full build. */
export class NotPartial extends Error {}

/** Content collections of the portal and the Payload collection each is loaded from (site/content.config.ts). */
const SOURCES: Record<string, string> = {
  plans: 'plans',
  campaigns: 'campaigns',
  honourees: 'honourees',
  news: 'news',
  pages: 'pages',
  indicators: 'indicators',
  indicatorReports: 'indicator-reports',
  taskUpdates: 'task-updates',
  organizations: 'organizations',
  topics: 'topics',
}
/** The entry id a loader gives a document (site/lib/loaders.ts: the slug, or the id for reports). */
const ENTRIES_BY_ID = new Set(['indicatorReports', 'taskUpdates'])
const entryIdOf = (collection: string, doc: { id: number | string; slug?: string | null }) =>
  ENTRIES_BY_ID.has(collection) ? String(doc.id) : doc.slug || String(doc.id)
/** Collections refreshed otherwise: settings and media are checked (a change means full), history is recomputed. */
const OTHER_COLLECTIONS = new Set(['settings', 'media', 'history'])

/** Clocks of the CMS machines may differ by this much (the build lease needs them synchronised too). */
const CLOCK_MARGIN_MS = 5000
/**
 * A document's save is dated when its transaction writes it and seen when it commits: saves
 * dated this long before the kept content was read are read again (MongoDB ends a transaction
 * after 60 s; SQLite's write queue gives up after as long). Their digest tells whether they changed.
 * Tests set 0, so that the documents they do not touch are not read again.
 */
const SAVE_MARGIN_MS = Number(process.env.PORTAL_SAVE_MARGIN_MS ?? 60_000)

/** More paths than this to render: a full build is as quick and simpler. */
const MAX_RENDERED = Number(process.env.PORTAL_PARTIAL_MAX_PAGES ?? 1500)

export type PartialResult = {
  rendered: string[]
  written: string[]
  removed: string[]
  /** Content collections with a changed or removed entry. */
  changedCollections: string[]
  pages: number
  changedEntries: number
  phases: { content: number; render: number; index: number; compress: number }
}


/** Any object below the top level whose id is one of `ids` (a populated relation). */
function refersTo(value: unknown, ids: ReadonlySet<string>, top = true): boolean {
  if (Array.isArray(value)) return value.some((item) => refersTo(item, ids, false))
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (!top && (typeof record.id === 'number' || typeof record.id === 'string') && ids.has(String(record.id))) return true
    return Object.values(record).some((item) => refersTo(item, ids, false))
  }
  return false
}

/** The hard-linked copy of a live release made ahead of the next publish (prepareNext). */
const preparedCopy = (releasesDir: string, liveDir: string) => path.join(releasesDir, `.prepared-${path.basename(liveDir)}`)

/** The copy prepareNext is making: a publish that starts meanwhile waits for it, not for a copy of its own. */
let preparing: { target: string; done: Promise<void> } | undefined

const copyLinks = (from: string, to: string) =>
  new Promise<number | null>((resolve) => spawn('cp', ['-al', from, to], { stdio: 'ignore' }).on('exit', resolve).on('error', () => resolve(1)))

/**
 * Copies the live release as hard links for the next partial publish, while nothing is being
 * published (release-worker.ts): about two seconds of a publish at 10,000 items otherwise.
 * Copies made for an older release are removed (in the background).
 */
export function prepareNext(releasesDir: string, liveDir: string): Promise<void> {
  const target = preparedCopy(releasesDir, liveDir)
  const done = (async () => {
    const stale = fs.readdirSync(releasesDir).filter((name) => name.startsWith('.prepared-') && !name.endsWith(`.tmp-${process.pid}`) && path.join(releasesDir, name) !== target)
    void removeInBackground(releasesDir, stale.map((name) => path.join(releasesDir, name)))
    if (fs.existsSync(target) || !fs.existsSync(path.join(liveDir, PARTIAL_DIR, PARTIAL_STATE))) return
    const temporary = `${target}.tmp-${process.pid}`
    fs.rmSync(temporary, { recursive: true, force: true })
    if ((await copyLinks(liveDir, temporary)) === 0) fs.renameSync(temporary, target)
    else fs.rmSync(temporary, { recursive: true, force: true })
  })()
  preparing = { target, done }
  return done
}

/** The live release as hard links in `staging`: the copy made ahead (waited for if still under way), or one made now. */
async function copyLive(liveDir: string, staging: string): Promise<void> {
  const prepared = preparedCopy(path.dirname(staging), liveDir)
  if (preparing?.target === prepared) await preparing.done.catch(() => undefined)
  if (fs.existsSync(prepared)) return fs.renameSync(prepared, staging)
  if ((await copyLinks(liveDir, staging)) !== 0) throw new NotPartial('không sao chép được bản đang chạy')
}

/** Payload as this process opened it from a kept bundle (the worker's code is the live release's: see the fingerprint check). */
let openedPayload: Awaited<ReturnType<typeof import('payload').getPayload>> | undefined

/** Where Astro writes a path (build.format "directory"). */
function outFileOf(p: { pathname: string }, type: string): string {
  if (type === 'endpoint') return p.pathname.replace(/^\//, '')
  if (p.pathname === '/404') return '404.html'
  if (p.pathname === '/500') return '500.html'
  return path.posix.join(p.pathname.replace(/^\//, ''), 'index.html')
}

export async function partialRelease(liveDir: string, staging: string, log: (line: string) => void = () => {}): Promise<PartialResult> {
  let copying: Promise<void> = Promise.resolve()
  try {
    return await partialReleaseWith(liveDir, staging, log, (copy) => (copying = copy))
  } catch (error) {
    // The caller deletes `staging`: not while the copy is still writing into it.
    await copying.catch(() => undefined)
    throw error
  }
}

async function partialReleaseWith(liveDir: string, staging: string, log: (line: string) => void, copyStarted: (copy: Promise<void>) => void): Promise<PartialResult> {
  const stateFile = path.join(liveDir, PARTIAL_DIR, PARTIAL_STATE)
  if (!fs.existsSync(stateFile)) throw new NotPartial('bản đang chạy chưa giữ gói dựng')
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as KeptState
  if (state.code !== codeFingerprint()) throw new NotPartial('mã nguồn đã đổi')
  if (state.site.base !== '/' || state.site.assetsPrefix || !state.site.imageService) throw new NotPartial('cấu hình base/assetsPrefix không hỗ trợ')
  if (state.scripts.some((script) => (script as { stage?: string }).stage === 'page')) throw new NotPartial('có script cấp trang')
  const phases = { content: 0, render: 0, index: 0, compress: 0 }
  const since = (from: number) => Math.round((performance.now() - from) / 100) / 10
  let from = performance.now()
  const t0 = performance.now()
  const step = (what: string) => log(`${what}: ${((performance.now() - t0) / 1000).toFixed(2)} s`)

  // 1. The live release as hard links: made ahead by the worker while idle, or now — while
  // Payload is asked what changed (below); written into only once that is known.
  fs.rmSync(staging, { recursive: true, force: true })
  const copied = copyLive(liveDir, staging)
  copyStarted(copied)
  // Awaited below; a failure before then is not an unhandled rejection.
  copied.catch(() => undefined)
  const bundle = path.join(staging, PARTIAL_DIR, 'prerender')
  const liveBundle = path.join(liveDir, PARTIAL_DIR, 'prerender')
  const client = path.join(staging, 'client')

  // 2. What changed, read as the loaders read it.
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  if (!openedPayload) {
    const configChunk = fs.readdirSync(path.join(liveBundle, 'chunks')).find((file) => file.startsWith('payload.config'))
    if (!configChunk) throw new NotPartial('không thấy cấu hình CMS trong gói dựng')
    const { default: config } = (await import(pathToFileURL(path.join(liveBundle, 'chunks', configChunk)).href)) as { default: unknown }
    const { getPayload } = await import('payload')
    openedPayload = await getPayload({ config: config as never, cron: false })
  }
  const payload = openedPayload
  step('khởi động Payload')
  const chunk = dataChunkName(liveBundle)
  if (!chunk) throw new NotPartial('không thấy dữ liệu nội dung trong gói dựng')
  const { store, json } = await takeStore(path.join(liveBundle, 'chunks', chunk))
  step('nạp nội dung đang chạy')
  const { h64ToString } = await xxhash()
  const digestOf = (data: unknown) => h64ToString(JSON.stringify(data))

  const readAt = new Date().toISOString()
  // Images and files are loaded apart (site/lib/media.ts) and made into sizes by a full build:
  // any media document changed since the kept content was read (5 s for clocks: CMS machines
  // keep theirs synchronised, as the build lease needs) means full.
  if (!state.builtAt) throw new NotPartial('không rõ thời điểm của bản dựng')
  const media = await payload.find({ collection: 'media', where: { updatedAt: { greater_than_equal: new Date(Date.parse(state.builtAt) - CLOCK_MARGIN_MS).toISOString() } }, depth: 0, limit: 1, overrideAccess: true, select: { id: true } as never })
  if (media.totalDocs > 0) throw new NotPartial('ảnh hoặc tệp đính kèm đã đổi')
  // A deleted one leaves no date behind: every image the kept content shows must still be there.
  const shown = [...(store.get('media')?.keys() ?? [])]
  if (shown.length && (await payload.count({ collection: 'media', where: { id: { in: shown } }, overrideAccess: true })).totalDocs !== shown.length) {
    throw new NotPartial('ảnh hoặc tệp đính kèm đã bị xoá')
  }
  // Settings are on every page: a change there is a full build.
  const settings = JSON.parse(JSON.stringify(await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: false }), (key, value) => (key === 'id' ? undefined : value)))
  if (digestOf(settings) !== store.get('settings')?.get('site')?.digest) throw new NotPartial('cấu hình cổng thông tin đã đổi')

  // A content collection this module does not know how to refresh (one added to
  // site/content.config.ts later) would go stale: build in full until it is added here.
  // (Astro's own entries, such as its loaders' metadata `meta::meta`, are not content.)
  const unknown = [...store.keys()].filter((name) => !name.includes('::') && !(name in SOURCES) && !OTHER_COLLECTIONS.has(name))
  if (unknown.length) throw new NotPartial(`bộ nội dung chưa hỗ trợ dựng một phần: ${unknown.join(', ')}`)

  const find = (slug: string, ids?: (number | string)[], options: Record<string, unknown> = {}) =>
    payload.find({
      collection: slug as never,
      depth: ids ? 1 : 0,
      draft: false,
      joins: false as never,
      overrideAccess: false,
      pagination: false,
      sort: 'id',
      ...(ids ? { where: { id: { in: ids } } } : { select: { updatedAt: true } as never }),
      ...options,
    })
  /** Per collection: Payload id → entry now in the store. */
  const byDocId = new Map<string, Map<string, Entry>>()
  const toFetch = new Map<string, Set<string>>()
  const removedDocs = new Map<string, Set<string>>()
  const savedSince = new Date(Date.parse(state.builtAt) - CLOCK_MARGIN_MS - SAVE_MARGIN_MS).toISOString()
  const addTo = (map: Map<string, Set<string>>, collection: string, id: string) => map.set(collection, (map.get(collection) ?? new Set()).add(id))
  // Documents saved since the kept content was read (published or not: an unpublished one goes).
  // Nothing else can have changed unless something came or went without a save (a deletion):
  // then the public count differs from the store's, and every document's date is compared.
  for (const [collection, slug] of Object.entries(SOURCES)) {
    const entries = store.get(collection) ?? new Map<string, Entry>()
    const known = new Map([...entries.values()].map((entry) => [String(entry.data.id), entry]))
    byDocId.set(collection, known)
    const saved = await payload.find({ collection: slug as never, where: { updatedAt: { greater_than_equal: savedSince } }, depth: 0, overrideAccess: true, pagination: false, select: { updatedAt: true } as never })
    const savedIds = (saved.docs as { id: number | string; updatedAt?: string }[]).map((doc) => {
      // Saved as the kept content already has it (read again within the margin): unchanged.
      if (known.get(String(doc.id))?.data.updatedAt !== doc.updatedAt) addTo(toFetch, collection, String(doc.id))
      return String(doc.id)
    })
    const publicSaved = savedIds.length ? (await find(slug, savedIds, { select: { updatedAt: true } as never, depth: 0 })).docs.length : 0
    const savedSet = new Set(savedIds)
    const expected = [...known.keys()].filter((id) => !savedSet.has(id)).length + publicSaved
    const { totalDocs } = await payload.count({ collection: slug as never, overrideAccess: false })
    if (totalDocs === expected) continue
    log(`${collection}: ${totalDocs} mục công khai, ${expected} theo các lần lưu: so sánh từng mục`)
    const now = (await find(slug)).docs as { id: number | string; updatedAt?: string }[]
    const seen = new Set<string>()
    for (const doc of now) {
      seen.add(String(doc.id))
      if (known.get(String(doc.id))?.data.updatedAt !== doc.updatedAt) addTo(toFetch, collection, String(doc.id))
    }
    for (const id of known.keys()) if (!seen.has(id)) addTo(removedDocs, collection, id)
  }
  step('so sánh nội dung')
  // Entries showing a changed or removed document populated are read again too.
  const touched = new Set([...toFetch.values(), ...removedDocs.values()].flatMap((ids) => [...ids]))
  if (touched.size) {
    for (const [collection, known] of byDocId) {
      for (const [id, entry] of known) {
        if (toFetch.get(collection)?.has(id) || removedDocs.get(collection)?.has(id)) continue
        if (refersTo(entry.data, touched)) toFetch.set(collection, (toFetch.get(collection) ?? new Set()).add(id))
      }
    }
  }
  let changedEntries = 0
  const mediaInvolved = (data: unknown) => /"filename"|"media"/.test(JSON.stringify(data ?? null))
  for (const [collection, ids] of removedDocs) {
    const entries = store.get(collection)!
    for (const id of ids) {
      const entry = byDocId.get(collection)!.get(id)!
      if (mediaInvolved(entry.data)) throw new NotPartial('nội dung gỡ có ảnh')
      entries.delete(entry.id)
      changedEntries++
    }
  }
  for (const [collection, ids] of toFetch) {
    const entries = store.get(collection) ?? new Map<string, Entry>()
    store.set(collection, entries)
    const docs = (await find(SOURCES[collection], [...ids])).docs as { id: number | string; slug?: string | null }[]
    const returned = new Set(docs.map((doc) => String(doc.id)))
    for (const id of ids) {
      const old = byDocId.get(collection)!.get(id)
      if (!returned.has(id) && old) {
        if (mediaInvolved(old.data)) throw new NotPartial('nội dung gỡ có ảnh')
        entries.delete(old.id)
        changedEntries++
      }
    }
    for (const doc of docs) {
      const data = JSON.parse(JSON.stringify(doc)) as Entry['data']
      const digest = digestOf(data)
      const old = byDocId.get(collection)!.get(String(doc.id))
      if (old?.digest === digest) continue
      if (mediaInvolved(data) || mediaInvolved(old?.data)) throw new NotPartial('nội dung có ảnh')
      const id = entryIdOf(collection, doc)
      if (old && old.id !== id) entries.delete(old.id)
      if (!old && entries.has(id)) throw new NotPartial('trùng mã mục nội dung')
      entries.set(id, { id, data, digest })
      changedEntries++
    }
  }
  step('đọc lại mục đổi')
  // "Lịch sử cập nhật": the published versions of every document with a version saved since the
  // kept content was read (a publication, or a draft whose save pruned old versions) or
  // changed or gone, read again as historyLoader reads them.
  const histories = store.get('history') ?? new Map<string, Entry>()
  store.set('history', histories)
  for (const collection of historyCollections) {
    const versions = await payload.findVersions({ collection, where: { updatedAt: { greater_than_equal: savedSince } }, depth: 0, overrideAccess: true, pagination: false, select: { parent: true } as never })
    const parents = new Set([
      ...versions.docs.map((v) => String(relationId((v as { parent?: unknown }).parent))),
      ...(toFetch.get(collection) ?? []),
      ...(removedDocs.get(collection) ?? []),
    ])
    if (!parents.size) continue
    const current = new Set<string>()
    for (const history of documentHistories(collection, await findPublishedVersionNotes(collection, payload, [...parents]))) {
      const id = historyId(collection, history.parent)
      current.add(id)
      const data = JSON.parse(JSON.stringify(history)) as Entry['data']
      const digest = digestOf(data)
      if (histories.get(id)?.digest === digest) continue
      histories.set(id, { id, data, digest })
      changedEntries++
    }
    for (const parent of parents) {
      const id = historyId(collection, parent)
      if (current.has(id) || !histories.has(id)) continue
      histories.delete(id)
      changedEntries++
    }
  }
  step('lịch sử cập nhật')
  await copied
  step('sao chép liên kết')
  // The new data, in the prerender bundle and the server bundle (on-demand routes read it too).
  const serverChunks = path.join(staging, 'server', 'chunks')
  if (!fs.existsSync(path.join(serverChunks, chunk))) throw new NotPartial('gói máy chủ không có dữ liệu nội dung cùng tên')
  // Written once; the server bundle's files are second links to the same bytes.
  const writtenChunk = path.join(bundle, 'chunks', chunk)
  const storeFiles = writeStore(writtenChunk, store, json)
  for (const file of storeFiles) {
    const temporary = path.join(serverChunks, `${path.basename(file)}.partial-${process.pid}`)
    fs.linkSync(file, temporary)
    fs.renameSync(temporary, path.join(serverChunks, path.basename(file)))
  }
  if (!json) fs.rmSync(path.join(serverChunks, path.basename(storeDataFile(writtenChunk))), { force: true })
  keepStore(writtenChunk, store, json)
  step('ghi dữ liệu nội dung')
  phases.content = since(from)
  log(`nội dung: ${changedEntries} mục đổi`)

  // 3. Paths and their keys, from the bundle with the new data.
  from = performance.now()
  const { app } = (await import(pathToFileURL(path.join(bundle, state.entry)).href)) as { app: BundleApp }
  app.setInternals({ pagesByKeys: new Map(Object.entries(state.styles).map(([key, styles]) => [key, { styles }])), entrySpecifierToBundleMap: new Map() })
  app.setOptions({ settings: { scripts: state.scripts }, logger: { options: { destination: { write: () => true } } } })
  await installStaticImages({ service: state.site.imageService, assets: state.site.assets })
  const { StaticPaths } = (await import('astro/runtime/prerender/static-paths.js')) as unknown as { StaticPaths: new (app: unknown) => { getAll(): Promise<LivePath[]> } }
  step('nạp gói dựng')
  const paths = await new StaticPaths(app).getAll()
  step('liệt kê đường dẫn')
  const before = new Map(state.paths.map((p) => [p.pathname, p]))
  const typeOf = new Map(paths.map((p) => [p.route.component, p.route.type]))
  for (const p of state.paths) {
    // Where a full build wrote each page: checked, not assumed.
    const type = typeOf.get(p.component)
    if (p.pathname === `/${LASTMOD_FILE}`) continue
    if (!type || !fs.existsSync(path.join(client, outFileOf(p, type)))) throw new NotPartial(`không thấy tệp của ${p.pathname}`)
  }
  const seen = new Set<string>()
  const render = paths.filter((p) => {
    if (seen.has(p.pathname)) return false
    seen.add(p.pathname)
    const old = before.get(p.pathname)
    return p.cacheKey === undefined || !old || old.cacheKey !== p.cacheKey || old.component !== p.route.component
  })
  if (paths.some((p) => p.route.type !== 'page' && p.route.type !== 'endpoint')) throw new NotPartial('có trang chuyển hướng')
  if (render.length > MAX_RENDERED) throw new NotPartial(`${render.length} trang phải dựng lại`)
  const removed = state.paths.filter((p) => !seen.has(p.pathname))
  for (const p of removed) {
    const file = path.join(client, outFileOf(p, typeOf.get(p.component)!))
    for (const suffix of ['', '.br', '.gz']) fs.rmSync(file + suffix, { force: true })
    // A full build leaves no empty folder behind either.
    if (path.basename(file) === 'index.html' && fs.readdirSync(path.dirname(file)).length === 0) fs.rmdirSync(path.dirname(file))
  }
  const { createRequest } = (await import(pathToFileURL(path.resolve(import.meta.dirname, '../../node_modules/astro/dist/core/request.js')).href)) as {
    createRequest: (options: Record<string, unknown>) => Request
  }
  const origin = new URL(state.site.site ?? 'http://localhost:4321').origin
  const written: string[] = []
  const renderTimes: [string, number][] = []
  for (const p of render) {
    const renderStarted = performance.now()
    const url = p.route.type === 'endpoint' || p.pathname === '/' ? new URL(p.pathname, origin) : new URL(`${p.pathname.replace(/\/$/, '')}/`, origin)
    const request = createRequest({ url, headers: new Headers(), logger: app.logger, isPrerendered: true, routePattern: p.route.component })
    const response = await app.render(request, { routeData: p.route })
    if (response.status >= 300 && response.status < 400) throw new NotPartial(`${p.pathname} chuyển hướng`)
    const body = Buffer.from(await response.arrayBuffer())
    renderTimes.push([p.pathname, performance.now() - renderStarted])
    const relative = outFileOf(p, p.route.type)
    const file = path.join(client, relative)
    const old = fs.existsSync(file) ? fs.readFileSync(file) : undefined
    if (old?.equals(body)) continue
    // Images a page shows are made by a full build (astro:assets); a new one here means full.
    if (/\.html$/.test(relative)) {
      for (const [, asset] of body.toString('utf8').matchAll(/["' ,](\/_astro\/[^"' ,?#]+)/g)) {
        if (!fs.existsSync(path.join(client, asset))) throw new NotPartial(`${p.pathname} cần tệp ${asset} chưa có`)
      }
    }
    replaceFile(file, body)
    for (const suffix of ['.br', '.gz']) fs.rmSync(file + suffix, { force: true })
    written.push(relative)
  }

  step(`dựng trang (lâu nhất: ${renderTimes.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([p, ms]) => `${p} ${Math.round(ms)} ms`).join(', ')})`)
  phases.render = since(from)
  log(`dựng lại ${render.length} trang, ${written.length} tệp đổi, ${removed.length} trang gỡ`)

  // 4 + 5. The sitemap (by @astrojs/sitemap itself, from every page name as a full build lists
  // them) and the pages' compressed copies while Pagefind indexes in its own process, with the
  // unchanged pages' records.
  from = performance.now()
  const pages = written.filter((file) => file !== LASTMOD_FILE)
  const changed = new Set(pages)
  const unchanged = { has: (file: string) => !changed.has(file) } as ReadonlySet<string>
  const records = searchRecordCache(client, liveDir, unchanged)
  const compressOne = (file: string) => compressFile(file, { largeQuality: 5 })
  // Search: a delta index of the pages changed since the base one (search-delta.ts), or, when
  // the delta would be too big, every page indexed again as a new base.
  const removedFiles = removed.map((p) => outFileOf(p, typeOf.get(p.component)!))
  const indexSearch = async () => {
    const delta = await buildDeltaIndex({ clientDir: client, liveDir, written: pages, removed: removedFiles, records })
    if (!('reindex' in delta)) {
      records.keepUnread(delta.gone)
      return { phases: delta.phases, words: delta.words, delta: delta.delta }
    }
    log(`chỉ mục tìm kiếm lập lại toàn bộ: ${delta.reindex}`)
    const full = await buildSearchIndex(client, records.recordOf)
    return { phases: full.phases, words: full.words, delta: undefined }
  }
  const parallel: Record<string, number> = {}
  const timed = async <T>(name: string, work: Promise<T>) => {
    const started = performance.now()
    const result = await work
    parallel[name] = Math.round(performance.now() - started) / 1000
    return result
  }
  const [sitemapFiles, search] = await Promise.all([
    timed('sitemap', writeSitemap(staging, paths, state)),
    timed('search', indexSearch()),
    timed('compress', Promise.all(pages.filter((file) => COMPRESSIBLE.test(file)).map((file) => compressOne(path.join(client, file))))),
  ])
  step(`song song ${JSON.stringify(parallel)}`)
  step(`chỉ mục tìm kiếm ${search.delta === undefined ? 'toàn bộ' : `phụ ${search.delta} trang`} ${JSON.stringify(search.phases)}`)
  fs.rmSync(path.join(staging, 'search-records.json'), { force: true })
  records.save(staging)
  search.words.save(path.join(staging, WORDS_FILE))
  written.splice(0, written.length, ...pages, ...sitemapFiles)
  phases.index = since(from)
  from = performance.now()
  // Index files identical to the live ones (Pagefind's runtime, unchanged fragments) share
  // them, with their compressed copies; only the others are compressed. With a delta index the
  // base is the live one's links already: only the delta and the catalogue are new.
  const pagefind = search.delta === undefined ? path.join(client, 'pagefind') : path.join(client, 'pagefind', DELTA_DIR)
  const { linked } = fs.existsSync(pagefind) ? linkUnchanged(pagefind, path.join(liveDir, 'client', path.relative(client, pagefind))) : { linked: new Set<string>() }
  const toCompress = [
    ...sitemapFiles.map((file) => path.join(client, file)),
    ...(search.delta === undefined ? [] : [path.join(client, 'pagefind', CATALOG_FILE)]),
    ...(fs.existsSync(pagefind) ? fs.readdirSync(pagefind, { recursive: true, encoding: 'utf8' }) : [])
      .filter((file) => !linked.has(file.split(path.sep).join('/')) && !/\.(br|gz)$/.test(file))
      .map((file) => path.join(pagefind, file)),
  ]
  await Promise.all(toCompress.filter((file) => COMPRESSIBLE.test(file) && fs.statSync(file).isFile()).map(compressOne))
  phases.compress = since(from)

  // The next partial publish starts from this release.
  // Each path once (its first listing), by a set: a search per path was quadratic (0.3–1 s at 15,000 paths).
  const listed = new Set<string>()
  const next: KeptState = { ...state, builtAt: readAt, paths: paths.filter((p) => !listed.has(p.pathname) && listed.add(p.pathname)).map((p) => ({ pathname: p.pathname, route: p.route.route, component: p.route.component, cacheKey: p.cacheKey })) }
  replaceFile(path.join(staging, PARTIAL_DIR, PARTIAL_STATE), JSON.stringify(next))
  // Payload stays open: a long-lived worker (release-worker.ts) reuses it; release.ts exits.
  const changedCollections = [...new Set([...toFetch.keys(), ...removedDocs.keys()])]
  return { rendered: render.map((p) => p.pathname), written, removed: removed.map((p) => p.pathname), changedCollections, pages: seen.size, changedEntries, phases }
}

type RouteData = { route: string; component: string; type: string; pathname?: string }
type LivePath = { pathname: string; route: RouteData; cacheKey?: string }
type BundleApp = {
  logger: unknown
  setInternals(internals: unknown): void
  setOptions(options: unknown): void
  render(request: Request, options: { routeData: RouteData }): Promise<Response>
}

/**
 * sitemap-index.xml and sitemap-0.xml as @astrojs/sitemap writes them after a full build (the
 * integration from astro.config.mjs, given the page names Astro would give it), then
 * /sitemap.xml as a copy of the index and the lastmod data removed (site/integrations/routes.ts).
 */
async function writeSitemap(staging: string, paths: LivePath[], state: KeptState): Promise<string[]> {
  const client = path.join(staging, 'client')
  process.env.ASTRO_OUT_DIR = staging
  // Evaluated afresh for each publish: the sitemap's serialize keeps the lastmod data it read.
  const { default: config } = (await import(`${pathToFileURL(path.resolve(import.meta.dirname, '../../astro.config.mjs')).href}?release=${encodeURIComponent(staging)}`)) as {
    default: { integrations: { name: string; hooks: Record<string, (params: Record<string, unknown>) => Promise<void> | void> }[] }
  }
  const sitemap = config.integrations.find((integration) => integration.name === '@astrojs/sitemap')
  if (!sitemap) throw new NotPartial('không thấy @astrojs/sitemap')
  const scratch = fs.mkdtempSync(path.join(staging, '.sitemap-'))
  const logger = { info() {}, warn() {}, error(message: string) { throw new Error(message) } }
  const seen = new Set<string>()
  const pages = paths
    .filter((p) => p.route.type === 'page' && !seen.has(p.pathname) && seen.add(p.pathname))
    .map((p) => ({ pathname: p.pathname.replace(/\/?$/, '/').replace(/^\//, '') }))
  await sitemap.hooks['astro:routes:resolved']({ routes: state.staticPageRoutes.map((pathname) => ({ type: 'page', pathname, generate: () => pathname, fallbackRoutes: [] })) })
  await sitemap.hooks['astro:config:done']({
    config: { site: state.site.site, base: state.site.base, trailingSlash: state.site.trailingSlash, build: { format: state.site.format } },
  })
  await sitemap.hooks['astro:build:done']({ dir: pathToFileURL(`${scratch}/`), pages, logger })
  const written: string[] = []
  // Unchanged bytes keep their link (and compressed copies) to the live release.
  const put = (name: string, bytes: Buffer) => {
    const file = path.join(client, name)
    if (fs.existsSync(file) && fs.readFileSync(file).equals(bytes)) return
    replaceFile(file, bytes)
    for (const suffix of ['.br', '.gz']) fs.rmSync(file + suffix, { force: true })
    written.push(name)
  }
  for (const name of fs.readdirSync(scratch)) put(name, fs.readFileSync(path.join(scratch, name)))
  fs.rmSync(scratch, { recursive: true, force: true })
  put(sitemapPath().replace(/^\//, ''), fs.readFileSync(path.join(client, sitemapIndexPath())))
  fs.rmSync(path.join(client, LASTMOD_FILE), { force: true })
  return written
}
