/**
 * After `astro build`: index the built pages with Pagefind into dist/client/pagefind.
 * Usage: node site/scripts/search-index.ts [clientDir]
 */
import fs from 'node:fs'
import path from 'node:path'

import * as pagefind from 'pagefind'

import zlib from 'node:zlib'

import { foldVietnamese } from '../../cms/lib/vietnamese.ts'
import { CATALOG_FILE, type Catalog, type CatalogEntry } from '../lib/search-catalog.ts'
import type { SearchFacts } from '../lib/search-facts.ts'
import { recordFromHtml } from '../lib/search-records.ts'
import { restoreDStroke } from '../lib/search-text.ts'

/**
 * The search catalogue (search-catalog.ts): each page's fragment id, read back from the
 * fragments Pagefind wrote, with the title, section and facts the records carried.
 */
export type IndexedPage = { title: string; section: string; facts: SearchFacts }

/**
 * The portal's words for suggestions, counted as pages are indexed: folded word → its
 * written forms and how often each occurs. Counting as we go keeps no page's text in memory
 * (100,000 pages' texts were most of the index step's memory).
 */
export class WordCounts {
  readonly counts = new Map<string, Map<string, number>>()
  add(...texts: string[]) {
    this.count(texts, 1)
  }
  /** Takes back what `add` counted for these texts (a page changed or removed since: search-delta.ts). */
  remove(...texts: string[]) {
    this.count(texts, -1)
  }
  private count(texts: string[], by: 1 | -1) {
    for (const text of texts) {
      for (const word of text.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
        // Words, not numbers or codes: suggestions replace a mistyped word with one of these.
        if (!word || /\d/.test(word) || word.length > 12) continue
        const folded = foldVietnamese(word).toLowerCase()
        const forms = this.counts.get(folded) ?? new Map<string, number>()
        const n = (forms.get(word.toLowerCase()) ?? 0) + by
        if (n > 0) forms.set(word.toLowerCase(), n)
        else forms.delete(word.toLowerCase())
        if (forms.size) this.counts.set(folded, forms)
        else this.counts.delete(folded)
      }
    }
  }
  /** Every count, for the next partial publish (search-delta.ts adjusts them instead of counting every page again). */
  save(file: string) {
    // A new file, never written into a hard link shared with the live release.
    fs.rmSync(file, { force: true })
    fs.writeFileSync(file, JSON.stringify(Object.fromEntries([...this.counts].map(([folded, forms]) => [folded, Object.fromEntries(forms)]))))
  }
  static load(file: string): WordCounts | undefined {
    if (!fs.existsSync(file)) return undefined
    const words = new WordCounts()
    try {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, number>>
      for (const [folded, forms] of Object.entries(stored)) words.counts.set(folded, new Map(Object.entries(forms)))
    } catch {
      return undefined
    }
    return words
  }
  /** Each folded word → its commonest written form (ties: alphabetical, for stable builds) and its count. */
  words(): Catalog['words'] {
    const words: Catalog['words'] = {}
    for (const [folded, forms] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      const [written] = [...forms].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]
      words[folded] = [written, [...forms.values()].reduce((n, c) => n + c, 0)]
    }
    return words
  }
}

/** Where the release keeps every word count (beside client/, not public). */
export const WORDS_FILE = 'search-words.json'

/** The texts of a record its words are counted from. */
export const recordTexts = (record: NonNullable<ReturnType<typeof recordFromHtml>>): string[] => [
  record.meta.title,
  ...(record.facts.names ?? []),
  restoreDStroke(record.content, record.meta.d, record.meta.D),
]

/** Each page's catalogue entry, its fragment id read back from the fragments Pagefind wrote into `outputPath`. */
export function catalogEntries(outputPath: string, pages: Map<string, IndexedPage>): CatalogEntry[] {
  const entries: CatalogEntry[] = []
  const fragmentDir = path.join(outputPath, 'fragment')
  for (const file of fs.readdirSync(fragmentDir).sort()) {
    const json = zlib.gunzipSync(fs.readFileSync(path.join(fragmentDir, file))).toString('utf8').replace(/^pagefind_dcd/, '')
    const { url } = JSON.parse(json) as { url: string }
    const page = pages.get(url)
    if (!page) continue
    entries.push({ id: file.replace(/\.pf_fragment$/, ''), url, title: page.title, section: page.section, facts: page.facts })
  }
  return entries
}

export function writeCatalog(outputPath: string, pages: Map<string, IndexedPage>, words: WordCounts) {
  const entries = catalogEntries(outputPath, pages)
  entries.sort((a, b) => a.url.localeCompare(b.url))
  const catalog: Catalog = { entries, words: words.words() }
  fs.writeFileSync(path.join(outputPath, CATALOG_FILE), JSON.stringify(catalog))
  return catalog
}

/** Reads one built page into its record (site/scripts/search-record-cache.ts reuses unchanged pages' records). */
export type RecordReader = (url: string, file: string) => ReturnType<typeof recordFromHtml>

export async function buildSearchIndex(clientDir: string, recordOf: RecordReader = (url, file) => recordFromHtml(url, fs.readFileSync(file, 'utf8'))) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' })
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`)
  let pages = 0
  // Pagefind indexes in its own process: keep a window of records in flight while the next
  // pages are read, instead of one round trip per page (10,000 pages: 26 s → about 16 s).
  const inFlight = new Set<Promise<void>>()
  const failures: string[] = []
  const pagesByUrl = new Map<string, IndexedPage>()
  const words = new WordCounts()
  const add = async ({ facts, ...record }: NonNullable<ReturnType<typeof recordFromHtml>>) => {
    words.add(...recordTexts({ facts, ...record }))
    pagesByUrl.set(record.url, { title: record.meta.title, section: record.meta.section, facts })
    try {
      const { errors: recordErrors } = await index.addCustomRecord(record)
      if (recordErrors.length) failures.push(`${record.url}: ${recordErrors.join('; ')}`)
      else pages++
    } catch (error) {
      failures.push(`${record.url}: ${(error as Error).message}`)
    }
  }
  const walk = async (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') await walk(full)
      } else if (entry.name === 'index.html') {
        const rel = path.relative(clientDir, path.dirname(full)).split(path.sep).join('/')
        const record = recordOf(rel ? `/${rel}/` : '/', full)
        if (!record) continue
        const pending = add(record).finally(() => inFlight.delete(pending))
        inFlight.add(pending)
        if (inFlight.size >= 64) await Promise.race(inFlight)
      }
    }
  }
  const started = performance.now()
  const seconds = (from: number) => Math.round((performance.now() - from) / 100) / 10
  await walk(clientDir)
  await Promise.all(inFlight)
  const added = seconds(started)
  if (failures.length) throw new Error(`Pagefind: ${failures.slice(0, 5).join(' · ')}`)
  const outputPath = path.join(clientDir, 'pagefind')
  fs.rmSync(outputPath, { recursive: true, force: true })
  let from = performance.now()
  const { errors: writeErrors } = await index.writeFiles({ outputPath })
  if (writeErrors.length) throw new Error(`Pagefind: ${writeErrors.join('; ')}`)
  await pagefind.close()
  const written = seconds(from)
  from = performance.now()
  writeCatalog(outputPath, pagesByUrl, words)
  /** Seconds: records read and given to Pagefind, Pagefind writing, the catalogue. */
  const phases = { records: added, pagefind: written, catalog: seconds(from) }
  return { pages, outputPath, phases, words }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const clientDir = path.resolve(process.argv[2] ?? path.join(process.env.ASTRO_OUT_DIR ?? 'dist', 'client'))
  const { pages, outputPath } = await buildSearchIndex(clientDir)
  console.log(`Pagefind: ${pages} trang đã được lập chỉ mục → ${outputPath}`)
}
