/**
 * The reference data a figures file is checked against: indicators, organisations, the
 * localities already in use, and the existing reports of the organisations in scope.
 */
import type { Payload, PayloadRequest } from 'payload'

import { indicatorUnits } from '../fields/options'
import { relationId, type Id } from '../lib/relations'
import { compareVietnamese, foldVietnamese } from '../lib/vietnamese'
import type { FiguresScope } from './access'

export type IndicatorRef = { id: Id; code: string; name: string; unit: string; unitLabel: string; topics: string[] }
export type OrganizationRef = { id: Id; name: string; shortName?: string; slug?: string; province?: string }
export type ExistingReport = {
  id: Id
  indicator: Id
  year: number
  periodLabel: string
  locality: string
  value: number
  organization: Id
  source: string
  note: string
}

export type FiguresContext = {
  scope: FiguresScope
  indicators: IndicatorRef[]
  organizations: OrganizationRef[]
  /** Places already used by a target or a report, each spelt as it is stored. */
  localities: string[]
  /** Reports of the organisations in scope. */
  reports: ExistingReport[]
}

/** Case, marks and spacing do not make two names different ("tỉnh thái bình" is "Tỉnh Thái Bình"). */
export const matchKey = (text: string) => foldVietnamese(text.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim()

export const unitLabel = (unit: string) => indicatorUnits.find((u) => u.value === unit)?.label.vi ?? unit

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export async function loadFiguresContext(payload: Payload, scope: FiguresScope, req?: Partial<PayloadRequest>): Promise<FiguresContext> {
  const all = { depth: 0, pagination: false, overrideAccess: true, req } as const
  const [indicators, organizations, reports] = await Promise.all([
    payload.find({ collection: 'indicators', ...all }),
    payload.find({ collection: 'organizations', ...all }),
    // The latest version of each report: a draft waiting for review is what a new file changes.
    payload.find({ collection: 'indicator-reports', ...all, draft: true }),
  ])
  const localities = new Map<string, string>()
  const addLocality = (place: unknown) => {
    const name = text(place).trim()
    if (name && !localities.has(matchKey(name))) localities.set(matchKey(name), name)
  }
  for (const indicator of indicators.docs) for (const target of indicator.targets ?? []) addLocality(target.scope)
  for (const report of reports.docs) addLocality(report.locality)

  return {
    scope,
    indicators: indicators.docs
      .map((d) => ({
        id: d.id,
        code: d.code,
        name: d.name,
        unit: d.unit,
        unitLabel: unitLabel(d.unit),
        topics: (d.topics ?? []).map((t) => String(relationId(t as never))),
      }))
      .sort((a, b) => compareVietnamese(a.code, b.code)),
    organizations: organizations.docs
      .map((d) => ({ id: d.id, name: d.name, shortName: d.shortName ?? undefined, slug: d.slug ?? undefined, province: d.province ?? undefined }))
      .sort((a, b) => compareVietnamese(a.name, b.name)),
    localities: [...localities.values()].sort(compareVietnamese),
    reports: reports.docs
      .filter((r) => scope.kind === 'all' || String(relationId(r.reportingOrganization)) === String(scope.organization))
      .map((r) => ({
        id: r.id,
        indicator: relationId(r.indicator)!,
        year: r.year,
        periodLabel: r.periodLabel,
        locality: r.locality,
        value: r.value,
        organization: relationId(r.reportingOrganization)!,
        source: text(r.source),
        note: text(r.note),
      })),
  }
}

/** The organisations a user may report for. */
export const organizationsInScope = (context: FiguresContext) =>
  context.scope.kind === 'all' ? context.organizations : context.organizations.filter((o) => String(o.id) === String((context.scope as { organization: Id }).organization))
