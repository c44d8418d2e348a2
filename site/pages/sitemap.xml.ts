import type { APIRoute } from 'astro'
import { getCollection } from 'astro:content'

import type { Honouree } from '../../cms/payload-types'
import { escapeXml } from '../lib/news'
import { filterBy, honoureeFacets, type FacetKey } from '../lib/honourees'

type Dated = { updatedAt?: string | null }
type Url = { path: string; lastmod?: string }
type Entry = { id: string; data: unknown }

const latest = (docs: readonly Dated[]) =>
  docs
    .map((d) => d.updatedAt)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1)

/** Every public page: home, section indexes, each published document's page and the directory filters. */
export const GET: APIRoute = async ({ site, url }) => {
  const base = site ?? new URL(url.origin)
  const load = async (name: 'plans' | 'campaigns' | 'honourees' | 'news' | 'indicators' | 'organizations' | 'pages'): Promise<{ id: string; data: Dated }[]> =>
    (await getCollection(name)).map((e: Entry) => ({ id: e.id, data: e.data as Dated }))

  const [plans, campaigns, honourees, news, indicators, organizations, pages] = await Promise.all([
    load('plans'),
    load('campaigns'),
    load('honourees'),
    load('news'),
    load('indicators'),
    load('organizations'),
    load('pages'),
  ])
  const reports = (await getCollection('indicatorReports')).map((e: Entry) => e.data as Dated)
  const all = [plans, campaigns, honourees, news, indicators, organizations].flat().map((e) => e.data)

  const section = (path: string, docs: readonly { id: string; data: Dated }[], extra: readonly Dated[] = []): Url[] => [
    { path, lastmod: latest([...docs.map((d) => d.data), ...extra]) },
    ...docs.map((d) => ({ path: `${path}${d.id}/`, lastmod: d.data.updatedAt ?? undefined })),
  ]

  const honoureeDocs: (Honouree & Dated)[] = honourees.map((h) => h.data as Honouree & Dated)
  const facets = honoureeFacets(honoureeDocs)
  const filterPages: Url[] = (Object.keys(facets) as FacetKey[]).flatMap((key) =>
    facets[key].map((f) => ({ path: f.href, lastmod: latest(filterBy<Honouree & Dated>(honoureeDocs, key, f.value)) })),
  )

  const urls: Url[] = [
    { path: '/', lastmod: latest([...all, ...reports]) },
    ...section('/van-ban/', plans),
    ...section('/phong-trao/', campaigns),
    ...section('/dien-hinh/', honourees),
    ...filterPages,
    ...section('/tin-tuc/', news),
    ...section('/tien-do/', indicators, reports),
    ...section('/co-quan/', organizations),
    // Information pages have no index page of their own.
    ...pages.map((p) => ({ path: `/trang/${p.id}/`, lastmod: p.data.updatedAt ?? undefined })),
    { path: '/tim-kiem/' },
  ]

  const body = urls
    .map((u) => {
      const loc = `<loc>${escapeXml(new URL(u.path, base).toString())}</loc>`
      const lastmod = u.lastmod ? `<lastmod>${new Date(u.lastmod).toISOString()}</lastmod>` : ''
      return `  <url>${loc}${lastmod}</url>`
    })
    .join('\n')
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
