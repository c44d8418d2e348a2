import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

/** Whitespace-collapsed, NFC text for containment checks. */
export const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim()

export const plainText = (richText: unknown) =>
  richText ? norm(convertLexicalToPlaintext({ data: richText as never })) : ''

/** The words of a Markdown line without its markup (headings, list marks, emphasis, tables, footnotes). */
export const markdownLineText = (line: string) =>
  norm(
    line
      .replace(/^\s*(#{1,6}\s+|[-*+]\s+|\d+\.\s+)/, '')
      .replace(/\\([*_#\-.|])/g, '$1')
      .replace(/\*\*|__|\*|_/g, '')
      .replace(/\|/g, ' '),
  )
