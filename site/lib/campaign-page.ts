/**
 * Everything a campaign page shows, derived from the campaign and the published collections:
 * its current edition and yearly editions, body, parent, organisers, related documents, its
 * phases (child campaigns), the honourees and news that name it, and its JSON-LD.
 */
import type { getCollection } from 'astro:content'

import type { Populated } from '../../cms/lib/populate'
import type { Campaign, Honouree, News } from '../../cms/payload-types'
import { relationId } from '../../cms/lib/relations'
import { currentEdition, editionsOf, populated, sortByStatus } from './campaigns'
import { sortHonourees } from './honourees'
import { sortNews } from './news'
import { richTextToHtml, type RichTextOptions } from './richtext'
import { campaignJsonLd } from './structured-data'

/** The published collections a campaign page looks things up in. */
export interface CampaignRelations {
  campaigns: Campaign[]
  honourees: Honouree[]
  news: News[]
}

/** Astro's `getCollection`, passed in by the page (this module does not import astro:content, so it also runs outside Astro). */
type CollectionGetter = typeof getCollection

/** From a page: `await loadCampaignRelations(getCollection)` (Astro keeps the collections in memory). */
export async function loadCampaignRelations(getCollection: CollectionGetter): Promise<CampaignRelations> {
  const [campaigns, honourees, news] = await Promise.all([getCollection('campaigns'), getCollection('honourees'), getCollection('news')])
  return { campaigns: campaigns.map((e) => e.data), honourees: honourees.map((e) => e.data), news: news.map((e) => e.data) }
}

/**
 * The campaign page's data. `url` is the page's absolute URL and `site` the portal's origin
 * (for the JSON-LD); `now` decides which edition is current.
 */
/** `images`: the body's images, prepared by the page (site/lib/richtext-images.ts). */
export function campaignPage(campaign: Campaign, related: CampaignRelations, now: Date, url: string, site: URL, images?: RichTextOptions['images']) {
  const edition = currentEdition(campaign, now)
  const yearly = campaign.recurrence === 'yearly'
  const [parent] = populated<Populated<'campaigns'>>(campaign.parent)
  const organizers = populated<Populated<'organizations'>>(campaign.organizers)
  const phases = sortByStatus(
    related.campaigns.filter((c) => relationId(c.parent) === campaign.id),
    now,
  ).sort((a, b) => a.campaign.startDate.localeCompare(b.campaign.startDate))
  return {
    edition,
    yearly,
    editions: yearly ? editionsOf(campaign, now).reverse() : [],
    body: richTextToHtml(campaign.body, `phong trào “${campaign.name}”`, { images }).html,
    parent,
    organizers,
    plans: populated<Populated<'plans'>>(campaign.relatedPlans),
    phases,
    honourees: sortHonourees(related.honourees.filter((h) => relationId(h.campaign) === campaign.id)),
    news: sortNews(related.news.filter((n) => (n.campaigns ?? []).some((c) => relationId(c) === campaign.id))),
    jsonLd: campaignJsonLd({ campaign, edition, organizers, parent, url, site }),
  }
}
