/**
 * The rows: one per target and one per actual value. The one source of numbers — the HTML tables,
 * the SVG labels, the CSV and the JSON are all made from these rows.
 */
import { formatMeasure } from '../format'
import { relationId } from '../../../cms/lib/relations'
import { compareVietnamese } from '../../../cms/lib/vietnamese'

import type { Id, IndicatorLike, PlanLike, ReportLike } from './types'
import { byId, indicatorSlug, planCitation, type PlanRef, planRef } from './common'

export type RowKind = 'target' | 'actual'

export interface DataRow {
  indicatorId: Id
  indicatorSlug: string
  code: string
  name: string
  unit: string
  direction: string
  year: number
  /** The target's scope or the report's locality (same spelling for the same place). */
  scope: string
  kind: RowKind
  value: number
  /** The source document (targets) or the report's source (actuals), as text. */
  source: string
  sourcePlan: PlanRef | null
  periodLabel: string | null
  reportingOrganization: string | null
  note: string | null
  illustrative: boolean
}

export const isAnnual = (row: Pick<DataRow, 'periodLabel' | 'year'>) =>
  !row.periodLabel || row.periodLabel.trim().toLowerCase() === `năm ${row.year}`

function reportSource(report: ReportLike): string {
  const org = typeof report.reportingOrganization === 'object' ? report.reportingOrganization?.name : null
  const base = report.source?.trim() || org || ''
  const period = report.periodLabel?.trim()
  // A report for part of a year says which part, so two reports of one year stay distinct.
  return period && period.toLowerCase() !== `năm ${report.year}` ? `${base}${base ? ' ' : ''}(${period})` : base
}

/**
 * Every target and every actual value of one indicator, as flat rows: ordered by year, then
 * by scope (scopes that have targets first), targets before actuals, in document order.
 */
export function indicatorRows(
  indicator: IndicatorLike,
  reports: readonly ReportLike[],
  plansById?: ReadonlyMap<Id, PlanLike>,
): DataRow[] {
  const base = {
    indicatorId: indicator.id,
    indicatorSlug: indicatorSlug(indicator),
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
  }
  const rows: DataRow[] = []
  for (const t of indicator.targets ?? []) {
    const ref = planRef(t.sourcePlan, plansById)
    rows.push({
      ...base,
      year: t.year,
      scope: t.scope,
      kind: 'target',
      value: t.value,
      source: ref ? planCitation(ref) : '',
      sourcePlan: ref,
      periodLabel: null,
      reportingOrganization: null,
      note: t.note ?? null,
      illustrative: false,
    })
  }
  const own = reports.filter((r) => relationId(r.indicator) === indicator.id).sort(byId)
  for (const r of own) {
    rows.push({
      ...base,
      year: r.year,
      scope: r.locality,
      kind: 'actual',
      value: r.value,
      source: reportSource(r),
      sourcePlan: null,
      periodLabel: r.periodLabel ?? null,
      reportingOrganization: typeof r.reportingOrganization === 'object' ? (r.reportingOrganization?.name ?? null) : null,
      note: r.note ?? null,
      illustrative: Boolean(r.illustrative),
    })
  }
  const targetScopes = new Set((indicator.targets ?? []).map((t) => t.scope))
  const scopeRank = (s: string) => (targetScopes.has(s) ? 0 : 1)
  const order = new Map(rows.map((r, i) => [r, i]))
  return rows.sort(
    (a, b) =>
      a.year - b.year ||
      scopeRank(a.scope) - scopeRank(b.scope) ||
      compareVietnamese(a.scope, b.scope) ||
      (a.kind === b.kind ? 0 : a.kind === 'target' ? -1 : 1) ||
      order.get(a)! - order.get(b)!,
  )
}

/** All indicators' rows (indicators in id order, as in content/). */
export function datasetRows(
  indicators: readonly IndicatorLike[],
  reports: readonly ReportLike[],
  plans: readonly PlanLike[] = [],
): DataRow[] {
  const plansById = new Map(plans.map((p) => [p.id, p]))
  return [...indicators].sort(byId).flatMap((i) => indicatorRows(i, reports, plansById))
}

/** The value as people read it: "99,32%", "34,4 giường/10.000 dân", "2,3 triệu lượt". */
export const displayValue = (row: Pick<DataRow, 'value' | 'unit'>) => formatMeasure(row.value, row.unit)
