/**
 * The publish rule of versioned content (plans, campaigns, honourees, news, pages), built from
 * the policy table: staff save drafts; only the roles allowed to publish change what is live —
 * whether by a save, a restored version, a duplicate or a bulk update.
 */
import type { Access, CollectionConfig, PayloadRequest, Where } from 'payload'
import { Forbidden } from 'payload'

import { allow, may, type Grant, type Operation } from './policy'

/** The cells the publish rule reads (plans… and indicator reports). */
type Rules = Record<'read' | 'readDraft' | 'create' | 'update' | 'publish' | 'unpublish' | 'restoreVersion' | 'delete', readonly Grant[]> &
  Partial<Record<Operation, readonly Grant[]>>

/** A 403 with our message; Payload logs a Forbidden as info, not as a server error. */
export function forbidden(req: Pick<PayloadRequest, 't'> | undefined, message: string): Forbidden {
  const error = new Forbidden(req?.t)
  error.message = message
  return error
}

export const messages = {
  publishRefused:
    'Chỉ biên tập viên hoặc quản trị viên được xuất bản, gỡ xuất bản hay khôi phục phiên bản lên bản đang công khai. Tác giả chỉ lưu bản nháp.',
}

/** Anyone allowed to read drafts reads everything; others published documents only. */
const publishedOrDrafts =
  (rules: Rules): Access =>
  ({ req }) => {
    if (may(rules.readDraft, req.user)) return true
    return may(rules.read, req.user) ? ({ _status: { equals: 'published' } } satisfies Where) : false
  }

/**
 * Saving a draft needs `create`/`update`; saving anything else (published, or a status not
 * given) needs `publish`. The admin asks with `_status: 'published'` to decide whether to show
 * "Xuất bản".
 */
const draftsOrPublish =
  (rules: Rules, draftOperation: 'create' | 'update'): Access =>
  ({ req, data }) =>
    (data as { _status?: string } | undefined)?._status === 'draft' ? may(rules[draftOperation], req.user) : may(rules.publish, req.user)

export const publishableAccessFrom = (rules: Rules) =>
  ({
    read: publishedOrDrafts(rules),
    readVersions: allow(rules.readDraft),
    create: draftsOrPublish(rules, 'create'),
    update: draftsOrPublish(rules, 'update'),
    delete: allow(rules.delete),
  }) satisfies CollectionConfig['access']

type OperationArgs = { draft?: boolean; data?: { _status?: string }; duplicateFromID?: number | string }

/**
 * `beforeOperation` guard. A duplicate is saved as a draft. A create, update (one document or
 * many) or version restore without `draft=true` writes the live document: it is a publish, an
 * unpublish or a restore onto the live document, whatever `_status` the request claims.
 * Without it an author could send `_status: 'draft'` without `draft=true`, or restore a draft
 * version, and so unpublish a live document.
 */
export const publishRuleFrom =
  (rules: Rules) =>
  ({ args, operation, overrideAccess, req }: { args: OperationArgs; operation: string; overrideAccess?: boolean; req: PayloadRequest }) => {
    if (overrideAccess === true) return args
    if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion') return args
    // A copy always starts as a draft (GraphQL's duplicate has no draft argument).
    if (operation === 'create' && args.duplicateFromID != null) return { ...args, draft: true }
    if (args.draft === true) return args
    const needed = operation === 'restoreVersion' ? rules.restoreVersion : args.data?._status === 'published' ? rules.publish : rules.unpublish
    if (!may(needed, req.user)) throw forbidden(req, messages.publishRefused)
    return args
  }
