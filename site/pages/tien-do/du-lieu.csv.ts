/// <reference types="astro/client" />
/** /tien-do/du-lieu.csv — every indicator's targets and actual values (UTF-8 with BOM). */
import type { APIRoute } from 'astro'

import { toCsv } from '../../lib/progress'
import { loadProgressData } from './_data'

export const prerender = true

export const GET: APIRoute = async () => {
  const { rows } = await loadProgressData()
  return new Response(toCsv(rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } })
}
