/**
 * What every section of the staff home ("Việc cần làm") is computed from: Payload, the
 * signed-in user (each read runs with the user's own access, never overrideAccess for what
 * they may not see) and the moment, so tests can fix "today".
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { policyRoleOf, userOrganizationOf, type PolicyRole } from '../access/policy'
import type { Id } from '../lib/relations'
import { vietnamCalendarDay } from '../lib/vietnamese'

export type HomeUser = NonNullable<PayloadRequest['user']>

export type HomeContext = {
  payload: Payload
  user: HomeUser
  now: Date
}

/** Reads as the user: Payload applies their access rules. */
export const asUser = (ctx: HomeContext) => ({ user: ctx.user, overrideAccess: false as const })

export const roleOfHome = (ctx: HomeContext): PolicyRole => policyRoleOf(ctx.user)

/** The user's organisation (data reporters report for it). */
export const ownOrganizationId = (ctx: HomeContext): Id | undefined => userOrganizationOf(ctx.user)

/** Today in Vietnam, "YYYY-MM-DD": deadlines are calendar days there. */
export const todayOf = (ctx: HomeContext) => vietnamCalendarDay(ctx.now)

/** Whole days from calendar day `from` to `to` (both "YYYY-MM-DD"). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/** The admin's address of a document or global. */
export const adminHref = (payload: Payload, target: { collection: CollectionSlug | string; id: Id } | { global: string }) => {
  const base = payload.config.routes.admin.replace(/\/$/, '')
  return 'global' in target
    ? `${base}/globals/${target.global}`
    : `${base}/collections/${target.collection}/${encodeURIComponent(String(target.id))}`
}

/** Whether a collection exists in this configuration and has a top-level (or row/tab) field. */
export function collectionHasField(payload: Payload, collection: string, field: string): boolean {
  const config = payload.collections[collection as CollectionSlug]?.config
  return Boolean(config?.flattenedFields?.some((f) => f.name === field))
}

/** A short plain-text excerpt for lists. */
export const excerpt = (text: string | null | undefined, max = 160) => {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim()
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean
}
