/**
 * An uploaded figures file → rows of raw cells keyed by column, with their row number in the
 * sheet (the number staff see in Excel). .xlsx is read with exceljs, CSV with csv-parse;
 * columns are found by their header, so their order does not matter.
 */
import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import { detectSpreadsheetType } from '../lib/uploadTypes'
import { DATA_SHEET, figureColumns, headerOf, requiredColumns, type FigureColumn } from './columns'
import { matchKey } from './context'

export type RawCell = string | number | null
export type RawRow = { row: number; cells: Partial<Record<FigureColumn, RawCell>> }
export type ParseResult = { ok: true; rows: RawRow[] } | { ok: false; message: string }

/**
 * Enough for ten indicators × the communes of a province. Applying holds SQLite's one write
 * slot for the whole transaction (other saves wait, at most 60 s): 2,000 lines took about 36 s
 * on a shared 2-core machine (`npm run bench:figures -- --pages 2000`).
 */
export const MAX_ROWS = 2000

export const parseMessages = {
  unreadableXlsx: 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải bảng tính .xlsx. Hãy mở và lưu lại tệp rồi tải lên.',
  unreadableCsv: 'Không đọc được tệp CSV: kiểm tra dấu ngoặc kép và dấu phân cách (dấu phẩy hoặc chấm phẩy).',
  noSheet: 'Tệp Excel không có trang tính nào.',
  missingColumns: (names: string[]) =>
    `Thiếu cột ${names.map((n) => `“${n}”`).join(', ')} ở dòng đầu tiên. Hãy dùng biểu mẫu tải từ CMS và không đổi tên các cột.`,
  noRows: 'Tệp không có dòng số liệu nào (ngoài dòng tiêu đề).',
  tooManyRows: (n: number) => `Tệp có ${n} dòng số liệu, vượt quá giới hạn ${MAX_ROWS} dòng mỗi lần nhập. Hãy chia thành nhiều tệp.`,
} as const

const headerKeys = new Map(figureColumns.map((c) => [matchKey(c.header), c.key]))

/** A cell's value as text or number: formulas give their result, rich text its text. */
function cellValue(value: ExcelJS.CellValue): RawCell {
  if (value == null) return null
  if (typeof value === 'number') return value
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('result' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('error' in value) return String(value.error)
  }
  return String(value)
}

const isBlank = (cell: RawCell | undefined) => cell == null || (typeof cell === 'string' && cell.trim() === '')

/** Rows from a header row and data rows; row numbers start at 2 (the header is row 1). */
function fromTable(header: RawCell[], body: Array<{ row: number; cells: RawCell[] }>): ParseResult {
  const positions = new Map<FigureColumn, number>()
  header.forEach((cell, index) => {
    const key = typeof cell === 'string' ? headerKeys.get(matchKey(cell)) : undefined
    if (key && !positions.has(key)) positions.set(key, index)
  })
  const missing = requiredColumns.filter((key) => !positions.has(key))
  if (missing.length) return { ok: false, message: parseMessages.missingColumns(missing.map(headerOf)) }
  const rows: RawRow[] = []
  for (const { row, cells } of body) {
    const picked: RawRow['cells'] = {}
    for (const [key, index] of positions) picked[key] = cells[index] ?? null
    if (Object.values(picked).every(isBlank)) continue
    rows.push({ row, cells: picked })
  }
  if (rows.length === 0) return { ok: false, message: parseMessages.noRows }
  if (rows.length > MAX_ROWS) return { ok: false, message: parseMessages.tooManyRows(rows.length) }
  return { ok: true, rows }
}

async function parseXlsx(data: Buffer): Promise<ParseResult> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer)
  } catch {
    return { ok: false, message: parseMessages.unreadableXlsx }
  }
  const sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets.find((s) => s.state === 'visible') ?? workbook.worksheets[0]
  if (!sheet) return { ok: false, message: parseMessages.noSheet }
  const width = Math.max(sheet.columnCount, figureColumns.length)
  const read = (r: number) =>
    Array.from({ length: width }, (_, c) => {
      const cell = sheet.getRow(r).getCell(c + 1)
      const value = cellValue(cell.value)
      // A cell formatted as a percentage holds 0.578 for "57,8%": the sheet's figure is 57.8.
      return typeof value === 'number' && cell.numFmt?.includes('%') ? Math.round(value * 100 * 1e9) / 1e9 : value
    })
  const body: Array<{ row: number; cells: RawCell[] }> = []
  for (let r = 2; r <= sheet.rowCount; r++) body.push({ row: r, cells: read(r) })
  return fromTable(read(1), body)
}

/** The delimiter of the header line: Excel in Vietnamese settings writes ";", others ",". */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? ''
  const count = (d: string) => first.split(d).length - 1
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',')
}

function parseCsvText(data: Buffer): ParseResult {
  const text = data.toString('utf8')
  let records: string[][]
  try {
    records = parseCsv(text, { bom: true, delimiter: delimiterOf(text.replace(/^\uFEFF/, '')), relax_column_count: true, skip_empty_lines: false })
  } catch {
    return { ok: false, message: parseMessages.unreadableCsv }
  }
  if (records.length === 0) return { ok: false, message: parseMessages.noRows }
  return fromTable(records[0]!, records.slice(1).map((cells, i) => ({ row: i + 2, cells })))
}

export async function parseFiguresFile(data: Buffer): Promise<ParseResult> {
  const type = await detectSpreadsheetType(data)
  if (type.kind === 'refused') return { ok: false, message: type.message }
  return type.kind === 'xlsx' ? parseXlsx(data) : parseCsvText(data)
}
