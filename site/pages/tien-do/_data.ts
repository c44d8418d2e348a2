/// <reference types="astro/client" />
/**
 * The documents the /tien-do/ pages and downloads are made from (published only, depth 1),
 * read from the content layer. Files starting with "_" are not routes.
 */
import { getCollection } from 'astro:content'

import type { Indicator, IndicatorReport, Plan, TaskUpdate } from '../../../cms/payload-types'
import { calendarDay, portalNow } from '../../lib/campaigns'
import { cacheKey } from '../../lib/cache-keys'
import { compareIds, datasetRows, indicatorSlug, type DataRow } from '../../lib/progress'

export interface ProgressData {
  indicators: Indicator[]
  reports: IndicatorReport[]
  plans: Plan[]
  rows: DataRow[]
  /** Published progress updates of plan tasks, and the day tasks are judged on (Vietnam). */
  taskUpdates: TaskUpdate[]
  today: string
}

/** Every collection the progress pages read (their incremental-build key). */
export const progressCollections = ['indicators', 'indicatorReports', 'plans', 'taskUpdates'] as const

export async function loadProgressData(): Promise<ProgressData> {
  const [indicatorEntries, reportEntries, planEntries, updateEntries] = await Promise.all([
    getCollection('indicators'),
    getCollection('indicatorReports'),
    getCollection('plans'),
    getCollection('taskUpdates'),
  ])
  const indicators = indicatorEntries.map((e) => e.data).sort((a, b) => compareIds(a.id, b.id))
  const reports = reportEntries.map((e) => e.data)
  const plans = planEntries.map((e) => e.data)
  const taskUpdates = updateEntries.map((e) => e.data)
  return { indicators, reports, plans, rows: datasetRows(indicators, reports, plans), taskUpdates, today: calendarDay(portalNow()) }
}

/**
 * The paths of the per-indicator routes (page, CSV, JSON): one indicator and its rows each,
 * keyed on every collection they are made from.
 */
export async function indicatorPaths() {
  const { indicators, rows } = await loadProgressData()
  const key = await cacheKey(progressCollections)
  return indicators.map((indicator) => ({
    params: { indicatorSlug: indicatorSlug(indicator) },
    cacheKey: key,
    props: { indicator, rows: rows.filter((r) => r.indicatorId === indicator.id) },
  }))
}

export type IndicatorProps = Awaited<ReturnType<typeof indicatorPaths>>[number]['props']
