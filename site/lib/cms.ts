/**
 * The only place the portal talks to the CMS: Payload's Local API, called as an anonymous
 * reader (overrideAccess: false, no user), so the same access rules as REST apply and only
 * published documents come back — never drafts, never staff-only fields.
 */
import type { DataFromCollectionSlug, DataFromGlobalSlug, JoinQuery, Payload } from 'payload'

let payloadPromise: Promise<Payload> | undefined

export function cms(): Promise<Payload> {
  payloadPromise ??= (async () => {
    process.env.PAYLOAD_JOBS_AUTORUN = 'false'
    const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../cms/payload.config')])
    return getPayload({ config, cron: false })
  })()
  return payloadPromise
}

/** The collections the portal publishes (each one a content collection in site/content.config.ts). */
export type PublicCollection = 'plans' | 'campaigns' | 'honourees' | 'news' | 'pages' | 'indicators' | 'indicator-reports' | 'task-updates' | 'organizations' | 'topics'

/** Documents per Local API read: a loader holds one page of Payload's results at a time, not a whole collection. */
export const LOAD_PAGE_SIZE = 1000

/**
 * Every published document of a collection, a page at a time (sorted by id, so pages are
 * stable), relationships populated one level deep with only the fields each collection's
 * `defaultPopulate` names (what pages show of a related document), and without join fields,
 * which no page reads (pages derive "cited by", phases, a campaign's honourees from the
 * collections themselves). So an entry's digest, and the cache key of its page, covers what
 * the page shows and not a related document's body.
 */
export async function* publishedPages<C extends PublicCollection>(collection: C, limit = LOAD_PAGE_SIZE): AsyncGenerator<DataFromCollectionSlug<C>[]> {
  const payload = await cms()
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await payload.find({
      collection,
      depth: 1,
      draft: false,
      // Typed `never` for collections without join fields, where `false` is a no-op.
      joins: false as JoinQuery<C>,
      overrideAccess: false,
      limit,
      page,
      sort: 'id',
    })
    yield docs as DataFromCollectionSlug<C>[]
    if (!hasNextPage) return
  }
}

/** Every published document of a collection at once (small collections; loaders page with `publishedPages`). */
export async function findPublished<C extends PublicCollection>(collection: C): Promise<DataFromCollectionSlug<C>[]> {
  const all: DataFromCollectionSlug<C>[] = []
  for await (const docs of publishedPages(collection)) all.push(...docs)
  return all
}

/** A global as an anonymous reader sees it (e.g. the site settings shown on every page). */
export async function findPublicGlobal(slug: 'site-settings'): Promise<DataFromGlobalSlug<'site-settings'>> {
  const payload = await cms()
  return payload.findGlobal({ slug, depth: 0, overrideAccess: false })
}

/** Collections with drafts and versions whose pages show "Lịch sử cập nhật". */
export type VersionedCollection = 'plans' | 'campaigns' | 'honourees' | 'news' | 'pages'

export interface PublishedVersionNote {
  parent: number | string
  /** When that version was published (saved as published). */
  at: string
  note: string | null
}

/**
 * When each document was published, with the change note of each publication. Versions also hold
 * drafts and are closed to the public, so this is the one full-access read of the portal: it asks
 * the database for published versions only and keeps nothing of them but the date and the note —
 * never a draft's content, never who saved it.
 */
export async function findPublishedVersionNotes(collection: VersionedCollection, opened?: Payload, parents?: (number | string)[]): Promise<PublishedVersionNote[]> {
  // A partial publish (site/scripts/partial-release.ts) passes the Payload it opened, and the
  // documents whose versions changed.
  const payload = opened ?? (await cms())
  const published = { 'version._status': { equals: 'published' } }
  const { docs } = await payload.findVersions({
    collection,
    where: parents ? { and: [published, { parent: { in: parents } }] } : published,
    select: { parent: true, updatedAt: true, version: { changeNote: true } } as never,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'updatedAt',
  })
  return docs.map((v) => {
    const doc = v as unknown as { parent: number | string | { id: number | string }; updatedAt: string; version?: { changeNote?: string | null } }
    const parent = typeof doc.parent === 'object' ? doc.parent.id : doc.parent
    return { parent, at: doc.updatedAt, note: doc.version?.changeNote?.trim() || null }
  })
}
