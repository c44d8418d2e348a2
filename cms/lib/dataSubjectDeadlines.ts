/**
 * Deadlines for answering a data subject's request, from the day it was received.
 *
 * Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (in force 01/01/2026) gives the rights (Điều 4)
 * and leaves the procedure and time limits to the Government (khoản 5 Điều 4), which set
 * them in Nghị định 356/2025/NĐ-CP (in force 01/01/2026, replacing Nghị định 13/2023/NĐ-CP).
 * The figures below are read from published summaries of that decree, NOT from its
 * official text, and must be checked against it (see `verified`):
 * - every request is answered (acknowledged) within 2 working days;
 * - a withdrawal of consent, a restriction or an objection is carried out within 15 days;
 * - access, correction and deletion: summaries speak of 10 to 20 days without saying which
 *   applies to which; the shortest (10 days) is used so that staff are never late.
 * Working days skip Saturdays and Sundays only; public holidays are not known here, so the
 * deadline shown can only be earlier than the legal one, never later.
 */
import type { DataSubjectRequestKind, DataSubjectRequestStatus } from './privacyOptions'

export type DeadlineRule = {
  /** Working days to acknowledge the request. */
  acknowledgeWorkingDays: number
  /** Days (calendar) to carry it out. */
  completeDays: number
  /** Where the figure comes from, as staff read it. */
  basis: string
  /** Whether the figure was checked against the official text. */
  verified: boolean
}

const DECREE = 'Nghị định 356/2025/NĐ-CP quy định chi tiết khoản 5 Điều 4 Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15'

const stopProcessing: DeadlineRule = { acknowledgeWorkingDays: 2, completeDays: 15, basis: DECREE, verified: false }
const otherRights: DeadlineRule = { acknowledgeWorkingDays: 2, completeDays: 10, basis: DECREE, verified: false }

export const deadlineRules: Record<DataSubjectRequestKind, DeadlineRule> = {
  withdrawal: stopProcessing,
  restriction: stopProcessing,
  objection: stopProcessing,
  access: otherRights,
  correction: otherRights,
  deletion: otherRights,
  other: otherRights,
}

const DAY = 86_400_000
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const startOf = (day: string) => Date.parse(`${day.slice(0, 10)}T00:00:00Z`)

export function addWorkingDays(day: string, count: number): string {
  let ms = startOf(day)
  for (let added = 0; added < count; ) {
    ms += DAY
    const weekday = new Date(ms).getUTCDay()
    if (weekday !== 0 && weekday !== 6) added++
  }
  return toDay(ms)
}

export const addDays = (day: string, count: number) => toDay(startOf(day) + count * DAY)

export type Deadlines = { acknowledgeBy: string; completeBy: string; basis: string }

/** Both deadlines of a request of `kind` received on `receivedDate` (YYYY-MM-DD or ISO). */
export function deadlinesFor(kind: DataSubjectRequestKind, receivedDate: string): Deadlines {
  const rule = deadlineRules[kind] ?? otherRights
  return {
    acknowledgeBy: addWorkingDays(receivedDate, rule.acknowledgeWorkingDays),
    completeBy: addDays(receivedDate, rule.completeDays),
    basis: `${rule.basis}${rule.verified ? '' : ' (thời hạn cần đối chiếu văn bản chính thức)'}`,
  }
}

type RequestLike = {
  status?: DataSubjectRequestStatus | null
  responseDate?: string | null
  acknowledgeBy?: string | null
  deadline?: string | null
}

const closed = (status: RequestLike['status']) => status === 'completed' || status === 'refused'

/** What staff see beside a request: overdue first, in capitals, so it stands out in the list. */
export function deadlineState(request: RequestLike, today = new Date().toISOString().slice(0, 10)): string {
  if (closed(request.status)) return 'Đã giải quyết'
  if (!request.deadline) return ''
  const daysLeft = Math.round((startOf(request.deadline) - startOf(today)) / DAY)
  const acknowledged = request.status === 'acknowledged' || Boolean(request.responseDate)
  if (daysLeft < 0) return `QUÁ HẠN ${-daysLeft} ngày`
  if (!acknowledged && request.acknowledgeBy && startOf(request.acknowledgeBy) < startOf(today)) return 'QUÁ HẠN PHẢN HỒI'
  return daysLeft === 0 ? 'Hết hạn hôm nay' : `Còn ${daysLeft} ngày`
}
