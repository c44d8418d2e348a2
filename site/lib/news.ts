/** News: ordering, the RSS 2.0 feed and short descriptions for meta tags. */
import { compareVietnamese } from '../../cms/lib/vietnamese'

export interface NewsFields {
  slug?: string | null
  title: string
  summary?: string | null
  publishedAt?: string | null
  createdAt?: string
}

export const newsHref = (slug: string | null | undefined) => `/tin-tuc/${slug}/`

/** The date a news item is shown with: its publication date, else its creation. */
export const newsDate = (n: NewsFields): string | undefined => n.publishedAt ?? n.createdAt ?? undefined

const time = (n: NewsFields) => {
  const d = newsDate(n)
  return d ? new Date(d).getTime() : 0
}

/** Newest first; same day → title order, so the list is stable between builds. */
export function sortNews<N extends NewsFields>(list: readonly N[]): N[] {
  return [...list].sort((a, b) => time(b) - time(a) || compareVietnamese(a.title, b.title))
}

export const latestNews = <N extends NewsFields>(list: readonly N[], n = 3): N[] => sortNews(list).slice(0, n)

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text or attribute value safe inside XML. Also drops control characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c])
}

/** RFC 822 date as RSS wants it: "Fri, 10 Nov 2023 00:00:00 GMT". */
export const rfc822 = (date: string | Date) => (typeof date === 'string' ? new Date(date) : date).toUTCString()

export interface FeedItem {
  title: string
  link: string
  description?: string | null
  pubDate?: string | Date | null
}

export interface Feed {
  title: string
  /** Absolute URL of the site section the feed describes. */
  link: string
  /** Absolute URL of the feed itself. */
  self: string
  description: string
  language?: string
  items: readonly FeedItem[]
}

/** An RSS 2.0 document; each item's link doubles as its permanent guid. */
export function buildRss(feed: Feed): string {
  const items = feed.items.map((item) =>
    [
      '    <item>',
      `      <title>${escapeXml(item.title)}</title>`,
      `      <link>${escapeXml(item.link)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
      item.description ? `      <description>${escapeXml(item.description)}</description>` : '',
      item.pubDate ? `      <pubDate>${rfc822(item.pubDate)}</pubDate>` : '',
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n'),
  )
  const newest = feed.items.map((i) => i.pubDate).filter(Boolean)[0]
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${escapeXml(feed.title)}</title>`,
    `    <link>${escapeXml(feed.link)}</link>`,
    `    <atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml" />`,
    `    <description>${escapeXml(feed.description)}</description>`,
    `    <language>${escapeXml(feed.language ?? 'vi')}</language>`,
    newest ? `    <lastBuildDate>${rfc822(newest)}</lastBuildDate>` : '',
    ...items,
    '  </channel>',
    '</rss>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n')
}

/** Plain text cut at a word boundary for meta descriptions: at most `max` characters. */
export function metaDescription(text: string | null | undefined, max = 200): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim()
  if (!clean) return undefined
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}
