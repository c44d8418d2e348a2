/// <reference types="astro/client" />
/** /tien-do/nhiem-vu.csv — every task's latest published progress and overdue flag (UTF-8 with BOM). */
import type { APIRoute } from 'astro'

import { taskRecords, tasksToCsv } from '../../lib/progress'
import { loadProgressData } from './_data'

export const prerender = true

export const GET: APIRoute = async () => {
  const { plans, taskUpdates, today } = await loadProgressData()
  return new Response(tasksToCsv(taskRecords(plans, taskUpdates, today)), { headers: { 'content-type': 'text/csv; charset=utf-8' } })
}
