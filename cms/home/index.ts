/**
 * The staff home ("Việc cần làm"), the admin's first screen: what the signed-in user has to do,
 * per role. Each section is its own module returning plain data (null when the role has no
 * such section); cms/components/StaffHome.tsx renders them.
 */
import { policyRoleOf, type PolicyRole } from '../access/policy'
import { buildStatus, type BuildStatus } from './buildStatus'
import type { HomeContext } from './context'
import { missingFigures, type MissingFigures } from './missingFigures'
import { overdueTasks, type OverdueTasks } from './overdueTasks'
import { reviewQueue, type ReviewQueue } from './reviewQueue'
import { scheduledPublications, type ScheduledItem } from './scheduled'

export type StaffHomeData = {
  role: PolicyRole
  review: ReviewQueue | null
  missingFigures: MissingFigures | null
  overdueTasks: OverdueTasks | null
  scheduled: ScheduledItem[] | null
  build: BuildStatus | null
}

export type { HomeContext } from './context'

export async function staffHome(ctx: HomeContext): Promise<StaffHomeData> {
  // One after another: on SQLite the reads share one connection anyway.
  const review = await reviewQueue(ctx)
  const figures = await missingFigures(ctx)
  const tasks = await overdueTasks(ctx)
  const scheduled = await scheduledPublications(ctx)
  const build = await buildStatus(ctx)
  return { role: policyRoleOf(ctx.user), review, missingFigures: figures, overdueTasks: tasks, scheduled, build }
}
