/**
 * Cache keys for Astro's incremental build. A page returned by getStaticPaths() is copied
 * from the previous build when its key and its code are unchanged, so a key must cover
 * everything the page shows:
 *  - the entries it renders (an entry's digest is a hash of its data, relations included),
 *  - every collection it lists or looks things up in (any change there re-renders it),
 *  - what every page shows (site settings) and the day, since statuses and countdowns
 *    ("còn 12 ngày") follow the calendar.
 * Correctness first: when in doubt, name the collection.
 */
import { createHash } from 'node:crypto'

import { getCollection, type CollectionKey } from 'astro:content'

import { calendarDay, portalNow } from './campaigns'

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 24)

const collectionDigests = new Map<string, Promise<string>>()

/** One digest over every entry of a collection (memoised for the build). */
export function collectionDigest(name: CollectionKey): Promise<string> {
  const known = collectionDigests.get(name)
  if (known) return known
  const digest: Promise<string> = getCollection(name).then((entries) =>
    hash(entries.map((e) => [e.id, e.digest ?? e.data])),
  )
  collectionDigests.set(name, digest)
  return digest
}

/** What every page depends on besides its own data. */
export async function pageContextKey(): Promise<string> {
  return hash([await collectionDigest('settings'), calendarDay(portalNow(process.env.PORTAL_NOW, new Date()))])
}

/**
 * The key of one page: the collections it reads (all of their entries), and the data of
 * the entry or entries it renders.
 */
export async function cacheKey(collections: readonly CollectionKey[], ...data: unknown[]): Promise<string> {
  const digests = await Promise.all(collections.map(collectionDigest))
  return hash([await pageContextKey(), digests, data])
}
