/**
 * Progress of plan tasks from their published progress updates (cms/collections/TaskUpdates.ts):
 * the latest status of each task, its dated history, whether it is overdue. One source for the
 * document page, the dashboard's counts and the downloads. Pure: "today" is passed in (the
 * build's day in Vietnam, site/lib/campaigns.ts `portalNow`), so tests fix it.
 */
import { taskStatusLabel, taskUpdateStatuses } from '../../cms/fields/options'
import { relationId } from '../../cms/lib/relations'
import { vietnamCalendarDay } from '../../cms/lib/vietnamese'
import { formatDate, formatPercent, label } from './format'

/** The parts of a published update the portal shows (never who wrote it). */
export interface TaskUpdateLike {
  id: number | string
  plan: number | string | { id: number | string } | null
  task: string
  reportedAt: string
  status: string
  percent?: number | null
  milestone?: string | null
  note?: string | null
  evidenceUrl?: string | null
  illustrative?: boolean | null
  updatedAt?: string | null
}

export interface TaskLikeForProgress {
  id?: string | null
  status?: string | null
  dueEnd?: string | null
}

export interface ProgressEntry {
  id: string
  /** YYYY-MM-DD in Vietnam, and as shown ("05/01/2026"). */
  day: string
  date: string
  status: string
  statusLabel: string
  percent: number | null
  percentLabel: string | null
  milestone: string | null
  note: string | null
  /** http(s) only (checked again here: a stored value is not trusted as a link). */
  evidenceUrl: string | null
  illustrative: boolean
}

/** A task's state on the dashboard: its latest status, or "Quá hạn" once past due and not done. */
export type TaskState = 'completed' | 'in-progress' | 'paused' | 'not-started' | 'overdue' | 'not-reported'
export const taskStates: readonly { value: TaskState; label: string }[] = (
  ['completed', 'in-progress', 'paused', 'not-started', 'overdue', 'not-reported'] as const
).map((value) => ({ value, label: value === 'overdue' ? 'Quá hạn' : taskStatusLabel(value)! }))

export interface TaskProgress {
  /** Latest status: the newest published update's, else the plan's own, else "not-reported". */
  status: string
  statusLabel: string
  latest: ProgressEntry | null
  /** Newest first. */
  history: ProgressEntry[]
  /** Past the end of its time frame (in Vietnam, before `today`) and not completed. */
  overdue: boolean
  state: TaskState
  dueDay: string | null
}

/** Updates of one task, grouped: key `${planId}:${taskId}`. */
export type UpdatesByTask = Map<string, TaskUpdateLike[]>
export const taskKey = (planId: number | string, taskId: string) => `${planId}:${taskId}`

export function groupUpdates(updates: readonly TaskUpdateLike[]): UpdatesByTask {
  const map: UpdatesByTask = new Map()
  for (const u of updates) {
    const planId = relationId(u.plan)
    if (planId == null || !u.task) continue
    const key = taskKey(planId, u.task)
    const list = map.get(key) ?? []
    list.push(u)
    map.set(key, list)
  }
  return map
}

const safeUrl = (value: string | null | undefined) => {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** The Vietnamese calendar day of a stored date ("2023-06-30T00:00:00.000Z" → "2023-06-30"). */
export function vietnamDay(value: string | null | undefined): string | null {
  if (!value) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : vietnamCalendarDay(date)
}

export function progressEntry(u: TaskUpdateLike): ProgressEntry {
  const day = vietnamDay(u.reportedAt) ?? ''
  const percent = typeof u.percent === 'number' && Number.isFinite(u.percent) ? u.percent : null
  return {
    id: String(u.id),
    day,
    date: day ? formatDate(`${day}T12:00:00+07:00`) : '',
    status: u.status,
    statusLabel: label(taskUpdateStatuses, u.status),
    percent,
    percentLabel: percent == null ? null : formatPercent(percent),
    milestone: u.milestone?.trim() || null,
    note: u.note?.trim() || null,
    evidenceUrl: safeUrl(u.evidenceUrl),
    illustrative: Boolean(u.illustrative),
  }
}

/** Newest report first; two of the same day by the later save. */
const newestFirst = (a: TaskUpdateLike, b: TaskUpdateLike) =>
  (vietnamDay(b.reportedAt) ?? '').localeCompare(vietnamDay(a.reportedAt) ?? '') ||
  String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? '')) ||
  String(b.id).localeCompare(String(a.id), undefined, { numeric: true })

const statusLabelOf = (status: string) => taskStatusLabel(status) ?? status

/** A task's progress on `today` (YYYY-MM-DD, Vietnam). */
export function taskProgress(planId: number | string, task: TaskLikeForProgress, updates: UpdatesByTask, today: string): TaskProgress {
  const own = task.id ? [...(updates.get(taskKey(planId, task.id)) ?? [])].sort(newestFirst) : []
  const history = own.map(progressEntry)
  const latest = history[0] ?? null
  const status = latest?.status ?? task.status ?? 'not-reported'
  const dueDay = vietnamDay(task.dueEnd)
  const overdue = dueDay != null && dueDay < today && status !== 'completed'
  const state: TaskState = status === 'completed' ? 'completed' : overdue ? 'overdue' : (taskStates.find((s) => s.value === status)?.value ?? 'not-reported')
  return { status, statusLabel: statusLabelOf(status), latest, history, overdue, state, dueDay }
}
