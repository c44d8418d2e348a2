/**
 * What portal rich text may contain: the Lexical node types the editor offers and the portal
 * renders, each with its properties and their allowed values, and the HTML the renderer may
 * output. One source for the editor's features and the save check (cms/fields/richText.ts)
 * and for the renderer (site/lib/richtext.ts), so what can be saved is exactly what can be
 * shown, and a value the renderer would print can only be one of these.
 *
 * Pure data and functions: no Payload imports, so the portal build can use it as is.
 */

// ── Allowed values ───────────────────────────────────────────────────────────

/** h1 is the page title on every portal page; a body starts at h2. */
export const HEADING_TAGS = ['h2', 'h3', 'h4', 'h5', 'h6'] as const
export type HeadingTag = (typeof HEADING_TAGS)[number]
/** Headings that get an id and a place in the table of contents. */
export const TOC_HEADING_TAGS: readonly HeadingTag[] = ['h2', 'h3', 'h4']

/** Lexical list types and the element each is written as. */
export const LIST_TAG_BY_TYPE = { bullet: 'ul', number: 'ol', check: 'ul' } as const
export type ListType = keyof typeof LIST_TAG_BY_TYPE

/** Lexical TableCellHeaderStates: none, header row, header column, both. */
export const TABLE_HEADER_STATES = [0, 1, 2, 3] as const
export const TABLE_CELL_VERTICAL_ALIGNS = ['top', 'middle', 'bottom'] as const

/** Block alignment ("format" of an element node) and the CSS text-align it becomes. */
export const ELEMENT_FORMATS = {
  '': undefined,
  left: undefined,
  start: 'left',
  center: 'center',
  right: 'right',
  end: 'right',
  justify: 'justify',
} as const satisfies Record<string, string | undefined>
export type ElementFormat = keyof typeof ELEMENT_FORMATS

export const TEXT_DIRECTIONS = ['ltr', 'rtl'] as const
/** Indentation steps (40px each when rendered). */
export const MAX_INDENT = 10

/** Lexical text format bits (bold 1 … capitalize 1024); any combination of them. */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
  lowercase: 256,
  uppercase: 512,
  capitalize: 1024,
} as const
export const TEXT_FORMAT_MASK = Object.values(TEXT_FORMAT).reduce((a, b) => a | b, 0)
export const TEXT_MODES = ['normal', 'token', 'segmented'] as const

export const LINK_TYPES = ['custom', 'internal'] as const
/** Collections an internal link may point to: the ones with a public page. */
export const INTERNAL_LINK_COLLECTIONS = ['plans', 'campaigns', 'honourees', 'news', 'pages'] as const
export type InternalLinkCollection = (typeof INTERNAL_LINK_COLLECTIONS)[number]
export const UPLOAD_COLLECTIONS = ['media'] as const

/** URL schemes a link may use (besides portal paths and #fragments). */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const

// ── Links ────────────────────────────────────────────────────────────────────

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A link target the portal may print: http(s), mailto, tel, a path inside the portal
 * ("/van-ban/…", not "//host" nor "/\host") or a "#fragment". Never javascript:, data:,
 * vbscript: or anything a browser could read as another scheme or host.
 */
export function isSafeLinkUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2048) return false
  // Whitespace, controls and backslashes let browsers read a different URL than we check.
  if (/[\s\u0000-\u001f\u007f-\u009f\\<>"'`]/.test(url)) return false
  if (url.startsWith('#')) return true
  if (url.startsWith('/')) return !url.startsWith('//')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (!scheme || !(LINK_SCHEMES as readonly string[]).includes(scheme)) return false
  if (scheme === 'http' || scheme === 'https') {
    if (!/^https?:\/\/[^/?#]/i.test(url)) return false
    try {
      return ['http:', 'https:'].includes(new URL(url).protocol)
    } catch {
      return false
    }
  }
  return url.length > scheme.length + 1
}

/** A database id as the CMS stores it: a positive integer (SQLite) or an ObjectId (MongoDB). */
export const isDocumentId = (value: unknown): value is number | string =>
  (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
  (typeof value === 'string' && (/^[1-9]\d{0,15}$/.test(value) || /^[0-9a-f]{24}$/.test(value)))

/** A reference to a document, as saved (an id) or populated on read (an object with that id). */
const isDocumentRef = (value: unknown) =>
  isDocumentId(value) || (isRecord(value) && isDocumentId(value.id))

/** A colour for a table cell background; the renderer prints it into style="…". */
export const isSafeCssColor = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length <= 40 &&
  (/^#[0-9a-f]{3,8}$/i.test(value) || /^(rgb|hsl)a?\([\d\s.,%/deg]+\)$/i.test(value) || /^[a-z]{3,20}$/i.test(value))

// ── Node types ───────────────────────────────────────────────────────────────

/** A property check: `true`, or what the value must be (Vietnamese, completes "phải …"). */
type Check = (value: unknown, node: Record<string, unknown>) => true | string

const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v as never) || `là một trong: ${values.map((x) => (x === '' ? '“” (trống)' : JSON.stringify(x))).join(', ')}`
const integer =
  (min: number, max: number): Check =>
  (v) =>
    (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) || `là số nguyên từ ${min} đến ${max}`
const number =
  (min: number, max: number): Check =>
  (v) =>
    (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) || `là số từ ${min} đến ${max}`
const boolean: Check = (v) => typeof v === 'boolean' || 'là true hoặc false'
const optional =
  (check: Check): Check =>
  (v, node) =>
    v === undefined || v === null ? true : check(v, node)
/** Absent, or as `check` says: null is refused too (Lexical refuses a list item's null value with its own English message). */
const absentOr =
  (check: Check): Check =>
  (v, node) =>
    v === undefined ? true : check(v, node)
/** Inline CSS Lexical keeps (never printed by the portal): no quotes, brackets or escapes. */
const cssText: Check = (v) =>
  (typeof v === 'string' && v.length <= 500 && /^[\w\s:;#%.,()+-]*$/.test(v)) || 'là khai báo CSS đơn giản (không có dấu nháy, dấu <, >, \\)'
const plainString =
  (max: number): Check =>
  (v) =>
    (typeof v === 'string' && v.length <= max) || `là chuỗi ký tự (tối đa ${max} ký tự)`
const version: Check = integer(0, 10)
/**
 * Lexical's NodeState (`$`), e.g. `{ mdHardLineBreak: "  " }` on a line break imported from
 * Markdown. Never rendered; kept to plain values.
 */
const nodeState: Check = (v) =>
  (isRecord(v) &&
    Object.keys(v).length <= 10 &&
    Object.entries(v).every(([k, x]) => /^[\w-]{1,64}$/.test(k) && (x === null || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x)) || (typeof x === 'string' && x.length <= 200)))) ||
  'là trạng thái nút Lexical đơn giản (tối đa 10 khóa, giá trị là chuỗi ngắn, số hoặc true/false)'
/** Every node has a type (checked first) and a version, and may carry NodeState. */
const base = { version, $: optional(nodeState) }

const elementProps: Record<string, Check> = {
  ...base,
  direction: optional(oneOf(TEXT_DIRECTIONS)),
  format: optional(oneOf(Object.keys(ELEMENT_FORMATS))),
  indent: optional(integer(0, MAX_INDENT)),
  textFormat: optional(integer(0, TEXT_FORMAT_MASK)),
  textStyle: optional(cssText),
}
const textProps: Record<string, Check> = {
  ...base,
  text: plainString(100_000),
  detail: optional(integer(0, 3)),
  format: optional(integer(0, TEXT_FORMAT_MASK)),
  mode: optional(oneOf(TEXT_MODES)),
  style: optional(cssText),
}

/** Keys of a link's `fields` and what each must be. */
const linkFields: Check = (v) => {
  if (!isRecord(v)) return 'là một đối tượng { linkType, url, newTab }'
  const allowed = new Set(['linkType', 'url', 'newTab', 'doc'])
  const extra = Object.keys(v).find((k) => !allowed.has(k))
  if (extra) return `không có khóa “${extra}” (chỉ có linkType, url, newTab, doc)`
  const linkType = v.linkType ?? 'custom'
  if (!(LINK_TYPES as readonly unknown[]).includes(linkType)) return `có linkType là “custom” hoặc “internal”`
  if (v.newTab !== undefined && v.newTab !== null && typeof v.newTab !== 'boolean') return 'có newTab là true hoặc false'
  if (linkType === 'internal') {
    const doc = v.doc
    if (!isRecord(doc) || !(INTERNAL_LINK_COLLECTIONS as readonly unknown[]).includes(doc.relationTo) || !isDocumentRef(doc.value))
      return `trỏ tới một tài liệu của cổng thông tin (doc.relationTo là một trong ${INTERNAL_LINK_COLLECTIONS.join(', ')}, doc.value là mã tài liệu)`
    if (v.url !== undefined && v.url !== null && v.url !== '' && !isSafeLinkUrl(v.url)) return linkUrlRule
    return true
  }
  return isSafeLinkUrl(v.url) || linkUrlRule
}
const linkUrlRule =
  'có url là địa chỉ http://, https://, mailto:, tel:, đường dẫn trong cổng thông tin (bắt đầu bằng “/”) hoặc “#…”; không dùng javascript:, data: hay địa chỉ có khoảng trắng'

const autolinkFields: Check = (v) => {
  if (!isRecord(v)) return 'là một đối tượng { url }'
  // Lexical's paste handler writes `doc: null` on links it creates from a pasted URL.
  const extra = Object.keys(v).find((k) => !['linkType', 'url', 'newTab'].includes(k) && !(k === 'doc' && v.doc == null))
  if (extra) return `không có khóa “${extra}” (chỉ có linkType, url, newTab)`
  if (v.linkType !== undefined && v.linkType !== null && v.linkType !== 'custom') return 'có linkType là “custom”'
  if (v.newTab !== undefined && v.newTab !== null && typeof v.newTab !== 'boolean') return 'có newTab là true hoặc false'
  return isSafeLinkUrl(v.url) || linkUrlRule
}

const listTagMatchesType: Check = (v, node) =>
  LIST_TAG_BY_TYPE[node.listType as ListType] === v || `là “${LIST_TAG_BY_TYPE[node.listType as ListType] ?? 'ul'}” với listType “${String(node.listType)}”`

/** Node types by what may contain them. */
const INLINE = ['text', 'linebreak', 'tab', 'link', 'autolink'] as const
const LINK_CONTENT = ['text', 'linebreak', 'tab'] as const
const BLOCKS = ['paragraph', 'heading', 'quote', 'list', 'table', 'upload', 'horizontalrule'] as const
const CELL_CONTENT = ['paragraph', 'heading', 'quote', 'list', 'upload', 'horizontalrule'] as const

export type NodeSpec = {
  /** Vietnamese name shown to staff. */
  label: string
  props: Record<string, Check>
  required?: string[]
  /** Child node types; absent: the node has no children. */
  children?: readonly string[]
}

/**
 * Every node type portal rich text may contain. The editor offers exactly these features
 * (cms/fields/richText.ts) and the renderer has a converter for each (site/lib/richtext.ts).
 */
export const RICH_TEXT_NODES = {
  root: { label: 'nội dung', props: elementProps, children: BLOCKS },
  paragraph: { label: 'đoạn văn', props: elementProps, children: INLINE },
  heading: { label: 'tiêu đề', props: { ...elementProps, tag: oneOf(HEADING_TAGS) }, required: ['tag'], children: INLINE },
  quote: { label: 'trích dẫn', props: elementProps, children: INLINE },
  list: {
    label: 'danh sách',
    props: { ...elementProps, listType: oneOf(Object.keys(LIST_TAG_BY_TYPE)), tag: listTagMatchesType, start: optional(integer(0, 1_000_000)) },
    required: ['listType', 'tag'],
    children: ['listitem'],
  },
  listitem: {
    label: 'mục danh sách',
    props: { ...elementProps, value: absentOr(integer(0, 1_000_000)), checked: optional(boolean) },
    children: [...INLINE, 'list'],
  },
  link: {
    label: 'liên kết',
    props: { ...elementProps, fields: linkFields, id: optional((v) => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v)) || 'là mã gồm chữ, số, - hoặc _') },
    required: ['fields'],
    children: LINK_CONTENT,
  },
  autolink: { label: 'liên kết tự động', props: { ...elementProps, fields: autolinkFields }, required: ['fields'], children: LINK_CONTENT },
  table: {
    label: 'bảng',
    props: {
      ...elementProps,
      colWidths: optional((v) => (Array.isArray(v) && v.length <= 100 && v.every((w) => number(0, 10_000)(w, {}) === true)) || 'là danh sách độ rộng cột (số từ 0 đến 10000)'),
      frozenColumnCount: optional(integer(0, 100)),
      frozenRowCount: optional(integer(0, 100)),
      rowStriping: optional(boolean),
    },
    children: ['tablerow'],
  },
  tablerow: { label: 'hàng của bảng', props: { ...elementProps, height: optional(number(0, 10_000)) }, children: ['tablecell'] },
  tablecell: {
    label: 'ô của bảng',
    props: {
      ...elementProps,
      headerState: oneOf(TABLE_HEADER_STATES),
      colSpan: optional(integer(1, 1000)),
      rowSpan: optional(integer(1, 1000)),
      backgroundColor: optional((v) => isSafeCssColor(v) || 'là một màu CSS (#rrggbb, rgb(…), hsl(…) hoặc tên màu)'),
      width: optional(number(0, 10_000)),
      verticalAlign: optional(oneOf(TABLE_CELL_VERTICAL_ALIGNS)),
    },
    required: ['headerState'],
    children: CELL_CONTENT,
  },
  upload: {
    label: 'tệp hoặc ảnh chèn',
    props: {
      ...base,
      id: optional((v) => (typeof v === 'string' && /^[\w-]{1,64}$/.test(v)) || 'là mã gồm chữ, số, - hoặc _'),
      relationTo: oneOf(UPLOAD_COLLECTIONS),
      value: (v) => isDocumentRef(v) || 'là mã của một tệp trong thư viện',
      format: optional(oneOf(Object.keys(ELEMENT_FORMATS))),
      fields: optional((v) => (isRecord(v) && Object.keys(v).length === 0) || 'để trống'),
    },
    required: ['relationTo', 'value'],
  },
  horizontalrule: { label: 'đường kẻ ngang', props: base },
  linebreak: { label: 'xuống dòng', props: base },
  tab: { label: 'ký tự tab', props: { ...textProps, text: (v) => v === '\t' || 'là ký tự tab' } },
  text: { label: 'đoạn chữ', props: textProps, required: ['text'] },
} as const satisfies Record<string, NodeSpec>

export type RichTextNodeType = keyof typeof RICH_TEXT_NODES
export const RICH_TEXT_NODE_TYPES = Object.keys(RICH_TEXT_NODES) as RichTextNodeType[]

// ── The check ────────────────────────────────────────────────────────────────

/** What staff know a property as, where Lexical's name says little (shown before the name). */
const PROPERTY_LABELS: Record<string, string> = {
  format: 'căn lề hoặc định dạng',
  indent: 'thụt lề',
  direction: 'hướng chữ',
  tag: 'cấp',
  listType: 'kiểu danh sách',
  headerState: 'kiểu ô tiêu đề',
  colSpan: 'số cột gộp',
  rowSpan: 'số hàng gộp',
  backgroundColor: 'màu nền',
  fields: 'địa chỉ liên kết',
  value: 'giá trị',
  relationTo: 'thư viện',
}
const property = (key: string) => (PROPERTY_LABELS[key] ? `thuộc tính ${PROPERTY_LABELS[key]} “${key}”` : `thuộc tính “${key}”`)

const MAX_DEPTH = 40
const MAX_NODES = 200_000

/**
 * The first thing in `value` (stored Lexical JSON) the portal cannot render safely, as a
 * Vietnamese sentence (without the field name), or `null` when every node and property is
 * allowed. Empty values (null/undefined) are fine.
 */
export function richTextProblem(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (!isRecord(value) || !isRecord(value.root)) return 'không phải nội dung soạn thảo hợp lệ (thiếu “root”).'
  const extraTop = Object.keys(value).find((k) => k !== 'root')
  if (extraTop) return `có khóa “${extraTop}” ngoài “root”, không được phép.`
  let count = 0
  const visit = (node: unknown, allowed: readonly string[], where: string, depth: number): string | null => {
    if (++count > MAX_NODES) return 'quá lớn để lưu.'
    if (depth > MAX_DEPTH) return `lồng nhau quá sâu (${where}).`
    if (!isRecord(node) || typeof node.type !== 'string') return `có một phần tử không hợp lệ (${where}).`
    const spec = (RICH_TEXT_NODES as Record<string, NodeSpec>)[node.type]
    if (!spec) return `có loại khối “${node.type}” (${where}) mà cổng thông tin không hiển thị được.`
    if (!allowed.includes(node.type)) return `có ${spec.label} (“${node.type}”) đặt sai chỗ (${where}); ở đây chỉ được có: ${allowed.join(', ')}.`
    for (const key of spec.required ?? []) {
      if (node[key] === undefined || node[key] === null) return `có ${spec.label} (${where}) thiếu ${property(key)}.`
    }
    for (const [key, v] of Object.entries(node)) {
      if (key === 'type' || key === 'children') continue
      const check = spec.props[key]
      if (!check) return `có ${spec.label} (${where}) với thuộc tính “${key}” không được phép.`
      const result = check(v, node)
      if (result !== true) return `có ${spec.label} (${where}) với ${property(key)} không hợp lệ: giá trị phải ${result}.`
    }
    if (!spec.children) return 'children' in node ? `có ${spec.label} (${where}) chứa phần tử con, không được phép.` : null
    if (!Array.isArray(node.children)) return `có ${spec.label} (${where}) thiếu danh sách “children”.`
    for (let i = 0; i < node.children.length; i++) {
      // "khối 3 › phần tử 2 › …": where the problem is, counted as staff see the blocks.
      const childWhere = depth === 0 ? `khối ${i + 1}` : `${where} › phần tử ${i + 1}`
      const problem = visit(node.children[i], spec.children, childWhere, depth + 1)
      if (problem) return problem
    }
    return null
  }
  return visit(value.root, ['root'], 'gốc nội dung', 0)
}

// ── Rendered HTML ────────────────────────────────────────────────────────────

/**
 * Elements and attributes the renderer's output may contain (checked again on the output by
 * an HTML sanitizer, and by the tests). Classes and styles are limited further below.
 */
export const RICH_TEXT_HTML_ATTRIBUTES: Record<string, readonly string[]> = {
  p: ['style'],
  h2: ['style', 'id'],
  h3: ['style', 'id'],
  h4: ['style', 'id'],
  // h5 and h6 carry ids too: a document page nests the text's h4 one or two levels deeper.
  h5: ['style', 'id'],
  h6: ['style', 'id'],
  blockquote: ['style'],
  ul: ['style', 'class'],
  ol: ['style', 'class'],
  li: ['style', 'class', 'value'],
  input: ['type', 'checked', 'disabled'],
  a: ['style', 'href', 'rel', 'target'],
  strong: [],
  em: [],
  span: ['style'],
  code: [],
  sub: [],
  sup: [],
  br: [],
  hr: [],
  div: ['style', 'class'],
  table: ['class', 'style'],
  caption: ['class'],
  tbody: [],
  tr: ['style', 'class'],
  th: ['class', 'style', 'colspan', 'rowspan', 'scope'],
  td: ['class', 'style', 'colspan', 'rowspan'],
  picture: ['style'],
  source: ['media', 'srcset', 'type', 'sizes'],
  img: ['style', 'alt', 'src', 'srcset', 'sizes', 'width', 'height', 'loading', 'decoding'],
}
export const RICH_TEXT_HTML_ELEMENTS = Object.keys(RICH_TEXT_HTML_ATTRIBUTES)

export const RICH_TEXT_HTML_CLASSES: Record<string, readonly (string | RegExp)[]> = {
  ul: ['list-bullet', 'list-check'],
  ol: ['list-number'],
  li: ['nestedListItem', 'list-item-checkbox', 'list-item-checkbox-checked', 'list-item-checkbox-unchecked'],
  div: ['lexical-table-container', 'table-wrap'],
  caption: ['visually-hidden'],
  table: ['lexical-table'],
  tr: ['lexical-table-row'],
  th: ['lexical-table-cell', /^lexical-table-cell-header-[0-3]$/],
  td: ['lexical-table-cell', /^lexical-table-cell-header-[0-3]$/],
}

/** CSS properties the renderer writes into style="…", with the values it may write. */
export const RICH_TEXT_HTML_STYLES: Record<string, RegExp[]> = {
  'text-align': [/^(left|right|center|justify)$/],
  'padding-inline-start': [/^\d{1,4}px$/],
  'text-decoration': [/^(underline|line-through)$/],
  'list-style-type': [/^none$/],
  'border-collapse': [/^collapse$/],
  border: [/^1px solid #ccc$/],
  padding: [/^8px$/],
  'background-color': [/^#[0-9a-f]{3,8}$/i, /^(rgb|hsl)a?\([\d\s.,%/deg]+\)$/i, /^[a-z]{3,20}$/i],
}

/** An image inserted in rich text: the prose column's width, phones first (site/lib/richtext-images.ts). */
export const RICH_TEXT_IMAGE_SIZES = '(max-width: 50rem) calc(100vw - 2rem), 48rem'
/** The formats of its <source> elements: astro:assets' AVIF and WebP, and the CMS's WebP sizes. */
export const RICH_TEXT_IMAGE_TYPES = ['image/avif', 'image/webp'] as const

/** Attributes limited to fixed values (space-separated tokens for `rel`). */
export const RICH_TEXT_HTML_ATTRIBUTE_VALUES: Record<string, readonly string[]> = {
  target: ['_blank'],
  rel: ['noopener', 'noreferrer'],
  type: ['checkbox', ...RICH_TEXT_IMAGE_TYPES],
  sizes: [RICH_TEXT_IMAGE_SIZES],
  loading: ['lazy'],
  decoding: ['async'],
  scope: ['row', 'col'],
}
