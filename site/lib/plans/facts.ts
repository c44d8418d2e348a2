/** The facts box of a document page. */
import type { Organization, Plan } from '../../../cms/payload-types'
import { formatDate } from '../format'

import { organizationPath, planTopicPath } from '../routes'
import { issuersOf, type PlanIndex, topicsOf } from './data'
import { numberText, planDateText, typeLabel } from './naming'

export interface OrgRef {
  name: string
  url?: string
}
export const orgRef = (org: Organization): OrgRef => ({ name: org.name, url: organizationPath(org) })

export interface PlanFacts {
  number: string
  numberNote?: string
  type: string
  date: string
  isoDate?: string
  /** The date as printed, when it says more than the formatted date. */
  printedDate?: string
  place?: string
  issuers: OrgRef[]
  signer?: { authority?: string; title?: string; name?: string }
  period?: string
  year: number
  topics: { name: string; url: string }[]
  createdAt: string
  updatedAt: string
}

export function planFacts(index: PlanIndex, plan: Plan): PlanFacts {
  const { from, to } = plan.period ?? {}
  const period = from && to ? (from === to ? `Năm ${from}` : `${from} - ${to}`) : from ? `Từ năm ${from}` : to ? `Đến năm ${to}` : undefined
  const signer = plan.signer && (plan.signer.name || plan.signer.title || plan.signer.authority) ? {
    authority: plan.signer.authority ?? undefined,
    title: plan.signer.title ?? undefined,
    name: plan.signer.name ?? undefined,
  } : undefined
  return {
    number: numberText(plan),
    numberNote: plan.numberNote ?? undefined,
    type: typeLabel(plan),
    date: planDateText(plan),
    isoDate: plan.issueDate?.slice(0, 10),
    printedDate: plan.issueDate && plan.issueDateText ? plan.issueDateText : undefined,
    place: plan.place ?? undefined,
    issuers: issuersOf(index, plan).map(orgRef),
    signer,
    period,
    year: plan.year,
    topics: topicsOf(index, plan).map((t) => ({ name: t.name, url: planTopicPath(t) })),
    createdAt: formatDate(plan.createdAt),
    updatedAt: formatDate(plan.updatedAt),
  }
}
