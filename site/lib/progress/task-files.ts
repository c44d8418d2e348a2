/**
 * /tien-do/nhiem-vu.csv and .json: every task of every published document with its latest
 * published progress (status, percent, milestone, date) and overdue flag; the JSON also carries
 * each task's history. Same conventions as the indicator files (files.ts): UTF-8 with BOM, CRLF,
 * dot decimals, co/khong in CSV and true/false in JSON.
 */
import { groupUpdates, taskProgress, type ProgressEntry, type TaskUpdateLike } from '../task-progress'
import { BOM, csvField } from './files'
import { planRef } from './common'
import type { PlanLike } from './types'

export const TASK_CSV_COLUMNS = [
  'van_ban',
  'trich_yeu',
  'ma_nhiem_vu',
  'stt',
  'noi_dung',
  'co_quan_chu_tri',
  'han_hoan_thanh',
  'tinh_trang',
  'ten_tinh_trang',
  'ty_le_hoan_thanh',
  'moc',
  'ngay_cap_nhat',
  'qua_han',
  'minh_hoa',
] as const

export interface TaskPlanLike extends PlanLike {
  tasks?: (NonNullable<PlanLike['tasks']>[number] & {
    order?: number | null
    content?: string | null
    lead?: unknown
    leadText?: string | null
  })[] | null
}

type HistoryRecord = { ngay: string; tinh_trang: string; ten_tinh_trang: string; ty_le_hoan_thanh: number | null; moc: string | null; ghi_chu: string | null; minh_chung: string | null; minh_hoa: boolean }
export type TaskRecord = {
  van_ban: string
  trich_yeu: string
  ma_nhiem_vu: string
  stt: number | null
  noi_dung: string
  co_quan_chu_tri: string
  han_hoan_thanh: string | null
  tinh_trang: string
  ten_tinh_trang: string
  ty_le_hoan_thanh: number | null
  moc: string | null
  ngay_cap_nhat: string | null
  qua_han: boolean
  minh_hoa: boolean
  lich_su: HistoryRecord[]
}

const leadName = (task: { lead?: unknown; leadText?: string | null }) =>
  (task.lead && typeof task.lead === 'object' && typeof (task.lead as { name?: unknown }).name === 'string' ? (task.lead as { name: string }).name : null) ??
  task.leadText ??
  ''

const historyRecord = (e: ProgressEntry): HistoryRecord => ({
  ngay: e.day,
  tinh_trang: e.status,
  ten_tinh_trang: e.statusLabel,
  ty_le_hoan_thanh: e.percent,
  moc: e.milestone,
  ghi_chu: e.note,
  minh_chung: e.evidenceUrl,
  minh_hoa: e.illustrative,
})

/** One record per task, documents by id, tasks in the document's order. */
export function taskRecords(plans: readonly TaskPlanLike[], updates: readonly TaskUpdateLike[], today: string): TaskRecord[] {
  const byTask = groupUpdates(updates)
  const out: TaskRecord[] = []
  for (const plan of [...plans].sort((a, b) => String(a.id).localeCompare(String(b.id), undefined, { numeric: true }))) {
    const ref = planRef(plan)!
    ;(plan.tasks ?? []).forEach((task, i) => {
      const p = taskProgress(plan.id, task, byTask, today)
      out.push({
        van_ban: ref.label,
        trich_yeu: ref.title,
        ma_nhiem_vu: task.id ?? String(i),
        stt: task.order ?? null,
        noi_dung: (task.content ?? '').replace(/\s+/g, ' ').trim(),
        co_quan_chu_tri: leadName(task),
        han_hoan_thanh: p.dueDay,
        tinh_trang: p.overdue ? 'qua-han' : p.status,
        ten_tinh_trang: p.overdue ? `Quá hạn (${p.statusLabel.toLowerCase()})` : p.statusLabel,
        ty_le_hoan_thanh: p.latest?.percent ?? null,
        moc: p.latest?.milestone ?? null,
        ngay_cap_nhat: p.latest?.day ?? null,
        qua_han: p.overdue,
        minh_hoa: p.latest?.illustrative ?? false,
        lich_su: p.history.map(historyRecord),
      })
    })
  }
  return out
}

export function tasksToCsv(records: readonly TaskRecord[]): string {
  const lines = [TASK_CSV_COLUMNS.join(',')]
  for (const r of records) lines.push(TASK_CSV_COLUMNS.map((c) => csvField(r[c])).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

export function tasksToJson(records: readonly TaskRecord[], meta: { pageUrl: string; csvUrl: string; today: string }): string {
  return JSON.stringify(
    {
      ten: 'Tình trạng thực hiện nhiệm vụ trong các văn bản',
      mo_ta: 'Mỗi nhiệm vụ trong bảng nhiệm vụ của các văn bản trên cổng thông tin, với lần cập nhật tiến độ mới nhất đã được duyệt và lịch sử cập nhật.',
      trang: meta.pageUrl,
      csv: meta.csvUrl,
      tinh_den_ngay: meta.today,
      ghi_chu:
        'tinh_trang: not-reported (chưa cập nhật), not-started, in-progress, paused, completed, hoặc qua-han (quá thời hạn mà chưa hoàn thành). Ngày viết năm-tháng-ngày theo giờ Việt Nam. lich_su: các lần cập nhật, mới nhất trước. minh_hoa: true là dữ liệu minh họa.',
      cot: TASK_CSV_COLUMNS,
      du_lieu: records,
    },
    null,
    2,
  )
}
