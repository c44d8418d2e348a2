/**
 * What a document carries when another document links to it (each collection's
 * `defaultPopulate`): the fields the portal shows of a related document — a link (slug) and
 * its text — and nothing else. So the portal's copy of an honouree holds its campaign's
 * name and slug, not the campaign's body, and editing that body changes no honouree page.
 * The draft preview reads through the same rule (depth 1), so it renders the same.
 * Media keep every field: the preview shows a draft's images from them (site/lib/preview.ts).
 */
import type { TypedCollectionSelect } from 'payload'

import type { Config } from '../payload-types'

type Docs = Config['collections']

export const populatedFields = {
  // Links and names of a campaign's parent, an honouree's or a news item's campaigns.
  campaigns: { name: true, slug: true },
  // Organisers, issuers, units: linked by name; the province places a campaign (JSON-LD).
  organizations: { name: true, shortName: true, slug: true, province: true },
  // "Văn bản liên quan" lines and target sources: type, number, title, link.
  plans: { slug: true, documentType: true, documentNumber: true, title: true },
  topics: { name: true, slug: true },
  indicators: { code: true, name: true, slug: true },
  honourees: { name: true, slug: true },
  news: { title: true, slug: true },
  pages: { title: true, slug: true },
} as const satisfies { [C in keyof Docs]?: TypedCollectionSelect[C] }

export type PopulatedCollection = keyof typeof populatedFields

/** A related document as the portal receives it (populated at depth 1). */
export type Populated<C extends PopulatedCollection> = Pick<Docs[C], 'id' | (keyof (typeof populatedFields)[C] & keyof Docs[C])>
