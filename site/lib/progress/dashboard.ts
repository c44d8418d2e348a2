/** Dashboard: one card per indicator and scope. */
import { compareVietnamese } from '../../../cms/lib/vietnamese'

import type { Id, IndicatorLike } from './types'
import { indicatorPath } from '../routes'
import { byId, directionLabel, indicatorSlug, unitLabel } from './common'
import type { Status } from './status'
import type { DataRow } from './rows'
import { compare, overallStatus, type TargetResult } from './comparisons'

export interface ProgressCard {
  indicatorId: Id
  slug: string
  href: string
  code: string
  name: string
  unit: string
  unitLabel: string
  direction: string
  directionLabel: string
  topics: string[]
  scope: string
  /** Latest actual value at this scope (null: none reported yet). */
  latestActual: DataRow | null
  /** Targets of the latest actual's year, each evaluated against it. */
  results: TargetResult[]
  /** Targets of the latest target year (what the documents aim for last). */
  latestTargets: DataRow[]
  latestTargetYear: number | null
  status: Status
  /** Other places reporting this indicator (without a target of their own). */
  otherLocalities: string[]
}

export interface ProgressGroup {
  scope: string
  cards: ProgressCard[]
}

/** One card per scope that has targets (or per reporting place when there are none). */
export function progressCards(indicator: IndicatorLike, rows: readonly DataRow[]): ProgressCard[] {
  const own = rows.filter((r) => r.indicatorId === indicator.id)
  const targetScopes = [...new Set(own.filter((r) => r.kind === 'target').map((r) => r.scope))]
  const scopes = targetScopes.length ? targetScopes : [...new Set(own.map((r) => r.scope))]
  const comparisons = compare(own)
  const topics = (indicator.topics ?? []).flatMap((t) => (typeof t === 'object' ? [t.name] : []))
  const slug = indicatorSlug(indicator)
  return scopes.map((scope) => {
    const here = comparisons.filter((c) => c.scope === scope).sort((a, b) => a.year - b.year)
    const withActual = here.filter((c) => c.actual)
    const latest = withActual.length ? withActual[withActual.length - 1] : null
    const targetYears = here.filter((c) => c.targets.length)
    const latestTarget = targetYears.length ? targetYears[targetYears.length - 1] : null
    const results = latest?.targets ?? []
    return {
      indicatorId: indicator.id,
      slug,
      href: indicatorPath(slug),
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      unitLabel: unitLabel(indicator.unit),
      direction: indicator.direction,
      directionLabel: directionLabel(indicator.direction),
      topics,
      scope,
      latestActual: latest?.actual ?? null,
      results,
      latestTargets: latestTarget ? latestTarget.targets.map((t) => t.target) : [],
      latestTargetYear: latestTarget?.year ?? null,
      status: overallStatus(results, Boolean(latest)),
      otherLocalities: targetScopes.length
        ? [...new Set(own.filter((r) => r.kind === 'actual' && !targetScopes.includes(r.scope)).map((r) => r.scope))]
        : [],
    }
  })
}

/** Cards grouped by scope (province), groups in Vietnamese alphabetical order. */
export function progressGroups(indicators: readonly IndicatorLike[], rows: readonly DataRow[]): ProgressGroup[] {
  const groups = new Map<string, ProgressCard[]>()
  for (const indicator of [...indicators].sort(byId)) {
    for (const card of progressCards(indicator, rows)) {
      const list = groups.get(card.scope) ?? []
      list.push(card)
      groups.set(card.scope, list)
    }
  }
  return [...groups.entries()].sort(([a], [b]) => compareVietnamese(a, b)).map(([scope, cards]) => ({ scope, cards }))
}

export interface ProgressSummary {
  met: number
  notMet: number
  noData: number
  noTarget: number
  total: number
}

export function progressSummary(groups: readonly ProgressGroup[]): ProgressSummary {
  const cards = groups.flatMap((g) => g.cards)
  return {
    met: cards.filter((c) => c.status.code === 'met').length,
    notMet: cards.filter((c) => c.status.code === 'not-met').length,
    noData: cards.filter((c) => c.status.code === 'no-data').length,
    noTarget: cards.filter((c) => c.status.code === 'no-target').length,
    total: cards.length,
  }
}
