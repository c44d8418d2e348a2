/**
 * The search index of a partial publish: a small **delta** index beside the base one.
 *
 * Re-adding every page to Pagefind and writing the whole index again took 12–15 s at 10,000
 * items, most of a partial publish. Instead the base index of the last full index (every file
 * a hard link to the live release's) stays as it is, and Pagefind indexes only the pages whose
 * record differs from it, into `pagefind/delta/` — accumulated across partial publishes (a page
 * changed by an earlier one stays in the delta), a removed page simply absent. The catalogue
 * (search-catalog.ts) lists each page once, from the index holding its current record: the
 * base entries of changed pages are dropped, so their old text is never found (rankCandidates
 * ignores ids the catalogue does not list), and their old fragments (the page's whole text) are
 * not carried into the new release. Browser and server merge both indexes (search.ts
 * `mergeDelta`). A publish that takes a page down (a withdrawn consent, an unpublished item)
 * indexes every page again instead: the base index would still hold the page's words.
 *
 * Pagefind scores a page with its own index's statistics (how many pages hold a word, the
 * average length), so a delta page's text score differs from the one a full index gives it;
 * the ranking uses that score only as a tenth of its points, rounded (search-rank.ts). And
 * Pagefind matches longer words starting with a query word only in the index chunks a query
 * loads: the small delta is one chunk, so a delta page can be found by such a word where a
 * full index would not find it (tests/partial-release.test.ts allows exactly that). The
 * delta is bounded: past `PORTAL_SEARCH_DELTA_MAX` pages (500) or a quarter of the base, the
 * publish indexes every page again and that index is the new base.
 *
 * Words for suggestions are not counted again from every page: the live release's counts
 * (search-words.json) lose the words of each changed or removed page's old record and gain
 * those of its new one — the same counts a full index makes.
 */
import fs from 'node:fs'
import path from 'node:path'

import * as pagefind from 'pagefind'

import { CATALOG_FILE, DELTA_DIR, fragmentFile, type Catalog, type CatalogEntry } from '../lib/search-catalog.ts'
import { replaceFile } from './replace-file.ts'
import { catalogEntries, recordTexts, WORDS_FILE, WordCounts, type IndexedPage } from './search-index.ts'
import type { PageRecord, searchRecordCache } from './search-record-cache.ts'

/** More pages than this in the delta (or a quarter of the base, at least 50): index every page again. */
const MAX_DELTA = Number(process.env.PORTAL_SEARCH_DELTA_MAX ?? 500)

export const deltaLimit = (basePages: number) => Math.min(MAX_DELTA, Math.max(50, Math.ceil(basePages / 4)))

/** Pagefind files the delta needs: merged into the base's runtime, it brings no script or wasm of its own. */
const DELTA_KEEP = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/

/** The page a built file is (`tin-tuc/a/index.html` → `/tin-tuc/a/`), if it is a page. */
export function pageUrl(file: string): string | undefined {
  if (file !== 'index.html' && !file.endsWith('/index.html')) return undefined
  const dir = path.posix.dirname(file)
  return dir === '.' ? '/' : `/${dir}/`
}

export type DeltaResult =
  | { reindex: string }
  | { pages: number; delta: number; words: WordCounts; gone: Set<string>; phases: { records: number; pagefind: number; catalog: number } }


/**
 * Writes the delta index and the catalogue into `clientDir` (a hard-linked copy of the live
 * release in `liveDir`), given the files this publish wrote and removed. `{ reindex }` (with
 * the reason) when it cannot: the caller indexes every page (search-index.ts).
 */
export async function buildDeltaIndex(options: {
  clientDir: string
  liveDir: string
  written: readonly string[]
  removed: readonly string[]
  records: ReturnType<typeof searchRecordCache>
}): Promise<DeltaResult> {
  const { clientDir, liveDir, records } = options
  const started = performance.now()
  const seconds = (from: number) => Math.round((performance.now() - from) / 100) / 10
  const catalogFile = path.join(liveDir, 'client', 'pagefind', CATALOG_FILE)
  if (!fs.existsSync(catalogFile)) return { reindex: 'bản đang chạy chưa có danh mục tìm kiếm' }
  const words = WordCounts.load(path.join(liveDir, WORDS_FILE))
  if (!words) return { reindex: 'bản đang chạy chưa lưu số lần xuất hiện của từ' }
  if (!records.hasPrevious) return { reindex: 'bản đang chạy chưa lưu bản ghi tìm kiếm' }
  // A page taken down (a withdrawn consent, an unpublished item) must leave nothing behind, and
  // the base index would still hold its words: index every page again.
  const takenDown = options.removed.filter((file) => pageUrl(file))
  if (takenDown.length) return { reindex: `${takenDown.length} trang bị gỡ` }
  const live = JSON.parse(fs.readFileSync(catalogFile, 'utf8')) as Catalog

  const gone = new Set(options.removed.map(pageUrl).filter((url) => url !== undefined))
  const delta = new Map<string, NonNullable<PageRecord>>()
  const same = (a: PageRecord | null | undefined, b: PageRecord | null | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
  for (const url of gone) {
    const old = records.previous(url)
    if (old) words.remove(...recordTexts(old))
  }
  const reread = new Map<string, PageRecord>()
  for (const file of options.written) {
    const url = pageUrl(file)
    if (!url) continue
    const record = records.recordOf(url, path.join(clientDir, file))
    reread.set(url, record)
    const old = records.previous(url)
    if (old !== undefined && same(old, record)) continue
    if (old) words.remove(...recordTexts(old))
    if (record) {
      words.add(...recordTexts(record))
      delta.set(url, record)
    } else gone.add(url)
  }
  // Pages an earlier partial publish put in the delta stay there (their base record is old).
  for (const entry of live.entries) {
    if (!entry.delta || gone.has(entry.url) || delta.has(entry.url)) continue
    const record = reread.has(entry.url) ? reread.get(entry.url) : records.previous(entry.url)
    if (!record) return { reindex: `không có bản ghi tìm kiếm của ${entry.url}` }
    delta.set(entry.url, record)
  }
  const basePages = live.entries.filter((entry) => !entry.delta).length
  if (delta.size > deltaLimit(basePages)) return { reindex: `${delta.size} trang đổi so với chỉ mục gốc (giới hạn ${deltaLimit(basePages)})` }
  const recordsTime = seconds(started)

  // The delta index, written afresh (the copy's old delta folder is only links to the live one).
  let from = performance.now()
  const deltaDir = path.join(clientDir, 'pagefind', DELTA_DIR)
  fs.rmSync(deltaDir, { recursive: true, force: true })
  const pages = new Map<string, IndexedPage>()
  if (delta.size) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' })
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`)
    try {
      const failures: string[] = []
      await Promise.all(
        [...delta.values()].map(async ({ facts, ...record }) => {
          pages.set(record.url, { title: record.meta.title, section: record.meta.section, facts })
          const { errors: recordErrors } = await index.addCustomRecord(record)
          if (recordErrors.length) failures.push(`${record.url}: ${recordErrors.join('; ')}`)
        }),
      )
      if (failures.length) throw new Error(`Pagefind: ${failures.slice(0, 5).join(' · ')}`)
      const { errors: writeErrors } = await index.writeFiles({ outputPath: deltaDir })
      if (writeErrors.length) throw new Error(`Pagefind: ${writeErrors.join('; ')}`)
    } finally {
      await pagefind.close()
    }
    for (const name of fs.readdirSync(deltaDir)) if (!DELTA_KEEP.test(name)) fs.rmSync(path.join(deltaDir, name), { recursive: true, force: true })
  }
  const pagefindTime = seconds(from)

  from = performance.now()
  const added: CatalogEntry[] = delta.size ? catalogEntries(deltaDir, pages).map((entry) => ({ ...entry, delta: true })) : []
  if (added.length !== delta.size) throw new Error(`Pagefind: chỉ mục phụ có ${added.length} trang, cần ${delta.size}`)
  const entries = [...live.entries.filter((entry) => !gone.has(entry.url) && !delta.has(entry.url)), ...added].sort((a, b) => a.url.localeCompare(b.url))
  const catalog: Catalog = { entries, words: words.words() }
  replaceFile(path.join(clientDir, 'pagefind', CATALOG_FILE), JSON.stringify(catalog))
  // A superseded base page's fragment (its whole old text, a public file) is not carried into
  // this release: an edited-out detail must not stay downloadable until the next full index.
  const listed = new Set(entries.filter((entry) => !entry.delta).map((entry) => entry.id))
  for (const entry of live.entries) {
    if (entry.delta || listed.has(entry.id)) continue
    for (const suffix of ['', '.br', '.gz']) fs.rmSync(path.join(clientDir, 'pagefind', `${fragmentFile(entry)}${suffix}`), { force: true })
  }
  return { pages: entries.length, delta: delta.size, words, gone, phases: { records: recordsTime, pagefind: pagefindTime, catalog: seconds(from) } }
}
