/**
 * Where published documents show media: one list for the CMS's read access (a file is
 * public once a published document uses it), for the author-update rule (changing such a file
 * needs someone allowed to publish) and for the portal build (which copies exactly those
 * files). Until then — a photo uploaded for an honouree whose consent is not yet recorded, an
 * appendix of a draft plan, an image inserted only in a draft's body — only staff can see it.
 *
 * Images and files inserted in rich text count like any relation: each versioned collection
 * stores the media its rich text uses in the hidden `bodyMedia` field (cms/fields/richText.ts),
 * computed on every save from the text itself, so the published version carries its own list.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

// With its extension: the rich_text_media migration loads this file through Node's own TypeScript support.
import { relationId } from './relations.ts'

/** A reference to a media document, populated or not. */
export type MediaRef = number | string | { id: number | string } | null | undefined

/** Per collection, how to read the media ids out of one document (depth 0 or populated). */
export const mediaUses = {
  campaigns: { select: { heroImage: true, bodyMedia: true }, refs: (doc: any): MediaRef[] => [doc.heroImage, ...bodyMediaOf(doc)] },
  news: { select: { heroImage: true, bodyMedia: true }, refs: (doc: any): MediaRef[] => [doc.heroImage, ...bodyMediaOf(doc)] },
  honourees: { select: { photos: true, bodyMedia: true }, refs: (doc: any): MediaRef[] => [...(doc.photos ?? []), ...bodyMediaOf(doc)] },
  plans: {
    select: { attachments: true, bodyMedia: true },
    refs: (doc: any): MediaRef[] => [...(doc.attachments ?? []).map((a: any) => a.file), ...bodyMediaOf(doc)],
  },
  pages: { select: { bodyMedia: true }, refs: (doc: any): MediaRef[] => bodyMediaOf(doc) },
} satisfies Partial<Record<CollectionSlug, { select: Record<string, true>; refs: (doc: any) => MediaRef[] }>>

/** The media a document's rich text uses, as its `bodyMedia` field stores them. */
function bodyMediaOf(doc: any): MediaRef[] {
  return Array.isArray(doc?.bodyMedia) ? doc.bodyMedia : []
}

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

// ── Media inserted in rich text ─────────────────────────────────────────────

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A stored Lexical editor state: `{ root: { type: 'root', children: […] } }`. */
const isLexicalState = (v: unknown): v is { root: { children: unknown[] } } =>
  isRecord(v) && isRecord(v.root) && v.root.type === 'root' && Array.isArray(v.root.children)

/** Media ids of the `upload` nodes (relationTo media) in one Lexical tree, in reading order. */
function uploadedMediaIn(nodes: unknown[], found: MediaId[]): void {
  for (const node of nodes) {
    if (!isRecord(node)) continue
    if (node.type === 'upload' && node.relationTo === 'media') {
      const id = mediaRefId(node.value as MediaRef)
      if (id !== undefined && id !== '') found.push(id)
    }
    if (Array.isArray(node.children)) uploadedMediaIn(node.children, found)
  }
}

/**
 * Every media id inserted in the rich text found anywhere in `value` (a document, or one of
 * its fields: rich text inside groups, tabs, arrays and blocks is found too), without repeats.
 */
export function mediaIdsInRichText(value: unknown): MediaId[] {
  const found: MediaId[] = []
  const walk = (v: unknown, depth: number): void => {
    if (depth > 32) return
    if (isLexicalState(v)) return uploadedMediaIn(v.root.children, found)
    if (Array.isArray(v)) for (const item of v) walk(item, depth + 1)
    else if (isRecord(v)) for (const item of Object.values(v)) walk(item, depth + 1)
  }
  walk(value, 0)
  return [...new Set(found)]
}

/**
 * Of the media a rich text names, those that exist: an upload node may name a file since
 * deleted, or one that never was (a crafted request). It renders as nothing, and `bodyMedia`
 * (a relation, with a foreign key on SQLite) lists only real files.
 */
export async function existingMedia(payload: Payload, ids: MediaId[], req?: Partial<PayloadRequest>): Promise<MediaId[]> {
  if (!ids.length) return ids
  const { docs } = await payload.find({ collection: 'media', where: { id: { in: ids } }, select: {}, depth: 0, pagination: false, overrideAccess: true, req })
  const existing = new Set(docs.map((doc) => String(doc.id)))
  return ids.filter((id) => existing.has(String(id)))
}

/**
 * Fills `bodyMedia` of documents saved before the field existed (the rich_text_media migration):
 * each document's stored rich text, as the save hook would compute it. Only that field is
 * written (no hooks, no new version, nothing else touched); documents already right are skipped.
 */
export async function backfillBodyMedia(payload: Payload, req?: Partial<PayloadRequest>): Promise<number> {
  let updated = 0
  for (const [collection, fields] of Object.entries(RICH_TEXT_FIELDS) as [MediaUsingCollection, readonly string[]][]) {
    // Only the columns this needs: a later migration's fields do not exist yet when this one runs.
    const select = Object.fromEntries([...fields, 'bodyMedia'].map((name) => [name, true]))
    const { docs } = await payload.find({ collection, select, depth: 0, draft: false, pagination: false, overrideAccess: true, req })
    for (const doc of docs as unknown as Record<string, unknown>[]) {
      const ids = await existingMedia(payload, mediaIdsInRichText(fields.map((name) => doc[name])), req)
      const current = (Array.isArray(doc.bodyMedia) ? doc.bodyMedia : []).map((ref) => mediaRefId(ref as MediaRef))
      if (ids.length === current.length && ids.every((id, i) => String(id) === String(current[i]))) continue
      await payload.db.updateOne({ collection, id: doc.id as MediaId, data: { bodyMedia: ids }, req, returning: false })
      updated++
    }
  }
  return updated
}

/** The rich text fields of each collection, as they stand when bodyMedia was added. */
const RICH_TEXT_FIELDS = {
  plans: ['body'],
  campaigns: ['body'],
  honourees: ['story'],
  news: ['body'],
  pages: ['body'],
} as const satisfies Record<MediaUsingCollection, readonly string[]>
