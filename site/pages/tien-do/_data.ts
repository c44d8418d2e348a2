/// <reference types="astro/client" />
/**
 * The documents the /tien-do/ pages and downloads are made from (published only, depth 1),
 * read from the content layer. Files starting with "_" are not routes.
 */
import { getCollection } from 'astro:content'

import { compareIds, datasetRows, type DataRow, type IndicatorLike, type PlanLike, type ReportLike } from '../../lib/progress'

export interface ProgressData {
  indicators: IndicatorLike[]
  reports: ReportLike[]
  plans: PlanLike[]
  rows: DataRow[]
}

type Entry = { data: unknown }

/** Every collection the progress pages read (their incremental-build key). */
export const progressCollections = ['indicators', 'indicatorReports', 'plans'] as const

export async function loadProgressData(): Promise<ProgressData> {
  const [indicatorEntries, reportEntries, planEntries]: Entry[][] = await Promise.all([
    getCollection('indicators'),
    getCollection('indicatorReports'),
    getCollection('plans'),
  ])
  const indicators = indicatorEntries.map((e) => e.data as IndicatorLike).sort((a, b) => compareIds(a.id, b.id))
  const reports = reportEntries.map((e) => e.data as ReportLike)
  const plans = planEntries.map((e) => e.data as PlanLike)
  return { indicators, reports, plans, rows: datasetRows(indicators, reports, plans) }
}
