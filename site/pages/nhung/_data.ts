/// <reference types="astro/client" />
/**
 * What can be embedded: every published campaign, indicator and honouree, read from the
 * content layer (so drafts never appear), each with its embed target. Used by the /nhung/
 * pages at build time and by /oembed at request time. Files starting with "_" are not routes.
 */
import { getCollection } from 'astro:content'

import type { Populated } from '../../../cms/lib/populate'
import type { Campaign, Honouree } from '../../../cms/payload-types'
import { populated } from '../../lib/campaigns'
import { targetOf, uniqueOrgs, type EmbedTarget } from '../../lib/embeds'
import { indicatorSlug, type DataRow, type IndicatorLike } from '../../lib/progress'
import { loadProgressData } from '../tien-do/_data'

export interface Embeds {
  campaigns: { target: EmbedTarget; campaign: Campaign }[]
  honourees: { target: EmbedTarget; honouree: Honouree }[]
  indicators: { target: EmbedTarget; indicator: IndicatorLike; rows: DataRow[] }[]
}

export async function loadEmbeds(): Promise<Embeds> {
  const [campaignEntries, honoureeEntries, progress] = await Promise.all([
    getCollection('campaigns'),
    getCollection('honourees'),
    loadProgressData(),
  ])
  const campaigns = campaignEntries.map((e) => e.data)
  const honourees = honoureeEntries.map((e) => e.data)
  // Plans from the content layer carry their issuers populated (depth 1); indicators' own
  // source plans do not.
  const plansById = new Map(progress.plans.map((p) => [p.id, p]))
  return {
    campaigns: campaigns.map((campaign) => ({
      campaign,
      target: targetOf('campaign', campaign.slug!, campaign.name, uniqueOrgs(populated<Populated<'organizations'>>(campaign.organizers))),
    })),
    honourees: honourees.map((honouree) => ({
      honouree,
      target: targetOf('honouree', honouree.slug!, honouree.name, uniqueOrgs(populated<Populated<'organizations'>>(honouree.decisionIssuer))),
    })),
    indicators: progress.indicators.map((indicator) => {
      const rows = progress.rows.filter((r) => r.indicatorId === indicator.id)
      const issuers = rows.flatMap((r) => (r.sourcePlan ? populated<Populated<'organizations'>>(plansById.get(r.sourcePlan.id as number)?.issuers) : []))
      return {
        indicator,
        rows,
        target: targetOf('indicator', indicatorSlug(indicator), indicator.name, uniqueOrgs(issuers)),
      }
    }),
  }
}

export const allTargets = (embeds: Embeds): EmbedTarget[] => [...embeds.campaigns, ...embeds.indicators, ...embeds.honourees].map((e) => e.target)
