/**
 * The search page's answer as HTML, written by the server (no JavaScript) and by the
 * browser (as you type) from the same functions, so both show the same thing. Every value
 * is escaped; excerpts are built escaped by search-text.ts.
 */
import { campaignsPath, honoureesPath, newsListPath, organizationsPath, plansPath, progressPath, searchPath } from './routes'
import { hitMeta, SEARCH_FILTERS, SEARCH_LIMIT, searchHref, type SearchAnswer } from './search'
import { escapeHtml } from './search-text'

/** Where to browse when a search finds little: the sections themselves. */
const browse = [
  ['Văn bản', plansPath()],
  ['Phong trào', campaignsPath()],
  ['Điển hình', honoureesPath()],
  ['Tin tức', newsListPath()],
  ['Tiến độ', progressPath()],
  ['Cơ quan', organizationsPath()],
] as const

export function resultsHtml(answer: SearchAnswer): string {
  return answer.hits
    .map(
      (hit) =>
        `<li><h2><a href="${escapeHtml(hit.url)}">${escapeHtml(hit.title)}</a></h2>` +
        (hit.label ? `<p class="search-label">${escapeHtml(hit.label)}</p>` : '') +
        `<p class="meta">${escapeHtml(hitMeta(hit))}</p><p>${hit.excerpt}</p></li>`,
    )
    .join('')
}

/** Suggestions, pages of results and links to browse: a search never ends in a dead end. */
export function afterResultsHtml(answer: SearchAnswer): string {
  const base = searchPath()
  const parts: string[] = []
  if (answer.suggestions.length) {
    parts.push(
      `<p class="search-suggest">Có phải bạn muốn tìm: ${answer.suggestions
        .map((s) => `<a href="${escapeHtml(searchHref(base, s, answer.chosen))}">${escapeHtml(s)}</a>`)
        .join(', ')}?</p>`,
    )
  }
  const pages = Math.ceil(answer.total / SEARCH_LIMIT)
  if (pages > 1) {
    const links: string[] = []
    if (answer.page > 1) links.push(`<a href="${escapeHtml(searchHref(base, answer.query, answer.chosen, answer.page - 1))}" rel="prev">Trang trước</a>`)
    links.push(`<span>Trang ${answer.page}/${pages}</span>`)
    if (answer.page < pages) links.push(`<a href="${escapeHtml(searchHref(base, answer.query, answer.chosen, answer.page + 1))}" rel="next">Trang sau</a>`)
    parts.push(`<nav class="search-pages" aria-label="Các trang kết quả">${links.join(' ')}</nav>`)
  }
  if (answer.total < SEARCH_LIMIT) {
    parts.push(
      `<p class="search-browse">Xem theo mục: ${browse.map(([name, href]) => `<a href="${escapeHtml(href)}">${escapeHtml(name)}</a>`).join(' · ')}</p>`,
    )
  }
  return parts.join('')
}

const MAX_VALUES = 12

/** The filters with counts; ticked values stay listed. One checkbox per value, named by its URL parameter. */
export function filtersHtml(answer: SearchAnswer): string {
  return SEARCH_FILTERS.map((f) => {
    const counts = answer.filters[f.name] ?? {}
    const chosen = answer.chosen[f.name] ?? []
    let values = Object.keys(counts).sort((a, b) => (f.name === 'Năm' ? b.localeCompare(a) : a.localeCompare(b, 'vi')))
    // Many organisations: the ones with most results (and any ticked), in alphabetical order.
    if (values.length > MAX_VALUES) {
      const top = new Set([...values].sort((a, b) => counts[b] - counts[a] || a.localeCompare(b, 'vi')).slice(0, MAX_VALUES))
      values = values.filter((v) => top.has(v) || chosen.includes(v))
    }
    if (!values.length) return ''
    return (
      `<fieldset class="search-filter"><legend>${escapeHtml(f.legend)}</legend>` +
      values
        .map(
          (v) =>
            `<label><input type="checkbox" name="${f.param}" value="${escapeHtml(v)}"${chosen.includes(v) ? ' checked' : ''}> ${escapeHtml(v)} (${counts[v]})</label>`,
        )
        .join('') +
      `</fieldset>`
    )
  }).join('')
}
