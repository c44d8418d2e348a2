/** Status: is an actual value on track against a target? Direction-aware. */
import { formatMeasure, formatNumber, formatPercent } from '../format'

export type StatusKind = 'ok' | 'bad' | 'muted'
export type StatusCode = 'met' | 'not-met' | 'no-data' | 'no-target'
export interface Status {
  code: StatusCode
  kind: StatusKind
  label: string
}

export const STATUS_NO_DATA: Status = { code: 'no-data', kind: 'muted', label: 'Chưa có số liệu' }
export const STATUS_NO_TARGET: Status = { code: 'no-target', kind: 'muted', label: 'Chưa có mục tiêu' }

/**
 * Direction-aware: higher-is-better is met when actual ≥ target ("Đạt/Vượt mục tiêu"),
 * lower-is-better when actual ≤ target ("Đạt"); otherwise "Chưa đạt". No actual value →
 * "Chưa có số liệu".
 */
export function evaluate(actual: number | null | undefined, target: number, direction: string): Status {
  if (actual == null || !Number.isFinite(actual)) return STATUS_NO_DATA
  const eps = 1e-9 * Math.max(1, Math.abs(target))
  if (direction === 'lower-is-better') {
    return actual <= target + eps ? { code: 'met', kind: 'ok', label: 'Đạt' } : { code: 'not-met', kind: 'bad', label: 'Chưa đạt' }
  }
  return actual >= target - eps
    ? { code: 'met', kind: 'ok', label: 'Đạt/Vượt mục tiêu' }
    : { code: 'not-met', kind: 'bad', label: 'Chưa đạt' }
}

/**
 * How much of the target is achieved, in percent: actual ÷ target when higher is better,
 * target ÷ actual when lower is better (1,95% poverty against a 1,82% ceiling → 93,3%).
 */
export function attainment(actual: number | null | undefined, target: number, direction: string): number | null {
  if (actual == null || !Number.isFinite(actual)) return null
  if (direction === 'lower-is-better') return actual > 0 ? (target / actual) * 100 : target >= 0 ? 100 : null
  return target !== 0 ? (actual / target) * 100 : null
}

/** Actual minus target, in the indicator's unit (percentage points for percent). */
export const gap = (actual: number | null | undefined, target: number): number | null =>
  actual == null || !Number.isFinite(actual) ? null : roundTo(actual - target, 10)

export const roundTo = (value: number, digits: number) => Number(value.toFixed(digits))

export const formatAttainment = (value: number | null) => (value == null ? '—' : formatPercent(roundTo(value, 1)))

/** +2,4 điểm % / −150.000 lượt / 0. */
export function formatGap(value: number | null, unit: string): string {
  if (value == null) return '—'
  if (value === 0) return unit === 'percent' ? '0 điểm %' : formatMeasure(0, unit)
  const sign = value > 0 ? '+' : '−'
  const abs = Math.abs(value)
  return unit === 'percent' ? `${sign}${formatNumber(abs)} điểm %` : `${sign}${formatMeasure(abs, unit)}`
}
