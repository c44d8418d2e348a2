/**
 * Admin server functions that replace Payload's own (passed to handleServerFunctions in
 * cms/app/(payload)/layout.tsx).
 *
 * "Lên lịch xuất bản": Payload's handler queues the job for anyone signed in to the admin
 * (and deletes any scheduled job by id). Scheduling a publish or an unpublish is publishing:
 * only the roles the policy table lets publish (or unpublish) that collection may schedule or
 * cancel one. The job itself then runs in the name of whoever scheduled it.
 */
import { schedulePublishHandler, type SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'
import type { PayloadRequest, ServerFunction } from 'payload'

import { may, policy, type Rules } from '../access/policy'
import { forbidden } from '../access/publishRule'

export const scheduleRefused = 'Chỉ biên tập viên hoặc quản trị viên được hẹn giờ xuất bản, gỡ xuất bản hay hủy lịch đã hẹn.'

type Target = { doc?: { relationTo?: string; value?: unknown } | null; global?: string | null; type?: string | null }

/** Whether the user may publish (or unpublish) the scheduled target now; globals have no drafts here. */
function mayScheduleFor(user: PayloadRequest['user'], target: Target): boolean {
  const slug = target.doc?.relationTo
  if (!slug || target.global) return false
  const rules = (policy.collections as Record<string, Rules>)[slug]
  return may(target.type === 'unpublish' ? rules?.unpublish : rules?.publish, user)
}

async function scheduledJobTarget(req: PayloadRequest, id: number | string): Promise<Target | undefined> {
  const job = (await req.payload.db.findOne({ collection: 'payload-jobs', where: { id: { equals: id } }, req })) as {
    taskSlug?: string
    input?: Target
  } | null
  return job?.taskSlug === 'schedulePublish' ? (job.input ?? {}) : undefined
}

export const schedulePublishForPublishers: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  const { req } = args
  if (!mayScheduleFor(req.user, args)) throw forbidden(req, scheduleRefused)
  if (args.deleteID != null) {
    const target = await scheduledJobTarget(req, args.deleteID)
    if (!target || !mayScheduleFor(req.user, target)) throw forbidden(req, scheduleRefused)
  }
  return schedulePublishHandler(args)
}

export const adminServerFunctions = {
  'schedule-publish': schedulePublishForPublishers as ServerFunction,
}
