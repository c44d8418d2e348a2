/**
 * Rich text fields and the editor behind them. The editor offers only what the portal can
 * render (cms/lib/richTextSchema.ts), and every save — drafts included, over the admin, REST,
 * GraphQL or the Local API — is checked against that schema: a node type, property or value
 * the portal does not know (a table cell whose headerState is a string of HTML, a
 * javascript: link) is refused with a Vietnamese message naming the field, and nothing is saved.
 */
import {
  EXPERIMENTAL_TableFeature,
  HeadingFeature,
  LinkFeature,
  lexicalEditor,
  type FeatureProviderServer,
} from '@payloadcms/richtext-lexical'
import { ValidationError, type FieldHook, type RichTextField } from 'payload'

import { HEADING_TAGS, INTERNAL_LINK_COLLECTIONS, richTextProblem } from '../lib/richTextSchema'

type Feature = FeatureProviderServer<any, any, any>

/**
 * Payload's default features, each limited to what the portal renders (in place, so the
 * toolbar keeps its order): headings h2–h6, internal links to public collections only, and no
 * relationship blocks (the portal has no way to show one).
 */
const portalFeature = (feature: Feature): Feature | undefined => {
  if (feature.key === 'relationship') return undefined
  if (feature.key === 'heading') return HeadingFeature({ enabledHeadingSizes: [...HEADING_TAGS] })
  if (feature.key === 'link') return LinkFeature({ enabledCollections: [...INTERNAL_LINK_COLLECTIONS] })
  return feature
}

/** The editor every rich text field uses (set once in payload.config.ts). */
export const portalRichTextEditor = () =>
  lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.map(portalFeature).filter((feature): feature is Feature => feature !== undefined),
      EXPERIMENTAL_TableFeature(),
    ],
  })

type Label = RichTextField['label']
const labelText = (label: Exclude<Label, false>, fallback: string): string =>
  typeof label === 'string' ? label : label && typeof label === 'object' ? ((label as Record<string, string>).vi ?? fallback) : fallback

/**
 * A field hook, not `validate`: Payload skips field validation for drafts, and a draft is
 * what an author saves and sends as a preview link.
 */
const refuseWhatThePortalCannotRender: FieldHook = ({ value, path, field, collection, global, req }) => {
  const problem = richTextProblem(value)
  if (!problem) return value
  const label = 'label' in field && field.label ? field.label : undefined
  throw new ValidationError(
    {
      collection: collection?.slug,
      global: global?.slug,
      errors: [{ path: path.join('.'), label, message: `${labelText(label, path.join('.'))} ${problem}` }],
      req,
    },
    req.t,
  )
}

/** A rich text field whose content is checked against the portal's rich text schema. */
export function richTextField(field: Omit<RichTextField, 'type'>): RichTextField {
  return {
    ...field,
    type: 'richText',
    hooks: { ...field.hooks, beforeValidate: [refuseWhatThePortalCannotRender, ...(field.hooks?.beforeValidate ?? [])] },
  }
}
