/** Everything a news page shows, derived from the article: date, body, related documents, campaigns and topics, JSON-LD. */
import { PORTAL_NAME } from '../../cms/lib/portal'
import type { Populated } from '../../cms/lib/populate'
import type { News, Topic } from '../../cms/payload-types'
import { populated } from './campaigns'
import { newsDate } from './news'
import { richTextToHtml, type RichTextOptions } from './richtext'
import { newsArticleJsonLd } from './structured-data'

/** The news page's data; `url` is the page's absolute URL and `site` the portal's origin (for the JSON-LD). */
/** `images`: the body's images, prepared by the page (site/lib/richtext-images.ts). */
export function newsPage(news: News, url: string, site: URL, images?: RichTextOptions['images']) {
  const topics: Populated<'topics'>[] = (news.topics ?? []).filter((t): t is Topic => typeof t === 'object' && t !== null)
  return {
    date: newsDate(news),
    body: richTextToHtml(news.body, `tin “${news.title}”`, { images }).html,
    plans: populated<Populated<'plans'>>(news.plans),
    campaigns: populated<Populated<'campaigns'>>(news.campaigns),
    topics,
    jsonLd: newsArticleJsonLd({ news, topics, url, site, siteName: PORTAL_NAME }),
  }
}
