/** Browser-side helpers for search results (no dependencies: shipped to the page). */

/** Put đ/Đ back at the positions recorded at index time (see search-records.ts). */
export function restoreDStroke(folded: string, d = '', D = ''): string {
  const chars = folded.split('')
  for (const i of d.split(',').filter(Boolean)) chars[Number(i)] = 'đ'
  for (const i of D.split(',').filter(Boolean)) chars[Number(i)] = 'Đ'
  return chars.join('')
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

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

/** A word reduced as the query is: folded, lower case, letters and digits only. */
const foldWord = (w: string) =>
  w.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]/g, '')

/** A page text split into words, each also folded as the query is: worked out once per text. */
export type PreparedText = { words: string[]; folded: string[] }

export function prepareText(text: string): PreparedText {
  const words = text.split(/\s+/).filter(Boolean)
  return { words, folded: words.map(foldWord) }
}

/**
 * The passage of about `length` words that best matches the whole query (its syllables
 * together and in order count most; exact marks break ties), with each run of the query's
 * syllables in order highlighted as one phrase. `text` is the page text as written, or that
 * text prepared once (prepareText) when several queries are shown from the same page.
 */
export function phraseExcerpt(text: string | PreparedText, query: string, length = 36): string {
  const { words, folded } = typeof text === 'string' ? prepareText(text) : text
  const q = foldWord(query) ? query.split(/\s+/).flatMap((w) => w.split(/[^\p{L}\p{N}]+/u)).map(foldWord).filter(Boolean) : []
  const qMarked = query.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const marked = qMarked.join(' ') !== q.join(' ')
  // A document number written as one word ("38/KH-HĐTĐKT") spells several query syllables:
  // each run of two or more query syllables, joined, and the longest such run it spells.
  const joinedRuns = new Map<string, number>()
  for (let j = 0; j < q.length; j++) for (let m = 2; j + m <= q.length; m++) {
    const joined = q.slice(j, j + m).join('')
    joinedRuns.set(joined, Math.max(joinedRuns.get(joined) ?? 0, m))
  }
  const syllables = new Set(q)
  // Runs: maximal stretches of words that spell consecutive query syllables in order.
  type Run = { start: number; end: number; weight: number }
  const runs: Run[] = []
  for (let i = 0; i < words.length; ) {
    // Most words are none of the query's syllables: nothing to compare.
    if (!syllables.has(folded[i]) && !joinedRuns.has(folded[i])) {
      i++
      continue
    }
    let best = 0
    for (let j = 0; j < q.length; j++) {
      let n = 0
      while (i + n < words.length && j + n < q.length && folded[i + n] === q[j + n]) n++
      if (n > best) best = n
    }
    const joined = joinedRuns.get(folded[i]) ?? 0
    if (joined > best) {
      runs.push({ start: i, end: i + 1, weight: joined * joined })
      i++
      continue
    }
    if (!best) {
      i++
      continue
    }
    let weight = best * best
    if (marked) {
      for (let k = 0; k < best; k++) if (qMarked.includes(words[i + k].toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))) weight += 0.5
    }
    runs.push({ start: i, end: i + best, weight })
    i += best
  }
  // The window with the most weight (distinct syllables covered count too). Runs do not
  // overlap and come in order, and so do the windows starting before each run: the runs
  // inside a window are a stretch [lo, hi) that only moves forward (linear, not quadratic —
  // a common syllable occurs thousands of times in a long document).
  let bestStart = 0
  let bestWeight = -1
  let lo = 0
  let hi = 0
  let sum = 0
  const covered = new Map<string, number>()
  const add = (r: Run, by: number) => {
    for (let k = r.start; k < r.end; k++) {
      const n = (covered.get(folded[k]) ?? 0) + by
      if (n) covered.set(folded[k], n)
      else covered.delete(folded[k])
    }
  }
  for (const run of runs) {
    const start = Math.max(0, run.start - Math.floor(length / 3))
    while (hi < runs.length && runs[hi].end <= start + length) {
      if (hi >= lo) (sum += runs[hi].weight, add(runs[hi], 1))
      hi++
    }
    while (lo < runs.length && runs[lo].start < start) {
      if (lo < hi) (sum -= runs[lo].weight, add(runs[lo], -1))
      lo++
    }
    // Ties go to the earlier passage (a document's number in its heading, not in a note).
    const weight = sum + covered.size - start / (words.length + 1)
    if (weight > bestWeight) {
      bestWeight = weight
      bestStart = start
    }
  }
  const start = Math.min(bestStart, Math.max(0, words.length - length))
  const end = Math.min(words.length, start + length)
  // When the passage holds the query's syllables together, only such phrases are marked, not
  // every lone syllable that folds the same ("dài", a lone "Hội").
  const shownRuns = runs.filter((r) => r.start >= start && r.start < end)
  const longest = Math.max(0, ...shownRuns.map((r) => (r.weight >= 4 ? 2 : r.end - r.start)))
  const minimum = longest >= 2 ? 2 : 1
  const parts: string[] = []
  for (let i = start; i < end; ) {
    const run = shownRuns.find((r) => r.start === i && (r.end - r.start >= minimum || r.weight >= 4))
    if (run) {
      const stop = Math.min(run.end, end)
      // Punctuation around the phrase stays outside the highlight: “<mark>Đại hội</mark>”.
      const phrase = words.slice(i, stop).join(' ')
      const [, before, inner, after] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(phrase) ?? ['', '', phrase, '']
      parts.push(`${escapeHtml(before)}<mark>${escapeHtml(inner)}</mark>${escapeHtml(after)}`)
      i = stop
    } else {
      parts.push(escapeHtml(words[i]))
      i++
    }
  }
  return `${start > 0 ? '… ' : ''}${parts.join(' ')}${end < words.length ? ' …' : ''}`
}
