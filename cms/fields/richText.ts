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
import { ValidationError, type FieldHook, type RichTextField, type UploadField } from 'payload'

import { existingMedia, mediaIdsInRichText } from '../lib/mediaUses'
import { HEADING_TAGS, INTERNAL_LINK_COLLECTIONS, richTextProblem } from '../lib/richTextSchema'
import { t } from './labels'

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

/**
 * The document's rich text as it will be saved: the submitted fields over the stored ones (a
 * save may send only some fields; the stored doc is the latest version, draft or published).
 */
const mediaInSavedRichText: FieldHook = ({ data, originalDoc, req }) => {
  const { bodyMedia: _ignored, ...saved } = { ...(originalDoc ?? {}), ...(data ?? {}) } as Record<string, unknown>
  return existingMedia(req.payload, mediaIdsInRichText(saved), req)
}

/**
 * `bodyMedia`: the media inserted in the document's rich text, computed on every save (drafts
 * included) and never taken from the request. Each version carries its own list, so the
 * published one says which images its body shows: cms/lib/mediaUses.ts makes them public and
 * locks them for authors, and the portal build includes them. Add one to every collection with
 * rich text.
 */
export function bodyMediaField(): UploadField {
  return {
    name: 'bodyMedia',
    type: 'upload',
    relationTo: 'media',
    hasMany: true,
    label: t('Ảnh, tệp chèn trong nội dung', 'Media in rich text'),
    admin: { hidden: true, readOnly: true, disableListColumn: true, disableListFilter: true },
    hooks: { beforeChange: [mediaInSavedRichText] },
  }
}
