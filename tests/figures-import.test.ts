/**
 * Figures from Excel (cms/figures/): the template and export built with exceljs and read back
 * with exceljs, every check of an uploaded file with its row, column and Vietnamese message,
 * the new/changed/unchanged preview, all-or-nothing apply, a data reporter limited to their own
 * organisation, and every role over REST. Real Payload on a temporary SQLite file; real
 * multipart requests through the REST handlers.
 */
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { grantFor, policy, policyRoles, type PolicyRole } from '../cms/access/policy'
import { accessMessages } from '../cms/figures/access'
import { applyChanges, ApplyError, applyMessages } from '../cms/figures/apply'
import { DATA_SHEET, figureColumns, LISTS_SHEET } from '../cms/figures/columns'
import { loadFiguresContext } from '../cms/figures/context'
import { diffRows } from '../cms/figures/diff'
import { endpointMessages } from '../cms/figures/endpoints'
import { MAX_ROWS, parseMessages } from '../cms/figures/parse'
import { checkRows, lastReportableYear, organizationFinder, parseNumber, ruleMessages } from '../cms/figures/rules'
import { EMPTY_UPLOAD_MESSAGE, SPREADSHEET_TYPE_MESSAGE } from '../cms/lib/uploadTypes'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'
import { anonymousSession, signIn, type Session } from './helpers/session'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const sessions = {} as Record<PolicyRole, Session>
const ids: Record<string, number> = {}
let reporter: Awaited<ReturnType<typeof makeUser>>

const local = { overrideAccess: true, depth: 0 } as const
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const headers = figureColumns.map((c) => c.header)

// ── Requests ────────────────────────────────────────────────────────────────
async function get(path: string, as: PolicyRole) {
  const response = await http.dispatch(new Request(`http://localhost:3000/api/indicator-reports/figures/${path}`, { headers: sessions[as].headers }))
  const body = Buffer.from(await response.arrayBuffer())
  const json = response.headers.get('content-type')?.includes('json') ? JSON.parse(body.toString('utf8')) : undefined
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body, json }
}

async function post(step: 'preview' | 'apply', file: { data: Buffer; name?: string; type?: string } | undefined, as: PolicyRole) {
  const form = new FormData()
  if (file) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type ?? XLSX }), file.name ?? 'so-lieu.xlsx')
  const encoded = new Response(form)
  const bytes = new Uint8Array(await encoded.arrayBuffer())
  const request = new Request(`http://localhost:3000/api/indicator-reports/figures/${step}`, {
    method: 'POST',
    body: bytes,
    headers: { ...sessions[as].headers, 'content-type': encoded.headers.get('content-type')!, 'content-length': String(bytes.length) },
  })
  const response = await http.dispatch(request)
  const text = await response.text()
  return { status: response.status, json: JSON.parse(text) as any }
}

// ── Files ───────────────────────────────────────────────────────────────────
type Line = Partial<Record<(typeof figureColumns)[number]['key'], string | number>>

/** A figures workbook as another program would write it (exceljs), with the template's headers. */
async function xlsx(lines: Line[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(DATA_SHEET)
  sheet.addRow(headers)
  for (const line of lines) sheet.addRow(figureColumns.map((c) => line[c.key] ?? null))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const csvCell = (v: unknown) => (v == null ? '' : /[",;\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))
function csv(lines: Line[], delimiter = ',', bom = false): Buffer {
  const text = [headers, ...lines.map((l) => figureColumns.map((c) => l[c.key]))].map((r) => r.map(csvCell).join(delimiter)).join('\r\n')
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8')
}

async function readSheet(data: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as never)
  return workbook
}

const reportCount = async () => (await payload.count({ collection: 'indicator-reports', overrideAccess: true })).totalDocs
const allReports = async () =>
  (await payload.find({ collection: 'indicator-reports', ...local, pagination: false, sort: 'id' })).docs.map((r) => ({
    id: r.id,
    value: r.value,
    locality: r.locality,
    year: r.year,
    periodLabel: r.periodLabel,
    note: r.note ?? null,
  }))

// A valid line of organisation A (the data reporter's own).
const lineA = (over: Line = {}): Line => ({
  code: 'TLGD',
  year: 2025,
  periodLabel: 'Năm 2025',
  locality: 'Tỉnh Thái Bình',
  value: 61.5,
  organization: 'Hội Khuyến học tỉnh Thái Bình',
  ...over,
})

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  payload.logger.level = 'silent'
  http = await import('./helpers/http')

  ids.topicModels = (await payload.create({ collection: 'topics', data: { name: 'Mô hình học tập' }, ...local })).id as number
  ids.topicOther = (await payload.create({ collection: 'topics', data: { name: 'Thi đua' }, ...local })).id as number
  const org = async (name: string, province: string) =>
    (await payload.create({ collection: 'organizations', data: { name, kind: 'study-promotion-association', level: 'province', province }, ...local })).id as number
  ids.orgA = await org('Hội Khuyến học tỉnh Thái Bình', 'Thái Bình')
  ids.orgB = await org('Hội Khuyến học tỉnh Bắc Giang', 'Bắc Giang')
  const indicator = async (code: string, name: string, unit: string, topic: number, scope: string) =>
    (
      await payload.create({
        collection: 'indicators',
        data: { code, name, unit, direction: 'higher-is-better', topics: [topic], targets: [{ year: 2025, scope, value: unit === 'percent' ? 65 : 1000 }] } as never,
        ...local,
      })
    ).id as number
  ids.percent = await indicator('TLGD', 'Tỷ lệ gia đình học tập', 'percent', ids.topicModels, 'Tỉnh Thái Bình')
  ids.people = await indicator('SNH', 'Số người tham gia học tập', 'people', ids.topicModels, 'Huyện Vũ Thư')
  ids.other = await indicator('KT', 'Số tập thể được khen thưởng', 'count', ids.topicOther, 'Tỉnh Bắc Giang')
  const report = async (indicator: number, locality: string, value: number, org: number) =>
    (
      await payload.create({
        collection: 'indicator-reports',
        data: { indicator, year: 2025, periodLabel: 'Năm 2025', locality, value, reportingOrganization: org, source: 'Báo cáo năm', _status: 'published' },
        ...local,
      })
    ).id as number
  ids.reportA = await report(ids.percent, 'Tỉnh Thái Bình', 58, ids.orgA)
  ids.reportB = await report(ids.percent, 'Tỉnh Bắc Giang', 40, ids.orgB)

  for (const role of ['admin', 'editor', 'author'] as const) sessions[role] = await signIn(await makeUser(payload, role))
  reporter = await makeUser(payload, 'data-reporter', ids.orgA)
  sessions['data-reporter'] = await signIn(reporter)
  sessions.anonymous = anonymousSession
})
afterAll(async () => {
  await cms?.cleanup()
})

describe('template and export (exceljs round trip)', () => {
  test("a data reporter's template lists the set's indicators for their localities and organisation, with validation", async () => {
    const res = await get(`template?year=2025&topic=${ids.topicModels}`, 'data-reporter')
    expect(res.status).toBe(200)
    expect(res.type).toBe(XLSX)
    expect(res.disposition).toMatch(/^attachment; filename="bieu-mau-so-lieu-2025-hoi-khuyen-hoc-tinh-thai-binh\.xlsx"$/)
    const workbook = await readSheet(res.body)
    const sheet = workbook.getWorksheet(DATA_SHEET)!
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers])
    const rows = [2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1, 9))
    // TLGD (percent, reported 58 already) and SNH (people), each for the one place A reports on.
    expect(rows).toEqual([
      ['SNH', 'Số người tham gia học tập', 'người', 2025, 'Năm 2025', 'Tỉnh Thái Bình', undefined, 'Hội Khuyến học tỉnh Thái Bình'],
      ['TLGD', 'Tỷ lệ gia đình học tập', '%', 2025, 'Năm 2025', 'Tỉnh Thái Bình', 58, 'Hội Khuyến học tỉnh Thái Bình'],
    ])
    expect(sheet.actualRowCount).toBe(3)
    // The other set's indicator is not in this template.
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('KT')

    const lists = workbook.getWorksheet(LISTS_SHEET)!
    expect(lists.state).toBe('hidden')
    // Only their own organisation is offered.
    expect(lists.getColumn(3).values.filter(Boolean)).toEqual(['Cơ quan báo cáo', 'Hội Khuyến học tỉnh Thái Bình'])
    expect(lists.getColumn(2).values.filter(Boolean)).toEqual(['Địa bàn', 'Huyện Vũ Thư', 'Tỉnh Bắc Giang', 'Tỉnh Thái Bình'])

    expect(sheet.getCell('A2').dataValidation).toMatchObject({ type: 'list', formulae: [`'${LISTS_SHEET}'!$A$2:$A$4`] })
    expect(sheet.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: [`'${LISTS_SHEET}'!$B$2:$B$4`] })
    expect(sheet.getCell('H2').dataValidation).toMatchObject({ type: 'list', formulae: [`'${LISTS_SHEET}'!$C$2:$C$2`] })
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [1945, lastReportableYear()] })
    // Row 2 is SNH (people): not negative; row 3 is TLGD (percent): 0–100.
    expect(sheet.getCell('G2').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] })
    expect(sheet.getCell('G3').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] })
    // Spare rows keep the lists.
    expect(sheet.getCell('A20').dataValidation).toMatchObject({ type: 'list' })
  })

  test('filled template → preview (new, changed, unchanged) → apply → export reads back the same', async () => {
    const template = await get(`template?year=2025&topic=${ids.topicModels}`, 'data-reporter')
    const workbook = await readSheet(template.body)
    const sheet = workbook.getWorksheet(DATA_SHEET)!
    sheet.getCell('G2').value = 1250 // SNH: new
    sheet.getCell('G3').value = 62.4 // TLGD: 58 → 62.4
    sheet.getCell('J3').value = 'Số liệu sơ bộ'
    const filled = Buffer.from(await workbook.xlsx.writeBuffer())

    const before = await allReports()
    const preview = await post('preview', { data: filled }, 'data-reporter')
    expect(preview.status).toBe(200)
    expect(preview.json.canApply).toBe(true)
    expect(preview.json.summary).toEqual({ new: 1, changed: 1, unchanged: 0, skipped: 0, errors: 0 })
    expect(preview.json.rows.map((r: any) => [r.row, r.kind, r.code, r.value, r.before])).toEqual([
      [2, 'new', 'SNH', 1250, null],
      [3, 'changed', 'TLGD', 62.4, { value: 58, note: '' }],
    ])
    // A preview writes nothing.
    expect(await allReports()).toEqual(before)

    const applied = await post('apply', { data: filled }, 'data-reporter')
    expect(applied.status).toBe(200)
    expect(applied.json).toMatchObject({ created: 1, updated: 1, unchanged: 0, submitted: true })
    expect(applied.json.message).toBe(endpointMessages.submitted(1, 1, 0))
    // A data reporter's rows are drafts sent for review: the public still sees 58 and no SNH.
    const latestA = await payload.findByID({ collection: 'indicator-reports', id: ids.reportA, draft: true, ...local })
    expect([latestA.value, latestA.note, latestA.source, latestA.reviewStatus]).toEqual([62.4, 'Số liệu sơ bộ', 'Báo cáo năm', 'submitted'])
    const publicView = async () =>
      (await payload.find({ collection: 'indicator-reports', where: { reportingOrganization: { equals: ids.orgA } }, draft: false, overrideAccess: false, depth: 0, sort: 'id' })).docs.map((d) => d.value)
    expect(await publicView()).toEqual([58])
    const created = await payload.find({ collection: 'indicator-reports', where: { indicator: { equals: ids.people } }, draft: true, ...local })
    expect(created.docs.map((d) => [d.value, d.locality, d.year, d.periodLabel, d.reportingOrganization, d._status, d.reviewStatus])).toEqual([
      [1250, 'Tỉnh Thái Bình', 2025, 'Năm 2025', ids.orgA, 'draft', 'submitted'],
    ])
    const steps = await payload.find({ collection: 'review-events', where: { targetCollection: { equals: 'indicator-reports' } }, ...local })
    expect(steps.docs.map((e) => [e.action, e.actor, e.organization]).sort()).toEqual([
      ['submitted', reporter.id, ids.orgA],
      ['submitted', reporter.id, ids.orgA],
    ])

    // The same file again changes nothing.
    const again = await post('preview', { data: filled }, 'data-reporter')
    expect(again.json.summary).toMatchObject({ new: 0, changed: 0, unchanged: 2 })

    // Export: the same columns, only A's reports, and it imports as "unchanged".
    const exported = await get('export?year=2025', 'data-reporter')
    expect(exported.status).toBe(200)
    const out = (await readSheet(exported.body)).getWorksheet(DATA_SHEET)!
    expect(out.getRow(1).values).toEqual([undefined, ...headers])
    expect([2, 3].map((r) => (out.getRow(r).values as unknown[]).slice(1))).toEqual([
      ['SNH', 'Số người tham gia học tập', 'người', 2025, 'Năm 2025', 'Tỉnh Thái Bình', 1250, 'Hội Khuyến học tỉnh Thái Bình'],
      ['TLGD', 'Tỷ lệ gia đình học tập', '%', 2025, 'Năm 2025', 'Tỉnh Thái Bình', 62.4, 'Hội Khuyến học tỉnh Thái Bình', 'Báo cáo năm', 'Số liệu sơ bộ'],
    ])
    expect(out.actualRowCount).toBe(3)
    const reimport = await post('preview', { data: exported.body }, 'data-reporter')
    expect(reimport.json.summary).toEqual({ new: 0, changed: 0, unchanged: 2, skipped: 0, errors: 0 })

    // An editor's export has every organisation's reports.
    const all = (await readSheet((await get('export', 'editor')).body)).getWorksheet(DATA_SHEET)!
    expect(all.actualRowCount).toBe(4)
    expect(JSON.stringify(all.getSheetValues())).toContain('Hội Khuyến học tỉnh Bắc Giang')

    // Public once an editor approves each.
    for (const id of [ids.reportA, created.docs[0]!.id]) {
      expect((await http.rest('POST', `/indicator-reports/${id}/review/approve`, {}, sessions.editor.headers)).status).toBe(200)
    }
    expect(await publicView()).toEqual([62.4, 1250])
  })

  test('an organisation with no reports yet gets the localities of its province', async () => {
    const res = await get(`template?year=2025&topic=${ids.topicModels}&organization=${ids.orgB}`, 'editor')
    // B has reported on Tỉnh Bắc Giang.
    const sheet = (await readSheet(res.body)).getWorksheet(DATA_SHEET)!
    expect(sheet.getColumn(6).values.slice(2)).toEqual(['Tỉnh Bắc Giang', 'Tỉnh Bắc Giang'])
    const fresh = (await payload.create({ collection: 'organizations', data: { name: 'Hội Khuyến học huyện Vũ Thư', kind: 'study-promotion-association', province: 'Vũ Thư' }, ...local })).id
    const template = (await readSheet((await get(`template?year=2024&topic=${ids.topicModels}&organization=${fresh}`, 'editor')).body)).getWorksheet(DATA_SHEET)!
    expect(template.getColumn(6).values.slice(2)).toEqual(['Huyện Vũ Thư', 'Huyện Vũ Thư'])
    expect(template.getColumn(4).values.slice(2)).toEqual([2024, 2024])
  })

  test('bad query parameters are refused in Vietnamese', async () => {
    expect((await get('template?year=abc', 'editor')).json.errors[0].message).toBe(endpointMessages.year(lastReportableYear()))
    expect((await get(`template?year=${lastReportableYear() + 1}`, 'editor')).status).toBe(400)
    expect((await get('template?topic=999999', 'editor')).json.errors[0].message).toBe(endpointMessages.topic)
    expect((await get('export?organization=999999', 'editor')).json.errors[0].message).toBe(endpointMessages.organization)
  })
})

describe('checks: one Vietnamese message per row and column', () => {
  test('every rule, over CSV, as the data reporter; nothing is applied', async () => {
    const lines: Line[] = [
      lineA({ locality: 'tinh thai binh', value: '63,5' }), // row 2: fine (folded locality, decimal comma)
      lineA({ code: 'XYZ' }), // 3: unknown indicator
      lineA({ year: 2999 }), // 4: future year
      lineA({ year: 'năm ngoái' }), // 5: not a year
      lineA({ locality: 'Xã Không Có' }), // 6: unknown locality
      lineA({ value: 'khoảng 60' }), // 7: not a number
      lineA({ value: 120 }), // 8: percent above 100
      lineA({ code: 'SNH', value: -3 }), // 9: negative
      lineA({ code: 'SNH', value: '12,5' }), // 10: people must be whole
      lineA({ organization: 'Hội Không Tồn Tại' }), // 11: unknown organisation
      lineA({ organization: 'Hội Khuyến học tỉnh Bắc Giang', locality: 'Tỉnh Bắc Giang' }), // 12: another organisation
      lineA({ locality: 'Tỉnh Thái Bình', value: 64 }), // 13: same report as row 2
      lineA({ code: '', locality: '' }), // 14: two missing cells
      lineA({ note: 'ghi\u0007chú' }), // 15: control character
      lineA({ code: 'SNH', value: '' }), // 16: left empty → skipped
    ]
    const before = await allReports()
    const preview = await post('preview', { data: csv(lines), name: 'so-lieu.csv', type: 'text/csv' }, 'data-reporter')
    expect(preview.status).toBe(200)
    expect(preview.json.canApply).toBe(false)
    const last = lastReportableYear()
    expect(preview.json.rowErrors.map((e: any) => [e.row, e.columnLabel, e.message])).toEqual([
      [3, 'Mã chỉ tiêu', ruleMessages.unknownIndicator('XYZ')],
      [4, 'Năm', ruleMessages.year(last)],
      [5, 'Năm', ruleMessages.year(last)],
      [6, 'Địa bàn', ruleMessages.unknownLocality('Xã Không Có')],
      [7, 'Giá trị thực hiện', ruleMessages.notANumber('khoảng 60')],
      [8, 'Giá trị thực hiện', 'Giá trị tỷ lệ phần trăm phải nằm trong khoảng từ 0 đến 100.'],
      [9, 'Giá trị thực hiện', 'Giá trị không được là số âm.'],
      [10, 'Giá trị thực hiện', ruleMessages.whole('người')],
      [11, 'Cơ quan báo cáo', ruleMessages.unknownOrganization('Hội Không Tồn Tại')],
      [12, 'Cơ quan báo cáo', ruleMessages.otherOrganization('Hội Khuyến học tỉnh Thái Bình')],
      [13, 'Cả dòng', ruleMessages.duplicate(2)],
      [14, 'Mã chỉ tiêu', 'Thiếu mã chỉ tiêu.'],
      [14, 'Địa bàn', 'Thiếu địa bàn.'],
      [15, 'Ghi chú', ruleMessages.controlCharacters('Ghi chú')],
    ])
    expect(preview.json.rowErrors.find((e: any) => e.row === 3).column).toBe('code')
    expect(preview.json.summary).toMatchObject({ errors: 14, skipped: 1 })
    // The valid row is shown with its stored spelling and number.
    expect(preview.json.rows.map((r: any) => [r.row, r.locality, r.value])).toEqual([[2, 'Tỉnh Thái Bình', 63.5]])

    const applied = await post('apply', { data: csv(lines), name: 'so-lieu.csv', type: 'text/csv' }, 'data-reporter')
    expect(applied.status).toBe(400)
    expect(applied.json.errors[0].message).toBe(endpointMessages.hasErrors(14))
    expect(applied.json.rowErrors).toHaveLength(14)
    expect(await allReports()).toEqual(before)
  })

  test('CSV with semicolons and a BOM, numbers as people type them, percentage-formatted cells', async () => {
    const res = await post('preview', { data: csv([lineA({ value: '61,25' })], ';', true), type: 'text/csv' }, 'editor')
    expect(res.json.rowErrors).toEqual([])
    expect(res.json.rows[0].value).toBe(61.25)
    expect([parseNumber('1.234,5'), parseNumber('1 250'), parseNumber('57.8'), parseNumber('1,250.5'), parseNumber('5e3')]).toEqual([1234.5, 1250, 57.8, 1250.5, undefined])

    // 61,5% typed into a cell formatted as a percentage is stored by Excel as 0.615.
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Trang 1')
    sheet.addRow(headers)
    sheet.addRow(figureColumns.map((c) => (c.key === 'value' ? 0.615 : (lineA() as any)[c.key] ?? null)))
    sheet.getCell('G2').numFmt = '0.0%'
    const percent = await post('preview', { data: Buffer.from(await workbook.xlsx.writeBuffer()) }, 'editor')
    expect(percent.json.rows[0].value).toBe(61.5)
  })

  test('an organisation is found by full name, slug, or a short name no other has', () => {
    const find = organizationFinder([
      { id: 1, name: 'Hội Khuyến học tỉnh Thái Bình', shortName: 'Hội Khuyến học tỉnh', slug: 'hoi-khuyen-hoc-tinh-thai-binh' },
      { id: 2, name: 'Hội Khuyến học tỉnh Bắc Giang', shortName: 'Hội Khuyến học tỉnh', slug: 'hoi-khuyen-hoc-tinh-bac-giang' },
      { id: 3, name: 'Hội đồng Thi đua - Khen thưởng tỉnh Thái Bình', shortName: 'HĐTĐKT' },
    ])
    expect(['hội khuyến học tỉnh  bắc giang', 'hoi-khuyen-hoc-tinh-thai-binh', 'HDTDKT', 'Hội Khuyến học tỉnh'].map((t) => find(t)?.id)).toEqual([2, 1, 3, undefined])
  })

  test('columns are found by their header; a missing column is named', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet(DATA_SHEET)
    sheet.addRow(['Địa bàn', 'Mã chỉ tiêu', 'Năm', 'Kỳ báo cáo', 'Cơ quan báo cáo'])
    sheet.addRow(['Tỉnh Thái Bình', 'TLGD', 2025, 'Năm 2025', 'Hội Khuyến học tỉnh Thái Bình'])
    const res = await post('preview', { data: Buffer.from(await workbook.xlsx.writeBuffer()) }, 'editor')
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toBe(parseMessages.missingColumns(['Giá trị thực hiện']))

    const reordered = Buffer.from(
      ['Giá trị thực hiện,Cơ quan báo cáo,Địa bàn,Năm,Kỳ báo cáo,Mã chỉ tiêu', '60,Hội Khuyến học tỉnh Thái Bình,Tỉnh Thái Bình,2023,Năm 2023,tlgd'].join('\n'),
    )
    const ok = await post('preview', { data: reordered, type: 'text/csv' }, 'editor')
    expect(ok.json.rows.map((r: any) => [r.kind, r.code, r.year, r.value])).toEqual([['new', 'TLGD', 2023, 60]])
  })

  test('files that are not spreadsheets, empty or missing are refused in Vietnamese', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const cases: Array<[Buffer | undefined, number, string]> = [
      [png, 400, SPREADSHEET_TYPE_MESSAGE],
      [Buffer.from('a,b\u0000c'), 400, SPREADSHEET_TYPE_MESSAGE],
      [Buffer.from([0xff, 0xfe, 0x41, 0xd8]), 400, SPREADSHEET_TYPE_MESSAGE],
      [Buffer.alloc(0), 400, EMPTY_UPLOAD_MESSAGE],
      [undefined, 400, endpointMessages.noFile],
      [Buffer.from(headers.join(',')), 400, parseMessages.noRows],
      [Buffer.from('PK\u0003\u0004 not really a workbook'), 400, SPREADSHEET_TYPE_MESSAGE],
    ]
    const before = await reportCount()
    for (const [data, status, message] of cases) {
      for (const step of ['preview', 'apply'] as const) {
        const res = await post(step, data && { data, type: 'application/octet-stream' }, 'editor')
        expect([res.status, res.json.errors?.[0]?.message], `${step} ${data?.subarray(0, 8).toString('hex')}`).toEqual([status, message])
      }
    }
    expect(await reportCount()).toBe(before)
  })

  test('more lines than one import takes are refused, naming the limit', async () => {
    const lines = Array.from({ length: MAX_ROWS + 1 }, (_, i) => lineA({ locality: 'Tỉnh Thái Bình', periodLabel: `Đợt ${i}` }))
    const res = await post('preview', { data: csv(lines), type: 'text/csv' }, 'editor')
    expect([res.status, res.json.errors[0].message]).toEqual([400, parseMessages.tooManyRows(MAX_ROWS + 1)])
  })

  test('a file over the upload limit answers 413', async () => {
    const res = await post('preview', { data: Buffer.alloc(21 * 1024 * 1024, 0x41), type: 'text/csv' }, 'editor')
    expect(res.status).toBe(413)
  })
})

describe('all or nothing', () => {
  test('one bad row in the file: the good rows are not written either', async () => {
    const before = await allReports()
    const file = await xlsx([lineA({ year: 2024, periodLabel: 'Năm 2024', value: 50 }), lineA({ year: 2024, periodLabel: 'Năm 2024', code: 'SNH', value: 1.5 })])
    const res = await post('apply', { data: file }, 'editor')
    expect(res.status).toBe(400)
    expect(res.json.rowErrors.map((e: any) => [e.row, e.column])).toEqual([[3, 'value']])
    expect(await allReports()).toEqual(before)
  })

  test('a write failing mid-way rolls back the writes before it, and the database stays usable', async () => {
    const context = await loadFiguresContext(payload, { kind: 'all' })
    const rows = await xlsx([
      lineA({ year: 2023, periodLabel: 'Năm 2023', value: 40 }), // new
      lineA({ value: 70 }), // changes report A
      lineA({ year: 2023, periodLabel: 'Năm 2023', code: 'SNH', value: 900 }), // new
    ])
    const parsed = await (await import('../cms/figures/parse')).parseFiguresFile(rows)
    if (!parsed.ok) throw new Error(parsed.message)
    const checked = checkRows(parsed.rows, context)
    expect(checked.errors).toEqual([])
    const changes = diffRows(checked.valid, context)
    expect(changes.map((c) => c.kind)).toEqual(['new', 'changed', 'new'])
    // The indicator of the last row is deleted after the preview: its write fails.
    const doomed = (await payload.create({ collection: 'indicators', data: { code: 'TAM', name: 'Chỉ tiêu tạm', unit: 'people', direction: 'higher-is-better' }, ...local })).id
    changes[2]!.row.indicator = { ...changes[2]!.row.indicator, id: doomed }
    await payload.delete({ collection: 'indicators', id: doomed, ...local })

    const before = await allReports()
    const editor = (await payload.find({ collection: 'users', where: { role: { equals: 'editor' } }, ...local })).docs[0]
    const failure = await applyChanges(payload, { ...editor, collection: 'users' } as never, changes).catch((e) => e)
    expect(failure).toBeInstanceOf(ApplyError)
    expect(failure.message).toBe(applyMessages.failed(4))
    expect(await allReports()).toEqual(before)

    // Nothing is left holding the write queue: the next save goes through at once.
    const saved = await payload.update({ collection: 'indicator-reports', id: ids.reportB, data: { note: 'Sau lần nhập lỗi' }, ...local })
    expect(saved.note).toBe('Sau lần nhập lỗi')
  })
})

describe('a data reporter: their own organisation only', () => {
  test("another organisation's template or export is refused; their export never shows it", async () => {
    expect((await get(`template?organization=${ids.orgB}`, 'data-reporter')).json.errors[0].message).toBe(accessMessages.otherOrganization)
    expect((await get(`export?organization=${ids.orgB}`, 'data-reporter')).status).toBe(403)
    const own = (await readSheet((await get('export', 'data-reporter')).body)).getWorksheet(DATA_SHEET)!
    expect(JSON.stringify(own.getSheetValues())).not.toContain('Bắc Giang')
  })

  test("rows of another organisation are errors, and B's report is not touched", async () => {
    const before = await payload.findByID({ collection: 'indicator-reports', id: ids.reportB, ...local })
    const file = csv([lineA({ organization: 'Hội Khuyến học tỉnh Bắc Giang', locality: 'Tỉnh Bắc Giang', value: 99 })])
    const res = await post('apply', { data: file, type: 'text/csv' }, 'data-reporter')
    expect(res.status).toBe(400)
    expect(res.json.rowErrors).toEqual([
      { row: 2, column: 'organization', columnLabel: 'Cơ quan báo cáo', message: ruleMessages.otherOrganization('Hội Khuyến học tỉnh Thái Bình') },
    ])
    expect((await payload.findByID({ collection: 'indicator-reports', id: ids.reportB, ...local })).value).toBe(before.value)
    // An editor may apply the same file.
    expect((await post('apply', { data: file, type: 'text/csv' }, 'editor')).json).toMatchObject({ updated: 1 })
    expect((await payload.findByID({ collection: 'indicator-reports', id: ids.reportB, ...local })).value).toBe(99)
  })

  test('a data reporter whose organisation was deleted may not import', async () => {
    const gone = (await payload.create({ collection: 'organizations', data: { name: 'Hội đã giải thể', kind: 'study-promotion-association' }, ...local })).id
    const lone = await makeUser(payload, 'data-reporter', gone)
    await payload.delete({ collection: 'organizations', id: gone, ...local })
    const session = await signIn(lone)
    const res = await http.dispatch(new Request('http://localhost:3000/api/indicator-reports/figures/template', { headers: session.headers }))
    expect(res.status).toBe(403)
    expect((await res.json()).errors[0].message).toBe(accessMessages.noOrganization)
  })
})

describe('every role over REST', () => {
  const cell = policy.collections['indicator-reports'].importFigures
  test.each(policyRoles)('%s', async (role) => {
    const grant = grantFor(cell, role)
    const allowed = grant !== false
    const refusal = role === 'anonymous' ? 401 : 403
    const marker = `Vai trò ${role}`
    const file = csv([lineA({ year: 2022, periodLabel: 'Năm 2022', value: 33, note: marker })])
    const before = await reportCount()

    const template = await get('template?year=2022', role)
    const exported = await get('export', role)
    const preview = await post('preview', { data: file, type: 'text/csv' }, role)
    const applied = await post('apply', { data: file, type: 'text/csv' }, role)
    const written = await payload.count({ collection: 'indicator-reports', where: { note: { equals: marker } }, overrideAccess: true })

    expect([template.status, exported.status, preview.status, applied.status]).toEqual(allowed ? [200, 200, 200, 200] : [refusal, refusal, refusal, refusal])
    expect(written.totalDocs).toBe(allowed ? 1 : 0)
    expect(await reportCount()).toBe(before + (allowed ? 1 : 0))
    if (allowed) {
      expect(template.type).toBe(XLSX)
      expect(preview.json.summary.new).toBe(1)
    } else {
      expect(template.json.errors[0].message).toBe(role === 'anonymous' ? accessMessages.signIn : accessMessages.notAllowed)
    }
    // Tidy up so that the next role's row is new again.
    await payload.delete({ collection: 'indicator-reports', where: { note: { equals: marker } }, overrideAccess: true })
  })

  test('GraphQL offers no figures import: no query or mutation for it', async () => {
    const res = await http.gql('{ __schema { mutationType { fields { name } } queryType { fields { name } } } }', sessions.admin.headers)
    const names: string[] = [...res.json.data.__schema.mutationType.fields, ...res.json.data.__schema.queryType.fields].map((f: any) => f.name)
    expect(names.length).toBeGreaterThan(20)
    expect(names.filter((n) => /figure|import|export|template/i.test(n))).toEqual([])
  })
})
