/**
 * One search, two places: the browser (instant results on /tim-kiem/) and the server (the
 * same page rendered on demand, so search works without JavaScript). Both ask Pagefind for
 * candidates with the query's đ folded as the index is, rank them with the one ranking
 * (search-rank.ts) over the release's catalogue (search-catalog.ts), and show titles and
 * phrase excerpts restored to proper Vietnamese.
 */
import { foldDStroke, formatDate } from '../../cms/lib/vietnamese'
import { DELTA_DIR, hasDelta, type Catalog, type CatalogEntry } from './search-catalog'
import { expandedTokens, filterCounts, foldedTokens, passes, rankCandidates, type ChosenFilters } from './search-rank'
import { corrections, suggestions } from './search-suggest'
import { phraseExcerpt, prepareText, restoreDStroke, type PreparedText } from './search-text'

/** Filter names as shown (also Pagefind's filter keys) and their URL parameters. */
export const SEARCH_FILTERS = [
  { name: 'Mục', param: 'muc', legend: 'Mục' },
  { name: 'Năm', param: 'nam', legend: 'Năm' },
  { name: 'Loại văn bản', param: 'loai', legend: 'Loại văn bản' },
  { name: 'Cơ quan', param: 'co-quan', legend: 'Cơ quan' },
] as const
export const SEARCH_LIMIT = 10

export type PagefindApi = {
  options: (o: Record<string, unknown>) => Promise<void>
  search: (q: string, o?: Record<string, unknown>) => Promise<{ results: { id: string; score: number; words: number[] }[] }>
  mergeIndex: (indexPath: string, o?: Record<string, unknown>) => Promise<void>
}

/**
 * After a partial publish the release has a base index and a delta index of the pages changed
 * since (search-catalog.ts DELTA_DIR): Pagefind searches both as one (its `mergeIndex`), and the
 * catalogue lists only the live copy of each page, so a page's superseded base record is never shown.
 */
export async function mergeDelta(pagefind: PagefindApi, catalog: Catalog, indexUrl: string): Promise<void> {
  if (hasDelta(catalog)) await pagefind.mergeIndex(`${indexUrl}${DELTA_DIR}/`, { language: 'vi' })
}

/** Where a search reads the release's files: over HTTP in the browser, from disk on the server. */
export type SearchSource = {
  pagefind: PagefindApi
  catalog: () => Promise<Catalog>
  /** A page's Pagefind fragment, decoded (its text and meta), from the index that holds it (search-catalog.ts fragmentFile). */
  fragment: (entry: CatalogEntry) => Promise<Fragment>
}

export type Fragment = { url: string; content: string; meta: { title?: string; d?: string; D?: string } }

export type SearchHit = {
  url: string
  title: string
  section: string
  /** "04/4/2023" */
  date?: string
  number?: string
  type?: string
  issuer?: string
  /** Why this page is first: its number or a name the query spells. */
  label?: string
  excerpt: string
}
export type SearchAnswer = {
  query: string
  total: number
  page: number
  hits: SearchHit[]
  /** Filter name → value → count (each filter counted with the others applied). */
  filters: Record<string, Record<string, number>>
  chosen: ChosenFilters
  suggestions: string[]
  /** The spelling searched instead of a mistyped query ("khuyen hco" → "khuyến học"). */
  corrected?: string
}

/** A result this strong holds the query's syllables together in its title or text, or is its number or name. */
const STRONG = 30

/** Chosen filters from URL parameters (`muc`, `nam`, `loai`, `co-quan`, repeatable). */
export function chosenFromParams(params: URLSearchParams): ChosenFilters {
  const chosen: ChosenFilters = {}
  for (const f of SEARCH_FILTERS) {
    const values = params.getAll(f.param).map((v) => v.trim()).filter(Boolean)
    if (values.length) chosen[f.name] = [...new Set(values)].slice(0, 20)
  }
  return chosen
}

/** Gunzipped Pagefind file (fragments are "pagefind_dcd" + JSON, gzip-compressed). */
export async function decodeFragment(bytes: ArrayBuffer | Uint8Array): Promise<Fragment> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))
  const text = await new Response(stream).text()
  return JSON.parse(text.replace(/^pagefind_dcd/, '')) as Fragment
}

/** The query with abbreviations written out, for the excerpt (marks kept when nothing was expanded). */
function expandedQuery(query: string): string {
  const folded = foldedTokens(query)
  const expanded = expandedTokens(folded)
  return expanded.length === folded.length ? query : expanded.join(' ')
}

/** Each page's text restored and split once, however many queries show it (fragments are kept by the source). */
const preparedTexts = new WeakMap<Fragment, PreparedText>()
function preparedText(f: Fragment): PreparedText {
  let prepared = preparedTexts.get(f)
  if (!prepared) preparedTexts.set(f, (prepared = prepareText(restoreDStroke(f.content, f.meta.d, f.meta.D))))
  return prepared
}

async function rank(source: SearchSource, catalog: Catalog, query: string) {
  const search = await source.pagefind.search(foldDStroke(query))
  return rankCandidates(query, search.results.map((r) => ({ id: r.id, score: r.score, words: r.words ?? [] })), catalog)
}

export async function runSearch(source: SearchSource, typed: string, chosen: ChosenFilters = {}, page = 1): Promise<SearchAnswer> {
  const catalog = await source.catalog()
  let query = typed
  let ranked = await rank(source, catalog, query)
  // A word found nowhere on the portal ("hco", "tapp", "haa") is a typo: search the closest
  // known spellings too, and take one when it finds something stronger (and say so).
  const best = (hits: typeof ranked) => hits[0]?.score ?? 0
  for (const fixed of corrections(typed, catalog)) {
    const again = await rank(source, catalog, fixed)
    if (best(again) >= STRONG && best(again) > best(ranked)) {
      query = fixed
      ranked = again
    }
  }
  const filtered = ranked.filter((h) => passes(h.entry, chosen))
  const pages = Math.max(1, Math.ceil(filtered.length / SEARCH_LIMIT))
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages)
  const shown = filtered.slice((current - 1) * SEARCH_LIMIT, current * SEARCH_LIMIT)
  const fragments = await Promise.all(shown.map((h) => source.fragment(h.entry)))
  const hits = shown.map((h, i): SearchHit => {
    const f = fragments[i]
    const facts = h.entry.facts
    return {
      url: h.entry.url,
      title: h.entry.title || h.entry.url,
      section: h.entry.section,
      date: facts.date ? formatDate(facts.date) : undefined,
      number: facts.number,
      type: facts.type,
      // Documents (they have a type) show who issued them, numbered or not.
      issuer: facts.type ? facts.orgs?.join(', ') : undefined,
      label: h.label,
      // A number or name found: the passage that shows it, as typed.
      excerpt: phraseExcerpt(preparedText(f), h.matched ?? expandedQuery(query)),
    }
  })
  // Weak results (few, or none holding the query's syllables together): offer better spellings.
  const weak = filtered.length < 3 || best(ranked) < STRONG
  return {
    query: typed,
    corrected: query !== typed ? query : undefined,
    total: filtered.length,
    page: current,
    hits,
    filters: filterCounts(ranked, chosen, SEARCH_FILTERS.map((f) => f.name)),
    chosen,
    suggestions: weak ? suggestions(typed, catalog).filter((s) => s !== query) : [],
  }
}

export function searchStatus(answer: SearchAnswer): string {
  if (!answer.total) return `Không tìm thấy kết quả cho “${answer.query}”. Hãy thử một gợi ý bên dưới, bỏ bớt bộ lọc hoặc xem theo mục.`
  const from = (answer.page - 1) * SEARCH_LIMIT + 1
  const to = from + answer.hits.length - 1
  const shown = answer.corrected ? `“${answer.corrected}” (bạn đã gõ “${answer.query}”)` : `“${answer.query}”`
  return `Tìm thấy ${answer.total} kết quả cho ${shown}${answer.total > SEARCH_LIMIT ? `; hiển thị ${from}–${to}` : ''}.`
}

/** The facts line under a result: section · date · number · issuer. */
export function hitMeta(hit: SearchHit): string {
  return [hit.section, hit.date, hit.number && `Số ${hit.number}`, hit.issuer].filter(Boolean).join(' · ')
}

/** The URL of a search (query, filters, page) — for links to suggestions, pages and filter changes. */
export function searchHref(base: string, query: string, chosen: ChosenFilters, page = 1): string {
  const params = new URLSearchParams()
  params.set('q', query)
  for (const f of SEARCH_FILTERS) for (const v of chosen[f.name] ?? []) params.append(f.param, v)
  if (page > 1) params.set('trang', String(page))
  return `${base}?${params}`
}
