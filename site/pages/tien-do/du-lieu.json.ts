/// <reference types="astro/client" />
/** /tien-do/du-lieu.json — the same rows as du-lieu.csv, as JSON. */
import type { APIRoute } from 'astro'

import { toJson } from '../../lib/progress'
import { loadProgressData } from './_data'
import { absoluteUrl, progressCsvPath, progressPath } from '../../lib/routes'

export const prerender = true

export const GET: APIRoute = async ({ site }) => {
  const { rows } = await loadProgressData()
  const body = toJson(rows, {
    title: 'Mục tiêu và thực hiện các chỉ tiêu',
    description: 'Mục tiêu (theo văn bản đặt ra) và số liệu thực hiện của mọi chỉ tiêu trên cổng thông tin, theo năm và địa bàn.',
    pageUrl: absoluteUrl(progressPath(), site!),
    csvUrl: absoluteUrl(progressCsvPath(), site!),
  })
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
