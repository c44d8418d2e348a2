/**
 * The review fields are written by the review actions only. Every other save keeps them as
 * stored, except for two transitions: a publish is an approval, and a draft saved by a
 * non-editor after an approval starts a new round (`editing`). A draft saved after a return
 * stays `returned` until it is sent again.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { isEditorUser } from '../access'
import { recordReviewEvent } from './events'
import type { ReviewStatus } from './status'

/** Set by the review endpoints on their own saves (`submit`, `return`, `approve`). */
export const REVIEW_ACTION = 'reviewAction'

type ReviewData = { reviewStatus?: ReviewStatus | null; reviewSubmittedBy?: unknown; reviewComment?: string | null; _status?: string | null }

const stored = (doc: ReviewData | undefined): ReviewData => ({
  reviewStatus: doc?.reviewStatus ?? 'editing',
  reviewSubmittedBy: doc?.reviewSubmittedBy ?? null,
  reviewComment: doc?.reviewComment ?? null,
})

export const keepReviewFields: CollectionBeforeChangeHook = ({ data, originalDoc, operation, context, req }) => {
  const action = context[REVIEW_ACTION]
  // submit and return set the fields themselves; approve is a publish like any other.
  if (action === 'submit' || action === 'return') return data
  // A copy (duplicate) starts a new round, as a new document does.
  const before = operation === 'update' ? stored(originalDoc as ReviewData) : stored(undefined)
  const next = { ...before }
  if ((data as ReviewData)._status === 'published') next.reviewStatus = 'approved'
  else if (before.reviewStatus === 'approved' && (data as ReviewData)._status === 'draft' && !isEditorUser(req.user)) next.reviewStatus = 'editing'
  // Remembered for the event below: a direct publish of an item under review is its approval.
  context.reviewStatusBefore = before.reviewStatus
  return { ...data, ...next }
}

/**
 * An editor who publishes an item under review from the admin's own "Xuất bản" button approves
 * it: recorded as a step, like the approve action (which records its own).
 */
export const recordDirectApproval =
  (organizationField?: string): CollectionAfterChangeHook =>
  async ({ doc, req, context, collection, operation }) => {
    if (context[REVIEW_ACTION] || operation !== 'update' || !req.user) return doc
    const before = context.reviewStatusBefore
    if ((doc as ReviewData)._status === 'published' && (before === 'submitted' || before === 'returned')) {
      await recordReviewEvent(req.payload, req, {
        collection: collection.slug,
        id: doc.id,
        action: 'approved',
        submitter: (doc as ReviewData).reviewSubmittedBy,
        organization: organizationField ? (doc as Record<string, unknown>)[organizationField] : undefined,
      })
    }
    return doc
  }
