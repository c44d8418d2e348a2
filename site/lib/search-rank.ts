/**
 * The one ranking of search results, run in the browser and on the server alike (so both
 * give the same order). Pagefind supplies candidates and a text score; this adds what it
 * cannot know:
 *  - a query that is a document number in any common spelling ("38/KH-HĐTĐKT", "kh 38",
 *    "ke hoach 38", "quyết định số 1315") or a signer's or honouree's name puts that page
 *    first, labelled;
 *  - folded Vietnamese syllables are ambiguous ("dai" is đại, dài, dải…), so the query's
 *    syllables together and in order count far more than apart: in the title, and in the
 *    body (consecutive matched word positions reported by Pagefind);
 *  - titles above body text, and exact marks when the query has them.
 */
import { foldVietnamese } from '../../cms/lib/vietnamese'
import type { Catalog, CatalogEntry } from './search-catalog'

/** Folded, lower-case syllables: "Đại hội, biểu dương!" → ["dai", "hoi", "bieu", "duong"]. */
export const foldedTokens = (text: string): string[] =>
  foldVietnamese(text.normalize('NFC')).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)

/** Lower-case syllables as written (marks kept). */
export const markedTokens = (text: string): string[] =>
  text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)

export const hasMarks = (text: string): boolean => foldVietnamese(text.normalize('NFC')) !== text.normalize('NFC')

/** Where `needle` occurs as consecutive items of `hay`, or -1. */
export function indexOfRun(hay: string[], needle: string[]): number {
  if (!needle.length || needle.length > hay.length) return -1
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

/**
 * Abbreviations citizens type for words titles spell out. Document-type initials (kh, qd,
 * cv) are not here: they are matched against document numbers instead.
 */
export const ABBREVIATIONS: Record<string, string> = {
  thcs: 'trung hoc co so',
  thpt: 'trung hoc pho thong',
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  mttq: 'mat tran to quoc',
  gddt: 'giao duc va dao tao',
  bhxh: 'bao hiem xa hoi',
  bhyt: 'bao hiem y te',
  tdkt: 'thi dua khen thuong',
  hdtdkt: 'hoi dong thi dua khen thuong',
  khvn: 'khuyen hoc viet nam',
  vhxh: 'van hoa xa hoi',
  tp: 'thanh pho',
}

/** The query's folded syllables with abbreviations written out. */
export const expandedTokens = (tokens: string[]): string[] => tokens.flatMap((t) => (ABBREVIATIONS[t] ? ABBREVIATIONS[t].split(' ') : [t]))

/**
 * A small preference by section when the text scores tie: documents are the source, and
 * organisation pages repeat the tasks and titles of other pages.
 */
const SECTION_PRIOR: Record<string, number> = { 'Văn bản': 4, 'Phong trào': 2, 'Điển hình': 2, 'Tiến độ': 2, 'Tin tức': 1 }

// Words a citizen adds around a number: "quyết định số 1315", "văn bản 38", "ký hiệu …".
const NUMBER_FILLERS = new Set(['so', 'ky', 'ki', 'hieu', 'van', 'ban', 'nam', 'ngay'])

/** Does the query name this document by its number, in any common spelling? */
export function matchesDocumentNumber(query: string[], entry: CatalogEntry): boolean {
  const number = entry.facts.number
  if (!number || !query.length) return false
  const parts = foldedTokens(number)
  const main = parts.find((p) => /^\d+$/.test(p))
  if (!main) return false
  const typeWords = foldedTokens(entry.facts.type ?? '')
  const allowed = new Set([...parts, ...typeWords, ...NUMBER_FILLERS])
  // "Kế hoạch" → "kh", "Quyết định" → "qd", "Công văn" → "cv".
  if (typeWords.length) allowed.add(typeWords.map((w) => w[0]).join(''))
  if (entry.facts.year) allowed.add(String(entry.facts.year))
  const strip = (n: string) => n.replace(/^0+(?=\d)/, '')
  const numbers = query.filter((t) => /^\d+$/.test(t) && !(entry.facts.year && t === String(entry.facts.year)))
  if (numbers.length !== 1 || strip(numbers[0]) !== strip(main)) return false
  return query.every((t) => allowed.has(t) || /^\d+$/.test(t))
}

/** The name (signer, honouree) the query spells, if any: two or more syllables in order, ending on the given name. */
export function matchedName(query: string[], entry: CatalogEntry): string | undefined {
  if (query.length < 2) return undefined
  for (const name of entry.facts.names ?? []) {
    const parts = foldedTokens(name)
    const at = indexOfRun(parts, query)
    if (at !== -1 && at + query.length === parts.length) return name
  }
  return undefined
}

/** Longest run of consecutive positions (Pagefind's matched word locations). */
export function longestRun(positions: number[]): number {
  if (!positions.length) return 0
  const sorted = [...new Set(positions)].sort((a, b) => a - b)
  let best = 1
  let run = 1
  for (let i = 1; i < sorted.length; i++) {
    run = sorted[i] === sorted[i - 1] + 1 ? run + 1 : 1
    if (run > best) best = run
  }
  return best
}

export type Candidate = { id: string; score: number; words: number[] }

export type RankedHit = {
  entry: CatalogEntry
  score: number
  /** Why this result is first: "Số, ký hiệu 38/KH-HĐTĐKT", "Người ký: Trần Hồng Hà". */
  label?: string
  /** The number or name the query spells, as written on the page (for the excerpt). */
  matched?: string
}

/** Chosen filter values by filter name ("Mục", "Năm", "Cơ quan", "Loại văn bản"). */
export type ChosenFilters = Record<string, string[]>

/** A page's value(s) for a filter, from its catalogue entry. */
export function filterValues(entry: CatalogEntry, name: string): string[] {
  switch (name) {
    case 'Mục':
      return [entry.section]
    case 'Năm':
      return entry.facts.year ? [String(entry.facts.year)] : []
    case 'Cơ quan':
      return entry.facts.orgs ?? []
    case 'Loại văn bản':
      return entry.facts.type ? [entry.facts.type] : []
    default:
      return []
  }
}

/** Within a filter any chosen value; across filters all of them. `except` leaves one filter out (for its counts). */
export function passes(entry: CatalogEntry, chosen: ChosenFilters, except?: string): boolean {
  return Object.entries(chosen).every(
    ([name, values]) => name === except || !values.length || filterValues(entry, name).some((v) => values.includes(v)),
  )
}

/** Title score: the query's syllables together and in order in the title count most, shorter titles more. */
function titleScore(q: string[], qMarked: string[], marked: boolean, entry: CatalogEntry): number {
  const t = foldedTokens(entry.title)
  if (!t.length) return 0
  let score = 0
  if (indexOfRun(t, q) !== -1) score += 30 + 20 * (q.length / t.length)
  else {
    const tSet = new Set(t)
    score += 10 * (q.filter((w) => tSet.has(w)).length / q.length)
    if (q.length > 1) {
      let pairs = 0
      for (let i = 0; i + 1 < q.length; i++) if (indexOfRun(t, [q[i], q[i + 1]]) !== -1) pairs++
      score += 18 * (pairs / (q.length - 1))
    }
  }
  if (marked) {
    const tm = markedTokens(entry.title)
    if (indexOfRun(tm, qMarked) !== -1) score += 8
    else score += 4 * (qMarked.filter((w) => tm.includes(w)).length / qMarked.length)
  }
  return score
}

/**
 * Per catalogue, once: entries by fragment id, and the entries a number or name can find
 * (documents with a number, pages naming people) — at 100,000 pages a search then does not
 * rebuild a map of every page, nor walk them all, for each spelling it tries.
 */
const preparedCatalogs = new WeakMap<Catalog, { byId: Map<string, CatalogEntry>; lookups: CatalogEntry[] }>()
function prepared(catalog: Catalog) {
  let p = preparedCatalogs.get(catalog)
  if (!p) {
    p = { byId: new Map(catalog.entries.map((e) => [e.id, e])), lookups: catalog.entries.filter((e) => e.facts.number || e.facts.names?.length) }
    preparedCatalogs.set(catalog, p)
  }
  return p
}

/** Every candidate, best first (filters are applied by the caller, which also counts them). */
export function rankCandidates(query: string, candidates: Candidate[], catalog: Catalog): RankedHit[] {
  const typed = foldedTokens(query)
  if (!typed.length) return []
  const q = expandedTokens(typed)
  const marked = hasMarks(query)
  const qMarked = markedTokens(query)
  const { byId, lookups } = prepared(catalog)
  // Only live pages count, each once: a base record a partial publish superseded is not in the
  // catalogue (search-delta.ts), and a page both indexes hold with the same text (the same
  // fragment id) is kept with its first, higher score — nor do they scale the others' scores.
  const seen = new Set<string>()
  const live = candidates.filter((c) => byId.has(c.id) && !seen.has(c.id) && seen.add(c.id))
  const maxScore = Math.max(1e-9, ...live.map((c) => c.score))
  const hits = new Map<string, RankedHit>()

  for (const c of live) {
    const entry = byId.get(c.id)!
    // Rounded: Pagefind's score of a page can move in the last digits with the index chunks
    // already loaded (a browser that searched before), and browser and server must agree.
    const body = Math.round(100 * (c.score / maxScore)) / 10
    const run = Math.min(longestRun(c.words), q.length)
    const adjacency = q.length > 1 ? 20 * ((run - 1) / (q.length - 1)) : 0
    hits.set(entry.id, { entry, score: body + adjacency + titleScore(q, qMarked, marked, entry) + (SECTION_PRIOR[entry.section] ?? 0) })
  }
  // Numbers and names are looked up in the catalogue, so they are found even when Pagefind
  // tokenises them differently ("38/KH-HĐTĐKT", "kh 38").
  for (const entry of lookups) {
    const byNumber = matchesDocumentNumber(typed, entry)
    const name = byNumber ? undefined : matchedName(q, entry)
    if (!byNumber && !name) continue
    const hit = hits.get(entry.id) ?? { entry, score: titleScore(q, qMarked, marked, entry) }
    hit.score += byNumber ? 1000 : 500
    hit.label = byNumber ? `Số, ký hiệu ${entry.facts.number}` : `${entry.facts.nameRole ?? 'Tên'}: ${name}`
    hit.matched = byNumber ? entry.facts.number : name
    hits.set(entry.id, hit)
  }
  return [...hits.values()].sort((a, b) => b.score - a.score || a.entry.url.localeCompare(b.entry.url))
}

/** Counts per filter value among the candidates, each filter counted with the other filters applied. */
export function filterCounts(hits: RankedHit[], chosen: ChosenFilters, names: readonly string[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {}
  for (const name of names) {
    const c: Record<string, number> = {}
    for (const h of hits) if (passes(h.entry, chosen, name)) for (const v of filterValues(h.entry, name)) c[v] = (c[v] ?? 0) + 1
    // A chosen value stays listed (with 0) so it can be unticked.
    for (const v of chosen[name] ?? []) c[v] ??= 0
    counts[name] = c
  }
  return counts
}
