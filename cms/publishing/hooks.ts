/**
 * Hooks that ask for a portal rebuild when what the public sees changes: a document is
 * published, a published document is changed, unpublished or deleted, or a global shown on
 * the portal is saved. Saving a draft of a never-published document changes nothing public.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { autoRebuildEnabled, portalBuildQueue } from './buildQueue'

type Status = { _status?: 'draft' | 'published' | null } | null | undefined

const titleOf = (doc: Record<string, unknown>) =>
  String(doc.title ?? doc.name ?? doc.label ?? doc.alt ?? doc.documentNumber ?? doc.slug ?? doc.id ?? '')

function request(req: PayloadRequest, reason: string) {
  if (!autoRebuildEnabled() || req.context?.skipPortalRebuild) return
  portalBuildQueue(req.payload).request(reason)
}

const collectionLabel = (collection: { slug: string; labels?: { plural?: unknown } }) => {
  const plural = collection.labels?.plural as { vi?: string } | string | undefined
  return (typeof plural === 'object' ? plural?.vi : plural) ?? collection.slug
}

/** Versioned collections: published, changed while published, or unpublished. */
export const rebuildAfterChange: CollectionAfterChangeHook = ({ doc, previousDoc, req, collection, operation }) => {
  const now = (doc as Status)?._status
  const before = (previousDoc as Status)?._status
  const hasDrafts = Boolean(collection.versions?.drafts)
  if (hasDrafts && now !== 'published' && before !== 'published') return doc
  const action = !hasDrafts ? (operation === 'create' ? 'thêm mới' : 'cập nhật') : now === 'published' ? 'xuất bản' : 'gỡ xuất bản'
  request(req, `${collectionLabel(collection)}: ${titleOf(doc)} (${action})`)
  return doc
}

export const rebuildAfterDelete: CollectionAfterDeleteHook = ({ doc, req, collection }) => {
  if (collection.versions?.drafts && (doc as Status)?._status !== 'published') return doc
  request(req, `${collectionLabel(collection)}: ${titleOf(doc)} (xóa)`)
  return doc
}

export const rebuildAfterGlobalChange: GlobalAfterChangeHook = ({ doc, req, global }) => {
  const label = typeof global.label === 'object' ? (global.label as { vi?: string }).vi : global.label
  request(req, `${label ?? global.slug} (cập nhật)`)
  return doc
}

/** Adds the rebuild hooks to a collection the portal shows. */
export const portalRebuildHooks = {
  afterChange: [rebuildAfterChange],
  afterDelete: [rebuildAfterDelete],
} satisfies CollectionConfig['hooks']
