/**
 * The one search ranking (site/lib/search-rank.ts), its excerpts, filters and suggestions, on a
 * small catalogue written here: document numbers in every common spelling and names come
 * first with a label, the query's syllables together and in order rank above the same
 * syllables apart, exact marks break ties, excerpts mark the phrase as a phrase in proper
 * Vietnamese. The same functions run on the real index in portal.test.ts.
 */
import { describe, expect, it } from 'vitest'

import type { Catalog, CatalogEntry } from '../site/lib/search-catalog'
import { filterCounts, longestRun, matchedName, matchesDocumentNumber, passes, rankCandidates, foldedTokens } from '../site/lib/search-rank'
import { corrections, editDistance, suggestions } from '../site/lib/search-suggest'
import { phraseExcerpt } from '../site/lib/search-text'
import { WordCounts } from '../site/scripts/search-index'

const entry = (id: string, url: string, title: string, section: string, facts: CatalogEntry['facts'] = {}): CatalogEntry => ({ id, url, title, section, facts })

const plan38 = entry('p38', '/van-ban/38-kh-hdtdkt-2023/', 'Kế hoạch số 38/KH-HĐTĐKT: Công tác của Hội đồng Thi đua - Khen thưởng tỉnh năm 2023', 'Văn bản', {
  number: '38/KH-HĐTĐKT',
  type: 'Kế hoạch',
  year: 2023,
  orgs: ['Hội đồng Thi đua - Khen thưởng tỉnh Thái Bình'],
  names: ['Nguyễn Khắc Thận'],
  nameRole: 'Người ký',
})
const qd1315 = entry('q1315', '/van-ban/1315-qd-ttg-2023/', 'Quyết định số 1315/QĐ-TTg: Ban hành Kế hoạch triển khai Phong trào', 'Văn bản', {
  number: '1315/QĐ-TTg',
  type: 'Quyết định',
  year: 2023,
  orgs: ['Thủ tướng Chính phủ'],
  names: ['Trần Hồng Hà'],
  nameRole: 'Người ký',
})
const family = entry('gdht', '/tien-do/ty-le-gia-dinh/', 'Tỷ lệ gia đình đạt danh hiệu “Gia đình học tập” — Tiến độ', 'Tiến độ')
const news = entry('news', '/tin-tuc/muc-tieu/', 'Thái Bình đặt mục tiêu 65% gia đình đạt danh hiệu Gia đình học tập năm 2023', 'Tin tức', { year: 2023 })
const apart = entry('apart', '/tin-tuc/apart/', 'Hội nghị về gia đình, nơi học sinh tập thể dục', 'Tin tức', { year: 2024 })
const honouree = entry('hn', '/dien-hinh/ba-vu-thi-thanh-nhan/', 'Bà Vũ Thị Thanh Nhàn', 'Điển hình', { year: 2023, names: ['Bà Vũ Thị Thanh Nhàn'], nameRole: 'Điển hình' })
const school = entry('sch', '/dien-hinh/truong-thcs/', 'Trường Trung học cơ sở Đông Hợp', 'Điển hình', { year: 2023 })
const catalog: Catalog = {
  entries: [plan38, qd1315, family, news, apart, honouree, school],
  words: { khuyen: ['khuyến', 40], hoc: ['học', 300], cho: ['cho', 20], ha: ['hà', 3], hai: ['hai', 40], tap: ['tập', 200], dai: ['đại', 10], hoi: ['hội', 50] },
}

/** Same Pagefind score and no adjacent body matches for every page: only what the ranking adds differs. */
const flat = (ids: string[]) => ids.map((id) => ({ id, score: 1, words: [1, 5, 9] }))
const order = (query: string, ids = catalog.entries.map((e) => e.id)) => rankCandidates(query, flat(ids), catalog).map((h) => h.entry.id)

describe('document numbers in any common spelling', () => {
  it.each(['38/KH-HĐTĐKT', '38/KH-HDTDKT', '38/kh-hdtdkt', 'kh 38', 'KH-38', 'ke hoach 38', 'kế hoạch số 38', 'so 38/KH'])('“%s” is Kế hoạch 38/KH-HĐTĐKT', (q) => {
    expect(matchesDocumentNumber(foldedTokens(q), plan38)).toBe(true)
    const [first] = rankCandidates(q, flat(['apart', 'news', 'q1315']), catalog)
    expect(first.entry.id).toBe('p38')
    expect(first.label).toBe('Số, ký hiệu 38/KH-HĐTĐKT')
  })

  it.each(['1315', 'qd 1315', 'quyết định số 1315', 'quyet dinh 1315', '1315/QĐ-TTg', 'qd-ttg 1315 2023'])('“%s” is Quyết định 1315/QĐ-TTg', (q) => {
    expect(order(q)[0]).toBe('q1315')
  })

  it.each(['38', 'kh 1315', 'quyết định 38', '38 1315', 'ke hoach 38 gia dinh', '381'])('“%s” is not 1315/QĐ-TTg', (q) => {
    expect(matchesDocumentNumber(foldedTokens(q), qd1315)).toBe(false)
  })
})

describe('names', () => {
  it('a signer’s name finds the document, labelled', () => {
    for (const q of ['tran hong ha', 'Trần Hồng Hà', 'hong ha']) {
      const [first] = rankCandidates(q, flat(['apart', 'news']), catalog)
      expect(first.entry.id, q).toBe('q1315')
      expect(first.label).toBe('Người ký: Trần Hồng Hà')
    }
  })

  it('an honouree’s name without marks or title', () => {
    expect(matchedName(foldedTokens('vu thi thanh nhan'), honouree)).toBe('Bà Vũ Thị Thanh Nhàn')
    expect(order('vu thi thanh nhan')[0]).toBe('hn')
  })

  it('one syllable or a run that stops before the given name is not a name', () => {
    expect(matchedName(foldedTokens('ha'), qd1315)).toBeUndefined()
    expect(matchedName(foldedTokens('tran hong'), qd1315)).toBeUndefined()
  })
})

describe('syllables together and in order rank above the same syllables apart', () => {
  it('in titles: the indicator whose short title holds the phrase first, the page with the words apart last', () => {
    const ranked = order('gia dinh hoc tap', ['apart', 'news', 'gdht'])
    expect(ranked).toEqual(['gdht', 'news', 'apart'])
  })

  it('in the body: consecutive matched positions beat scattered ones', () => {
    expect(longestRun([3, 40, 41, 42, 43, 90])).toBe(4)
    const candidates = [
      { id: 'apart', score: 1, words: [2, 30, 60, 90] },
      { id: 'news', score: 0.5, words: [10, 11, 12, 13] },
    ]
    const bare: Catalog = { entries: [entry('apart', '/a/', 'A', 'Tin tức'), entry('news', '/b/', 'B', 'Tin tức')], words: {} }
    expect(rankCandidates('dai hoi bieu duong', candidates, bare).map((h) => h.entry.id)).toEqual(['news', 'apart'])
  })

  it('exact marks break a tie between pages that fold the same', () => {
    const a = entry('a', '/a/', 'Đại hội biểu dương', 'Tin tức')
    const b = entry('b', '/b/', 'Dải hồi biểu dưỡng', 'Tin tức')
    const c: Catalog = { entries: [b, a], words: {} }
    expect(rankCandidates('Đại hội', flat(['b', 'a']), c)[0].entry.id).toBe('a')
    // Without marks the two are equal: the order is stable (by address).
    expect(rankCandidates('dai hoi', flat(['b', 'a']), c)[0].entry.id).toBe('a')
  })

  it('an abbreviation finds the title that spells it out', () => {
    expect(order('truong thcs dong hop')[0]).toBe('sch')
  })
})

describe('excerpts: the phrase, highlighted as a phrase, in proper Vietnamese', () => {
  const text =
    'Năm 2022 tổ chức hội nghị dài ngày. Hội viên tham gia. ' +
    'x '.repeat(60) +
    'Quý III/2026 kết hợp tổ chức “Đại hội biểu dương các mô hình học tập tiêu biểu” toàn tỉnh.'

  it('chooses the passage holding the whole query and marks it once', () => {
    const excerpt = phraseExcerpt(text, 'dai hoi bieu duong')
    expect(excerpt).toContain('“<mark>Đại hội biểu dương</mark> các mô hình')
    expect(excerpt).not.toContain('<mark>dài</mark>')
    expect(excerpt).not.toMatch(/<mark>Hội<\/mark>/)
    expect(excerpt).not.toMatch(/Dai|dai hoi/)
  })

  it('marks a document number written as one word', () => {
    expect(phraseExcerpt('Căn cứ Kế hoạch số 38/KH-HĐTĐKT ngày 04/4/2023', '38/KH-HĐTĐKT')).toContain('<mark>38/KH-HĐTĐKT</mark>')
  })

  it('escapes the page text', () => {
    expect(phraseExcerpt('Hội "khuyến học" & <x>', 'khuyen hoc')).toBe('Hội &quot;<mark>khuyến học</mark>&quot; &amp; &lt;x&gt;')
  })
})

describe('filters', () => {
  const hits = rankCandidates('gia dinh hoc tap', flat(['apart', 'news', 'gdht', 'p38']), catalog)

  it('any value within a filter, all filters together', () => {
    expect(passes(news, { 'Mục': ['Tin tức', 'Văn bản'] })).toBe(true)
    expect(passes(news, { 'Mục': ['Tin tức'], 'Năm': ['2024'] })).toBe(false)
    expect(passes(plan38, { 'Loại văn bản': ['Kế hoạch'], 'Cơ quan': ['Hội đồng Thi đua - Khen thưởng tỉnh Thái Bình'] })).toBe(true)
  })

  it('each filter is counted with the other filters applied; a chosen value stays listed', () => {
    const counts = filterCounts(hits, { 'Năm': ['2023'] }, ['Mục', 'Năm'])
    expect(counts['Mục']).toEqual({ 'Tin tức': 1, 'Văn bản': 1 })
    expect(counts['Năm']).toEqual({ 2023: 2, 2024: 1 })
    expect(filterCounts(hits, { 'Năm': ['1999'] }, ['Năm'])['Năm']['1999']).toBe(0)
  })
})

describe('suggestions for mistyped and unmarked words', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('hco', 'hoc')).toBe(1)
    expect(editDistance('tapp', 'tap')).toBe(1)
  })

  it('offers the commonest close words, as written', () => {
    expect(corrections('khuyen hco', catalog)[0]).toBe('khuyen học')
    expect(corrections('tran hong haa', catalog)).toContain('tran hong hà')
    expect(corrections('khuyen hoc', catalog)).toEqual([])
  })

  it('writes an unmarked phrase the way a title does', () => {
    expect(suggestions('dai hoi bieu duong', { entries: [entry('x', '/x/', 'Đại hội biểu dương các mô hình', 'Tin tức')], words: {} })).toEqual(['đại hội biểu dương'])
  })
})

describe('base and delta index merged (site/scripts/search-delta.ts)', () => {
  it('a candidate the catalogue does not list (a superseded base record) is not shown, a page in both indexes once', () => {
    const hits = rankCandidates('gia dinh hoc tap', [
      { id: 'gdht', score: 3, words: [0, 1, 2, 3] },
      { id: 'superseded', score: 9, words: [0, 1, 2, 3] },
      { id: 'gdht', score: 1, words: [0] },
    ], catalog)
    expect(hits.map((h) => h.entry.id)).toEqual(['gdht'])
    // The first (Pagefind's merged results come best first) is kept.
    expect(hits[0].score).toBe(rankCandidates('gia dinh hoc tap', [{ id: 'gdht', score: 3, words: [0, 1, 2, 3] }], catalog)[0].score)
  })

  it('word counts adjusted page by page equal counting again', () => {
    const counted = new WordCounts()
    counted.add('Gia đình học tập', 'Khuyến học khuyến tài')
    counted.add('Đại hội biểu dương')
    counted.remove('Gia đình học tập', 'Khuyến học khuyến tài')
    counted.add('Gia đình Zqxtenmoi học tập')
    const again = new WordCounts()
    again.add('Đại hội biểu dương')
    again.add('Gia đình Zqxtenmoi học tập')
    expect(counted.words()).toEqual(again.words())
    expect(counted.words().khuyen).toBeUndefined()
  })
})
