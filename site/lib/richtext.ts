/**
 * Stored Lexical rich text → HTML, with ids on headings for the table of contents.
 *
 * Two layers, because rich text is written by authors and shown to administrators in the
 * preview and to every reader once published:
 * 1. our own converter for every node type (Payload's defaults print some stored values raw,
 *    e.g. a table cell's headerState into class="…"): each prints only values from the allow-lists
 *    in cms/lib/richTextSchema.ts — the schema the CMS checks on save — and escapes text;
 * 2. the resulting HTML goes through sanitize-html with the same schema's allow-list of
 *    elements, attributes, classes, styles and URL schemes.
 */
import { convertLexicalToHTML, type HTMLConverters } from '@payloadcms/richtext-lexical/html'
import { decodeHTML } from 'entities'
import sanitizeHtml from 'sanitize-html'

import {
  ELEMENT_FORMATS,
  HEADING_TAGS,
  isSafeCssColor,
  isSafeLinkUrl,
  LINK_SCHEMES,
  LIST_TAG_BY_TYPE,
  MAX_INDENT,
  RICH_TEXT_HTML_ATTRIBUTE_VALUES,
  RICH_TEXT_HTML_ATTRIBUTES,
  RICH_TEXT_HTML_CLASSES,
  RICH_TEXT_HTML_ELEMENTS,
  RICH_TEXT_HTML_STYLES,
  TABLE_HEADER_STATES,
  TEXT_FORMAT,
  TOC_HEADING_TAGS,
  type InternalLinkCollection,
  type ListType,
  type RichTextNodeType,
} from '../../cms/lib/richTextSchema'
import { slugify } from '../../cms/lib/vietnamese'
import { internalLinkPaths } from './routes'

export type Heading = { id: string; text: string; depth: number }

/**
 * An image inserted in the text, prepared by the page (site/lib/richtext-images.ts: astro:assets
 * files of a published image, or the CMS's copy in a staff preview). Keyed by media id.
 */
export type RichTextImage = {
  src: string
  /** The <img>'s own widths (optional: a preview shows one CMS file). */
  srcset?: string
  width: number
  height: number
  alt: string
  sources: { type: string; srcset: string }[]
  sizes: string
}

export type RichTextOptions = {
  /**
   * The images the reader may see. When given, an image upload renders only from here (any
   * other is left out: it is not public, or not an image the portal has); without it, from the
   * populated media's own URLs (what Payload returns: CMS paths).
   */
  images?: ReadonlyMap<string, RichTextImage>
  /**
   * The levels headings are shown at: given every heading's stored level (h2 → 2, …) in
   * document order, the level to print each at (a document page nests them under its own h2).
   * Without it, headings keep their stored level.
   */
  headingLevels?: (stored: readonly number[]) => readonly number[]
  /**
   * Tables as a document page shows them: in a scrolling `.table-wrap`, header cells scoped
   * (`row` for a header column, `col` otherwise) and a caption for screen readers from this
   * function — the table's number in the text (1, 2, …) and the plain text of the nearest
   * heading above it ('' before the first). Without it, tables are printed as stored.
   */
  tableCaption?: (n: number, section: string) => string
}

/**
 * Content the portal cannot display (a block or node type added in the CMS without a
 * renderer here). Failing the build is deliberate: readers never see "unknown node", the live
 * site stays as it was, and staff see this message in the build status.
 */
export class UnsupportedContentError extends Error {}

/** Where an internal link goes on the portal, per linked collection (site/lib/routes.ts). */
const INTERNAL_LINK_PATHS: Record<InternalLinkCollection, (slug: string) => string> = internalLinkPaths

// ── Values, as the converters may print them ─────────────────────────────────

type Node = Record<string, any>
const isRecord = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = <T extends object>(o: T, key: unknown): key is keyof T => typeof key === 'string' && Object.hasOwn(o, key)

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** The same escaping as Payload's converters (escape-html), so text renders as before. */
const escapeHtml = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c])

const intIn = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined

/** Alignment and indentation of a block, as Payload writes them (text-align, then 40px steps). */
function blockCss(node: Node, { indent = true } = {}): string {
  let css = ''
  const align = has(ELEMENT_FORMATS, node.format) ? ELEMENT_FORMATS[node.format] : undefined
  if (align) css += `text-align: ${align};`
  const steps = intIn(node.indent, 0, MAX_INDENT)
  if (indent && steps) css += `padding-inline-start: ${steps * 40}px;`
  return css
}
const styleAttr = (css: string) => (css ? ` style="${css}"` : '')

function formatText(html: string, format: unknown): string {
  const bits = typeof format === 'number' && Number.isInteger(format) ? format : 0
  let text = html
  if (bits & TEXT_FORMAT.bold) text = `<strong>${text}</strong>`
  if (bits & TEXT_FORMAT.italic) text = `<em>${text}</em>`
  if (bits & TEXT_FORMAT.strikethrough) text = `<span style="text-decoration: line-through;">${text}</span>`
  if (bits & TEXT_FORMAT.underline) text = `<span style="text-decoration: underline;">${text}</span>`
  if (bits & TEXT_FORMAT.code) text = `<code>${text}</code>`
  if (bits & TEXT_FORMAT.subscript) text = `<sub>${text}</sub>`
  if (bits & TEXT_FORMAT.superscript) text = `<sup>${text}</sup>`
  return text
}

/** A link's target, or undefined when it is unsafe or points nowhere public (the text stays, unlinked). */
function linkHref(fields: unknown): string | undefined {
  if (!isRecord(fields)) return undefined
  if (fields.linkType === 'internal') {
    const doc = fields.doc
    const target = isRecord(doc) ? doc.value : undefined
    // An unpopulated value is a document the reader cannot see (a draft, or deleted).
    if (!isRecord(doc) || !has(INTERNAL_LINK_PATHS, doc.relationTo) || !isRecord(target) || typeof target.slug !== 'string') return undefined
    const slug = slugify(target.slug)
    return slug ? INTERNAL_LINK_PATHS[doc.relationTo](slug) : undefined
  }
  return isSafeLinkUrl(fields.url) ? fields.url : undefined
}

/** A media URL: only a path or http(s) address (never a #fragment placeholder). */
const mediaUrl = (url: unknown) => (isSafeLinkUrl(url) && !url.startsWith('#') && !/^(mailto|tel):/i.test(url) ? url : undefined)

// ── Outline (a pre-pass over the document, before the converters run) ─────────

/** Where each heading and table sits in the document, for the options that need it. */
type Outline = {
  /** The level each heading is printed at. */
  headingLevel: Map<Node, number>
  /** Each table's number in the text and the heading above it. */
  table: Map<Node, { n: number; section?: Node }>
}

/** Headings and tables in document order (the order the converters print them). */
function outline(nodes: Node[], options: RichTextOptions): Outline {
  const headings: Node[] = []
  const table = new Map<Node, { n: number; section?: Node }>()
  const visit = (node: Node) => {
    if (node.type === 'heading') headings.push(node)
    if (node.type === 'table') table.set(node, { n: table.size + 1, section: headings.at(-1) })
    for (const child of node.children as Node[]) visit(child)
  }
  nodes.forEach(visit)
  const stored = headings.map((h) => Number(storedHeadingTag(h).slice(1)))
  const levels = options.headingLevels?.(stored) ?? stored
  const headingLevel = new Map(headings.map((h, i) => [h, intIn(levels[i], 1, 6) ?? stored[i]]))
  return { headingLevel, table }
}

const storedHeadingTag = (node: Node): (typeof HEADING_TAGS)[number] => (HEADING_TAGS.includes(node.tag) ? node.tag : 'h2')

// ── Converters ───────────────────────────────────────────────────────────────

type Converter = (args: { node: Node; nodesToHTML: (args: { nodes: unknown[] }) => string[]; parent: Node }) => string
type Converters = Record<RichTextNodeType, Converter | string>

/** One converter per node type of the schema (the type makes a missing one a compile error). */
function portalConverters(headings: Heading[], outlined: Outline, options: RichTextOptions = {}): Omit<Converters, 'root'> {
  const usedIds = new Set<string>()
  /** The plain text of each heading printed so far (a table's caption names its section). */
  const headingText = new Map<Node, string>()
  const childrenOf = (node: Node, nodesToHTML: Parameters<Converter>[0]['nodesToHTML']) =>
    Array.isArray(node.children) ? nodesToHTML({ nodes: node.children }) : []

  /** Same ids as before: the heading's text (tags stripped), slugified, numbered when repeated. */
  const headingId = (text: string) => {
    const base = slugify(text).slice(0, 60)
    let id = base || 'muc'
    for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`
    usedIds.add(id)
    return id
  }

  return {
    text: ({ node }) => formatText(escapeHtml(node.text), node.format),
    tab: '\t',
    linebreak: '<br />',
    horizontalrule: '<hr />',
    paragraph: ({ node, nodesToHTML }) => {
      const children = childrenOf(node, nodesToHTML)
      return `<p${styleAttr(blockCss(node))}>${children.length ? children.join('') : '<br />'}</p>`
    },
    heading: ({ node, nodesToHTML }) => {
      const inner = childrenOf(node, nodesToHTML).join('')
      const stored = storedHeadingTag(node)
      const level = outlined.headingLevel.get(node) ?? Number(stored.slice(1))
      const tag = `h${level}`
      const style = styleAttr(blockCss(node))
      // Plain text, entities decoded: the table of contents and captions escape it themselves.
      const text = decodeHTML(inner.replace(/<[^>]+>/g, '').trim())
      headingText.set(node, text)
      // Whether it is in the table of contents follows the level the author chose.
      if (!TOC_HEADING_TAGS.includes(stored)) return `<${tag}${style}>${inner}</${tag}>`
      const id = headingId(text)
      headings.push({ id, text, depth: level })
      return `<${tag}${style} id="${escapeHtml(id)}">${inner}</${tag}>`
    },
    quote: ({ node, nodesToHTML }) => `<blockquote${styleAttr(blockCss(node))}>${childrenOf(node, nodesToHTML).join('')}</blockquote>`,
    list: ({ node, nodesToHTML }) => {
      const listType: ListType = has(LIST_TAG_BY_TYPE, node.listType) ? node.listType : 'bullet'
      const tag = LIST_TAG_BY_TYPE[listType]
      return `<${tag}${styleAttr(blockCss(node))} class="list-${listType}">${childrenOf(node, nodesToHTML).join('')}</${tag}>`
    },
    listitem: ({ node, nodesToHTML, parent }) => {
      const children = childrenOf(node, nodesToHTML).join('')
      const hasSubLists = Array.isArray(node.children) && node.children.some((c: unknown) => isRecord(c) && c.type === 'list')
      // `value` (the item's number) is valid HTML only inside an <ol>.
      const value = isRecord(parent) && parent.listType === 'number' ? intIn(node.value, 0, 1_000_000) : undefined
      const valueAttr = value === undefined ? '' : ` value="${value}"`
      const css = blockCss(node, { indent: false })
      if (isRecord(parent) && parent.listType === 'check') {
        const checked = node.checked === true
        const classes = `list-item-checkbox list-item-checkbox-${checked ? 'checked' : 'unchecked'}${hasSubLists ? ' nestedListItem' : ''}`
        const box = hasSubLists ? '' : `<input type="checkbox" disabled${checked ? ' checked' : ''} /> `
        return `<li class="${classes}"${styleAttr(`list-style-type: none;${css}`)}${valueAttr}>${box}${children}</li>`
      }
      const style = hasSubLists ? `list-style-type: none;${css}` : css
      return `<li${hasSubLists ? ' class="nestedListItem"' : ''}${styleAttr(style)}${valueAttr}>${children}</li>`
    },
    link: ({ node, nodesToHTML }) => anchor(node, childrenOf(node, nodesToHTML).join('')),
    autolink: ({ node, nodesToHTML }) => anchor(node, childrenOf(node, nodesToHTML).join('')),
    table: ({ node, nodesToHTML }) => {
      const rows = childrenOf(node, nodesToHTML).join('')
      const table = (caption: string) =>
        `<table class="lexical-table" style="border-collapse: collapse;">${caption}<tbody>${rows}</tbody></table>`
      const place = outlined.table.get(node)
      const inner =
        options.tableCaption && place
          ? `<div class="table-wrap">${table(`<caption class="visually-hidden">${escapeHtml(options.tableCaption(place.n, (place.section && headingText.get(place.section)) ?? ''))}</caption>`)}</div>`
          : table('')
      return `<div${styleAttr(blockCss(node))} class="lexical-table-container">${inner}</div>`
    },
    tablerow: ({ node, nodesToHTML }) => `<tr${styleAttr(blockCss(node))} class="lexical-table-row">${childrenOf(node, nodesToHTML).join('')}</tr>`,
    tablecell: ({ node, nodesToHTML }) => {
      const headerState = TABLE_HEADER_STATES.includes(node.headerState) ? (node.headerState as number) : 0
      const tag = headerState > 0 ? 'th' : 'td'
      // Lexical's header column is headerState 2 (row headers); a header row, or both, heads columns.
      const scope = tag === 'th' && options.tableCaption ? ` scope="${headerState === 2 ? 'row' : 'col'}"` : ''
      let style = `border: 1px solid #ccc; padding: 8px;${blockCss(node)}`
      if (isSafeCssColor(node.backgroundColor)) style += ` background-color: ${node.backgroundColor};`
      const colSpan = intIn(node.colSpan, 2, 1000)
      const rowSpan = intIn(node.rowSpan, 2, 1000)
      return `<${tag}${scope} class="lexical-table-cell lexical-table-cell-header-${headerState}"${colSpan ? ` colspan="${colSpan}"` : ''}${rowSpan ? ` rowspan="${rowSpan}"` : ''} style="${style}">${childrenOf(node, nodesToHTML).join('')}</${tag}>`
    },
    upload: ({ node }) => (options.images ? preparedUpload(node, options.images) : upload(node)),
  }
}

function anchor(node: Node, children: string): string {
  const href = linkHref(node.fields)
  if (!href) return children
  const newTab = isRecord(node.fields) && node.fields.newTab === true
  return `<a${styleAttr(blockCss(node))} href="${escapeHtml(href)}"${newTab ? ' rel="noopener noreferrer" target="_blank"' : ''}>${children}</a>`
}

/** A file or image inserted in the text: shown only when populated (readable by the reader). */
function upload(node: Node): string {
  const doc = node.value
  if (!isRecord(doc)) return ''
  const url = mediaUrl(doc.url)
  if (!url) return ''
  const style = styleAttr(blockCss(node))
  if (typeof doc.mimeType !== 'string' || !doc.mimeType.startsWith('image/')) {
    return `<a${style} href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(doc.filename)}</a>`
  }
  const size = (v: unknown) => intIn(v, 1, 100_000) ?? ''
  const img = (attrs: string) => `<img${attrs} alt="${escapeHtml(isRecord(node.fields) && node.fields.alt ? node.fields.alt : doc.alt)}" height="${size(doc.height)}" src="${escapeHtml(url)}" width="${size(doc.width)}" />`
  const sources = Object.values(isRecord(doc.sizes) ? doc.sizes : {})
    .filter((s): s is Node => isRecord(s) && !!intIn(s.width, 1, 100_000) && !!mediaUrl(s.url) && typeof s.mimeType === 'string' && /^image\/[\w.+-]+$/.test(s.mimeType))
    .map((s) => `<source media="(max-width: ${s.width}px)" srcset="${escapeHtml(s.url)}" type="${escapeHtml(s.mimeType)}" />`)
  return sources.length ? `<picture${style}>${sources.join('')}${img('')}</picture>` : img(style)
}

/** The media id of an upload node, populated or not. */
function uploadId(node: Node): string | undefined {
  const value = isRecord(node.value) ? node.value.id : node.value
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : undefined
}

/** An image from the page's prepared images: AVIF and WebP sources, the largest WebP as <img>. */
function preparedUpload(node: Node, images: ReadonlyMap<string, RichTextImage>): string {
  const id = uploadId(node)
  const image = id === undefined ? undefined : images.get(id)
  if (!image) return isRecord(node.value) && !String(node.value.mimeType ?? '').startsWith('image/') ? upload(node) : ''
  const size = (v: unknown) => intIn(v, 1, 100_000) ?? ''
  const style = styleAttr(blockCss(node))
  const img = (attrs: string) =>
    `<img${attrs} alt="${escapeHtml(image.alt)}" src="${escapeHtml(image.src)}"${image.srcset ? ` srcset="${escapeHtml(image.srcset)}" sizes="${escapeHtml(image.sizes)}"` : ''} width="${size(image.width)}" height="${size(image.height)}" loading="lazy" decoding="async" />`
  const sources = image.sources.map((s) => `<source type="${escapeHtml(s.type)}" srcset="${escapeHtml(s.srcset)}" sizes="${escapeHtml(image.sizes)}" />`)
  return sources.length ? `<picture${style}>${sources.join('')}${img('')}</picture>` : img(style)
}

// ── Sanitizer ────────────────────────────────────────────────────────────────

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_HTML_ELEMENTS],
  allowedAttributes: Object.fromEntries(
    Object.entries(RICH_TEXT_HTML_ATTRIBUTES).map(([element, attributes]) => [
      element,
      attributes.map((name) =>
        has(RICH_TEXT_HTML_ATTRIBUTE_VALUES, name) ? { name, multiple: name === 'rel', values: [...RICH_TEXT_HTML_ATTRIBUTE_VALUES[name]] } : name,
      ),
    ]),
  ),
  allowedClasses: Object.fromEntries(Object.entries(RICH_TEXT_HTML_CLASSES).map(([element, classes]) => [element, [...classes]])),
  allowedStyles: { '*': RICH_TEXT_HTML_STYLES },
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  // <source> is a void element: without this sanitize-html closes it with a stray </source>.
  selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'],
}

/**
 * Only nodes the converter can walk: objects with a string type, children in an array. Stored
 * content is not trusted to be either (Payload's walker would throw on it, outside any converter).
 */
function wellFormed(nodes: unknown): Node[] {
  if (!Array.isArray(nodes)) return []
  return nodes
    .filter((node): node is Node => isRecord(node) && typeof node.type === 'string')
    .map((node) => ({ ...node, children: wellFormed(node.children) }))
}

// ── Entry point ──────────────────────────────────────────────────────────────

export function richTextToHtml(data: unknown, where = 'nội dung', options: RichTextOptions = {}): { html: string; headings: Heading[] } {
  if (!data) return { html: '', headings: [] }
  if (!isRecord(data) || !isRecord(data.root) || !Array.isArray(data.root.children)) {
    throw new UnsupportedContentError(`Nội dung soạn thảo của ${where} không đúng định dạng; hãy mở và lưu lại trong CMS.`)
  }
  const unsupported: string[] = []
  const headings: Heading[] = []
  const children = wellFormed(data.root.children)
  const converters = portalConverters(headings, outline(children, options), options)
  const raw = convertLexicalToHTML({
    data: { root: { ...data.root, children } } as never,
    disableContainer: true,
    // Alignment and indentation are written by our converters from allowed values only.
    disableIndent: true,
    disableTextAlign: true,
    // Our converters replace Payload's defaults entirely; nothing else may render. No prototype:
    // a stored type such as "constructor" or "__proto__" is unknown, not a function of Object.
    converters: Object.assign(Object.create(null), converters, {
      // The converter swallows errors thrown here, so unknown kinds are collected instead.
      unknown: ({ node }: { node: Node }) => {
        unsupported.push(String(node.fields?.blockType ?? node.type))
        return ''
      },
    }) as HTMLConverters,
  })
  if (unsupported.length) {
    throw new UnsupportedContentError(
      `Cổng thông tin chưa hiển thị được khối ${[...new Set(unsupported)].map((k) => `“${k}”`).join(', ')} trong ${where}; hãy bỏ khối này hoặc bổ sung cách hiển thị cho nó.`,
    )
  }
  return { html: sanitizeHtml(raw, SANITIZE), headings }
}

