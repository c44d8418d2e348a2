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
 * of contents follows the new levels. Tables scroll on phones, their header cells are scoped,
 * and a caption (for screen readers; the source tables have none) names the section they sit in.
 * The converters in ../richtext.ts do both, from these options.
 */
export function planBody(
  plan: Pick<Plan, 'title' | 'body'>,
  sectionLevel = 2,
  options: RichTextOptions = {},
): { html: string; headings: Heading[]; toc: TocNode[] } {
  const { html, headings } = richTextToHtml(plan.body, `văn bản “${plan.title}”`, {
    ...options,
    headingLevels: (stored) => nestedHeadingLevels(stored, sectionLevel),
    tableCaption: (n, section) => `Bảng ${n} trong nội dung văn bản${section ? `, mục “${section}”` : ''}`,
  })
  return { html, headings, toc: tocTree(headings) }
}

/** Each heading one level below the nearest preceding heading of a higher source level (at most h6). */
export function nestedHeadingLevels(stored: readonly number[], sectionLevel: number): number[] {
  const stack: { source: number; level: number }[] = []
  return stored.map((source) => {
    while (stack.length && stack[stack.length - 1].source >= source) stack.pop()
    const level = Math.min(6, (stack[stack.length - 1]?.level ?? sectionLevel) + 1)
    stack.push({ source, level })
    return level
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

/**
 * The original text ("Toàn văn") as paragraphs: split at blank lines; the line breaks inside a
 * paragraph are kept (the page shows them). Text only: the page escapes it.
 */
export function fullTextParagraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n[ \t]*(?:\r?\n)+/)
    .map((paragraph) => paragraph.replace(/\r\n?/g, '\n').trim())
    .filter(Boolean)
}
