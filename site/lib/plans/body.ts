/** A document's body and its table of contents; plain-text blocks. */
import type { Plan } from '../../../cms/payload-types'
import { type Heading, richTextToHtml, type RichTextOptions } from '../richtext'

export interface TocNode extends Heading {
  children: TocNode[]
}

/**
 * The body as HTML with its headings renumbered to sit under the page's h2 section: the
 * document's outermost headings become h3 and no heading skips a level (source documents do,
 * e.g. h3 before the first h2, h4 straight under h2). Heading ids and text are kept; the table
 * of contents follows the new levels.
 */
export function planBody(
  plan: Plan,
  sectionLevel = 2,
  options: RichTextOptions = {},
): { html: string; headings: Heading[]; toc: TocNode[] } {
  const { html: raw, headings } = richTextToHtml(plan.body, `văn bản “${plan.title}”`, options)
  // Each heading goes one level below the nearest preceding heading of a higher source level.
  const stack: { source: number; level: number }[] = []
  const newLevelById = new Map<string, number>()
  const html = raw.replace(/<h([1-6])([^>]*)>([\s\S]*?)<\/h\1>/g, (_m, depth: string, attrs: string, inner: string) => {
    const source = Number(depth)
    while (stack.length && stack[stack.length - 1].source >= source) stack.pop()
    const level = Math.min(6, (stack[stack.length - 1]?.level ?? sectionLevel) + 1)
    stack.push({ source, level })
    const id = /\sid="([^"]+)"/.exec(attrs)?.[1]
    if (id) newLevelById.set(id, level)
    return `<h${level}${attrs}>${inner}</h${level}>`
  })
  const renumbered = headings.map((h) => ({ ...h, depth: newLevelById.get(h.id) ?? h.depth }))
  return { html: accessibleTables(html), headings: renumbered, toc: tocTree(renumbered) }
}

/**
 * Tables of the body: scrollable on phones, header cells scoped (Lexical marks a header row
 * "header-1", a header column "header-2"), and a caption naming the section they sit in
 * (the source tables have none; it is read by screen readers only). Heading text is already HTML.
 */
function accessibleTables(html: string): string {
  let section = ''
  let n = 0
  return html.replace(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>|<table([^>]*)>|<\/table>|<th(\s[^>]*)?>/g, (match, heading?: string, tableAttrs?: string, thAttrs?: string) => {
    if (heading !== undefined) {
      section = heading.replace(/<[^>]+>/g, '').trim()
      return match
    }
    if (tableAttrs !== undefined) {
      n++
      const caption = `Bảng ${n} trong nội dung văn bản${section ? `, mục “${section}”` : ''}`
      return `<div class="table-wrap"><table${tableAttrs}><caption class="visually-hidden">${caption}</caption>`
    }
    if (match === '</table>') return '</table></div>'
    const attrs = thAttrs ?? ''
    if (/\sscope=/.test(attrs)) return match
    const scope = /header-2\b/.test(attrs) ? 'row' : 'col'
    return `<th scope="${scope}"${attrs}>`
  })
}

export function tocTree(headings: Heading[]): TocNode[] {
  const roots: TocNode[] = []
  const stack: TocNode[] = []
  for (const h of headings) {
    const node: TocNode = { ...h, children: [] }
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop()
    if (stack.length) stack[stack.length - 1].children.push(node)
    else roots.push(node)
    stack.push(node)
  }
  return roots
}

/**
 * Plain text (task content, notes) → its lines, kept word for word: a "- " at the start of a
 * line is part of the printed text, so lines become paragraphs, not list items.
 */
export type TextBlock = { kind: 'p'; text: string }
export function textBlocks(text: string | null | undefined): TextBlock[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'p' as const, text: line }))
}
