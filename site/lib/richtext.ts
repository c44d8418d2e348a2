/** Stored Lexical rich text → HTML, with ids on headings for the table of contents. */
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import { slugify } from '../../cms/lib/vietnamese'

export type Heading = { id: string; text: string; depth: number }

/**
 * Content the portal cannot display (a block or node type added in the CMS without a
 * renderer here). Failing the build is deliberate: readers never see "unknown node", the live
 * site stays as it was, and staff see this message in the build status.
 */
export class UnsupportedContentError extends Error {}

export function richTextToHtml(data: unknown, where = 'nội dung'): { html: string; headings: Heading[] } {
  if (!data) return { html: '', headings: [] }
  const unsupported: string[] = []
  const raw = convertLexicalToHTML({
    data: data as never,
    disableContainer: true,
    converters: ({ defaultConverters }) => ({
      ...defaultConverters,
      // The converter swallows errors thrown here, so unknown kinds are collected instead.
      unknown: ({ node }) => {
        unsupported.push((node as { fields?: { blockType?: string } }).fields?.blockType ?? node.type)
        return ''
      },
    }),
  })
  if (unsupported.length) {
    throw new UnsupportedContentError(
      `Cổng thông tin chưa hiển thị được khối ${[...new Set(unsupported)].map((k) => `“${k}”`).join(', ')} trong ${where}; hãy bỏ khối này hoặc bổ sung cách hiển thị cho nó.`,
    )
  }
  const headings: Heading[] = []
  const used = new Set<string>()
  const html = raw.replace(/<h([2-4])([^>]*)>([\s\S]*?)<\/h\1>/g, (_m, depth: string, attrs: string, inner: string) => {
    const text = inner.replace(/<[^>]+>/g, '').trim()
    let id = slugify(text).slice(0, 60) || 'muc'
    for (let i = 2; used.has(id); i++) id = `${slugify(text).slice(0, 60)}-${i}`
    used.add(id)
    headings.push({ id, text, depth: Number(depth) })
    return `<h${depth}${attrs} id="${id}">${inner}</h${depth}>`
  })
  return { html, headings }
}
