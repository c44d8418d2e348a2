/**
 * schema.org structured data (JSON-LD) of every page that prints some: documents (Legislation),
 * organisations (GovernmentOrganization), indicator data (Dataset), campaigns (Event) and news
 * (NewsArticle). The builders live here, typed with `schema-dts`; pages pass the result to
 * `Base`, which prints it with `jsonLdScript` (json-ld.ts).
 */
import type {
  Dataset,
  Event,
  GovernmentOrganization,
  Legislation,
  NewsArticle,
  Organization as OrganizationLd,
  WithContext,
} from 'schema-dts'

import type { Populated } from '../../cms/lib/populate'
import type { Campaign, News, Organization, Plan } from '../../cms/payload-types'
import type { Edition } from './campaigns'
import { metaDescription, newsDate } from './news'
import { issuersOf, resolve, topicsOf, type PlanIndex } from './plans/data'
import { planHeading, typeLabel } from './plans/naming'
import { campaignPath, organizationPath, planPath } from './routes'
import { unitLabel, type PlanRef } from './progress/common'
import type { DataRow } from './progress/rows'

const absolute = (site: URL | undefined) => (path: string) => (site ? new URL(path, site).toString() : path)

// ── Documents and organisations (/van-ban/, /co-quan/) ───────────────────────

/** schema.org Legislation for a document page. */
export function planJsonLd(index: PlanIndex, plan: Plan, site: URL | undefined): WithContext<Legislation> {
  const abs = absolute(site)
  const issuers = issuersOf(index, plan).map(
    (o): GovernmentOrganization => ({ '@type': 'GovernmentOrganization', name: o.name, url: abs(organizationPath(o)) }),
  )
  const basedOn = (plan.legalBasis ?? [])
    .map((e) => resolve(index.planById, e.plan))
    .filter((p): p is Plan => p != null)
    .map((p) => abs(planPath(p)))
  const date = plan.issueDate?.slice(0, 10)
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: plan.title,
    ...(plan.documentNumber ? { alternateName: planHeading(plan), legislationIdentifier: plan.documentNumber } : {}),
    legislationType: typeLabel(plan),
    ...(date ? { datePublished: date, legislationDate: date } : {}),
    ...(issuers.length ? { legislationPassedBy: issuers, publisher: issuers.length === 1 ? issuers[0] : issuers } : {}),
    ...(plan.summary ? { description: plan.summary } : {}),
    ...(plan.place ? { spatialCoverage: { '@type': 'Place', name: plan.place } } : {}),
    ...(basedOn.length ? { isBasedOn: basedOn } : {}),
    keywords:
      topicsOf(index, plan)
        .map((t) => t.name)
        .join(', ') || undefined,
    inLanguage: 'vi',
    url: abs(planPath(plan)),
    dateModified: plan.updatedAt,
  }
}

/** schema.org GovernmentOrganization for an organisation page. */
export function organizationJsonLd(index: PlanIndex, org: Organization, site: URL | undefined): WithContext<GovernmentOrganization> {
  const abs = absolute(site)
  const parent = resolve(index.orgById, org.parent)
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: org.name,
    ...(org.shortName ? { alternateName: org.shortName } : {}),
    ...(org.description ? { description: org.description } : {}),
    ...(parent ? { parentOrganization: { '@type': 'GovernmentOrganization', name: parent.name, url: abs(organizationPath(parent)) } } : {}),
    ...(org.activeFrom ? { foundingDate: org.activeFrom.slice(0, 10) } : {}),
    ...(org.activeTo ? { dissolutionDate: org.activeTo.slice(0, 10) } : {}),
    ...(org.province ? { areaServed: org.province } : {}),
    url: abs(organizationPath(org)),
  }
}

// ── Indicator data (/tien-do/) ───────────────────────────────────────────────

export interface DatasetInput {
  name: string
  description: string
  pageUrl: string
  csvUrl: string
  jsonUrl: string
  rows: readonly DataRow[]
  keywords?: string[]
}

/** schema.org Dataset for the progress dashboard and each indicator page, with its CSV and JSON downloads. */
export function datasetJsonLd(input: DatasetInput): WithContext<Dataset> {
  const years = [...new Set(input.rows.map((r) => r.year))].sort((a, b) => a - b)
  const places = [...new Set(input.rows.map((r) => r.scope))]
  const plans = new Map<string, PlanRef>()
  for (const r of input.rows) if (r.sourcePlan?.href) plans.set(r.sourcePlan.href, r.sourcePlan)
  const base = new URL(input.pageUrl)
  const measured = new Map<string, DataRow>()
  for (const r of input.rows) if (!measured.has(r.code)) measured.set(r.code, r)
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: input.name,
    description: input.description,
    url: input.pageUrl,
    inLanguage: 'vi',
    isAccessibleForFree: true,
    keywords: input.keywords ?? [],
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: input.csvUrl, name: `${input.name} (CSV)` },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: input.jsonUrl, name: `${input.name} (JSON)` },
    ],
    ...(years.length ? { temporalCoverage: years.length > 1 ? `${years[0]}/${years[years.length - 1]}` : String(years[0]) } : {}),
    ...(places.length ? { spatialCoverage: places.map((name) => ({ '@type': 'Place' as const, name })) } : {}),
    ...(measured.size
      ? {
          variableMeasured: [...measured.values()].map((r) => ({
            '@type': 'PropertyValue' as const,
            name: r.name,
            propertyID: r.code,
            unitText: unitLabel(r.unit),
          })),
        }
      : {}),
    ...(plans.size ? { isBasedOn: [...plans.keys()].map((href) => new URL(href, base).toString()) } : {}),
  }
}

// ── Campaigns and news ───────────────────────────────────────────────────────

export interface CampaignEventInput {
  campaign: Campaign
  /** The edition the page shows (this year's for a yearly campaign). */
  edition: Pick<Edition, 'year' | 'startDate' | 'endDate'>
  organizers: Populated<'organizations'>[]
  parent?: Populated<'campaigns'>
  /** The page's absolute URL. */
  url: string
  site: URL
}

/** schema.org Event for a campaign page: its current edition, where and by whom. */
export function campaignJsonLd({ campaign, edition, organizers, parent, url, site }: CampaignEventInput): WithContext<Event> {
  const province = organizers.map((o) => o.province).find(Boolean)
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: campaign.recurrence === 'yearly' ? `${campaign.name} ${edition.year}` : campaign.name,
    description: metaDescription(campaign.summary ?? campaign.theme, 300),
    startDate: edition.startDate,
    endDate: edition.endDate,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    inLanguage: 'vi',
    url,
    location: {
      '@type': 'Place',
      name: province ?? 'Việt Nam',
      address: { '@type': 'PostalAddress', addressCountry: 'VN', ...(province ? { addressRegion: province } : {}) },
    },
    organizer: organizers.map((o) => ({ '@type': 'Organization', name: o.name, url: new URL(organizationPath(o), site).toString() })),
    ...(parent ? { superEvent: { '@type': 'Event', name: parent.name, url: new URL(campaignPath(parent), site).toString() } } : {}),
  }
}

export interface NewsArticleInput {
  news: News
  topics: Populated<'topics'>[]
  /** The page's absolute URL. */
  url: string
  site: URL
  /** The portal, author and publisher of its news. */
  siteName: string
}

/** schema.org NewsArticle for a news page; the portal is its author and publisher. */
export function newsArticleJsonLd({ news: n, topics, url, site, siteName }: NewsArticleInput): WithContext<NewsArticle> {
  const date = newsDate(n)
  const publisher: OrganizationLd = { '@type': 'Organization', name: siteName, url: new URL('/', site).toString() }
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: n.title.length > 110 ? `${n.title.slice(0, 109)}…` : n.title,
    name: n.title,
    description: metaDescription(n.summary, 300),
    ...(date ? { datePublished: new Date(date).toISOString() } : {}),
    dateModified: new Date(n.updatedAt).toISOString(),
    inLanguage: 'vi',
    url,
    mainEntityOfPage: url,
    author: publisher,
    publisher,
    ...(topics.length ? { keywords: topics.map((t) => t.name).join(', ') } : {}),
  }
}
