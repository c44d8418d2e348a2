/**
 * Scheduled publications: Payload's `schedulePublish` jobs that have not run yet. Nobody may
 * read the jobs collection over the API (cms/access/policy.ts), so it is read here with
 * overrideAccess — and only for users who may publish the job's document; its title is then
 * read with the user's own access.
 */
import type { CollectionSlug } from 'payload'

import { may, policy, type Rules } from '../access/policy'
import { adminHref, asUser, excerpt, type HomeContext } from './context'
import { formatDateTime } from './format'

export type ScheduledItem = {
  jobId: number | string
  at: string
  atLabel: string
  action: 'publish' | 'unpublish'
  actionLabel: string
  collection: string
  collectionLabel: string
  id: number | string
  title: string
  href: string
}

type JobInput = { type?: 'publish' | 'unpublish'; doc?: { relationTo: string; value: string | number } }

const publishGrants = (collection: string) => (policy.collections as Record<string, Rules>)[collection]?.publish

/** Whether the user may see scheduled publications at all: they may publish something. */
export const maySeeScheduled = (ctx: HomeContext) => Object.keys(policy.collections).some((c) => may(publishGrants(c), ctx.user))

export async function scheduledPublications(ctx: HomeContext): Promise<ScheduledItem[] | null> {
  if (!maySeeScheduled(ctx)) return null
  const { payload } = ctx
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    sort: 'waitUntil',
    depth: 0,
    limit: 100,
    overrideAccess: true,
  })
  const items: ScheduledItem[] = []
  for (const job of jobs.docs) {
    const input = (job.input ?? {}) as JobInput
    const target = input.doc
    if (!target || !job.waitUntil || !payload.collections[target.relationTo as CollectionSlug]) continue
    if (!may(publishGrants(target.relationTo), ctx.user)) continue
    const config = payload.collections[target.relationTo as CollectionSlug].config
    const id = payload.collections[target.relationTo as CollectionSlug].customIDType === 'text' ? String(target.value) : Number(target.value)
    const doc = await payload
      .findByID({ collection: target.relationTo as CollectionSlug, id, depth: 0, draft: true, disableErrors: true, ...asUser(ctx) })
      .catch(() => null)
    if (!doc) continue
    const titleField = config.admin?.useAsTitle ?? 'id'
    const action = input.type === 'unpublish' ? 'unpublish' : 'publish'
    items.push({
      jobId: job.id,
      at: job.waitUntil,
      atLabel: formatDateTime(job.waitUntil),
      action,
      actionLabel: action === 'publish' ? 'Xuất bản' : 'Gỡ xuất bản',
      collection: target.relationTo,
      collectionLabel: labelOf(config.labels?.singular, target.relationTo),
      id,
      title: excerpt(String((doc as unknown as Record<string, unknown>)[titleField] ?? id), 140),
      href: adminHref(payload, { collection: target.relationTo, id }),
    })
  }
  return items
}

/** A collection's Vietnamese label (labels are `{ vi, en }` here). */
export function labelOf(label: unknown, fallback: string): string {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'vi' in label) return String((label as { vi: string }).vi)
  return fallback
}
