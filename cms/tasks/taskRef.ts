/**
 * A progress update names one task of one plan by the task's array row id (Payload keeps a row's
 * id when rows are reordered or edited, so the reference survives both). These helpers find the
 * task, check it exists, and copy from it what access and lists need (its lead organisation, a title).
 */
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { forbidden } from '../access/publishRule'
import { userOrganizationOf } from '../access/policy'
import { limitedToLeadOrganization } from '../access/taskUpdates'
import { relationId, type Id } from '../lib/relations'

export const taskUpdateMessages = {
  planMissing: 'Hãy chọn văn bản có nhiệm vụ cần cập nhật.',
  taskMissing: 'Hãy chọn nhiệm vụ cần cập nhật tiến độ.',
  taskNotInPlan: 'Nhiệm vụ đã chọn không có trong bảng nhiệm vụ của văn bản này. Hãy chọn lại nhiệm vụ.',
  notLeadOrganization:
    'Bạn chỉ được cập nhật tiến độ các nhiệm vụ do cơ quan, đơn vị của mình chủ trì. Nhiệm vụ này do cơ quan khác chủ trì.',
  evidenceUrl: 'Đường dẫn minh chứng phải là một địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ: https://khuyenhoc.vn/bao-cao).',
  percentRange: 'Tỷ lệ hoàn thành phải là số từ 0 đến 100.',
  reportedAtFuture: 'Ngày cập nhật không được sau ngày hôm nay.',
} as const

type PlanTask = { id?: string | null; order?: number | null; content?: string | null; lead?: unknown }

/** The plan's task with row id `taskId` (the latest version of the plan, drafts included: staff may report on a task being added). */
export async function findPlanTask(req: PayloadRequest, planRef: unknown, taskId: unknown): Promise<PlanTask | null> {
  const planId = relationId(planRef as Id)
  if (planId == null || typeof taskId !== 'string' || taskId === '') return null
  const plan = await req.payload
    .findByID({ collection: 'plans', id: planId, draft: true, depth: 0, overrideAccess: true, req, disableErrors: true, select: { tasks: true } })
    .catch(() => null)
  return ((plan?.tasks ?? []) as PlanTask[]).find((t) => t.id === taskId) ?? null
}

/** Field validator of `task`: chosen, and a row of the chosen plan. */
export async function validateTaskRef(value: unknown, { siblingData, req }: { siblingData?: Record<string, unknown>; req: PayloadRequest }) {
  if (siblingData?.plan == null) return taskUpdateMessages.planMissing
  if (typeof value !== 'string' || value.trim() === '') return taskUpdateMessages.taskMissing
  return (await findPlanTask(req, siblingData.plan, value)) ? true : taskUpdateMessages.taskNotInPlan
}

/** "Nhiệm vụ 3: Tổ chức Tháng khuyến học…" — the update's title in lists. */
export function taskTitle(task: PlanTask): string {
  const text = (task.content ?? '').replace(/\s+/g, ' ').trim()
  const short = text.length > 90 ? `${text.slice(0, 89).trimEnd()}…` : text
  return `${task.order != null ? `Nhiệm vụ ${task.order}` : 'Nhiệm vụ'}: ${short}`
}

/**
 * Copies the task's lead organisation and title onto the update, and refuses a data reporter's
 * update of a task their organisation does not lead (whatever the request says).
 */
export const taskRefBeforeChange: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const task = await findPlanTask(req, data.plan ?? originalDoc?.plan, data.task ?? originalDoc?.task)
  if (!task) return data
  const lead = relationId(task.lead as Id) ?? null
  if (limitedToLeadOrganization(req.user)) {
    const own = userOrganizationOf(req.user)
    if (own === undefined || lead == null || String(lead) !== String(own)) throw forbidden(req, taskUpdateMessages.notLeadOrganization)
  }
  return { ...data, leadOrganization: lead, taskTitle: taskTitle(task) }
}

/** http(s) only: a javascript: or data: address must never reach a public link. */
export function validateEvidenceUrl(value: unknown) {
  if (value == null || value === '') return true
  if (typeof value !== 'string') return taskUpdateMessages.evidenceUrl
  try {
    const url = new URL(value.trim())
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? true : taskUpdateMessages.evidenceUrl
  } catch {
    return taskUpdateMessages.evidenceUrl
  }
}
