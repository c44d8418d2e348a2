import type { APIRoute } from 'astro'
import { getCollection } from 'astro:content'

import { PORTAL_NAME } from '../../../cms/lib/portal'
import type { News } from '../../../cms/payload-types'
import { buildRss, newsDate, newsHref, sortNews } from '../../lib/news'

/** RSS 2.0 feed of the latest news, with absolute links. */
export const GET: APIRoute = async ({ site, url }) => {
  const base = site ?? new URL(url.origin)
  const news = sortNews((await getCollection('news')).map((e: { data: unknown }) => e.data as News)).slice(0, 50)
  const xml = buildRss({
    title: `Tin tức — ${PORTAL_NAME}`,
    link: new URL('/tin-tuc/', base).toString(),
    self: new URL('/tin-tuc/rss.xml', base).toString(),
    description: 'Tin tức về khuyến học, khuyến tài, xây dựng xã hội học tập và thi đua - khen thưởng.',
    language: 'vi',
    items: news.map((n) => ({
      title: n.title,
      link: new URL(newsHref(n.slug), base).toString(),
      description: n.summary,
      pubDate: newsDate(n),
    })),
  })
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
}
