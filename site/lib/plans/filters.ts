/** The document list and its filters (year, type, issuer, topic) with counts. */
import type { Plan } from '../../../cms/payload-types'
import { documentTypes } from '../../../cms/fields/options'
import { relationId } from '../../../cms/lib/relations'

import { organizationPath, planFilterParam, planFilterSegments, planIssuerPath, planPath, planTopicPath, planTypePath, planYearPath } from '../routes'
import { byText, issuersOf, type PlanIndex } from './data'
import { numberText, planDateText, planHeading, typeLabel } from './naming'

export interface PlanListItem {
  plan: Plan
  url: string
  heading: string
  number: string
  type: string
  title: string
  issuers: { name: string; url: string }[]
  date: string
  /** ISO date for <time datetime>, when the document has a full date. */
  isoDate?: string
  year: number
}

export function planListItem(index: PlanIndex, plan: Plan): PlanListItem {
  return {
    plan,
    url: planPath(plan),
    heading: planHeading(plan),
    number: numberText(plan),
    type: typeLabel(plan),
    title: plan.title,
    issuers: issuersOf(index, plan).map((o) => ({ name: o.name, url: organizationPath(o) })),
    date: planDateText(plan),
    isoDate: plan.issueDate?.slice(0, 10),
    year: plan.year,
  }
}

export type FilterKind = keyof typeof planFilterSegments

export interface FilterChoice {
  kind: FilterKind
  /** Route parameter of the filtered page. */
  param: string
  label: string
  href: string
  count: number
  plans: Plan[]
}

export interface FilterGroup {
  kind: FilterKind
  title: string
  choices: FilterChoice[]
}

const choice = (kind: FilterKind, param: string, text: string, href: string, plans: Plan[]): FilterChoice => ({
  kind,
  param,
  label: text,
  href,
  count: plans.length,
  plans,
})

/** Every filter with its choices (only those with documents) and counts over all published documents. */
export function planFilters(index: PlanIndex): FilterGroup[] {
  const { plans } = index
  const years = [...new Set(plans.map((p) => p.year))].sort((a, b) => b - a)
  const types = documentTypes.filter((t) => plans.some((p) => p.documentType === t.value))
  const issuers = index.organizations.filter((o) => plans.some((p) => p.issuers.some((i) => relationId(i) === o.id)))
  const topics = [...index.topics]
    .sort(byText((t) => t.name))
    .filter((t) => plans.some((p) => (p.topics ?? []).some((x) => relationId(x) === t.id)))
  return [
    {
      kind: 'year',
      title: 'Năm ban hành',
      choices: years.map((y) => choice('year', String(y), String(y), planYearPath(y), plans.filter((p) => p.year === y))),
    },
    {
      kind: 'type',
      title: 'Loại văn bản',
      choices: types.map((t) =>
        choice('type', planFilterParam('type', t.value), t.label.vi, planTypePath(t.value), plans.filter((p) => p.documentType === t.value)),
      ),
    },
    {
      kind: 'issuer',
      title: 'Cơ quan ban hành',
      choices: issuers.map((o) =>
        choice('issuer', o.slug ?? String(o.id), o.name, planIssuerPath(o), plans.filter((p) => p.issuers.some((i) => relationId(i) === o.id))),
      ),
    },
    {
      kind: 'topic',
      title: 'Chủ đề',
      choices: topics.map((t) =>
        choice('topic', t.slug ?? String(t.id), t.name, planTopicPath(t), plans.filter((p) => (p.topics ?? []).some((x) => relationId(x) === t.id))),
      ),
    },
  ]
}

/** The filtered listing's heading for a choice: "Văn bản năm 2023", "Văn bản loại Kế hoạch"… */
export function filterHeading(c: FilterChoice): string {
  switch (c.kind) {
    case 'year':
      return `Văn bản ban hành năm ${c.label}`
    case 'type':
      return `Văn bản loại ${c.label}`
    case 'issuer':
      return `Văn bản của ${c.label}`
    case 'topic':
      return `Văn bản theo chủ đề ${c.label}`
  }
}

/** getStaticPaths of every filtered listing: /van-ban/<segment>/<value>/, the choice as props. */
export function filterPaths(index: PlanIndex) {
  return planFilters(index).flatMap((group) =>
    group.choices.map((choice) => ({ params: { facet: planFilterSegments[group.kind], value: choice.param }, props: { choice } })),
  )
}
