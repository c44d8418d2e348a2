/**
 * The rows of a template (every indicator of the set × every locality of the organisation,
 * with what is already reported filled in) and of an export (the stored reports).
 */
import { compareVietnamese } from '../lib/vietnamese'
import { matchKey, organizationsInScope, type FiguresContext, type OrganizationRef } from './context'
import { reportKey } from './rules'
import type { SheetRow } from './workbook'

export type Selection = { year?: number; topic?: string; organization?: OrganizationRef }

const inSet = (context: FiguresContext, topic?: string) => context.indicators.filter((i) => !topic || i.topics.includes(topic))

/** Places an organisation reports on: those it has reported before, else those of its province. */
export function localitiesOf(context: FiguresContext, organization?: OrganizationRef): string[] {
  if (!organization) return []
  const reported = new Set(context.reports.filter((r) => String(r.organization) === String(organization.id)).map((r) => r.locality))
  if (reported.size) return [...reported].sort(compareVietnamese)
  const province = organization.province ? matchKey(organization.province) : ''
  return province ? context.localities.filter((l) => matchKey(l).includes(province)) : []
}

export function templateRows(context: FiguresContext, selection: Selection & { year: number }): SheetRow[] {
  const { year, organization } = selection
  const periodLabel = `Năm ${year}`
  const stored = new Map(context.reports.map((r) => [reportKey(r), r]))
  const places = localitiesOf(context, organization)
  const rows: SheetRow[] = []
  for (const indicator of inSet(context, selection.topic)) {
    for (const locality of places.length ? places : ['']) {
      const report = organization && locality ? stored.get(reportKey({ indicator: indicator.id, year, periodLabel, locality, organization: organization.id })) : undefined
      rows.push({ indicator, year, periodLabel, locality, organization, value: report?.value, source: report?.source, note: report?.note })
    }
  }
  return rows
}

export function exportRows(context: FiguresContext, selection: Selection): SheetRow[] {
  const indicators = new Map(inSet(context, selection.topic).map((i) => [String(i.id), i]))
  const organizations = new Map(organizationsInScope(context).map((o) => [String(o.id), o]))
  return context.reports
    .filter((r) => indicators.has(String(r.indicator)) && organizations.has(String(r.organization)))
    .filter((r) => selection.year === undefined || r.year === selection.year)
    .filter((r) => !selection.organization || String(r.organization) === String(selection.organization.id))
    .map((r) => ({
      indicator: indicators.get(String(r.indicator))!,
      year: r.year,
      periodLabel: r.periodLabel,
      locality: r.locality,
      value: r.value,
      organization: organizations.get(String(r.organization)),
      source: r.source,
      note: r.note,
    }))
    .sort(
      (a, b) =>
        a.year - b.year ||
        compareVietnamese(a.indicator.code, b.indicator.code) ||
        compareVietnamese(a.locality, b.locality) ||
        compareVietnamese(a.periodLabel, b.periodLabel),
    )
}
