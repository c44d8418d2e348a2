/**
 * Suggestions for a weak or empty search: a known word close to each mistyped word
 * (one or two letters off, compared folded), and the query written with its marks when a
 * title spells it. Always in proper Vietnamese (from the catalogue's words and titles).
 */
import type { Catalog } from './search-catalog'
import { ABBREVIATIONS, foldedTokens, indexOfRun, markedTokens } from './search-rank'

/** Edit distance counting a swap of two neighbouring letters as one edit ("hco" → "hoc"). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 0; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/**
 * Spellings to try for a query with unknown words: each unknown word replaced by one of the
 * closest known words (fewest edits, then the commonest), at most `limit` spellings, likeliest
 * first. Known words are kept as typed. Empty when every word is known.
 */
export function corrections(query: string, catalog: Catalog, limit = 8): string[] {
  const q = query.normalize('NFC').split(/\s+/).filter(Boolean)
  const known = catalog.words
  const options = q.map((typed) => {
    const w = foldedTokens(typed).join('')
    if (!w || known[w] || ABBREVIATIONS[w] || /\d/.test(w) || w.length < 3) return [typed]
    const max = w.length >= 6 ? 2 : 1
    const close = Object.keys(known)
      .map((candidate) => ({ candidate, d: editDistance(w, candidate, max) }))
      .filter((c) => c.d <= max)
      .sort((a, b) => a.d - b.d || known[b.candidate][1] - known[a.candidate][1] || a.candidate.localeCompare(b.candidate))
      .slice(0, limit)
      .map((c) => known[c.candidate][0])
    return close.length ? close : [typed]
  })
  if (options.every((o) => o.length === 1 && o[0] === q[options.indexOf(o)])) return []
  let combos: string[][] = [[]]
  for (const o of options) combos = combos.flatMap((c) => o.map((w) => [...c, w])).slice(0, limit)
  return combos.map((c) => c.join(' ')).filter((c) => c !== q.join(' '))
}

export function suggestions(query: string, catalog: Catalog, limit = 3): string[] {
  const q = foldedTokens(query)
  if (!q.length) return []
  const out: string[] = []
  // The query's syllables, in order, as a title writes them (the marks a citizen left out).
  if (q.length > 1) {
    for (const entry of catalog.entries) {
      const folded = foldedTokens(entry.title)
      const at = indexOfRun(folded, q)
      if (at === -1) continue
      const marked = markedTokens(entry.title)
      if (marked.length !== folded.length) continue
      const phrase = marked.slice(at, at + q.length).join(' ')
      if (phrase !== query.normalize('NFC').toLowerCase() && !out.includes(phrase)) out.push(phrase)
      break
    }
  }
  for (const corrected of corrections(query, catalog, 2)) if (!out.includes(corrected)) out.push(corrected)
  return out.slice(0, limit)
}
