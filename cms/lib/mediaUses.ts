/**
 * Where published documents show media: one list for the CMS's read access (a file is
 * public once a published document uses it) and for the portal build (which copies exactly
 * those files). Until then — a photo uploaded for an honouree whose consent is not yet
 * recorded, an appendix of a draft plan — only staff can see it.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { relationId } from './relations'

/** A reference to a media document, populated or not. */
export type MediaRef = number | string | { id: number | string } | null | undefined

/** Per collection, how to read the media ids out of one document (depth 0 or populated). */
export const mediaUses = {
  campaigns: { select: { heroImage: true }, refs: (doc: any): MediaRef[] => [doc.heroImage] },
  news: { select: { heroImage: true }, refs: (doc: any): MediaRef[] => [doc.heroImage] },
  honourees: { select: { photos: true }, refs: (doc: any): MediaRef[] => doc.photos ?? [] },
  plans: { select: { attachments: true }, refs: (doc: any): MediaRef[] => (doc.attachments ?? []).map((a: any) => a.file) },
} satisfies Partial<Record<CollectionSlug, { select: Record<string, true>; refs: (doc: any) => MediaRef[] }>>

type MediaUsingCollection = keyof typeof mediaUses

type MediaId = number | string

/** The id of a media reference, populated or not (as the database types it). */
export const mediaRefId = (ref: MediaRef): MediaId | undefined => relationId(ref)

/** Media ids used by the given documents of `collection`. */
const mediaIdsOf = (collection: MediaUsingCollection, docs: unknown[]): MediaId[] =>
  docs.flatMap((doc) => mediaUses[collection].refs(doc).map(mediaRefId)).filter((id): id is MediaId => id !== undefined)

/** Every media id a published document uses (read with full access: callers decide who sees what). */
export async function mediaIdsUsedByPublished(payload: Payload, req?: Partial<PayloadRequest>): Promise<MediaId[]> {
  const ids = new Set<MediaId>()
  for (const [collection, use] of Object.entries(mediaUses) as [MediaUsingCollection, (typeof mediaUses)[MediaUsingCollection]][]) {
    const { docs } = await payload.find({
      collection,
      where: { _status: { equals: 'published' } },
      select: use.select,
      depth: 0,
      draft: false,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const id of mediaIdsOf(collection, docs)) ids.add(id)
  }
  return [...ids]
}
