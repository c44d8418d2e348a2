/**
 * Every row of a figures file checked against the reference data, each problem reported with
 * its row, its column and a Vietnamese message: known indicator, year and period, known
 * locality, a number in the unit's range (0–100 for a percentage, whole numbers for counts),
 * an organisation the user may report for, and no two rows for the same report.
 */
import { hasControlCharacters } from '../fields/inputChecks'
import { messages as fieldMessages } from '../fields/validators'
import { vietnamCalendarDay } from '../lib/vietnamese'
import { headerOf, type FigureColumn } from './columns'
import { matchKey, type FiguresContext, type IndicatorRef, type OrganizationRef } from './context'
import { inScope } from './access'
import type { RawCell, RawRow } from './parse'

export const FIRST_YEAR = 1945
/** Figures are what was achieved: nothing after the current year (Vietnam time). */
export const lastReportableYear = (now = new Date()) => Number(vietnamCalendarDay(now).slice(0, 4))

const MAX_TEXT = 500
const MAX_PERIOD = 100
/** Units counted in whole numbers (people, visits, delegations…). */
const wholeUnits = new Set(['people', 'visits', 'delegations', 'events', 'count'])

export type RowError = { row: number; column: FigureColumn | null; columnLabel: string; message: string }

export type ValidRow = {
  row: number
  indicator: IndicatorRef
  year: number
  periodLabel: string
  locality: string
  value: number
  organization: OrganizationRef
  /** Undefined when the cell is empty: an empty source or note keeps what is stored. */
  source?: string
  note?: string
}

export type Checked = { valid: ValidRow[]; errors: RowError[]; /** rows without a value, left out */ skipped: number[] }

export const ruleMessages = {
  required: (label: string) => `Thiếu ${label.toLowerCase()}.`,
  unknownIndicator: (code: string) => `Không có chỉ tiêu mã “${code}” trong hệ thống. Hãy chọn mã trong danh sách của biểu mẫu.`,
  year: (last: number) => `Năm phải là số nguyên từ ${FIRST_YEAR} đến ${last} (không nhập số liệu cho năm chưa đến).`,
  periodTooLong: `Kỳ báo cáo dài quá ${MAX_PERIOD} ký tự.`,
  unknownLocality: (place: string) =>
    `Địa bàn “${place}” chưa có trong danh mục địa bàn của hệ thống. Hãy chọn trong danh sách của biểu mẫu hoặc đề nghị Biên tập viên bổ sung.`,
  notANumber: (text: string) => `“${text}” không phải là một số. Ghi số như 57,8 hoặc 1250 (không kèm chữ hay đơn vị).`,
  percentRange: fieldMessages.percentRange,
  negative: fieldMessages.negative,
  whole: (unit: string) => `Chỉ tiêu tính bằng ${unit} nên giá trị phải là số nguyên.`,
  unknownOrganization: (name: string) => `Không có cơ quan, đơn vị “${name}” trong hệ thống. Hãy chọn trong danh sách của biểu mẫu.`,
  otherOrganization: (own: string) => `Bạn chỉ được nhập số liệu của cơ quan, đơn vị mình (${own}).`,
  textTooLong: (label: string) => `${label} dài quá ${MAX_TEXT} ký tự.`,
  controlCharacters: (label: string) => fieldMessages.controlCharacters(label, false),
  duplicate: (first: number) =>
    `Trùng với dòng ${first}: cùng chỉ tiêu, năm, kỳ báo cáo, địa bàn và cơ quan báo cáo. Mỗi số liệu chỉ ghi một dòng.`,
} as const

const textOf = (cell: RawCell | undefined) => (cell == null ? '' : String(cell).normalize('NFC').replace(/\u00a0/g, ' ').trim())

/**
 * A number as people type it: 57.8, 57,8 (Vietnamese decimal comma), 1.234,5 or 1 234
 * (thousands). One separator alone is the decimal one.
 */
export function parseNumber(cell: RawCell | undefined): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined
  const text = textOf(cell).replace(/[\s\u00a0]/g, '')
  if (/^-?\d+$/.test(text)) return Number(text)
  if (/^-?\d+[.,]\d+$/.test(text)) return Number(text.replace(',', '.'))
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'))
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''))
  return undefined
}

/** The identity of a report: one value per indicator, period, place and reporting organisation. */
export const reportKey = (r: { indicator: unknown; year: number; periodLabel: string; locality: string; organization: unknown }) =>
  [String(r.indicator), r.year, matchKey(r.periodLabel), matchKey(r.locality), String(r.organization)].join('\u0001')

/**
 * An organisation by its full name, its slug, or a short name no other organisation shares
 * ("Hội Khuyến học tỉnh" is the short name of several).
 */
export function organizationFinder(organizations: OrganizationRef[]) {
  const byName = new Map<string, OrganizationRef>()
  const bySlug = new Map<string, OrganizationRef>()
  const byShort = new Map<string, OrganizationRef | null>()
  for (const o of organizations) {
    if (!byName.has(matchKey(o.name))) byName.set(matchKey(o.name), o)
    if (o.slug) bySlug.set(matchKey(o.slug), o)
    if (o.shortName) {
      const key = matchKey(o.shortName)
      byShort.set(key, byShort.has(key) ? null : o)
    }
  }
  return (text: string) => {
    const key = matchKey(text)
    return byName.get(key) ?? bySlug.get(key) ?? byShort.get(key) ?? undefined
  }
}

export function checkRows(rows: RawRow[], context: FiguresContext, now = new Date()): Checked {
  const indicators = new Map(context.indicators.map((i) => [matchKey(i.code), i]))
  const localities = new Map(context.localities.map((l) => [matchKey(l), l]))
  const findOrganization = organizationFinder(context.organizations)
  const ownName =
    context.scope.kind === 'organization'
      ? (context.organizations.find((o) => String(o.id) === String((context.scope as { organization: unknown }).organization))?.name ?? '')
      : ''
  const lastYear = lastReportableYear(now)

  const valid: ValidRow[] = []
  const errors: RowError[] = []
  const skipped: number[] = []
  const seen = new Map<string, number>()

  for (const { row, cells } of rows) {
    const rowErrors: RowError[] = []
    const fail = (column: FigureColumn, message: string) => rowErrors.push({ row, column, columnLabel: headerOf(column), message })
    const required = (column: FigureColumn) => {
      const text = textOf(cells[column])
      if (!text) fail(column, ruleMessages.required(headerOf(column)))
      return text
    }

    // A row without a value is a line of the template left unfilled.
    if (textOf(cells.value) === '') {
      skipped.push(row)
      continue
    }

    const code = required('code')
    const indicator = code ? indicators.get(matchKey(code)) : undefined
    if (code && !indicator) fail('code', ruleMessages.unknownIndicator(code))

    const yearText = required('year')
    const yearNumber = yearText ? parseNumber(cells.year) : undefined
    const year = yearNumber !== undefined && Number.isInteger(yearNumber) && yearNumber >= FIRST_YEAR && yearNumber <= lastYear ? yearNumber : undefined
    if (yearText && year === undefined) fail('year', ruleMessages.year(lastYear))

    let periodLabel = textOf(cells.periodLabel)
    if (!periodLabel && year !== undefined) periodLabel = `Năm ${year}`
    if (!periodLabel && yearText === '') fail('periodLabel', ruleMessages.required(headerOf('periodLabel')))
    else if (periodLabel.length > MAX_PERIOD) fail('periodLabel', ruleMessages.periodTooLong)
    else if (hasControlCharacters(periodLabel)) fail('periodLabel', ruleMessages.controlCharacters(headerOf('periodLabel')))

    const place = required('locality')
    const locality = place ? localities.get(matchKey(place)) : undefined
    if (place && !locality) fail('locality', ruleMessages.unknownLocality(place))

    const value = parseNumber(cells.value)
    if (value === undefined) fail('value', ruleMessages.notANumber(textOf(cells.value)))
    else if (indicator?.unit === 'percent' && (value < 0 || value > 100)) fail('value', ruleMessages.percentRange)
    else if (value < 0) fail('value', ruleMessages.negative)
    else if (indicator && wholeUnits.has(indicator.unit) && !Number.isInteger(value)) fail('value', ruleMessages.whole(indicator.unitLabel))

    const orgName = required('organization')
    const organization = orgName ? findOrganization(orgName) : undefined
    if (orgName && !organization) fail('organization', ruleMessages.unknownOrganization(orgName))
    else if (organization && !inScope(context.scope, organization.id)) fail('organization', ruleMessages.otherOrganization(ownName))

    const optional = (column: 'source' | 'note') => {
      const text = textOf(cells[column])
      if (text.length > MAX_TEXT) fail(column, ruleMessages.textTooLong(headerOf(column)))
      else if (hasControlCharacters(text)) fail(column, ruleMessages.controlCharacters(headerOf(column)))
      return text || undefined
    }
    const source = optional('source')
    const note = optional('note')

    if (rowErrors.length === 0 && indicator && year !== undefined && locality && organization && value !== undefined) {
      const key = reportKey({ indicator: indicator.id, year, periodLabel, locality, organization: organization.id })
      const first = seen.get(key)
      if (first !== undefined) rowErrors.push({ row, column: null, columnLabel: 'Cả dòng', message: ruleMessages.duplicate(first) })
      else {
        seen.set(key, row)
        valid.push({ row, indicator, year, periodLabel, locality, value, organization, source, note })
      }
    }
    errors.push(...rowErrors)
  }
  return { valid, errors, skipped }
}
