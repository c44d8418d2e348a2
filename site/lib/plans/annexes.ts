/** Deadlines, targets, attachments and recipients of a document. */
import type { Indicator, Plan } from '../../../cms/payload-types'
import { relationId } from '../../../cms/lib/relations'
import { compareVietnamese } from '../../../cms/lib/vietnamese'
import { formatDate, formatMeasure } from '../format'

import { attachmentPath, indicatorPath, organizationPath, planPath } from '../routes'
import { type PlanIndex, resolve } from './data'

export function deadlinesOf(plan: Plan) {
  return (plan.deadlines ?? []).map((d) => ({
    text: d.text,
    date: d.date ? formatDate(d.date) : undefined,
    isoDate: d.date?.slice(0, 10),
    yearly: d.recurrence === 'yearly',
  }))
}

export interface TargetRow {
  year: number
  scope: string
  /** Formatted with the indicator's unit: "65%", "100.000 đồng/người". */
  value: string
  note?: string
}

export interface TargetGroup {
  indicator: Indicator
  name: string
  code: string
  url: string
  rows: TargetRow[]
}

/**
 * Targets set by this document: every indicator target whose source is this plan, grouped by
 * indicator in the indicators' own order, then by year and scope.
 */
export function targetsOfPlan(index: PlanIndex, plan: Plan): TargetGroup[] {
  const groups: TargetGroup[] = []
  for (const indicator of [...index.indicators].sort((a, b) => a.id - b.id)) {
    const rows = (indicator.targets ?? [])
      .filter((t) => relationId(t.sourcePlan) === plan.id)
      .sort((a, b) => a.year - b.year || compareVietnamese(a.scope, b.scope))
      .map((t) => ({ year: t.year, scope: t.scope, value: formatMeasure(t.value, indicator.unit), note: t.note ?? undefined }))
    if (rows.length) groups.push({ indicator, name: indicator.name, code: indicator.code, url: indicatorPath(indicator), rows })
  }
  return groups
}

type AttachedFile = { filename: string; url?: string | null; mimeType?: string | null; filesize?: number | null; updatedAt: string }

/** The uploaded file of an attachment row, when it has one. */
const attachedFile = (row: NonNullable<Plan['attachments']>[number]): AttachedFile | undefined =>
  row.file && typeof row.file === 'object' && row.file.filename ? (row.file as AttachedFile) : undefined

/** Every file attached to a published document: the files the portal publishes under /tai-lieu/. */
export function attachedFiles(index: PlanIndex): AttachedFile[] {
  const byName = new Map<string, AttachedFile>()
  for (const plan of index.plans) for (const row of plan.attachments ?? []) {
    const file = attachedFile(row)
    if (file) byName.set(file.filename, file)
  }
  return [...byName.values()]
}

/**
 * A document's attachments. `fileUrl` says where a file is linked: by default the copy the
 * portal publishes; a staff preview links the CMS's own file instead, since a file attached
 * only in the draft is not on the portal yet.
 */
export function attachmentsOf(index: PlanIndex, plan: Plan, fileUrl: (file: AttachedFile) => string | undefined = (f) => attachmentPath(f.filename)) {
  return (plan.attachments ?? []).map((a) => {
    const linked = resolve(index.planById, a.plan)
    const file = attachedFile(a)
    return {
      title: a.title,
      url: linked ? planPath(linked) : file ? fileUrl(file) : undefined,
      kind: linked ? ('plan' as const) : file ? ('file' as const) : undefined,
      fileInfo: file?.mimeType ? fileInfo(file.mimeType, file.filesize) : undefined,
    }
  })
}

function fileInfo(mime: string, size?: number | null): string {
  const kind = mime === 'application/pdf' ? 'PDF' : (mime.split('/')[1] ?? mime).toUpperCase()
  if (!size) return kind
  return size >= 1024 * 1024 ? `${kind}, ${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${kind}, ${Math.max(1, Math.round(size / 1024))} KB`
}

export function recipientsOf(index: PlanIndex, plan: Plan) {
  return (plan.recipients ?? []).map((r) => {
    const org = resolve(index.orgById, r.organization)
    return { name: r.name, url: org ? organizationPath(org) : undefined, orgName: org && org.name !== r.name ? org.name : undefined }
  })
}
