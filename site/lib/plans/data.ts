/**
 * The index: published documents and what they refer to. Relationships are resolved by id against
 * the published sets, never trusted as populated: a related document that is not published is not linked.
 */
import type { getCollection } from 'astro:content'

import type { Indicator, Organization, Plan, Topic } from '../../../cms/payload-types'
import { relationId } from '../../../cms/lib/relations'
import { compareVietnamese } from '../../../cms/lib/vietnamese'
import { calendarDay, portalNow } from '../campaigns'
import { groupUpdates, type TaskUpdateLike, type UpdatesByTask } from '../task-progress'

/** A relationship value as Payload types it: the id, the document, or nothing. */
type Ref<T extends { id: number }> = number | T | null | undefined

export const byText = <T>(text: (item: T) => string) => (a: T, b: T) => compareVietnamese(text(a), text(b))

export type PlanData = {
  plans: Plan[]
  organizations: Organization[]
  indicators: Indicator[]
  topics: Topic[]
  /** Published progress updates of the plans' tasks. */
  taskUpdates?: TaskUpdateLike[]
  /** The day tasks are judged on (YYYY-MM-DD in Vietnam); the build's day by default. */
  today?: string
}

export interface PlanIndex extends PlanData {
  planById: Map<number, Plan>
  orgById: Map<number, Organization>
  topicById: Map<number, Topic>
  updatesByTask: UpdatesByTask
  today: string
}

/** Sort key "YYYY-MM-DD": the issue date, else the month and year printed ("ngày … tháng 5 năm 2024"), else the year. */
export function planSortKey(plan: Plan): string {
  if (plan.issueDate) return plan.issueDate.slice(0, 10)
  const printed = /tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.exec(plan.issueDateText ?? '')
  if (printed) return `${printed[2]}-${printed[1].padStart(2, '0')}-00`
  return `${plan.year}-00-00`
}

/** Newest first; the same day by number, then trích yếu. */
export function sortPlans(plans: Plan[]): Plan[] {
  return [...plans].sort(
    (a, b) =>
      planSortKey(b).localeCompare(planSortKey(a)) ||
      compareVietnamese(a.documentNumber ?? '', b.documentNumber ?? '') ||
      compareVietnamese(a.title, b.title),
  )
}

export function buildPlanIndex(data: PlanData): PlanIndex {
  return {
    plans: sortPlans(data.plans),
    organizations: [...data.organizations].sort(byText((o) => o.name)),
    indicators: data.indicators,
    topics: data.topics,
    planById: new Map(data.plans.map((p) => [p.id, p])),
    orgById: new Map(data.organizations.map((o) => [o.id, o])),
    topicById: new Map(data.topics.map((t) => [t.id, t])),
    updatesByTask: groupUpdates(data.taskUpdates ?? []),
    today: data.today ?? calendarDay(portalNow()),
  }
}

/** The index as it would be with `plan` (a draft seen in preview) in place of its published version. */
export const indexWithPlan = (index: PlanIndex, plan: Plan): PlanIndex => ({
  ...buildPlanIndex({ ...index, plans: [...index.plans.filter((p) => p.id !== plan.id), plan] }),
  updatesByTask: index.updatesByTask,
  today: index.today,
})

/** Astro's `getCollection`, passed in by the page (this module does not import astro:content, so it also runs outside Astro). */
type CollectionGetter = typeof getCollection

/** The collections a plan index is made from (the incremental-build key of pages using it). */
export const planIndexCollections = ['plans', 'organizations', 'indicators', 'topics', 'taskUpdates'] as const

/** From a page: `await loadPlanIndex(getCollection)` (Astro keeps the collections in memory). */
export async function loadPlanIndex(getCollection: CollectionGetter): Promise<PlanIndex> {
  const [plans, organizations, indicators, topics, taskUpdates] = await Promise.all([
    getCollection('plans'),
    getCollection('organizations'),
    getCollection('indicators'),
    getCollection('topics'),
    getCollection('taskUpdates'),
  ])
  return buildPlanIndex({
    plans: plans.map((e) => e.data),
    organizations: organizations.map((e) => e.data),
    indicators: indicators.map((e) => e.data),
    topics: topics.map((e) => e.data),
    taskUpdates: taskUpdates.map((e) => e.data),
  })
}

export const resolve = <T extends { id: number }>(map: Map<number, T>, value: Ref<T>): T | undefined => {
  const id = relationId(value)
  return id == null ? undefined : map.get(id)
}
export const resolveAll = <T extends { id: number }>(map: Map<number, T>, values: Ref<T>[] | null | undefined): T[] =>
  (values ?? []).map((v) => resolve(map, v)).filter((v): v is T => v != null)

export const issuersOf = (index: PlanIndex, plan: Plan) => resolveAll(index.orgById, plan.issuers)
export const topicsOf = (index: PlanIndex, plan: Plan) => resolveAll(index.topicById, plan.topics)
export const findOrganization = (index: PlanIndex, slug: string) => index.organizations.find((o) => o.slug === slug)
