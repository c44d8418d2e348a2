/**
 * Brings a database from before review up to it through Payload's database adapter, so the same
 * code serves MongoDB (cms/migrations/mongodb/20261203_150000_review_workflow.ts); SQLite's
 * migration does the same in SQL (20261203_094435_review_workflow):
 * - indicator reports stored before they had drafts (no `_status`) become published and
 *   approved, each with a first version; the public reads published reports only, so without
 *   this they would disappear from the portal;
 * - documents of the other reviewable collections without a review status count as approved
 *   when published and as being written ("editing") otherwise.
 * Documents that already have a status are left as they are, so running it twice changes nothing.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import type { ReviewStatus } from './status'

const REPORTS = 'indicator-reports' as const
const DOCUMENTS = ['plans', 'campaigns', 'honourees', 'news', 'pages'] as const satisfies readonly CollectionSlug[]

type Stored = Record<string, unknown> & { id: number | string; _status?: string | null; updatedAt?: string; createdAt?: string }

export async function backfillReview(payload: Payload, req?: Partial<PayloadRequest>): Promise<{ reports: number; documents: number }> {
  let reports = 0
  const { docs } = await payload.db.find({ collection: REPORTS, where: { _status: { exists: false } }, pagination: false, limit: 0, req })
  for (const report of docs as Stored[]) {
    const data = { _status: 'published', reviewStatus: 'approved' satisfies ReviewStatus }
    await payload.db.updateOne({ collection: REPORTS, id: report.id, data, req, returning: false })
    const { id: _id, ...fields } = report
    const at = report.updatedAt ?? new Date().toISOString()
    await payload.db.createVersion({ collectionSlug: REPORTS, parent: report.id, versionData: { ...fields, ...data } as never, autosave: false, createdAt: at, updatedAt: at, req, returning: false })
    reports++
  }

  let documents = 0
  for (const collection of DOCUMENTS) {
    const { docs: unset } = await payload.db.find({ collection, where: { reviewStatus: { exists: false } }, select: { _status: true }, pagination: false, limit: 0, req })
    for (const doc of unset as Stored[]) {
      const reviewStatus: ReviewStatus = doc._status === 'published' ? 'approved' : 'editing'
      await payload.db.updateOne({ collection, id: doc.id, data: { reviewStatus }, req, returning: false })
      documents++
    }
  }
  return { reports, documents }
}
