/** The tasks table of a document, and the tasks an organisation leads or coordinates. */
import type { Organization, Plan } from '../../../cms/payload-types'
import { taskStatuses } from '../../../cms/fields/options'
import { relationId } from '../../../cms/lib/relations'
import { formatDate, label } from '../format'

import { planPath } from '../routes'
import { type PlanIndex, resolve, resolveAll } from './data'
import { planReference } from './naming'
import { type TextBlock, textBlocks } from './body'
import { type OrgRef, orgRef } from './facts'

type TaskEntry = NonNullable<Plan['tasks']>[number]

export interface TaskView {
  key: string
  order?: number
  content: TextBlock[]
  audience?: string
  lead: OrgRef[]
  /** Coordinating units as printed, when given. */
  coordinatingText?: string
  coordinating: OrgRef[]
  timeFrame: string
  status: string
  statusValue: TaskEntry['status']
  statusTone: 'ok' | 'warn' | 'bad' | 'muted'
}

export interface TaskGroup {
  title?: string
  tasks: TaskView[]
}

const statusTone: Record<TaskEntry['status'], TaskView['statusTone']> = {
  completed: 'ok',
  'in-progress': 'warn',
  'not-started': 'bad',
  'not-reported': 'muted',
}

/** "Quý I" as printed; else the period it means ("01/01/2023 – 31/3/2023"); else "—". */
export function taskTimeFrame(task: TaskEntry): string {
  if (task.timeFrame) return task.timeFrame
  if (task.dueStart && task.dueEnd) return `${formatDate(task.dueStart)} – ${formatDate(task.dueEnd)}`
  if (task.dueEnd) return `Đến ${formatDate(task.dueEnd)}`
  if (task.dueStart) return `Từ ${formatDate(task.dueStart)}`
  return '—'
}

export function taskView(index: PlanIndex, task: TaskEntry, i: number): TaskView {
  const lead = resolve(index.orgById, task.lead)
  return {
    key: task.id ?? String(i),
    order: task.order ?? undefined,
    content: textBlocks(task.content),
    audience: task.audience ?? undefined,
    lead: lead ? [orgRef(lead)] : task.leadText ? [{ name: task.leadText }] : [],
    coordinatingText: task.coordinatingText ?? undefined,
    coordinating: resolveAll(index.orgById, task.coordinating).map(orgRef),
    timeFrame: taskTimeFrame(task),
    status: label(taskStatuses, task.status),
    statusValue: task.status,
    statusTone: statusTone[task.status] ?? 'muted',
  }
}

/** The tasks table, grouped by `group` in the document's order (one untitled group when none). */
export function taskGroups(index: PlanIndex, plan: Plan): TaskGroup[] {
  const groups: TaskGroup[] = []
  ;(plan.tasks ?? []).forEach((task, i) => {
    const title = task.group?.trim() || undefined
    let group = groups[groups.length - 1]
    if (!group || group.title !== title) groups.push((group = { title, tasks: [] }))
    group.tasks.push(taskView(index, task, i))
  })
  return groups
}

export interface OrgTask {
  task: TaskView
  plan: Plan
  planPath: string
  /** "Kế hoạch số 38/KH-HĐTĐKT", or type and trích yếu for a document without a number. */
  planReference: string
  group?: string
}

/** Tasks across all published documents that the organisation leads, or coordinates. */
export function tasksOfOrganization(index: PlanIndex, org: Organization, role: 'lead' | 'coordinating'): OrgTask[] {
  const out: OrgTask[] = []
  for (const plan of index.plans) {
    ;(plan.tasks ?? []).forEach((task, i) => {
      const match =
        role === 'lead' ? relationId(task.lead) === org.id : (task.coordinating ?? []).some((c) => relationId(c) === org.id)
      if (match)
        out.push({
          task: taskView(index, task, i),
          plan,
          planPath: planPath(plan),
          planReference: planReference(plan),
          group: task.group ?? undefined,
        })
    })
  }
  return out
}
