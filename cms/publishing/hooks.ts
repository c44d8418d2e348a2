/**
 * Hooks that ask for a portal rebuild when what the public sees changes: a document is
 * published, a published document is changed, unpublished or deleted, or a global shown on
 * the portal is saved. Saving a draft of a never-published document changes nothing public.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { autoRebuildEnabled, portalBuildQueue } from './buildQueue'

type Status = { _status?: 'draft' | 'published' | null } | null | undefined

const titleOf = (doc: Record<string, unknown>) =>
  String(doc.title ?? doc.name ?? doc.label ?? doc.alt ?? doc.documentNumber ?? doc.slug ?? doc.id ?? '')

/** Stored in the save's own transaction: the change and its rebuild request commit together. */
async function request(req: PayloadRequest, reason: string) {
  if (!autoRebuildEnabled()) return
  await portalBuildQueue(req.payload).request(reason, req)
}

/** The Vietnamese side of a config label (labels are `t(vi, en)` objects or plain strings). */
const vietnamese = (label: unknown, fallback: string) =>
  (typeof label === 'object' && label !== null ? (label as { vi?: string }).vi : typeof label === 'string' ? label : undefined) ?? fallback

/**
 * Whether the document is live on the portal: its main record (not its latest draft) is
 * published. `previousDoc` cannot tell, since after a draft save it is that draft.
 */
async function isLive(req: PayloadRequest, collection: CollectionSlug, id: number | string | undefined): Promise<boolean> {
  if (id == null) return false
  // The adapter's own read (inside the save's transaction): the Local API would reset req.context.
  const main = await req.payload.db.findOne({ collection, where: { id: { equals: id } }, req })
  return (main as Status)?._status === 'published'
}

/** Remembers, before an update, whether the document was live (to notice an unpublish). */
export const rememberWhetherLive: CollectionBeforeChangeHook = async ({ req, collection, operation, originalDoc, context, data }) => {
  if (collection.versions?.drafts && operation === 'update' && autoRebuildEnabled()) {
    context.portalWasLive = await isLive(req, collection.slug, (originalDoc as { id?: number })?.id)
  }
  return data
}

/**
 * Published (or changed while published), or unpublished. A draft saved beside a live
 * version changes nothing public, and neither does a draft that was never published.
 */
export const rebuildAfterChange: CollectionAfterChangeHook = async ({ doc, req, collection, operation, context }) => {
  if (!autoRebuildEnabled()) return doc
  const hasDrafts = Boolean(collection.versions?.drafts)
  let action = operation === 'create' ? 'thêm mới' : 'cập nhật'
  if (hasDrafts) {
    if ((doc as Status)?._status === 'published') action = 'xuất bản'
    else if (context.portalWasLive && !(await isLive(req, collection.slug, doc.id))) action = 'gỡ xuất bản'
    else return doc
  }
  await request(req, `${vietnamese(collection.labels?.plural, collection.slug)}: ${titleOf(doc)} (${action})`)
  return doc
}

export const rebuildAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, collection }) => {
  if (collection.versions?.drafts && (doc as Status)?._status !== 'published') return doc
  await request(req, `${vietnamese(collection.labels?.plural, collection.slug)}: ${titleOf(doc)} (xóa)`)
  return doc
}

export const rebuildAfterGlobalChange: GlobalAfterChangeHook = async ({ doc, req, global }) => {
  await request(req, `${vietnamese(global.label, global.slug)} (cập nhật)`)
  return doc
}

/** Adds the rebuild hooks to a collection the portal shows. */
export const portalRebuildHooks = {
  beforeChange: [rememberWhetherLive],
  afterChange: [rebuildAfterChange],
  afterDelete: [rebuildAfterDelete],
} satisfies CollectionConfig['hooks']
