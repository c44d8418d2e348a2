/// <reference types="astro/client" />
/** /tien-do/<chỉ tiêu>.csv — one indicator's targets and actual values (UTF-8 with BOM). */
import type { APIRoute, GetStaticPaths } from 'astro'

import { toCsv } from '../../lib/progress'
import { indicatorPaths, type IndicatorProps } from './_data'

export const prerender = true

export const getStaticPaths = indicatorPaths satisfies GetStaticPaths

export const GET: APIRoute<IndicatorProps> = ({ props }) =>
  new Response(toCsv(props.rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } })
