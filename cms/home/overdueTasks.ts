/**
 * Plan tasks past their due date and not done. A task is done when its latest published
 * progress update (collection `task-updates`, when the configuration has it) says so, else
 * when the plan's own task status does. Live (published) documents only, read with the
 * user's access; a data reporter sees the tasks their organisation leads.
 */
import type { Where } from 'payload'

import { policyRoleOf } from '../access/policy'
import { taskStatusLabel } from '../fields/options'
import { relationId, type Id } from '../lib/relations'
import { formatDate, vietnamCalendarDay } from '../lib/vietnamese'
import { adminHref, asUser, collectionHasField, daysBetween, excerpt, ownOrganizationId, todayOf, type HomeContext } from './context'
import { organizationsById } from './organizations'

export type OverdueTask = {
  plan: { id: Id; title: string; documentNumber?: string; href: string }
  taskId: string
  order?: number
  content: string
  lead?: string
  timeFrame?: string
  dueEnd: string
  dueLabel: string
  daysOverdue: number
  status: string
  statusLabel: string
}

export type OverdueTasks = { total: number; items: OverdueTask[]; scope?: string }

const DONE = 'completed'

/** The latest published progress update's status per plan task, when task updates exist. */
async function latestUpdateStatus(ctx: HomeContext, planIds: Id[]): Promise<Map<string, string>> {
  const latest = new Map<string, string>()
  if (!planIds.length || !collectionHasField(ctx.payload, 'task-updates', 'task') || !collectionHasField(ctx.payload, 'task-updates', 'status')) return latest
  const dateField = collectionHasField(ctx.payload, 'task-updates', 'reportedAt') ? 'reportedAt' : 'createdAt'
  const { docs } = await ctx.payload.find({
    collection: 'task-updates' as never,
    where: { and: [{ _status: { equals: 'published' } }, { plan: { in: planIds } }] } as Where,
    sort: [`-${dateField}`, '-createdAt'],
    depth: 0,
    pagination: false,
    ...asUser(ctx),
  })
  for (const u of docs as unknown as { plan: unknown; task: string; status: string }[]) {
    const key = `${relationId(u.plan)}:${u.task}`
    if (!latest.has(key)) latest.set(key, u.status)
  }
  return latest
}

export async function overdueTasks(ctx: HomeContext, { limit = 25 }: { limit?: number } = {}): Promise<OverdueTasks | null> {
  const role = policyRoleOf(ctx.user)
  if (role === 'anonymous') return null
  const ownOrg = role === 'data-reporter' ? ownOrganizationId(ctx) : undefined
  if (role === 'data-reporter' && ownOrg == null) return { total: 0, items: [] }

  const today = todayOf(ctx)
  const { payload } = ctx
  const plans = await payload.find({
    collection: 'plans',
    where: { and: [{ _status: { equals: 'published' } }, { 'tasks.dueEnd': { less_than: ctx.now.toISOString() } }] },
    select: { title: true, documentNumber: true, tasks: true },
    depth: 0,
    pagination: false,
    ...asUser(ctx),
  })
  const orgs = await organizationsById(ctx)
  const updates = await latestUpdateStatus(ctx, plans.docs.map((p) => p.id))

  const all: OverdueTask[] = []
  for (const plan of plans.docs) {
    for (const task of plan.tasks ?? []) {
      if (!task.dueEnd || !task.id) continue
      const due = vietnamCalendarDay(new Date(task.dueEnd))
      if (due >= today) continue
      const leadId = relationId(task.lead)
      if (ownOrg != null && String(leadId) !== String(ownOrg)) continue
      const status = updates.get(`${plan.id}:${task.id}`) ?? task.status ?? 'not-reported'
      if (status === DONE) continue
      all.push({
        plan: { id: plan.id, title: excerpt(plan.title, 120), documentNumber: plan.documentNumber ?? undefined, href: adminHref(payload, { collection: 'plans', id: plan.id }) },
        taskId: task.id,
        order: task.order ?? undefined,
        content: excerpt(task.content, 160),
        lead: (leadId != null ? orgs.get(String(leadId))?.name : undefined) ?? task.leadText ?? undefined,
        timeFrame: task.timeFrame ?? undefined,
        dueEnd: due,
        dueLabel: formatDate(`${due}T12:00:00+07:00`),
        daysOverdue: daysBetween(due, today),
        status,
        statusLabel: taskStatusLabel(status) ?? status,
      })
    }
  }
  // The longest overdue first.
  all.sort((a, b) => a.dueEnd.localeCompare(b.dueEnd) || (a.order ?? 0) - (b.order ?? 0))
  const scope = ownOrg != null ? orgs.get(String(ownOrg))?.name : undefined
  return { total: all.length, items: all.slice(0, limit), scope }
}
