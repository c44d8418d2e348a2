/// <reference types="astro/client" />
/** /tien-do/nhiem-vu.json — the same tasks as nhiem-vu.csv, each with its dated history. */
import type { APIRoute } from 'astro'

import { taskRecords, tasksToJson } from '../../lib/progress'
import { loadProgressData } from './_data'
import { absoluteUrl, progressPath, taskProgressCsvPath } from '../../lib/routes'

export const prerender = true

export const GET: APIRoute = async ({ site }) => {
  const { plans, taskUpdates, today } = await loadProgressData()
  const body = tasksToJson(taskRecords(plans, taskUpdates, today), {
    pageUrl: absoluteUrl(`${progressPath()}#nhiem-vu`, site!),
    csvUrl: absoluteUrl(taskProgressCsvPath(), site!),
    today,
  })
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
