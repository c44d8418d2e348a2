/** JSON-LD: schema.org Dataset. */

import { type PlanRef, unitLabel } from './common'
import type { DataRow } from './rows'

export interface DatasetInput {
  name: string
  description: string
  pageUrl: string
  csvUrl: string
  jsonUrl: string
  rows: readonly DataRow[]
  keywords?: string[]
}

export function datasetJsonLd(input: DatasetInput): Record<string, unknown> {
  const years = [...new Set(input.rows.map((r) => r.year))].sort((a, b) => a - b)
  const places = [...new Set(input.rows.map((r) => r.scope))]
  const plans = new Map<string, PlanRef>()
  for (const r of input.rows) if (r.sourcePlan?.href) plans.set(r.sourcePlan.href, r.sourcePlan)
  const base = new URL(input.pageUrl)
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: input.name,
    description: input.description,
    url: input.pageUrl,
    inLanguage: 'vi',
    isAccessibleForFree: true,
    keywords: input.keywords ?? [],
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: input.csvUrl, name: `${input.name} (CSV)` },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: input.jsonUrl, name: `${input.name} (JSON)` },
    ],
  }
  if (years.length) ld.temporalCoverage = years.length > 1 ? `${years[0]}/${years[years.length - 1]}` : String(years[0])
  if (places.length) ld.spatialCoverage = places.map((name) => ({ '@type': 'Place', name }))
  const measured = new Map<string, DataRow>()
  for (const r of input.rows) if (!measured.has(r.code)) measured.set(r.code, r)
  if (measured.size) {
    ld.variableMeasured = [...measured.values()].map((r) => ({
      '@type': 'PropertyValue',
      name: r.name,
      propertyID: r.code,
      unitText: unitLabel(r.unit),
    }))
  }
  if (plans.size) ld.isBasedOn = [...plans.keys()].map((href) => new URL(href, base).toString())
  return ld
}
