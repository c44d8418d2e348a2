/**
 * One search, two places: the browser (instant results on /tim-kiem/) and the server (the
 * same page rendered on demand, so search works without JavaScript). Both ask Pagefind's own
 * runtime with the query's đ folded as the index is, and show titles and excerpts restored
 * to proper Vietnamese.
 */
import { foldDStroke } from '../../cms/lib/vietnamese'
import { excerptHtml, restoreDStroke } from './search-text'

export const SECTION_FILTER = 'Mục'
export const SEARCH_LIMIT = 30

export type PagefindApi = {
  options: (o: Record<string, unknown>) => Promise<void>
  search: (q: string, o?: Record<string, unknown>) => Promise<{ results: { data: () => Promise<any> }[]; filters: Record<string, Record<string, number>> }>
  filters: () => Promise<Record<string, Record<string, number>>>
}

export type SearchHit = { url: string; title: string; section: string; excerpt: string }
export type SearchAnswer = { query: string; total: number; hits: SearchHit[]; sections: Record<string, number> }

export async function runSearch(pagefind: PagefindApi, query: string, chosen: string[]): Promise<SearchAnswer> {
  const filters = chosen.length ? { [SECTION_FILTER]: { any: chosen } } : {}
  const search = await pagefind.search(foldDStroke(query), { filters })
  const sections = search.filters?.[SECTION_FILTER] ?? (await pagefind.filters())[SECTION_FILTER] ?? {}
  const data = await Promise.all(search.results.slice(0, SEARCH_LIMIT).map((r) => r.data()))
  return {
    query,
    total: search.results.length,
    sections,
    hits: data.map((d) => ({
      // With an absolute basePath (on the server) Pagefind answers absolute URLs.
      url: String(d.url).replace(/^https?:\/\/[^/]+/, ''),
      title: d.meta.title || d.url,
      section: d.meta.section ?? '',
      excerpt: excerptHtml(restoreDStroke(d.content, d.meta.d, d.meta.D), d.locations ?? []),
    })),
  }
}

export function searchStatus(answer: SearchAnswer): string {
  return answer.total
    ? `Tìm thấy ${answer.total} kết quả cho “${answer.query}”${answer.total > SEARCH_LIMIT ? `; hiển thị ${SEARCH_LIMIT} kết quả đầu` : ''}.`
    : `Không tìm thấy kết quả cho “${answer.query}”. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.`
}
