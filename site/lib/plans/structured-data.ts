/** schema.org data of document and organisation pages. */
import type { Plan } from '../../../cms/payload-types'

import { organizationUrl, planUrl } from './urls'
import { issuersOf, type PlanIndex, resolve, topicsOf } from './data'
import { planHeading, typeLabel } from './naming'

/** schema.org Legislation for a document page. */
export function planJsonLd(index: PlanIndex, plan: Plan, site: URL | undefined): Record<string, unknown> {
  const abs = (path: string) => (site ? new URL(path, site).toString() : path)
  const issuers = issuersOf(index, plan).map((o) => ({
    '@type': 'GovernmentOrganization',
    name: o.name,
    url: abs(organizationUrl(o)),
  }))
  const basedOn = (plan.legalBasis ?? [])
    .map((e) => resolve(index.planById, e.plan))
    .filter((p): p is Plan => p != null)
    .map((p) => abs(planUrl(p)))
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
    keywords: topicsOf(index, plan).map((t) => t.name).join(', ') || undefined,
    inLanguage: 'vi',
    url: abs(planUrl(plan)),
    dateModified: plan.updatedAt,
  }
}
