/** News: ordering and short descriptions for meta tags (the RSS feed is @astrojs/rss, site/pages/tin-tuc/rss.xml.ts). */
import { compareVietnamese } from '../../cms/lib/vietnamese'

export interface NewsFields {
  slug?: string | null
  title: string
  summary?: string | null
  publishedAt?: string | null
  createdAt?: string
}

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

/** Plain text cut at a word boundary for meta descriptions: at most `max` characters. */
export function metaDescription(text: string | null | undefined, max = 200): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim()
  if (!clean) return undefined
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}
