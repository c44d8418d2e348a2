/**
 * Applies a preview's changes all or nothing: every create and update runs in one database
 * transaction, as the signed-in user (Payload's access rules apply again to each write), and
 * the first failure rolls all of them back. On SQLite the transaction holds the write queue
 * (cms/lib/sqliteWriteQueue.ts) until it ends, so other saves wait for it rather than interleave.
 */
import type { Payload, PayloadRequest } from 'payload'
import { Forbidden, ValidationError } from 'payload'

import { may, reportRules } from '../access/policy'
import { recordReviewEvent } from '../review/events'
import { REVIEW_ACTION } from '../review/hooks'
import type { Change } from './diff'

/** `submitted`: the rows became drafts sent for review (a data reporter), not public yet. */
export type Applied = { created: number; updated: number; unchanged: number; submitted: boolean }

/** The comment of the review step each imported row gets. */
export const IMPORT_REVIEW_COMMENT = 'Nhập từ tệp số liệu (Excel/CSV).'

export const applyMessages = {
  failed: (row: number, reason?: string) =>
    `Dòng ${row}: không ghi được số liệu${reason ? ` (${reason})` : ' (dữ liệu liên quan vừa bị thay đổi hoặc xóa)'}. Không có số liệu nào được thay đổi; hãy xem trước và áp dụng lại.`,
} as const

/** A write refused mid-way: the row, and the reason when it is one staff can read (a field's message, a refusal). */
export class ApplyError extends Error {
  constructor(
    readonly row: number,
    readonly cause: unknown,
  ) {
    super(applyMessages.failed(row, readableReason(cause)))
    this.name = 'ApplyError'
  }
}

function readableReason(cause: unknown): string | undefined {
  if (cause instanceof ValidationError) return cause.data.errors.map((e) => e.message).join('; ')
  if (cause instanceof Forbidden) return 'tài khoản không có quyền ghi số liệu này'
  // Anything else (a database error) is logged by the endpoint, not shown.
  return undefined
}

export async function applyChanges(payload: Payload, user: PayloadRequest['user'], changes: Change[]): Promise<Applied> {
  const writes = changes.filter((c) => c.kind !== 'unchanged')
  // Editors publish at once; anyone else (a data reporter) saves drafts sent for review.
  const publish = may(reportRules.publish, user)
  const result: Applied = { created: 0, updated: 0, unchanged: changes.length - writes.length, submitted: !publish }
  if (writes.length === 0) return result
  const status = publish
    ? ({ _status: 'published' } as const)
    : ({ _status: 'draft', reviewStatus: 'submitted', reviewSubmittedBy: user!.id } as const)

  // null where the database has no transactions (MongoDB without a replica set).
  const transactionID = await payload.db.beginTransaction()
  const req = { transactionID: transactionID ?? undefined, user } as Partial<PayloadRequest>
  const common = { req, user, overrideAccess: false, depth: 0, draft: !publish, context: publish ? {} : { [REVIEW_ACTION]: 'submit' } } as const
  const submitted = (id: number | string, organization: unknown) =>
    recordReviewEvent(payload, req, { collection: 'indicator-reports', id, action: 'submitted', comment: IMPORT_REVIEW_COMMENT, submitter: user!.id, organization })
  try {
    for (const change of writes) {
      const { row } = change
      try {
        if (change.kind === 'new') {
          const doc = await payload.create({
            collection: 'indicator-reports',
            data: {
              indicator: row.indicator.id as number,
              year: row.year,
              periodLabel: row.periodLabel,
              locality: row.locality,
              value: row.value,
              reportingOrganization: row.organization.id as number,
              source: row.source,
              note: row.note,
              ...status,
            },
            ...common,
          })
          if (!publish) await submitted(doc.id, row.organization.id)
          result.created++
        } else {
          await payload.update({
            collection: 'indicator-reports',
            id: change.existing!.id,
            data: {
              value: row.value,
              ...(row.source !== undefined ? { source: row.source } : {}),
              ...(row.note !== undefined ? { note: row.note } : {}),
              ...status,
            },
            ...common,
          })
          if (!publish) await submitted(change.existing!.id, row.organization.id)
          result.updated++
        }
      } catch (error) {
        throw new ApplyError(row.row, error)
      }
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
    return result
  } catch (error) {
    // A failed write has usually rolled the transaction back already; this is a no-op then.
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}
