/**
 * The .xlsx file for one indicator set, period and organisation (exceljs): the template with the
 * indicators, localities and organisation filled in, or the export of the reports already
 * entered — the same columns either way, so an export can be edited and imported again.
 * Cells carry Excel data validation (lists from a hidden sheet, year and value ranges), so a
 * spreadsheet program refuses most mistakes as they are typed; the import checks everything again.
 */
import ExcelJS from 'exceljs'

import { PORTAL_NAME } from '../lib/portal'
import { DATA_SHEET, figureColumns, LISTS_SHEET, type FigureColumn } from './columns'
import type { IndicatorRef, OrganizationRef } from './context'
import { FIRST_YEAR, lastReportableYear } from './rules'

export type SheetRow = {
  indicator: IndicatorRef
  year: number
  periodLabel: string
  locality: string
  value?: number | null
  organization?: OrganizationRef
  source?: string
  note?: string
}

export type WorkbookInput = {
  rows: SheetRow[]
  /** Lists the cells accept. */
  indicators: IndicatorRef[]
  localities: string[]
  organizations: OrganizationRef[]
  /** Empty rows left at the end, with the same validation, for lines the template did not foresee. */
  spareRows?: number
}

const column = (key: FigureColumn) => figureColumns.findIndex((c) => c.key === key) + 1
const letter = (key: FigureColumn) => String.fromCharCode(64 + column(key))
const listRange = (col: string, count: number) => `'${LISTS_SHEET}'!$${col}$2:$${col}$${Math.max(2, count + 1)}`

export async function buildFiguresWorkbook({ rows, indicators, localities, organizations, spareRows = 50 }: WorkbookInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = PORTAL_NAME
  workbook.created = new Date()

  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = figureColumns.map((c) => ({ key: c.key, header: c.header, width: c.width }))
  sheet.getRow(1).font = { bold: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: figureColumns.length } }

  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' })
  lists.getRow(1).values = ['Mã chỉ tiêu', 'Địa bàn', 'Cơ quan báo cáo']
  indicators.forEach((i, n) => (lists.getCell(n + 2, 1).value = i.code))
  localities.forEach((l, n) => (lists.getCell(n + 2, 2).value = l))
  organizations.forEach((o, n) => (lists.getCell(n + 2, 3).value = o.name))

  for (const row of rows) {
    sheet.addRow({
      code: row.indicator.code,
      name: row.indicator.name,
      unit: row.indicator.unitLabel,
      year: row.year,
      periodLabel: row.periodLabel,
      locality: row.locality,
      value: row.value ?? null,
      organization: row.organization?.name || null,
      source: row.source || null,
      note: row.note || null,
    })
  }

  const last = rows.length + 1 + spareRows
  const lastYear = lastReportableYear()
  for (let r = 2; r <= last; r++) {
    const unit = rows[r - 2]?.indicator.unit
    const list = (key: FigureColumn, col: string, count: number, what: string) =>
      (sheet.getCell(`${letter(key)}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [listRange(col, count)],
        showErrorMessage: true,
        errorTitle: 'Giá trị không có trong danh mục',
        error: `Hãy chọn ${what} trong danh sách.`,
      })
    list('code', 'A', indicators.length, 'mã chỉ tiêu')
    list('locality', 'B', localities.length, 'địa bàn')
    list('organization', 'C', organizations.length, 'cơ quan báo cáo')
    sheet.getCell(`${letter('year')}${r}`).dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [FIRST_YEAR, lastYear],
      showErrorMessage: true,
      errorTitle: 'Năm không hợp lệ',
      error: `Năm là số nguyên từ ${FIRST_YEAR} đến ${lastYear}.`,
    }
    sheet.getCell(`${letter('value')}${r}`).dataValidation =
      unit === 'percent'
        ? {
            type: 'decimal',
            operator: 'between',
            allowBlank: true,
            formulae: [0, 100],
            showErrorMessage: true,
            errorTitle: 'Tỷ lệ không hợp lệ',
            error: 'Tỷ lệ phần trăm là số từ 0 đến 100 (không gõ dấu %).',
          }
        : {
            type: 'decimal',
            operator: 'greaterThanOrEqual',
            allowBlank: true,
            formulae: [0],
            showErrorMessage: true,
            errorTitle: 'Giá trị không hợp lệ',
            error: 'Giá trị là một số không âm.',
          }
  }

  const help = workbook.addWorksheet('Hướng dẫn')
  help.getColumn(1).width = 110
  ;[
    'Cách điền biểu mẫu số liệu chỉ tiêu',
    `1. Điền cột “Giá trị thực hiện” trên trang “${DATA_SHEET}”; dòng để trống giá trị sẽ được bỏ qua.`,
    '2. Tỷ lệ phần trăm ghi số từ 0 đến 100, không gõ dấu %; số người, lượt, đơn vị… ghi số nguyên không âm.',
    '3. Mã chỉ tiêu, địa bàn và cơ quan báo cáo chọn trong danh sách của ô; không đổi tên các cột ở dòng đầu.',
    '4. Tải tệp lên trong CMS (Báo cáo số liệu → Nhập từ Excel): hệ thống kiểm tra từng dòng, cho xem trước thay đổi, và chỉ ghi khi mọi dòng hợp lệ.',
  ].forEach((line, n) => {
    help.getCell(n + 1, 1).value = line
    if (n === 0) help.getCell(n + 1, 1).font = { bold: true }
  })

  return Buffer.from(await workbook.xlsx.writeBuffer())
}
