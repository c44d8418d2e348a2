/** Browser-side helpers for search results (no dependencies: shipped to the page). */

/** Put đ/Đ back at the positions recorded at index time (see search-records.ts). */
export function restoreDStroke(folded: string, d = '', D = ''): string {
  const chars = folded.split('')
  for (const i of d.split(',').filter(Boolean)) chars[Number(i)] = 'đ'
  for (const i of D.split(',').filter(Boolean)) chars[Number(i)] = 'Đ'
  return chars.join('')
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An excerpt of about `length` words around the first match, matched words in <mark>. */
export function excerptHtml(text: string, locations: number[], length = 32): string {
  const words = text.split(/\s+/)
  const first = locations.length ? Math.min(...locations) : 0
  const start = Math.max(0, first - Math.floor(length / 3))
  const end = Math.min(words.length, start + length)
  const marked = new Set(locations)
  const body = words
    .slice(start, end)
    .map((w, i) => (marked.has(start + i) ? `<mark>${escapeHtml(w)}</mark>` : escapeHtml(w)))
    .join(' ')
  return `${start > 0 ? '… ' : ''}${body}${end < words.length ? ' …' : ''}`
}
