/// <reference types="astro/client" />
/** /tien-do/<chỉ tiêu>.json — the same rows as the CSV, as JSON. */
import type { APIRoute, GetStaticPaths } from 'astro'

import { indicatorCsvHref, indicatorHref, indicatorSlug, toJson } from '../../lib/progress'
import { cacheKey } from '../../lib/cache-keys'
import { loadProgressData, progressCollections } from './_data'

export const prerender = true

export const getStaticPaths = (async () => {
  const { indicators, rows } = await loadProgressData()
  const key = await cacheKey(progressCollections)
  return indicators.map((indicator) => ({
    params: { indicatorSlug: indicatorSlug(indicator) },
    cacheKey: key,
    props: { indicatorId: indicator.id, name: indicator.name, code: indicator.code, slug: indicatorSlug(indicator) },
  }))
}) satisfies GetStaticPaths

type Props = { indicatorId: number; name: string; code: string; slug: string }

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const { rows } = await loadProgressData()
  const body = toJson(
    rows.filter((r) => r.indicatorId === props.indicatorId),
    {
      title: `${props.name} (${props.code})`,
      description: `Mục tiêu và số liệu thực hiện chỉ tiêu “${props.name}” theo năm và địa bàn.`,
      pageUrl: new URL(indicatorHref(props.slug), site).toString(),
      csvUrl: new URL(indicatorCsvHref(props.slug), site).toString(),
    },
  )
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
