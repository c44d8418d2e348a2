import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'
import { getCollection } from 'astro:content'

import { PORTAL_NAME } from '../../../cms/lib/portal'
import { newsDate, sortNews } from '../../lib/news'
import { absoluteUrl, newsListPath, newsPath, newsRssPath } from '../../lib/routes'

/**
 * RSS 2.0 feed of the latest 50 news items, with absolute links (@astrojs/rss writes and
 * escapes the XML; each item's link is also its permanent guid). customData carries only
 * values made here: the language, the newest date and the feed's own address (a URL, so
 * nothing in it needs escaping).
 */
export const GET: APIRoute = async ({ site, url }) => {
  const base = site ?? new URL(url.origin)
  const news = sortNews((await getCollection('news')).map((e) => e.data)).slice(0, 50)
  const newest = news.map(newsDate).find(Boolean)
  const response = await rss({
    title: `Tin tức — ${PORTAL_NAME}`,
    description: 'Tin tức về khuyến học, khuyến tài, xây dựng xã hội học tập và thi đua - khen thưởng.',
    site: absoluteUrl(newsListPath(), base),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      '<language>vi</language>',
      `<atom:link href="${absoluteUrl(newsRssPath(), base)}" rel="self" type="application/rss+xml"/>`,
      newest ? `<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>` : '',
    ].join(''),
    items: news.map((n) => ({
      title: n.title,
      link: absoluteUrl(newsPath(n), base),
      description: n.summary ?? undefined,
      pubDate: (() => {
        const d = newsDate(n)
        return d ? new Date(d) : undefined
      })(),
    })),
  })
  return new Response(response.body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
}
