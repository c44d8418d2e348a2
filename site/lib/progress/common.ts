/** Small helpers shared by the progress modules: id order, links, labels, source documents. */
import { label, labels } from '../format'
import { planPath } from '../routes'

import type { Id, IndicatorLike, PlanLike } from './types'

/** Creation order: numeric ids on SQLite, ObjectIds (hex, time first) on MongoDB. */
export const compareIds = (a: Id, b: Id): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
export const byId = (a: { id: Id }, b: { id: Id }) => compareIds(a.id, b.id)

export const indicatorSlug = (indicator: Pick<IndicatorLike, 'id' | 'slug'>) => indicator.slug ?? String(indicator.id)

export const directionLabel = (direction: string) => label(labels.indicatorDirections, direction)
export const unitLabel = (unit: string) => label(labels.indicatorUnits, unit)

/** A document a target comes from, as shown and linked. */
export interface PlanRef {
  id: Id
  /** "29/KH-KHKH", or the title for documents without a number. */
  label: string
  title: string
  documentNumber: string | null
  href: string | null
}

/**
 * The source document of a target. At depth 1 a published plan comes populated; a plan the
 * public cannot read stays an id, which is looked up among the published plans (if given).
 */
export function planRef(value: Id | PlanLike | null | undefined, plansById?: ReadonlyMap<Id, PlanLike>): PlanRef | null {
  if (value == null) return null
  const plan = typeof value === 'object' ? value : plansById?.get(value)
  if (!plan) return null
  const title = plan.title ?? ''
  const documentNumber = plan.documentNumber ?? null
  return {
    id: plan.id,
    label: documentNumber ?? title,
    title,
    documentNumber,
    href: plan.slug ? planPath(plan.slug) : null,
  }
}

/** "29/KH-KHKH — Thực hiện Chương trình …", or the title alone when the document has no number. */
export const planCitation = (ref: PlanRef) => (ref.documentNumber ? `${ref.documentNumber} — ${ref.title}` : ref.title)
