/** Indicator page: sections, charts and tables. */
import { slugify } from '../format'
import { compareVietnamese } from '../../../cms/lib/vietnamese'

import type { IndicatorLike } from './types'
import { directionLabel, unitLabel } from './common'
import { type DataRow, displayValue } from './rows'
import { compare, type Comparison } from './comparisons'
import { keyOf, type SourceKey, sourceKeys } from './sources'

export interface ChartTarget {
  value: number
  key: string | null
  text: string
}
export interface ChartCategory {
  label: string
  actual: { value: number; text: string; illustrative: boolean } | null
  targets: ChartTarget[]
}
export interface ChartModel {
  id: string
  title: string
  desc: string
  unit: string
  categories: ChartCategory[]
  hasIllustrative: boolean
}

export interface IndicatorSection {
  id: string
  heading: string
  caption: string
  comparisons: Comparison[]
  chart: ChartModel
  /** Places in this section that have no target of their own. */
  untargeted: string[]
}

export interface IndicatorPage {
  rows: DataRow[]
  keys: SourceKey[]
  /** Per scope: target vs actual by year. */
  byYear: IndicatorSection[]
  /** Per year reported by several places: actual by locality. */
  byLocality: IndicatorSection[]
  years: number[]
  scopes: string[]
  hasIllustrative: boolean
}

function chartCategory(label: string, c: Comparison, keys: readonly SourceKey[]): ChartCategory {
  return {
    label,
    actual: c.actual
      ? { value: c.actual.value, text: `Thực hiện: ${displayValue(c.actual)}${c.actual.illustrative ? ' *' : ''}`, illustrative: c.actual.illustrative }
      : null,
    targets: c.targets.map(({ target }) => {
      const key = keyOf(keys, target)
      return { value: target.value, key, text: `Mục tiêu${key ? ` ${key}` : ''}: ${displayValue(target)}` }
    }),
  }
}

/** Plain-language summary of a chart, for its <desc>. */
export function describeComparisons(comparisons: readonly Comparison[], keys: readonly SourceKey[], labelOf: (c: Comparison) => string): string {
  return comparisons
    .map((c) => {
      const parts = [
        c.actual
          ? `thực hiện ${displayValue(c.actual)}${c.actual.illustrative ? ' (dữ liệu minh họa)' : ''}`
          : 'chưa có số liệu thực hiện',
      ]
      for (const t of c.targets) {
        const key = keyOf(keys, t.target)
        const src = t.target.sourcePlan ? ` theo ${t.target.sourcePlan.label}` : ''
        parts.push(`mục tiêu${key ? ` ${key}` : ''} ${displayValue(t.target)}${src}${c.actual ? `: ${t.status.label.toLowerCase()}` : ''}`)
      }
      return `${labelOf(c)}: ${parts.join('; ')}.`
    })
    .join(' ')
}

const sectionId = (prefix: string, text: string) => `${prefix}-${slugify(text)}`

export function indicatorPage(indicator: IndicatorLike, rows: readonly DataRow[]): IndicatorPage {
  const own = rows.filter((r) => r.indicatorId === indicator.id)
  const keys = sourceKeys(own)
  const comparisons = compare(own)
  const targetScopes = [...new Set(own.filter((r) => r.kind === 'target').map((r) => r.scope))]
  const directionNote = `${indicator.name}, đơn vị ${unitLabel(indicator.unit)}, ${directionLabel(indicator.direction).toLowerCase()}. `

  // Years reported by several places get a chart by locality.
  const localityYears = [...new Set(own.map((r) => r.year))]
    .sort((a, b) => a - b)
    .filter((y) => new Set(own.filter((r) => r.kind === 'actual' && r.year === y).map((r) => r.scope)).size > 1)
  const inLocalityView = (c: Comparison) => localityYears.includes(c.year) && c.actual != null
  // Scopes charted by year: those with targets, and any other place not shown by locality.
  const yearScopes = [
    ...targetScopes,
    ...[...new Set(comparisons.filter((c) => !targetScopes.includes(c.scope) && !inLocalityView(c)).map((c) => c.scope))],
  ]

  const byYear: IndicatorSection[] = yearScopes.map((scope) => {
    const list = comparisons.filter((c) => c.scope === scope).sort((a, b) => a.year - b.year)
    const id = sectionId('nam', scope)
    return {
      id,
      heading: scope,
      caption: `${indicator.name} — ${scope}: mục tiêu và thực hiện theo năm`,
      comparisons: list,
      untargeted: targetScopes.includes(scope) ? [] : [scope],
      chart: {
        id: `bieu-do-${id}`,
        title: `Biểu đồ ${indicator.code}: mục tiêu và thực hiện theo năm — ${scope}`,
        desc: `${directionNote}${describeComparisons(list, keys, (c) => `Năm ${c.year}`)}`,
        unit: indicator.unit,
        categories: list.map((c) => chartCategory(String(c.year), c, keys)),
        hasIllustrative: list.some((c) => c.actual?.illustrative),
      },
    }
  })

  const byLocality: IndicatorSection[] = localityYears.map((year) => {
    const list = comparisons
      .filter((c) => c.year === year && c.actual)
      .sort(
        (a, b) =>
          (targetScopes.includes(a.scope) ? 0 : 1) - (targetScopes.includes(b.scope) ? 0 : 1) ||
          compareVietnamese(a.scope, b.scope),
      )
    const id = `dia-ban-${year}`
    return {
      id,
      heading: `Năm ${year}`,
      caption: `${indicator.name} — thực hiện năm ${year} theo địa bàn`,
      comparisons: list,
      untargeted: list.filter((c) => c.targets.length === 0).map((c) => c.scope),
      chart: {
        id: `bieu-do-${id}`,
        title: `Biểu đồ ${indicator.code}: thực hiện năm ${year} theo địa bàn`,
        desc: `${directionNote}${describeComparisons(list, keys, (c) => c.scope)}`,
        unit: indicator.unit,
        categories: list.map((c) => chartCategory(c.scope, c, keys)),
        hasIllustrative: list.some((c) => c.actual?.illustrative),
      },
    }
  })

  return {
    rows: own,
    keys,
    byYear,
    byLocality,
    years: [...new Set(own.map((r) => r.year))].sort((a, b) => a - b),
    scopes: [...new Set(own.map((r) => r.scope))],
    hasIllustrative: own.some((r) => r.illustrative),
  }
}
