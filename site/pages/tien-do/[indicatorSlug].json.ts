/// <reference types="astro/client" />
/** /tien-do/<chỉ tiêu>.json — the same rows as the CSV, as JSON. */
import type { APIRoute, GetStaticPaths } from 'astro'

import { indicatorSlug, toJson } from '../../lib/progress'
import { indicatorPaths, type IndicatorProps } from './_data'
import { absoluteUrl, indicatorCsvPath, indicatorPath } from '../../lib/routes'

export const prerender = true

export const getStaticPaths = indicatorPaths satisfies GetStaticPaths

export const GET: APIRoute<IndicatorProps> = ({ props: { indicator, rows }, site }) => {
  const slug = indicatorSlug(indicator)
  const body = toJson(rows, {
    title: `${indicator.name} (${indicator.code})`,
    description: `Mục tiêu và số liệu thực hiện chỉ tiêu “${indicator.name}” theo năm và địa bàn.`,
    pageUrl: absoluteUrl(indicatorPath(slug), site!),
    csvUrl: absoluteUrl(indicatorCsvPath(slug), site!),
  })
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
