/// <reference types="astro/client" />
/** /tien-do/<chỉ tiêu>.csv — one indicator's targets and actual values (UTF-8 with BOM). */
import type { APIRoute, GetStaticPaths } from 'astro'

import { indicatorSlug, toCsv } from '../../lib/progress'
import { cacheKey } from '../../lib/cache-keys'
import { loadProgressData, progressCollections } from './_data'

export const prerender = true

export const getStaticPaths = (async () => {
  const { indicators, rows } = await loadProgressData()
  const key = await cacheKey(progressCollections)
  return indicators.map((indicator) => ({
    params: { indicatorSlug: indicatorSlug(indicator) },
    cacheKey: key,
    props: { body: toCsv(rows.filter((r) => r.indicatorId === indicator.id)) },
  }))
}) satisfies GetStaticPaths

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'content-type': 'text/csv; charset=utf-8' } })
