/**
 * The only place the portal talks to the CMS: Payload's Local API, called as an anonymous
 * reader (overrideAccess: false, no user), so the same access rules as REST apply and only
 * published documents come back — never drafts, never staff-only fields.
 */
import type { CollectionSlug, Payload } from 'payload'

let payloadPromise: Promise<Payload> | undefined

export function cms(): Promise<Payload> {
  payloadPromise ??= (async () => {
    process.env.PAYLOAD_JOBS_AUTORUN = 'false'
    const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../cms/payload.config')])
    return getPayload({ config, cron: false })
  })()
  return payloadPromise
}

/** Every published document of a collection, relationships populated one level deep. */
export async function findPublished<T = any>(collection: CollectionSlug, depth = 1): Promise<T[]> {
  const payload = await cms()
  const { docs } = await payload.find({
    collection,
    depth,
    draft: false,
    overrideAccess: false,
    pagination: false,
    sort: 'id',
  })
  return docs as T[]
}

/** A global as an anonymous reader sees it (e.g. the site settings shown on every page). */
export async function findPublicGlobal<T = any>(slug: 'site-settings'): Promise<T> {
  const payload = await cms()
  return (await payload.findGlobal({ slug, depth: 0, overrideAccess: false })) as T
}
