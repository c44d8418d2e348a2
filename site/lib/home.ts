/**
 * Home page figures: a few headline indicators, each its latest reported value against the
 * target for the same year and scope. The full dashboard lives at /tien-do/; this is a
 * deliberately small, local computation.
 */
import { refId } from './campaigns'

export interface IndicatorFields {
  id: number | string
  slug?: string | null
  code: string
  name: string
  unit: string
  direction?: string | null
  targets?: { year: number; scope: string; value: number; sourcePlan?: unknown }[] | null
}

export interface ReportFields {
  indicator: unknown
  year: number
  periodLabel: string
  locality: string
  value: number
  illustrative?: boolean | null
  updatedAt?: string
}

export interface TargetValue {
  year: number
  scope: string
  value: number
}

export interface Headline {
  slug: string
  code: string
  name: string
  unit: string
  direction: string
  actual: { year: number; periodLabel: string; locality: string; value: number; illustrative: boolean }
  /** Target for the year and scope of the actual value, when one was set. */
  target?: TargetValue
  /** The latest target of the indicator, when later than `target`. */
  latestTarget?: TargetValue
  /** Whether the actual value reaches the target (respecting the direction). */
  met?: boolean
}

const planYear = (plan: unknown) =>
  plan && typeof plan === 'object' && typeof (plan as { year?: unknown }).year === 'number' ? (plan as { year: number }).year : -Infinity

/**
 * The target for a year and scope. When two documents set one (e.g. a five-year programme
 * and that year's own plan), the more recent document's figure is taken.
 */
export function targetFor(indicator: IndicatorFields, year: number, scope: string): TargetValue | undefined {
  const matches = (indicator.targets ?? [])
    .map((t, index) => ({ t, index }))
    .filter(({ t }) => t.year === year && t.scope === scope)
    .sort((a, b) => planYear(b.t.sourcePlan) - planYear(a.t.sourcePlan) || b.index - a.index)
  const t = matches[0]?.t
  return t ? { year: t.year, scope: t.scope, value: t.value } : undefined
}

/** Latest report of an indicator, preferring localities that have targets (the whole province). */
export function latestReport<R extends ReportFields>(indicator: IndicatorFields, reports: readonly R[]): R | undefined {
  const scopes = new Set((indicator.targets ?? []).map((t) => t.scope))
  const own = reports.filter((r) => refId(r.indicator) === indicator.id)
  const pool = own.some((r) => scopes.has(r.locality)) ? own.filter((r) => scopes.has(r.locality)) : own
  return [...pool].sort((a, b) => b.year - a.year || String(b.updatedAt ?? '').localeCompare(String(a.updatedAt ?? '')))[0]
}

export function headline(indicator: IndicatorFields, reports: readonly ReportFields[]): Headline | undefined {
  const report = latestReport(indicator, reports)
  if (!report || !indicator.slug) return undefined
  const target = targetFor(indicator, report.year, report.locality)
  const later = (indicator.targets ?? []).filter((t) => t.scope === report.locality && t.year > report.year)
  const lastYear = later.length ? Math.max(...later.map((t) => t.year)) : undefined
  const latestTarget = lastYear ? targetFor(indicator, lastYear, report.locality) : undefined
  const direction = indicator.direction ?? 'higher-is-better'
  return {
    slug: indicator.slug,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction,
    actual: {
      year: report.year,
      periodLabel: report.periodLabel,
      locality: report.locality,
      value: report.value,
      illustrative: Boolean(report.illustrative),
    },
    target,
    latestTarget,
    met: target ? (direction === 'lower-is-better' ? report.value <= target.value : report.value >= target.value) : undefined,
  }
}

/** The first `n` indicators (in CMS order) that have a reported value. */
export function headlineIndicators(indicators: readonly IndicatorFields[], reports: readonly ReportFields[], n = 4): Headline[] {
  // Creation order: numeric ids on SQLite, ObjectIds (hex, time first) on MongoDB.
  const ordered = [...indicators].sort((a, b) =>
    typeof a.id === 'number' && typeof b.id === 'number' ? a.id - b.id : String(a.id).localeCompare(String(b.id)),
  )
  const out: Headline[] = []
  for (const indicator of ordered) {
    if (out.length >= n) break
    const h = headline(indicator, reports)
    if (h) out.push(h)
  }
  return out
}
