/**
 * The figures endpoints of indicator reports (REST only; GraphQL has no counterpart):
 * - GET  /api/indicator-reports/figures/template?year=&topic=&organization=  → .xlsx template
 * - POST /api/indicator-reports/figures/preview  (multipart `file`: .xlsx or CSV) → checks and changes
 * - POST /api/indicator-reports/figures/apply    (the same file) → writes all changes or none
 * - GET  /api/indicator-reports/figures/export?year=&topic=&organization=    → .xlsx of the reports
 * Who may: the policy table's `importFigures` cell (cms/figures/access.ts).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { addDataAndFileToRequest } from 'payload'
import fs from 'node:fs/promises'

import type { Id } from '../lib/relations'
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from '../lib/uploadLimits'
import { EMPTY_UPLOAD_MESSAGE } from '../lib/uploadTypes'
import { slugify } from '../lib/vietnamese'
import { accessMessages, figuresScope, inScope, type FiguresScope } from './access'
import { applyChanges, ApplyError } from './apply'
import { loadFiguresContext, organizationsInScope, type FiguresContext, type OrganizationRef } from './context'
import { countChanges, diffRows, type Change } from './diff'
import { parseFiguresFile } from './parse'
import { checkRows, FIRST_YEAR, lastReportableYear, type RowError } from './rules'
import { exportRows, templateRows, type Selection } from './sheets'
import { buildFiguresWorkbook } from './workbook'

export const endpointMessages = {
  noFile: 'Chưa có tệp: hãy chọn tệp Excel (.xlsx) hoặc CSV rồi tải lên (trường “file”).',
  year: (last: number) => `Năm phải là số nguyên từ ${FIRST_YEAR} đến ${last}.`,
  topic: 'Không tìm thấy bộ chỉ tiêu (chủ đề) đã chọn.',
  organization: 'Không tìm thấy cơ quan, đơn vị đã chọn.',
  hasErrors: (n: number) => `Tệp còn ${n} lỗi nên chưa áp dụng. Hãy sửa các dòng được báo lỗi rồi tải lại; không có số liệu nào được thay đổi.`,
  applied: (created: number, updated: number, unchanged: number) =>
    `Đã áp dụng: ${created} số liệu mới, ${updated} số liệu được cập nhật, ${unchanged} không đổi.`,
  submitted: (created: number, updated: number, unchanged: number) =>
    `Đã gửi duyệt: ${created} số liệu mới, ${updated} số liệu được cập nhật, ${unchanged} không đổi. Số liệu chỉ được công bố sau khi biên tập viên duyệt.`,
} as const

const noStore = { 'cache-control': 'no-store' }
const refuse = (status: number, message: string, extra: Record<string, unknown> = {}) =>
  Response.json({ errors: [{ message }], ...extra }, { status, headers: noStore })

type Allowed = { scope: FiguresScope }
function allowedOrRefusal(req: PayloadRequest): Allowed | Response {
  const result = figuresScope(req.user)
  return result.ok ? { scope: result.scope } : refuse(result.status, result.message)
}

// ── GET: template and export ────────────────────────────────────────────────

function readSelection(req: PayloadRequest, context: FiguresContext, { yearRequired }: { yearRequired: boolean }): Selection | Response {
  const params = req.searchParams ?? new URLSearchParams()
  const last = lastReportableYear()
  const selection: Selection = {}
  const yearText = params.get('year')?.trim()
  if (yearText) {
    const year = Number(yearText)
    if (!/^\d{4}$/.test(yearText) || year < FIRST_YEAR || year > last) return refuse(400, endpointMessages.year(last))
    selection.year = year
  } else if (yearRequired) selection.year = last
  const topic = params.get('topic')?.trim()
  if (topic) {
    if (!context.indicators.some((i) => i.topics.includes(topic))) return refuse(400, endpointMessages.topic)
    selection.topic = topic
  }
  const organization = params.get('organization')?.trim()
  if (organization) {
    const found = context.organizations.find((o) => String(o.id) === organization)
    if (!found) return refuse(400, endpointMessages.organization)
    if (!inScope(context.scope, found.id)) return refuse(403, accessMessages.otherOrganization)
    selection.organization = found
  } else if (context.scope.kind === 'organization') {
    // A data reporter's files are always their own organisation's.
    selection.organization = organizationsInScope(context)[0]
  }
  return selection
}

const xlsxResponse = (data: Buffer, name: string) =>
  new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      ...noStore,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}"`,
      'x-content-type-options': 'nosniff',
    },
  })

const fileName = (kind: string, selection: Selection) =>
  [kind, selection.year, selection.organization && slugify(selection.organization.name)].filter(Boolean).join('-') + '.xlsx'

async function workbookEndpoint(req: PayloadRequest, kind: 'template' | 'export'): Promise<Response> {
  const allowed = allowedOrRefusal(req)
  if (allowed instanceof Response) return allowed
  const context = await loadFiguresContext(req.payload, allowed.scope)
  const selection = readSelection(req, context, { yearRequired: kind === 'template' })
  if (selection instanceof Response) return selection
  const rows = kind === 'template' ? templateRows(context, { ...selection, year: selection.year! }) : exportRows(context, selection)
  const organizations = selection.organization ? [selection.organization] : organizationsInScope(context)
  const data = await buildFiguresWorkbook({ rows, indicators: context.indicators, localities: context.localities, organizations })
  return xlsxResponse(data, fileName(kind === 'template' ? 'bieu-mau-so-lieu' : 'so-lieu', selection))
}

// ── POST: preview and apply ─────────────────────────────────────────────────
async function uploadedFile(req: PayloadRequest): Promise<Buffer | Response> {
  // Multipart errors (size limit, broken body) reach the config's afterError hook in Vietnamese.
  await addDataAndFileToRequest(req)
  const file = req.file as { data?: Buffer; tempFilePath?: string; size?: number } | undefined
  if (!file) return refuse(400, endpointMessages.noFile)
  const data = file.data?.length ? file.data : file.tempFilePath ? await fs.readFile(file.tempFilePath) : Buffer.alloc(0)
  if (data.length > MAX_UPLOAD_BYTES) return refuse(413, UPLOAD_TOO_LARGE_MESSAGE)
  if (data.length === 0) return refuse(400, EMPTY_UPLOAD_MESSAGE)
  return data
}

type Examined = { context: FiguresContext; changes: Change[]; errors: RowError[]; skipped: number[] }

async function examine(req: PayloadRequest): Promise<Examined | Response> {
  const allowed = allowedOrRefusal(req)
  if (allowed instanceof Response) return allowed
  const data = await uploadedFile(req)
  if (data instanceof Response) return data
  const parsed = await parseFiguresFile(data)
  if (!parsed.ok) return refuse(400, parsed.message)
  const context = await loadFiguresContext(req.payload, allowed.scope)
  const { valid, errors, skipped } = checkRows(parsed.rows, context)
  return { context, changes: diffRows(valid, context), errors, skipped }
}

const changeView = (c: Change) => ({
  row: c.row.row,
  kind: c.kind,
  id: c.existing?.id ?? null,
  code: c.row.indicator.code,
  indicator: c.row.indicator.name,
  unit: c.row.indicator.unitLabel,
  year: c.row.year,
  periodLabel: c.row.periodLabel,
  locality: c.row.locality,
  organization: c.row.organization.name,
  value: c.row.value,
  source: c.row.source ?? null,
  note: c.row.note ?? null,
  before: c.before ?? null,
})

const summaryOf = (e: Examined) => ({ ...countChanges(e.changes), skipped: e.skipped.length, errors: e.errors.length })

export const figuresEndpoints: Endpoint[] = [
  { path: '/figures/template', method: 'get', handler: (req) => workbookEndpoint(req, 'template') },
  { path: '/figures/export', method: 'get', handler: (req) => workbookEndpoint(req, 'export') },
  {
    path: '/figures/preview',
    method: 'post',
    handler: async (req) => {
      const examined = await examine(req)
      if (examined instanceof Response) return examined
      return Response.json(
        { canApply: examined.errors.length === 0, summary: summaryOf(examined), rows: examined.changes.map(changeView), rowErrors: examined.errors },
        { headers: noStore },
      )
    },
  },
  {
    path: '/figures/apply',
    method: 'post',
    handler: async (req) => {
      const examined = await examine(req)
      if (examined instanceof Response) return examined
      if (examined.errors.length) {
        return refuse(400, endpointMessages.hasErrors(examined.errors.length), { summary: summaryOf(examined), rowErrors: examined.errors })
      }
      try {
        const applied = await applyChanges(req.payload, req.user, examined.changes)
        return Response.json(
          { message: endpointMessages[applied.submitted ? 'submitted' : 'applied'](applied.created, applied.updated, applied.unchanged), ...applied },
          { headers: noStore },
        )
      } catch (error) {
        if (error instanceof ApplyError) {
          req.payload.logger.error({ err: error.cause, msg: `Nhập số liệu từ tệp: ${error.message}` })
          return refuse(409, error.message)
        }
        throw error
      }
    },
  },
]

export type { Id }
