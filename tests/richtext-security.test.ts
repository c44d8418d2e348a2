/**
 * Rich text cannot carry script into the portal (issue 9, item 1).
 *
 * - The reported exploit — a table cell whose headerState is `0" autofocus onfocus="…" x="` —
 *   is refused on save (an author's draft, over REST and GraphQL, in every rich text field) with
 *   a Vietnamese message naming the field, and nothing is saved.
 * - Forced into the database anyway, it renders without any event handler.
 * - Property-based: hostile values (quotes, <, >, javascript:, on…=, data: URLs, unicode) in every
 *   property of every node type the editor allows. Whatever the save check accepts is valid by an
 *   oracle written here, and whatever is rendered — valid or not — parses (parse5, as a browser
 *   does) into allowed elements, attributes, classes, styles and URL schemes only.
 */
import fc from 'fast-check'
import { parseFragment } from 'parse5'
import type { Payload, RichTextField } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import {
  RICH_TEXT_HTML_ATTRIBUTES,
  RICH_TEXT_HTML_CLASSES,
  RICH_TEXT_HTML_STYLES,
  RICH_TEXT_NODES,
  RICH_TEXT_NODE_TYPES,
  richTextProblem,
  type RichTextNodeType,
} from '../cms/lib/richTextSchema'
import { markdownConverter } from '../cms/seed/markdown'
import { planBody } from '../site/lib/plans/body'
import { richTextToHtml, UnsupportedContentError } from '../site/lib/richtext'
import { uploadMedia } from './helpers/files'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

// Imported after startTestCms: it loads the config, which reads DATABASE_URL.
let rest: typeof import('./helpers/http').rest
let gql: typeof import('./helpers/http').gql
let cms: TestCms
let payload: Payload
let author: Awaited<ReturnType<typeof makeUser>>
let authorAuth: Record<string, string>
let mediaId: number
let orgId: number | string

// ── Documents as the editor writes them ──────────────────────────────────────

type Node = Record<string, any>
const text = (t: string, extra: Node = {}): Node => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '', ...extra })
const element = (type: string, children: Node[], extra: Node = {}): Node => ({ type, version: 1, direction: 'ltr', format: '', indent: 0, children, ...extra })
const document = (...blocks: Node[]) => ({ root: element('root', blocks) })
const cell = (headerState: unknown, content = 'Ô') =>
  element('tablecell', [element('paragraph', [text(content)], { textFormat: 0, textStyle: '' })], { headerState, colSpan: 1, rowSpan: 1, backgroundColor: null })

/** The exploit from the issue, exactly. */
const EXPLOIT_HEADER_STATE = '0" autofocus onfocus="fetch(\'/api/users\',{method:\'POST\',credentials:\'include\'})" x="'
const exploitBody = () => document(element('table', [element('tablerow', [cell(EXPLOIT_HEADER_STATE, 'Bẫy')])]))

/** One node of every type the editor allows, shaped as Lexical exports them. */
function everyNodeDocument(uploadValue: unknown = mediaId): ReturnType<typeof document> {
  return document(
    element('heading', [text('Mục một', { format: 1 })], { tag: 'h2' }),
    element('paragraph', [
      text('Chữ '),
      text('đậm', { format: 1 }),
      { type: 'linebreak', version: 1 },
      { type: 'tab', version: 1, text: '\t', format: 0, detail: 2, mode: 'normal', style: '' },
      element('link', [text('trang')], { fields: { linkType: 'custom', url: 'https://example.org/a?b=1', newTab: true }, id: '65a1b2c3d4e5f6a7b8c9d0e1' }),
      element('autolink', [text('example.org')], { fields: { linkType: 'custom', url: 'https://example.org' } }),
    ], { textFormat: 0, textStyle: '' }),
    element('quote', [text('Trích dẫn')]),
    element('list', [element('listitem', [text('Một')], { value: 1 }), element('listitem', [element('list', [element('listitem', [text('Con')], { value: 1 })], { listType: 'bullet', tag: 'ul', start: 1 })], { value: 2 })], { listType: 'number', tag: 'ol', start: 1 }),
    element('list', [element('listitem', [text('Việc')], { value: 1, checked: true })], { listType: 'check', tag: 'ul', start: 1 }),
    element('table', [element('tablerow', [cell(1, 'Năm'), cell(0, '2025')], { height: 32 })], { colWidths: [120, 200], rowStriping: false }),
    { type: 'upload', version: 3, format: '', id: '65a1b2c3d4e5f6a7b8c9d0e2', relationTo: 'media', value: uploadValue, fields: {} },
    { type: 'horizontalrule', version: 1 },
  )
}

/** The same, with the upload populated as the portal build reads it. */
const populatedMedia = (overrides: Node = {}): Node => ({
  id: 1,
  url: '/api/media/file/anh.jpg',
  filename: 'anh.jpg',
  mimeType: 'image/jpeg',
  alt: 'Ảnh',
  width: 800,
  height: 400,
  sizes: { card: { url: '/api/media/file/anh-card.jpg', width: 400, height: 200, mimeType: 'image/webp', filesize: 100, filename: 'anh-card.jpg' } },
  ...overrides,
})

// ── What the rendered HTML may contain (checked on the parsed DOM) ──────────────

const PORTAL = new URL('https://portal.invalid/trang/')
/** Oracle for a URL in the output, by the WHATWG URL parser browsers use: a safe scheme, and relative ones stay on the portal. */
function safeRenderedUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value, PORTAL)
  } catch {
    return false
  }
  if (!['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol)) return false
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value.replace(/^[\u0000-\u0020]+/, ''))
  return hasScheme || url.host === PORTAL.host
}

type HtmlNode = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: HtmlNode[] }

/** Every problem in rendered HTML, as readable strings (empty when safe). */
function unsafeParts(html: string): string[] {
  const problems: string[] = []
  const visit = (node: HtmlNode) => {
    if (node.tagName) {
      const tag = node.tagName
      const allowed = RICH_TEXT_HTML_ATTRIBUTES[tag]
      if (!allowed) problems.push(`element <${tag}>`)
      for (const { name, value } of node.attrs ?? []) {
        if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag}>`)
        if (!allowed?.includes(name)) problems.push(`attribute ${name} on <${tag}>`)
        if ((name === 'href' || name === 'src') && !safeRenderedUrl(value)) problems.push(`${name}="${value}" on <${tag}>`)
        if (name === 'srcset' && !value.split(',').every((c) => safeRenderedUrl(c.trim().split(/\s+/)[0] ?? ''))) problems.push(`srcset="${value}"`)
        if (name === 'class') {
          const classes = RICH_TEXT_HTML_CLASSES[tag] ?? []
          for (const c of value.split(/\s+/).filter(Boolean)) {
            if (!classes.some((k) => (typeof k === 'string' ? k === c : k.test(c)))) problems.push(`class ${c} on <${tag}>`)
          }
        }
        if (name === 'style') {
          for (const declaration of value.split(';').filter((d) => d.trim())) {
            const [property, ...rest] = declaration.split(':')
            const rules = RICH_TEXT_HTML_STYLES[property.trim()]
            if (!rules || !rules.some((r) => r.test(rest.join(':').trim()))) problems.push(`style ${declaration} on <${tag}>`)
          }
          if (/url\(|expression|javascript|\\/i.test(value)) problems.push(`style "${value}"`)
        }
        if (name === 'id' && !/^[a-z0-9-]+$/.test(value)) problems.push(`id="${value}"`)
        if (['value', 'colspan', 'rowspan', 'width', 'height'].includes(name) && !/^\d*$/.test(value)) problems.push(`${name}="${value}"`)
        if (name === 'target' && value !== '_blank') problems.push(`target="${value}"`)
        if (name === 'type' && value !== 'checkbox' && tag === 'input') problems.push(`type="${value}"`)
      }
    }
    for (const child of node.childNodes ?? []) visit(child)
  }
  visit(parseFragment(html) as unknown as HtmlNode)
  return problems
}

/**
 * Render as the portal build does — as news and pages show rich text, and as a document page
 * does (headings renumbered, tables captioned and scoped; site/lib/plans/body.ts) — joined;
 * content the portal refuses to render (build error) is safe too.
 */
function render(body: unknown): string {
  try {
    return richTextToHtml(body, 'kiểm thử').html + planBody({ title: 'kiểm thử', body } as never).html
  } catch (error) {
    if (error instanceof UnsupportedContentError) return ''
    throw error
  }
}

// ── Oracle for accepted content: the printed values, written independently of the schema ─

const oneOf = (...values: unknown[]) => (v: unknown) => values.includes(v)
const absentOr = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || v === null || check(v)
const nonNegativeInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0
const positiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1
const elementOracle = {
  direction: absentOr(oneOf('ltr', 'rtl')),
  format: absentOr(oneOf('', 'left', 'start', 'center', 'right', 'end', 'justify')),
  indent: absentOr(nonNegativeInt),
}
const linkOracle = (fields: any) =>
  typeof fields === 'object' &&
  fields !== null &&
  (fields.linkType === 'internal'
    ? ['plans', 'campaigns', 'honourees', 'news', 'pages'].includes(fields.doc?.relationTo)
    : typeof fields.url === 'string' && safeRenderedUrl(fields.url) && !/[\s"'<>\\]/.test(fields.url)) &&
  absentOr((v) => typeof v === 'boolean')(fields.newTab)
const ORACLE: Record<string, Record<string, (v: unknown) => boolean>> = {
  root: elementOracle,
  paragraph: elementOracle,
  quote: elementOracle,
  heading: { ...elementOracle, tag: oneOf('h2', 'h3', 'h4', 'h5', 'h6') },
  list: { ...elementOracle, listType: oneOf('bullet', 'number', 'check'), tag: oneOf('ul', 'ol') },
  // A list item's value may be absent but not null: Lexical refuses null with its own message.
  listitem: { ...elementOracle, value: (v) => v === undefined || nonNegativeInt(v), checked: absentOr((v) => typeof v === 'boolean') },
  link: { ...elementOracle, fields: linkOracle },
  autolink: { ...elementOracle, fields: linkOracle },
  table: elementOracle,
  tablerow: elementOracle,
  tablecell: {
    ...elementOracle,
    headerState: oneOf(0, 1, 2, 3),
    colSpan: absentOr(positiveInt),
    rowSpan: absentOr(positiveInt),
    backgroundColor: absentOr((v) => typeof v === 'string' && !/[\s"'<>;:\\()]/.test(v.replace(/^(rgb|hsl)a?\([\d\s.,%/deg]+\)$/i, 'x'))),
  },
  upload: { relationTo: oneOf('media'), value: (v) => positiveInt(v) || (typeof v === 'string' && /^\w+$/.test(v)) || (typeof v === 'object' && v !== null) },
  text: { text: (v) => typeof v === 'string', format: absentOr((v) => nonNegativeInt(v) && (v as number) < 2048) },
  tab: { text: oneOf('\t') },
  linebreak: {},
  horizontalrule: {},
}

/** Every accepted node has only known types and values the oracle allows. */
function oracleProblems(body: any): string[] {
  const problems: string[] = []
  const visit = (node: any) => {
    const oracle = ORACLE[node?.type]
    if (!oracle) return problems.push(`type ${JSON.stringify(node?.type)}`)
    for (const [key, ok] of Object.entries(oracle)) if (!ok(node[key])) problems.push(`${node.type}.${key} = ${JSON.stringify(node[key])}`)
    for (const child of Array.isArray(node.children) ? node.children : []) visit(child)
  }
  visit(body.root)
  return problems
}

// ── Hostile values ───────────────────────────────────────────────────────────

const ATTACKS = [
  EXPLOIT_HEADER_STATE,
  '"><script>alert(1)</script>',
  "' onmouseover='alert(1)",
  '" onclick="alert(1)',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  '\u0000javascript:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'vbscript:msgbox(1)',
  '//evil.example/',
  '/\\evil.example/',
  'https://evil.example/" onclick="x',
  'https://example.org/ onfocus=alert(1)',
  '<img src=x onerror=alert(1)>',
  '</p><svg onload=alert(1)>',
  'h1 onclick=alert(1)',
  'h2"><script>',
  'ol onclick=x',
  'number" onclick="x',
  'red;background:url(javascript:alert(1))',
  'expression(alert(1))',
  '1" onfocus="x',
  'onfocus=alert(1)',
  '\u202etxt.exe',
  '𝒳 Đường đến trường',
  '1e400',
  '-1',
  '__proto__',
  'constructor',
]
/** Valid values too, so that accepted documents are generated and checked as well. */
const PLAUSIBLE = [0, 1, 2, 3, 4, -1, 1.5, 2 ** 40, 'h2', 'h3', 'h1', 'ul', 'ol', 'bullet', 'number', 'check', 'center', 'justify', 'ltr', 'rtl', '', 'https://example.org/', '/van-ban/', '#muc', 'mailto:hoi@example.vn', 'tel:+84123', true, false, null, '#ff0000', 'red']
const hostileString = fc.oneof(
  fc.constantFrom(...ATTACKS),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.tuple(fc.constantFrom(...ATTACKS), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
)
const hostileUrl = fc.oneof(hostileString, fc.webUrl(), fc.constantFrom('/van-ban/', '#muc', 'mailto:a@b.vn', 'tel:+84123'))
/** `plausible`: how often a value is drawn from PLAUSIBLE rather than from attacks (weight out of 10). */
const valueArbitrary = (plausible: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 10 - plausible, arbitrary: fc.oneof({ weight: 4, arbitrary: hostileString }, fc.integer(), fc.double(), fc.array(hostileString, { maxLength: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 })) },
    { weight: plausible, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  )
const hostileValue = valueArbitrary(3)
const hostileLinkFields = fc.record(
  {
    linkType: fc.oneof(fc.constantFrom('custom', 'internal'), hostileString),
    url: hostileUrl,
    newTab: fc.oneof(fc.boolean(), hostileValue),
    doc: fc.record({ relationTo: fc.oneof(fc.constantFrom('news', 'pages', 'users'), hostileString), value: fc.oneof(fc.nat(), hostileValue, fc.record({ id: fc.nat(), slug: hostileString })) }),
    [' onclick']: hostileString,
  },
  { requiredKeys: [] },
)
const hostileMedia = fc
  .record({ url: hostileUrl, filename: hostileString, alt: hostileString, mimeType: fc.oneof(fc.constantFrom('image/jpeg', 'application/pdf'), hostileString), width: hostileValue, height: hostileValue, cardUrl: hostileUrl, cardType: fc.oneof(fc.constant('image/webp'), hostileString), cardWidth: fc.oneof(fc.nat(), hostileValue) }, { requiredKeys: [] })
  .map(({ cardUrl, cardType, cardWidth, ...m }) =>
    populatedMedia({ ...m, sizes: { card: { url: cardUrl, mimeType: cardType, width: cardWidth, height: 10, filesize: 1, filename: 'x' } } }),
  )

/** Properties to set on a node: its own, and some it should never have. */
const EXTRA_KEYS = ['type', 'children', 'onclick', 'class', 'style', 'href', 'src', '$']
type Check = (value: unknown, node: Node) => true | string
const propsOf = (type: RichTextNodeType) => (RICH_TEXT_NODES[type] as unknown as { props: Record<string, Check> }).props
/** Values of PLAUSIBLE the schema takes for this property: generated often, so that many documents pass. */
const passing = (type: RichTextNodeType, key: string) => PLAUSIBLE.filter((v) => propsOf(type)[key]?.(v, { listType: 'number' }) === true)

const mutationWith = (value: (type: RichTextNodeType, key: string) => fc.Arbitrary<unknown>, extraKeys = EXTRA_KEYS) =>
  fc.constantFrom(...RICH_TEXT_NODE_TYPES).chain((type) =>
    fc.constantFrom(...Object.keys(propsOf(type)), ...extraKeys).chain((key) =>
      fc.record({ type: fc.constant(type), key: fc.constant(key), value: value(type, key), fields: hostileLinkFields, media: hostileMedia }),
    ),
  )
const mutation = mutationWith(() => hostileValue)
/** Mostly values the schema takes, on the node's own properties: many documents pass, so what passes gets checked. */
const nearlyValidMutation = mutationWith(
  (type, key) => (passing(type, key).length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...passing(type, key)) }, hostileValue) : hostileValue),
  ['onclick'],
)
type Mutation = { type: RichTextNodeType; key: string; value: unknown; fields: unknown; media: Node }

/** Apply each mutation to every node of its type in a fresh document. */
function mutatedDocument(mutations: Mutation[], { populated }: { populated: boolean }) {
  const body = everyNodeDocument(populated ? populatedMedia() : mediaId) as { root: Node }
  const nodes: Node[] = []
  const collect = (n: Node) => {
    nodes.push(n)
    for (const c of Array.isArray(n.children) ? n.children : []) collect(c)
  }
  collect(body.root)
  for (const m of mutations) {
    for (const node of nodes.filter((n) => n.type === m.type)) {
      if (m.key === 'fields' && (m.type === 'link' || m.type === 'autolink')) node.fields = m.fields
      else if (m.key === 'value' && m.type === 'upload' && populated) node.value = m.media
      else node[m.key] = m.value
    }
  }
  return body
}

// ── Setup ────────────────────────────────────────────────────────────────────

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  ;({ rest, gql } = await import('./helpers/http'))
  author = await makeUser(payload, 'author')
  const { token } = await payload.login({ collection: 'users', data: { email: author.email, password: author.password } })
  authorAuth = { authorization: `JWT ${token}` }
  const data = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer()
  mediaId = (await uploadMedia(payload, { name: 'anh-thu.jpg', mimetype: 'image/jpeg', data, alt: 'Ảnh thử' })).id as number
  orgId = (await payload.create({ collection: 'organizations', data: { name: 'Hội Khuyến học tỉnh', kind: 'study-promotion-association' } })).id
}, 60_000)
afterAll(async () => cms?.cleanup())

const newsCount = async () => (await payload.count({ collection: 'news', overrideAccess: true })).totalDocs
const versionCount = async () => (await payload.countVersions({ collection: 'news', overrideAccess: true })).totalDocs

/** The error a refused save produced for `path`: 400, a Vietnamese message naming the field. */
function fieldError(errors: any[], path: string): { message: string } | undefined {
  return errors.flatMap((e: any) => e.data?.errors ?? e.extensions?.data?.errors ?? []).find((e: any) => e.path === path)
}

// ── The reported exploit ─────────────────────────────────────────────────────

describe('the exploit from the issue', () => {
  test('an author’s draft over REST is refused with a Vietnamese message naming the field, and nothing is saved', async () => {
    const [before, versionsBefore] = [await newsCount(), await versionCount()]
    const res = await rest('POST', '/news?draft=true', { title: 'Tin có bẫy', body: exploitBody(), _status: 'draft' }, authorAuth)
    expect(res.status).toBe(400)
    const error = fieldError(res.json.errors, 'body')
    expect(error, JSON.stringify(res.json)).toBeDefined()
    expect(error!.message).toMatch(/^Nội dung có ô của bảng .*“headerState” không hợp lệ: giá trị phải là một trong: 0, 1, 2, 3\.$/)
    expect([await newsCount(), await versionCount()]).toEqual([before, versionsBefore])
  })

  test('an author updating a draft over REST is refused too, and the draft is unchanged', async () => {
    const draft = await rest('POST', '/news?draft=true', { title: 'Bản nháp', body: document(element('paragraph', [text('Lành')])), _status: 'draft' }, authorAuth)
    expect(draft.status).toBe(201)
    const id = draft.json.doc.id
    const res = await rest('PATCH', `/news/${id}?draft=true`, { body: exploitBody(), _status: 'draft' }, authorAuth)
    expect(res.status).toBe(400)
    expect(fieldError(res.json.errors, 'body')?.message).toContain('headerState')
    const stored = await payload.findByID({ collection: 'news', id, draft: true, overrideAccess: true })
    expect(JSON.stringify(stored.body)).not.toContain('onfocus')
  })

  test('over GraphQL, as a draft, it is refused with the same message, and nothing is saved', async () => {
    const before = await newsCount()
    const res = await gql(`mutation { createNews(draft: true, data: { title: "Tin có bẫy", _status: draft, body: ${graphqlLiteral(exploitBody())} }) { id } }`, authorAuth)
    expect(res.json.data?.createNews ?? null).toBeNull()
    const messages = JSON.stringify(res.json.errors)
    expect(messages).toContain('Nội dung có ô của bảng')
    expect(messages).toContain('headerState')
    expect(await newsCount()).toBe(before)
  })

  test('every rich text field refuses it: campaigns, honourees, news, pages and plans', async () => {
    const asAuthor = { user: author, overrideAccess: false, draft: true } as const
    const cases: [Promise<unknown>, string, string][] = [
      [payload.create({ collection: 'campaigns', data: { name: 'Phong trào', kind: 'learning-month', body: exploitBody(), _status: 'draft' } as never, ...asAuthor }), 'body', 'Nội dung'],
      [payload.create({ collection: 'honourees', data: { name: 'Điển hình', kind: 'family', story: exploitBody(), _status: 'draft' } as never, ...asAuthor }), 'story', 'Câu chuyện điển hình'],
      [payload.create({ collection: 'news', data: { title: 'Tin', body: exploitBody(), _status: 'draft' } as never, ...asAuthor }), 'body', 'Nội dung'],
      [payload.create({ collection: 'pages', data: { title: 'Trang', body: exploitBody(), _status: 'draft' } as never, ...asAuthor }), 'body', 'Nội dung'],
      [
        payload.create({
          collection: 'plans',
          data: { title: 'Kế hoạch', documentType: 'plan', issuers: [orgId], year: 2025, body: exploitBody(), _status: 'draft' } as never,
          ...asAuthor,
        }),
        'body',
        'Nội dung văn bản',
      ],
    ]
    for (const [save, path, label] of cases) {
      const error: any = await save.then(() => null, (e) => e)
      expect(error, path).not.toBeNull()
      expect(error.status).toBe(400)
      const hit = fieldError([error], path)
      expect(hit, JSON.stringify(error.data)).toBeDefined()
      expect(hit!.message.startsWith(`${label} có ô của bảng`)).toBe(true)
    }
  })

  test('forced into the database, it still renders without any event handler or attribute outside the allow-list', async () => {
    const news = await payload.create({ collection: 'news', data: { title: 'Tin bị sửa thẳng trong cơ sở dữ liệu', _status: 'published' }, overrideAccess: true })
    await payload.db.updateOne({ collection: 'news', id: news.id, data: { body: exploitBody() } })
    const stored = await payload.findByID({ collection: 'news', id: news.id, overrideAccess: true })
    expect((stored.body as any).root.children[0].children[0].children[0].headerState).toBe(EXPLOIT_HEADER_STATE)
    const html = render(stored.body)
    expect(html).toContain('Bẫy')
    expect(html).not.toMatch(/onfocus|autofocus/)
    expect(unsafeParts(html)).toEqual([])
  })
  test('a version holding it (saved before this check) cannot be restored', async () => {
    const news = await payload.create({ collection: 'news', data: { title: 'Tin có phiên bản cũ', _status: 'draft' }, draft: true, overrideAccess: true })
    const now = new Date().toISOString()
    const old = await payload.db.createVersion({
      collectionSlug: 'news',
      parent: news.id,
      versionData: { ...news, body: exploitBody(), _status: 'draft' },
      autosave: false,
      createdAt: now,
      updatedAt: now,
    })
    const versionsBefore = await versionCount()
    const error: any = await payload.restoreVersion({ collection: 'news', id: old.id, overrideAccess: true }).then(() => null, (e) => e)
    expect(error?.status).toBe(400)
    expect(fieldError([error], 'body')?.message).toContain('headerState')
    expect(await versionCount()).toBe(versionsBefore)
    const stored = await payload.findByID({ collection: 'news', id: news.id, draft: false, overrideAccess: true })
    expect(JSON.stringify(stored.body ?? null)).not.toContain('onfocus')
  })
})

/** A JS value as a GraphQL input literal (the JSON scalar accepts object literals). */
function graphqlLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(graphqlLiteral).join(', ')}]`
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${graphqlLiteral(v)}`).join(', ')} }`
  return JSON.stringify(value)
}

// ── What the editor writes is accepted and rendered ──────────────────────────

describe('content the editor writes', () => {
  test('one node of every allowed type is accepted on save and rendered with allowed HTML only', async () => {
    expect(RICH_TEXT_NODE_TYPES.filter((type) => !JSON.stringify(everyNodeDocument()).includes(`"type":"${type}"`))).toEqual([])
    expect(richTextProblem(everyNodeDocument())).toBeNull()
    const saved = await payload.create({ collection: 'news', data: { title: 'Đủ loại nội dung', body: everyNodeDocument() as never, _status: 'draft' }, draft: true, user: author, overrideAccess: false })
    expect(saved.id).toBeDefined()
    const { html, headings } = richTextToHtml(everyNodeDocument(populatedMedia()))
    expect(unsafeParts(html)).toEqual([])
    expect(headings).toEqual([{ id: 'muc-mot', text: 'Mục một', depth: 2 }])
    for (const fragment of ['<h2 id="muc-mot"><strong>Mục một</strong></h2>', '<a href="https://example.org/a?b=1" rel="noopener noreferrer" target="_blank">trang</a>', '<ol class="list-number">', '<th class="lexical-table-cell lexical-table-cell-header-1"', '<picture>', '<hr />', '<blockquote>'])
      expect(html).toContain(fragment)
  })

  test('what Lexical itself writes with the CMS’s editor config passes the check (Markdown import, headless editor)', async () => {
    const fromMarkdown = (await markdownConverter(payload))(
      '## Mục\n\nChữ **đậm** *nghiêng* ~~gạch~~ `mã` [liên kết](https://example.org/a)\n\n---\n\n- [ ] việc một\n- [x] việc hai\n\n1. một\n2. hai\n\n> trích\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\ndòng một  \ndòng hai\n',
    )
    expect(richTextProblem(fromMarkdown)).toBeNull()

    const { createHeadlessEditor } = await import('@payloadcms/richtext-lexical/lexical/headless')
    const { $getRoot, $createParagraphNode, $createTextNode, $createTabNode, $createLineBreakNode } = await import('@payloadcms/richtext-lexical/lexical')
    const { $createTableNodeWithDimensions } = await import('@lexical/table')
    const { getEnabledNodes, editorConfigFactory, $createAutoLinkNode, $createLinkNode, UploadServerNode } = await import('@payloadcms/richtext-lexical')
    const field = payload.collections.news.config.flattenedFields.find((f) => f.name === 'body') as RichTextField
    const editor = createHeadlessEditor({ nodes: getEnabledNodes({ editorConfig: await editorConfigFactory.fromField({ field }) }) })
    editor.update(
      () => {
        const paragraph = $createParagraphNode().setFormat('center').setIndent(2)
        paragraph.append(
          $createTextNode('Chữ').setFormat('bold'),
          $createTabNode(),
          $createLineBreakNode(),
          $createAutoLinkNode({ fields: { linkType: 'custom', url: 'https://example.org', newTab: false } as never }).append($createTextNode('example.org')),
          $createLinkNode({ fields: { linkType: 'internal', doc: { relationTo: 'news', value: 1 }, newTab: true } as never }).append($createTextNode('tin')),
        )
        const table = $createTableNodeWithDimensions(2, 2, true)
        ;(table.getFirstChild() as any).getFirstChild().setBackgroundColor('#ff0000')
        const upload = new (UploadServerNode as any)({ data: { id: '65a1b2c3d4e5f6a7b8c9d0e2', fields: {}, relationTo: 'media', value: mediaId } })
        $getRoot().append(paragraph, table, upload)
      },
      { discrete: true },
    )
    const written = editor.getEditorState().toJSON()
    expect(richTextProblem(written)).toBeNull()
    expect(unsafeParts(richTextToHtml(written).html)).toEqual([])
  })

  test('links: only http(s), mailto, tel, portal paths and #fragments are accepted', () => {
    const withUrl = (url: string) => document(element('paragraph', [element('link', [text('x')], { fields: { linkType: 'custom', url, newTab: false } })]))
    for (const url of ['https://example.org/', 'http://example.org/a?b=c#d', 'mailto:hoi@example.vn', 'tel:+84123456', '/van-ban/38-kh/', '#muc-1'])
      expect(richTextProblem(withUrl(url)), url).toBeNull()
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/', '/\\evil.example/', 'https:evil.example', 'file:///etc/passwd', 'van-ban/x'])
      expect(richTextProblem(withUrl(url)), url).toMatch(/liên kết .*“fields” không hợp lệ/)
  })

  test('stored node types the renderer does not know fail the build with their name, prototype keys included', () => {
    for (const type of ['relationship', 'constructor', '__proto__', 'toString']) {
      expect(() => richTextToHtml(document({ type, version: 1 }), 'tin thử'), type).toThrow(UnsupportedContentError)
      expect(() => richTextToHtml(document({ type, version: 1 }), 'tin thử'), type).toThrow(`“${type}”`)
    }
  })

  test('a node type the portal cannot render (relationship, blocks) is refused with its name', () => {
    expect(richTextProblem(document({ type: 'relationship', version: 2, relationTo: 'news', value: 1 }))).toBe(
      'có loại khối “relationship” (khối 1) mà cổng thông tin không hiển thị được.',
    )
    expect(richTextProblem(document(element('heading', [text('x')], { tag: 'h1' })))).toContain('“tag” không hợp lệ: giá trị phải là một trong: "h2", "h3", "h4", "h5", "h6"')
  })
})

// ── Property-based ───────────────────────────────────────────────────────────

describe('hostile values in every property of every node type', () => {
  test('the renderer outputs only allowed elements, attributes and URLs, whatever is stored (500 documents)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const body = mutatedDocument(mutations as Mutation[], { populated: true })
        const html = render(body)
        expect(unsafeParts(html)).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  test('what the save check accepts is valid by the oracle (2,000 documents)', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.array(fc.oneof(mutation, nearlyValidMutation), { minLength: 1, maxLength: 2 }), (mutations) => {
        const body = mutatedDocument(mutations as Mutation[], { populated: false })
        if (richTextProblem(body) !== null) return
        accepted++
        expect(oracleProblems(body)).toEqual([])
      }),
      { numRuns: 2000 },
    )
    // The generator also produces valid documents, so the oracle is exercised.
    expect(accepted).toBeGreaterThan(50)
  })

  // Found by the property below on CI (seed -1029852676): Lexical refuses a null list item value
  // with an English message; the save check refuses it first, in Vietnamese.
  test('a list item whose value is null is refused with a Vietnamese message, and nothing is saved', async () => {
    const body = document(element('list', [element('listitem', [text('Một')], { value: null })], { listType: 'number', tag: 'ol', start: 1 }))
    const problem = richTextProblem(body)
    expect(problem).toContain('mục danh sách')
    const before = await newsCount()
    const error: any = await payload
      .create({ collection: 'news', data: { title: 'Tin có mục danh sách rỗng', body: body as never, _status: 'draft' }, draft: true, user: author, overrideAccess: false })
      .then(() => null, (e) => e)
    expect(error?.status).toBe(400)
    expect(fieldError([error], 'body')?.message).toBe(`Nội dung ${problem}`)
    expect(await newsCount()).toBe(before)
  })

  test('against the real CMS, a save is refused with a Vietnamese message and nothing saved, or saved content renders safely (40 documents)', async () => {
    const outcomes = { refused: 0, saved: 0 }
    let saves = 0
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(mutation, nearlyValidMutation), { minLength: 1, maxLength: 2 }), async (mutations) => {
        const body = mutatedDocument(mutations as Mutation[], { populated: false })
        const problem = richTextProblem(body)
        const before = await newsCount()
        const outcome: any = await payload
          .create({ collection: 'news', data: { title: `Tin thử ngẫu nhiên ${++saves}`, body: body as never, _status: 'draft' }, draft: true, user: author, overrideAccess: false })
          .then((doc) => ({ doc }), (error) => ({ error }))
        if (problem !== null) {
          expect(outcome.error?.status, String(outcome.error)).toBe(400)
          expect(fieldError([outcome.error], 'body')?.message).toBe(`Nội dung ${problem}`)
          expect(await newsCount()).toBe(before)
          outcomes.refused++
        } else {
          outcomes.saved++
          expect(outcome.error, JSON.stringify({ error: outcome.error?.data, mutations })).toBeUndefined()
          // As stored (depth 0: a missing upload reads back as null once populated), and as the build reads it.
          const stored = await payload.findByID({ collection: 'news', id: outcome.doc.id, draft: true, depth: 0, overrideAccess: true })
          expect(richTextProblem(stored.body)).toBeNull()
          const populated = await payload.findByID({ collection: 'news', id: outcome.doc.id, draft: true, depth: 1, overrideAccess: true })
          expect(unsafeParts(render(populated.body))).toEqual([])
        }
      }),
      { numRuns: 40 },
    )
    expect(outcomes.refused).toBeGreaterThan(3)
    expect(outcomes.saved).toBeGreaterThan(3)
  }, 120_000)
})
