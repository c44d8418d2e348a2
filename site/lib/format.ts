/** Presentation helpers: Vietnamese numbers, dates, units and option labels. */
import * as options from '../../cms/fields/options'
import { formatDate, formatNumber, formatPercent, slugify } from '../../cms/lib/vietnamese'

export { formatDate, formatNumber, formatPercent, slugify }
export const labels = options

export const label = (list: readonly options.Option[], value: string | null | undefined) => options.labelOf(list, value)

/** 2300000 → "2,3 triệu"; 1250000000 → "1,25 tỷ"; smaller numbers in full. */
export function formatCompact(value: number): string {
  if (Math.abs(value) >= 1e9) return `${formatNumber(value / 1e9)} tỷ`
  if (Math.abs(value) >= 1e6) return `${formatNumber(value / 1e6)} triệu`
  return formatNumber(value)
}

/** A measured value with its unit: 99.32 % → "99,32%", 34.4 beds → "34,4 giường/10.000 dân". */
export function formatMeasure(value: number | null | undefined, unit: string): string {
  if (value == null) return '—'
  if (unit === 'percent') return formatPercent(value)
  return `${formatCompact(value)} ${label(options.indicatorUnits, unit)}`
}

/** "ngày 04/4/2023" style date, or the text as printed when the document gives no full date. */
export const formatDocDate = (iso?: string | null, printed?: string | null) => (iso ? formatDate(iso) : (printed ?? ''))
