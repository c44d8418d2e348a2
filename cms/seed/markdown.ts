/** Markdown from content/ → the Lexical JSON the CMS stores, with the CMS's own editor config. */
import { convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { Payload, RichTextField } from 'payload'

export async function markdownConverter(payload: Payload) {
  const plans = payload.collections.plans.config
  const field = plans.flattenedFields.find((f) => f.name === 'body') as RichTextField | undefined
  if (!field) throw new Error('plans.body rich text field not found')
  const editorConfig = editorConfigFactory.fromField({ field })
  return (markdown: string | undefined) =>
    markdown && markdown.trim() ? convertMarkdownToLexical({ editorConfig, markdown }) : undefined
}
