/** Stored Lexical rich text → HTML, with ids on headings for the table of contents. */
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import { slugify } from '../../cms/lib/vietnamese'

export type Heading = { id: string; text: string; depth: number }

export function richTextToHtml(data: unknown): { html: string; headings: Heading[] } {
  if (!data) return { html: '', headings: [] }
  const raw = convertLexicalToHTML({ data: data as never, disableContainer: true })
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
