/// <reference types="astro/client" />
/** /tien-do/du-lieu.json — the same rows as du-lieu.csv, as JSON. */
import type { APIRoute } from 'astro'

import { ALL_CSV_HREF, toJson } from '../../lib/progress'
import { loadProgressData } from './_data'

export const prerender = true

export const GET: APIRoute = async ({ site }) => {
  const { rows } = await loadProgressData()
  const body = toJson(rows, {
    title: 'Mục tiêu và thực hiện các chỉ tiêu',
    description: 'Mục tiêu (theo văn bản đặt ra) và số liệu thực hiện của mọi chỉ tiêu trên cổng thông tin, theo năm và địa bàn.',
    pageUrl: new URL('/tien-do/', site).toString(),
    csvUrl: new URL(ALL_CSV_HREF, site).toString(),
  })
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
