/** The tasks table of a document, and the tasks an organisation leads or coordinates. */
import type { Organization, Plan } from '../../../cms/payload-types'
import { relationId } from '../../../cms/lib/relations'
import { formatDate } from '../format'
import { taskProgress, type TaskProgress } from '../task-progress'

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
  /** The latest status (from published progress updates), its value and tone. */
  status: string
  statusValue: string
  statusTone: 'ok' | 'warn' | 'bad' | 'muted'
  /** Latest update, dated history (newest first), overdue. */
  progress: TaskProgress
}

export interface TaskGroup {
  title?: string
  tasks: TaskView[]
}

const statusTone: Record<string, TaskView['statusTone']> = {
  completed: 'ok',
  'in-progress': 'warn',
  paused: 'bad',
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

export function taskView(index: PlanIndex, plan: Pick<Plan, 'id'>, task: TaskEntry, i: number): TaskView {
  const lead = resolve(index.orgById, task.lead)
  const progress = taskProgress(plan.id, task, index.updatesByTask, index.today)
  return {
    key: task.id ?? String(i),
    order: task.order ?? undefined,
    content: textBlocks(task.content),
    audience: task.audience ?? undefined,
    lead: lead ? [orgRef(lead)] : task.leadText ? [{ name: task.leadText }] : [],
    coordinatingText: task.coordinatingText ?? undefined,
    coordinating: resolveAll(index.orgById, task.coordinating).map(orgRef),
    timeFrame: taskTimeFrame(task),
    status: progress.statusLabel,
    statusValue: progress.status,
    statusTone: statusTone[progress.status] ?? 'muted',
    progress,
  }
}

/** The tasks table, grouped by `group` in the document's order (one untitled group when none). */
export function taskGroups(index: PlanIndex, plan: Plan): TaskGroup[] {
  const groups: TaskGroup[] = []
  ;(plan.tasks ?? []).forEach((task, i) => {
    const title = task.group?.trim() || undefined
    let group = groups[groups.length - 1]
    if (!group || group.title !== title) groups.push((group = { title, tasks: [] }))
    group.tasks.push(taskView(index, plan, task, i))
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
          task: taskView(index, plan, task, i),
          plan,
          planPath: planPath(plan),
          planReference: planReference(plan),
          group: task.group ?? undefined,
        })
    })
  }
  return out
}
