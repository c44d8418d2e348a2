/**
 * Review (issue 14, part A's contract): drafts-enabled collections carry `reviewStatus`
 * ('editing' | 'submitted' | 'returned' | 'approved'), `reviewSubmittedBy` and `reviewComment`.
 * - awaiting review: submitted items, for those who may publish them (editors, admins);
 * - returned to me: items returned to the user who submitted them, with the comment;
 * - my submissions: what the user sent and is still waiting.
 * Only collections whose configuration has `reviewStatus` are read, so this works before and
 * after the review module is installed. Every read uses the user's access, latest drafts included.
 */
import type { CollectionSlug, Where } from 'payload'

import { may, policy, type Rules } from '../access/policy'
import type { Id } from '../lib/relations'
import { adminHref, asUser, collectionHasField, excerpt, type HomeContext } from './context'
import { formatDateTime } from './format'
import { labelOf } from './scheduled'

/** The collections the review contract covers, in the order the home lists them. */
export const reviewedCollections = ['plans', 'news', 'campaigns', 'honourees', 'pages', 'indicator-reports', 'task-updates'] as const

export type ReviewItem = {
  collection: string
  collectionLabel: string
  id: Id
  title: string
  href: string
  updatedAt?: string
  updatedLabel?: string
  comment?: string
}

export type ReviewQueue = {
  /** Null when the user may not approve anything. */
  awaiting: ReviewItem[] | null
  returned: ReviewItem[]
  mine: ReviewItem[]
}

/** Who may approve: the collection's approveReview cell (cms/review/), else its publish cell. */
const approveGrants = (collection: string) => {
  const rules = (policy.collections as Record<string, Rules & { approveReview?: Rules['publish'] }>)[collection]
  return rules?.approveReview ?? rules?.publish
}

/** The collections of this configuration that take part in review. */
export const reviewCollections = (ctx: HomeContext) =>
  reviewedCollections.filter((c) => collectionHasField(ctx.payload, c, 'reviewStatus'))

async function itemsOf(ctx: HomeContext, collection: string, where: Where, limit: number): Promise<ReviewItem[]> {
  const config = ctx.payload.collections[collection as CollectionSlug].config
  const titleField = config.admin?.useAsTitle ?? 'id'
  const found = await ctx.payload
    .find({ collection: collection as CollectionSlug, where, draft: true, depth: 0, limit, sort: '-updatedAt', ...asUser(ctx) })
    .catch(() => ({ docs: [] }))
  return (found.docs as unknown as Record<string, unknown>[]).map((doc) => ({
    collection,
    collectionLabel: labelOf(config.labels?.singular, collection),
    id: doc.id as Id,
    title: excerpt(String(doc[titleField] ?? doc.id), 140),
    href: adminHref(ctx.payload, { collection, id: doc.id as Id }),
    updatedAt: doc.updatedAt as string | undefined,
    updatedLabel: doc.updatedAt ? formatDateTime(doc.updatedAt as string) : undefined,
    comment: typeof doc.reviewComment === 'string' && doc.reviewComment.trim() ? excerpt(doc.reviewComment, 400) : undefined,
  }))
}

export async function reviewQueue(ctx: HomeContext, { limit = 50 }: { limit?: number } = {}): Promise<ReviewQueue | null> {
  const collections = reviewCollections(ctx)
  if (!collections.length) return null
  const approves = collections.filter((c) => may(approveGrants(c), ctx.user))
  const byMe = (status: string): Where => ({ and: [{ reviewStatus: { equals: status } }, { reviewSubmittedBy: { equals: ctx.user.id } }] })

  const awaiting: ReviewItem[] = []
  for (const c of approves) awaiting.push(...(await itemsOf(ctx, c, { reviewStatus: { equals: 'submitted' } }, limit)))
  const returned: ReviewItem[] = []
  const mine: ReviewItem[] = []
  for (const c of collections) {
    returned.push(...(await itemsOf(ctx, c, byMe('returned'), limit)))
    if (!approves.includes(c)) mine.push(...(await itemsOf(ctx, c, byMe('submitted'), limit)))
  }
  const newestFirst = (a: ReviewItem, b: ReviewItem) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '')
  return { awaiting: approves.length ? awaiting.sort(newestFirst) : null, returned: returned.sort(newestFirst), mine: mine.sort(newestFirst) }
}
