/**
 * The text Pagefind indexes is the text a reader sees: every HTML entity decoded (Astro and the
 * rich-text renderer may write `&hellip;`, `&ndash;`, `&nbsp;` or numeric references).
 */
import { describe, expect, it } from 'vitest'

import { searchFactsAttr } from '../site/lib/search-facts'
import { mainText, recordFromHtml } from '../site/lib/search-records'

const page = (title: string, main: string) =>
  `<!doctype html><html lang="vi"><head><meta property="og:title" content="${title}"></head><body><main>${main}</main></body></html>`

describe('search records decode HTML entities', () => {
  it('decodes named entities beyond the basic five', () => {
    expect(mainText(page('x', '<p>Đang cập nhật&hellip; giai đoạn 2021&ndash;2030 &mdash; “Khuyến học”&nbsp;&copy;</p>'))).toBe(
      'Đang cập nhật… giai đoạn 2021–2030 — “Khuyến học” ©',
    )
  })

  it('decodes numeric references and escapes once only', () => {
    expect(mainText(page('x', '<p>&#272;&#x110;&#39;&quot;&lt;b&gt; &amp;amp;</p>'))).toBe(`ĐĐ'"<b> &amp;`)
  })

  it('decodes the title', () => {
    const record = recordFromHtml('/tin-tuc/a/', page('Tháng khuyến học 15/8&ndash;15/9 &amp; Xuân khuyến học', '<p>x</p>'))
    expect(record?.meta.title).toBe('Tháng khuyến học 15/8–15/9 & Xuân khuyến học')
  })
})

describe('search facts', () => {
  it('a page’s facts (number, type, year, organisations, names) become filters and catalogue facts, not indexed text', () => {
    const facts = { number: '38/KH-HĐTĐKT', type: 'Kế hoạch', year: 2023, orgs: ['Hội đồng Thi đua - Khen thưởng tỉnh Thái Bình'], names: ['Nguyễn Khắc Thận'] }
    const html = page('Kế hoạch số 38', `<p>Nội dung</p>`).replace('<main>', `<main data-search-facts="${searchFactsAttr(facts)!.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`)
    const record = recordFromHtml('/van-ban/38-kh-hdtdkt-2023/', html)!
    expect(record.facts).toEqual(facts)
    expect(record.filters).toEqual({ 'Mục': ['Văn bản'], 'Năm': ['2023'], 'Cơ quan': ['Hội đồng Thi đua - Khen thưởng tỉnh Thái Bình'], 'Loại văn bản': ['Kế hoạch'] })
    expect(record.content).toBe('Nội dung')
  })

  it('empty facts write nothing; repeated organisations once', () => {
    expect(searchFactsAttr({ names: [], number: '' })).toBeUndefined()
    expect(JSON.parse(searchFactsAttr({ orgs: ['A', 'A', 'B'] })!)).toEqual({ orgs: ['A', 'B'] })
  })
})
