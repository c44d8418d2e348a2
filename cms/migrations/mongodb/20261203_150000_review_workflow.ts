import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { backfillReview } from '../../review/backfill.ts'

/**
 * MongoDB needs no schema change for review; what it needs is the data: indicator reports
 * stored before they had drafts become published and approved with a first version, and
 * published documents count as approved (cms/review/backfill.ts; SQLite's migration
 * 20261203_094435_review_workflow does the same in SQL).
 */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  const done = await backfillReview(payload, req)
  payload.logger.info(`review: ${done.reports} indicator reports published with a first version, ${done.documents} documents given a review status`)
}

/** Nothing to undo: the statuses stay valid data for a configuration without review. */
export async function down(_args: MigrateDownArgs): Promise<void> {}
