/**
 * The search catalogue: one small JSON file written next to the Pagefind index at build
 * time (so every release has its own, and a publish replaces it). For every indexed page:
 * its Pagefind fragment id, URL, title, section and facts (number, type, date, organisations,
 * names). The ranking (search-rank.ts) reads it to look up document numbers and names, score
 * titles and apply filters; the result list shows its facts — without loading any page's text.
 */
import type { SearchFacts } from './search-facts'

export type CatalogEntry = {
  /** Pagefind fragment id ("vi_1a2b3c4"). */
  id: string
  url: string
  title: string
  section: string
  facts: SearchFacts
  /** In the delta index of a partial publish (site/scripts/search-delta.ts), not the base. */
  delta?: true
}

export type Catalog = {
  entries: CatalogEntry[]
  /** Folded word → [its commonest written form, how often it occurs]: suggestions are shown in proper Vietnamese. */
  words: Record<string, [string, number]>
}

/** File name of the catalogue inside the Pagefind output folder. */
export const CATALOG_FILE = 'danh-muc.json'

/**
 * The delta index a partial publish writes inside the Pagefind folder (search-delta.ts): the
 * pages that changed since the last full index. Searches merge it with the base index.
 */
export const DELTA_DIR = 'delta'

/** Does this release's search merge a delta index? */
export const hasDelta = (catalog: Catalog): boolean => catalog.entries.some((e) => e.delta)

/** A page's fragment, relative to the Pagefind folder: in the index that holds it. */
export const fragmentFile = (entry: Pick<CatalogEntry, 'id' | 'delta'>): string => `${entry.delta ? `${DELTA_DIR}/` : ''}fragment/${entry.id}.pf_fragment`

/**
 * The largest catalogue (uncompressed) a browser fetches for its first query: about 60 KB
 * compressed, which with Pagefind's own files keeps a first query under 150 KB. A larger
 * portal's search runs on the server (search-server.ts `searchRunsOn`).
 */
export const BROWSER_CATALOG_BYTES = 300 * 1024
