/**
 * A document's body as its page shows it (site/lib/plans/body.ts): headings renumbered under
 * the page's h2 without skipping a level, tables scrollable, captioned for screen readers and
 * with scoped header cells. The seeded bodies' whole output is compared with the files under
 * tests/__snapshots__/plan-body/ (written from the output before the Lexical converters took
 * this over from regular expressions), so a change in it shows up as a diff to review.
 */
import type { Payload } from 'payload'
import { parseFragment } from 'parse5'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { seed } from '../cms/seed'
import { loadContent } from '../cms/seed/content'
import { planBody } from '../site/lib/plans/body'
import { startTestCms, type TestCms } from './helpers/payload'

const content = loadContent()
let cms: TestCms
let payload: Payload

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  await seed(payload)
})
afterAll(async () => cms?.cleanup())

type HtmlNode = { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: HtmlNode[] }
const elements = (html: string): HtmlNode[] => {
  const out: HtmlNode[] = []
  const visit = (n: HtmlNode) => {
    if (n.tagName) out.push(n)
    for (const c of n.childNodes ?? []) visit(c)
  }
  visit(parseFragment(html) as unknown as HtmlNode)
  return out
}
const attr = (n: HtmlNode, name: string) => n.attrs?.find((a) => a.name === name)?.value
const textOf = (n: HtmlNode): string => (n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(textOf).join(''))

/** The parts of the output this module is responsible for, in document order. */
function keyParts(html: string) {
  const all = elements(html)
  return {
    headings: all.filter((n) => /^h[1-6]$/.test(n.tagName!)).map((n) => `${n.tagName}${attr(n, 'id') ? `#${attr(n, 'id')}` : ''} ${textOf(n).trim()}`),
    captions: all.filter((n) => n.tagName === 'caption').map((n) => `${attr(n, 'class')}: ${textOf(n)}`),
    scopes: Object.fromEntries(['row', 'col', undefined].map((s) => [String(s), all.filter((n) => n.tagName === 'th' && attr(n, 'scope') === s).length])),
    wrappedTables: all.filter((n) => n.tagName === 'div' && attr(n, 'class') === 'table-wrap' && n.childNodes?.[0]?.tagName === 'table').length,
    tables: all.filter((n) => n.tagName === 'table').length,
  }
}

// Lexical JSON as the editor stores it.
type Node = Record<string, unknown>
const text = (t: string): Node => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' })
const element = (type: string, children: Node[], extra: Node = {}): Node => ({ type, version: 1, direction: 'ltr', format: '', indent: 0, children, ...extra })
const heading = (tag: string, t: string) => element('heading', [text(t)], { tag })
const cell = (headerState: number, t: string) => element('tablecell', [element('paragraph', [text(t)])], { headerState, colSpan: 1, rowSpan: 1 })
const table = (...rows: Node[][]) => element('table', rows.map((cells) => element('tablerow', cells)))

describe('the seeded bodies', () => {
  test.each(content.plans.map((p) => [p.key] as const))('%s: output unchanged', async (key) => {
    const plan = (await payload.find({ collection: 'plans', where: { seedKey: { equals: key } }, overrideAccess: true, limit: 1 })).docs[0]
    const body = planBody(plan)
    const parts = keyParts(body.html)
    await expect(`${JSON.stringify({ ...parts, toc: body.toc }, null, 2)}\n\n${body.html}\n`).toMatchFileSnapshot(`__snapshots__/plan-body/${key}.txt`)
    // Levels: the outermost are h3, none deeper than one below the previous.
    const levels = body.headings.map((h) => h.depth)
    expect(levels[0] ?? 3).toBe(3)
    levels.forEach((level, i) => expect(level).toBeLessThanOrEqual((levels[i - 1] ?? 2) + 1))
    expect(parts.headings.map((h) => Number(h[1]))).toEqual(expect.arrayContaining(levels))
    // Every table wrapped and captioned; every header cell scoped.
    expect(parts.wrappedTables).toBe(parts.tables)
    expect(parts.captions).toHaveLength(parts.tables)
    expect(parts.scopes.undefined).toBe(0)
  })

  test('the plan with tables: captions name their section, header rows scope columns', async () => {
    const plan = (await payload.find({ collection: 'plans', where: { seedKey: { equals: 'kh-29-hkh-thai-binh-2022-chuong-trinh-387' } }, overrideAccess: true, limit: 1 })).docs[0]
    const parts = keyParts(planBody(plan).html)
    expect(parts.tables).toBeGreaterThan(0)
    parts.captions.forEach((c, i) => expect(c).toMatch(new RegExp(`^visually-hidden: Bảng ${i + 1} trong nội dung văn bản, mục “[^”]+”$`)))
    expect(parts.scopes.col).toBeGreaterThan(0)
  })
})

describe('headings and tables of any shape', () => {
  const body = {
    root: element('root', [
      table([cell(1, 'Trước mọi tiêu đề'), cell(1, 'Cột')], [cell(2, 'Hàng'), cell(0, '1')]),
      heading('h4', 'Mục sâu trước'),
      heading('h2', 'Phần “một” & <hai>'),
      heading('h4', 'Nhảy cấp'),
      heading('h5', 'Không vào mục lục & <b>'),
      table([cell(3, 'Cả hai'), cell(1, 'Cột')], [cell(2, 'Hàng'), cell(0, '2')]),
      heading('h3', 'Lùi lại'),
      heading('h2', 'Phần “một” & <hai>'),
      heading('h6', 'Sâu nhất'),
    ]),
  }
  const result = planBody({ title: 'Kế hoạch thử', body } as never)
  const parts = keyParts(result.html)

  test('each heading one level below the nearest preceding heading of a higher source level', () => {
    expect(parts.headings).toEqual([
      'h3#muc-sau-truoc Mục sâu trước',
      'h3#phan-mot-hai Phần “một” & <hai>',
      'h4#nhay-cap Nhảy cấp',
      'h5 Không vào mục lục & <b>',
      'h4#lui-lai Lùi lại',
      'h3#phan-mot-hai-2 Phần “một” & <hai>',
      'h4 Sâu nhất',
    ])
    expect(result.headings.map((h) => [h.id, h.depth])).toEqual([['muc-sau-truoc', 3], ['phan-mot-hai', 3], ['nhay-cap', 4], ['lui-lai', 4], ['phan-mot-hai-2', 3]])
    expect(result.toc.map((n) => [n.id, n.children.map((c) => c.id)])).toEqual([['muc-sau-truoc', []], ['phan-mot-hai', ['nhay-cap', 'lui-lai']], ['phan-mot-hai-2', []]])
    // Plain text: the table of contents escapes it once (it used to show "&amp;").
    expect(result.headings[1].text).toBe('Phần “một” & <hai>')
  })

  test('captions name the section (none before the first heading), escaped; header cells scoped', () => {
    expect(parts.captions).toEqual(['visually-hidden: Bảng 1 trong nội dung văn bản', 'visually-hidden: Bảng 2 trong nội dung văn bản, mục “Không vào mục lục & <b>”'])
    expect(result.html).toContain('<caption class="visually-hidden">Bảng 1 trong nội dung văn bản</caption>')
    expect(result.html).toContain('Phần “một” &amp; &lt;hai&gt;')
    expect(result.html).toContain('mục “Không vào mục lục &amp; &lt;b&gt;”</caption>')
    expect(result.html).not.toMatch(/<hai>|<b>/)
    expect(parts.scopes).toEqual({ row: 2, col: 4, undefined: 0 })
    expect(parts.wrappedTables).toBe(2)
  })
})
