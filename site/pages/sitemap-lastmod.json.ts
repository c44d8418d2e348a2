/** Each page's last change, for the sitemap's <lastmod> (site/lib/sitemap.ts); removed from the release after the build. */
import type { APIRoute } from 'astro'
import { getCollection } from 'astro:content'

import { lastModified, type LastmodSources } from '../lib/sitemap'

export const prerender = true

export const GET: APIRoute = async () => {
  const names = ['plans', 'campaigns', 'honourees', 'news', 'indicators', 'indicatorReports', 'organizations', 'pages'] as const
  const loaded = await Promise.all(names.map(async (name) => [name, (await getCollection(name)).map((e) => e.data)] as const))
  const dates = lastModified(Object.fromEntries(loaded) as unknown as LastmodSources)
  return new Response(JSON.stringify(dates), { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
