/** Plan tasks: by state (latest published progress update, overdue) and by due quarter. */
import { vietnamCalendarDay } from '../../../cms/lib/vietnamese'
import { groupUpdates, taskProgress, taskStates, type TaskUpdateLike, type UpdatesByTask } from '../task-progress'

import type { Id, PlanLike } from './types'
import { byId, planRef } from './common'

const ROMAN = ['I', 'II', 'III', 'IV']
export const NO_DUE_LABEL = 'Không xác định thời hạn'

export interface Quarter {
  key: string
  label: string
  year: number | null
  quarter: number | null
}

/**
 * The quarter a deadline falls in, on the Vietnamese calendar date ("2023-06-30" → Quý II/2023).
 * No (or an unreadable) date → "Không xác định thời hạn".
 */
export function dueQuarter(dueEnd: string | null | undefined): Quarter {
  const none: Quarter = { key: 'none', label: NO_DUE_LABEL, year: null, quarter: null }
  if (!dueEnd) return none
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(dueEnd) ? `${dueEnd}T00:00:00+07:00` : dueEnd)
  if (Number.isNaN(date.getTime())) return none
  const [year, month] = vietnamCalendarDay(date).split('-').map(Number)
  const quarter = Math.floor((month - 1) / 3) + 1
  return { key: `${year}-Q${quarter}`, label: `Quý ${ROMAN[quarter - 1]}/${year}`, year, quarter }
}

export interface StatusColumn {
  value: string
  label: string
}

export interface PlanTaskCount {
  planId: Id
  label: string
  title: string
  href: string | null
  count: number
}

export interface QuarterRow {
  quarter: Quarter
  counts: Record<string, number>
  total: number
  plans: PlanTaskCount[]
}

export interface PlanRow {
  plan: PlanTaskCount
  counts: Record<string, number>
  total: number
  undated: number
}

export interface TaskStatistics {
  statuses: StatusColumn[]
  byQuarter: QuarterRow[]
  byPlan: PlanRow[]
  totals: Record<string, number>
  total: number
  /** The day overdue is judged on (YYYY-MM-DD, Vietnam). */
  today: string
}

export interface TaskProgressInput {
  /** Published progress updates (or already grouped by task). */
  updates: readonly TaskUpdateLike[] | UpdatesByTask
  /** YYYY-MM-DD in Vietnam: tasks past their due end before this day and not done are "Quá hạn". */
  today: string
}

/**
 * Tasks counted by state: completed, in progress, paused, not started, overdue (past due and not
 * completed, whatever its last status), not reported. Each task is counted once.
 */
export function taskStatistics(plans: readonly PlanLike[], progress: TaskProgressInput): TaskStatistics {
  const updates = progress.updates instanceof Map ? progress.updates : groupUpdates(progress.updates as readonly TaskUpdateLike[])
  const statuses: StatusColumn[] = taskStates.map((s) => ({ value: s.value, label: s.label }))
  const zero = () => Object.fromEntries(statuses.map((s) => [s.value, 0])) as Record<string, number>
  const totals = zero()
  const quarters = new Map<string, QuarterRow>()
  const byPlan: PlanRow[] = []
  const sorted = [...plans].sort(byId)
  for (const plan of sorted) {
    const tasks = plan.tasks ?? []
    if (tasks.length === 0) continue
    const ref = planRef(plan)!
    const planInfo = (count: number): PlanTaskCount => ({ planId: plan.id, label: ref.label, title: ref.title, href: ref.href, count })
    const planRow: PlanRow = { plan: planInfo(tasks.length), counts: zero(), total: 0, undated: 0 }
    for (const task of tasks) {
      const status = taskProgress(plan.id, task, updates, progress.today).state
      const q = dueQuarter(task.dueEnd)
      let row = quarters.get(q.key)
      if (!row) quarters.set(q.key, (row = { quarter: q, counts: zero(), total: 0, plans: [] }))
      row.counts[status] = (row.counts[status] ?? 0) + 1
      row.total++
      const p = row.plans.find((x) => x.planId === plan.id)
      if (p) p.count++
      else row.plans.push(planInfo(1))
      planRow.counts[status] = (planRow.counts[status] ?? 0) + 1
      planRow.total++
      if (q.year == null) planRow.undated++
      totals[status] = (totals[status] ?? 0) + 1
    }
    byPlan.push(planRow)
  }
  const byQuarter = [...quarters.values()].sort((a, b) => {
    if (a.quarter.year == null) return b.quarter.year == null ? 0 : 1
    if (b.quarter.year == null) return -1
    return a.quarter.year - b.quarter.year || a.quarter.quarter! - b.quarter.quarter!
  })
  for (const row of byQuarter) for (const s of statuses) row.counts[s.value] ??= 0
  for (const row of byPlan) for (const s of statuses) row.counts[s.value] ??= 0
  return { statuses, byQuarter, byPlan, totals, total: byPlan.reduce((n, r) => n + r.total, 0), today: progress.today }
}
