/**
 * Search pieces that change with the portal's size: the words for suggestions are counted
 * as pages are indexed (no page text kept), and the ranking prepares each catalogue's
 * lookups once — per catalogue, so a new release's catalogue is never answered from an
 * older one's. The browser/server switch for large catalogues is tried in tests/e2e/search.test.ts.
 */
import { describe, expect, it } from 'vitest'

import type { Catalog, CatalogEntry } from '../site/lib/search-catalog'
import { rankCandidates } from '../site/lib/search-rank'
import { WordCounts } from '../site/scripts/search-index'

describe('words counted as pages are indexed', () => {
  it('each folded word gets its commonest written form and its total count', () => {
    const words = new WordCounts()
    words.add('Khuyến học, khuyến tài', 'Đại hội khuyến học')
    words.add('Khuyen hoc 2024 Đại')
    expect(words.words()).toEqual({
      dai: ['đại', 2],
      hoc: ['học', 3],
      hoi: ['hội', 1],
      khuyen: ['khuyến', 4],
      tai: ['tài', 1],
    })
  })

  it('ties go to the alphabetically first form; numbers, codes and long words are left out', () => {
    const words = new WordCounts()
    words.add('đa đà 38/KH KH2 Supercalifragilistic')
    expect(words.words()).toEqual({ da: ['đa', 2], kh: ['kh', 1] })
  })
})

describe('lookups prepared per catalogue', () => {
  const entry = (id: string, title: string, names?: string[]): CatalogEntry => ({ id, url: `/dien-hinh/${id}/`, title, section: 'Điển hình', facts: names ? { names, nameRole: 'Điển hình' } : {} })
  it('a second catalogue (the next release) is ranked from its own entries', () => {
    const first: Catalog = { entries: [entry('a', 'Ông Nguyễn Văn An', ['Ông Nguyễn Văn An'])], words: {} }
    const second: Catalog = { entries: [entry('b', 'Bà Trần Thị Bình', ['Bà Trần Thị Bình'])], words: {} }
    expect(rankCandidates('nguyen van an', [], first).map((h) => h.entry.id)).toEqual(['a'])
    expect(rankCandidates('nguyen van an', [], second)).toEqual([])
    expect(rankCandidates('tran thi binh', [], second).map((h) => [h.entry.id, h.label])).toEqual([['b', 'Điển hình: Bà Trần Thị Bình']])
    // Candidates are looked up by fragment id in their own catalogue only.
    expect(rankCandidates('an', [{ id: 'a', score: 1, words: [0] }], second)).toEqual([])
    expect(rankCandidates('an', [{ id: 'a', score: 1, words: [0] }], first).map((h) => h.entry.id)).toEqual(['a'])
  })
})
