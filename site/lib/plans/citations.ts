/** Citations in both directions: legal basis and mentions, and the documents citing this one. */
import type { Plan } from '../../../cms/payload-types'
import { relationId } from '../../../cms/lib/relations'
import { formatDate } from '../format'

import { planPath } from '../routes'
import { issuersOf, type PlanIndex, resolve } from './data'
import { planHeading, typeLabel } from './naming'

type CitationEntry = NonNullable<Plan['legalBasis']>[number]

export interface Citation {
  /** The cited document when it is published in the CMS. */
  plan?: Plan
  url?: string
  /** Link text for a cited document: "Quyết định số 1315/QĐ-TTg" (its trích yếu when it has no number). */
  linkText?: string
  /** The rest of the citation (date, issuer), or the whole citation when not linked. */
  text: string
  /** Trích yếu of a linked document that has a number, shown after the citation. */
  title?: string
}

const startsLowercase = (s: string) => /^\p{Ll}/u.test(s)

/** "Số 18/KH-UBND ngày 16/02/2023 của Ủy ban nhân dân tỉnh Thái Bình về công tác…" as far as the citation says. */
function citedText(number?: string | null, date?: string | null, issuer?: string | null, title?: string | null): string {
  const when = date ? ` ngày ${formatDate(date)}` : ''
  const who = issuer ? ` của ${issuer}` : ''
  if (number) {
    const what = title ? (startsLowercase(title) ? ` ${title}` : `: ${title}`) : ''
    return `Số ${number}${when}${who}${what}`
  }
  if (title) return `${title}${when}${who}`
  return `${issuer ?? 'Văn bản'}${when}`.trim()
}

export function citation(index: PlanIndex, entry: CitationEntry): Citation {
  const plan = resolve(index.planById, entry.plan)
  if (plan) return linkedPlanCitation(index, plan)
  return { text: citedText(entry.citedNumber, entry.citedDate, entry.citedIssuer, entry.citedTitle) }
}

export function linkedPlanCitation(index: PlanIndex, plan: Plan): Citation {
  const issuers = issuersOf(index, plan)
    .map((o) => o.name)
    .join(', ')
  const when = plan.issueDate ? ` ngày ${formatDate(plan.issueDate)}` : plan.issueDateText ? ` ${plan.issueDateText}` : ''
  const who = issuers ? ` của ${issuers}` : ''
  if (!plan.documentNumber)
    return { plan, url: planPath(plan), linkText: plan.title, text: ` (${typeLabel(plan).toLocaleLowerCase('vi')} không số${when}${who})` }
  return { plan, url: planPath(plan), linkText: planHeading(plan), text: `${when}${who}`, title: plan.title }
}

export const legalBasisOf = (index: PlanIndex, plan: Plan) => (plan.legalBasis ?? []).map((e) => citation(index, e))
export const mentionsOf = (index: PlanIndex, plan: Plan) => (plan.mentions ?? []).map((e) => citation(index, e))

/** Published documents whose legal basis cites this one (computed, not the CMS join). */
export function citingPlans(index: PlanIndex, plan: Plan): Plan[] {
  return index.plans.filter((p) => p.id !== plan.id && (p.legalBasis ?? []).some((e) => relationId(e.plan) === plan.id))
}
export const citedByOf = (index: PlanIndex, plan: Plan) => citingPlans(index, plan).map((p) => linkedPlanCitation(index, p))
