/**
 * Review before anything goes public: `reviewable(config)` makes a drafts-enabled collection
 * reviewable — its drafts are sent for review ("Gửi duyệt"), returned with a comment or approved
 * (published) by an editor, each step recorded in `review-events`. It adds the review fields
 * (./fields.ts), the hooks that keep them (./hooks.ts) and the actions (./endpoints.ts); who may
 * do what is the collection's submitReview / returnReview / approveReview cells in
 * cms/access/policy.ts. One line per collection:
 *
 *   export const Plans = reviewable({ slug: 'plans', ... })
 *   export const IndicatorReports = reviewable({ ... }, { organizationField: 'reportingOrganization' })
 */
import type { CollectionConfig } from 'payload'

import { policy } from '../access/policy'
import { reviewEndpoints, type ReviewOptions, type ReviewRules } from './endpoints'
import { reviewFields } from './fields'
import { keepReviewFields, recordDirectApproval } from './hooks'

export { ReviewEvents, REVIEW_EVENTS_SLUG } from './events'

export function reviewable<C extends CollectionConfig>(config: C, options: ReviewOptions = {}): C {
  if (!config.versions || typeof config.versions !== 'object' || !config.versions.drafts) {
    throw new Error(`reviewable(${config.slug}): the collection needs versions.drafts`)
  }
  const rules = (policy.collections as Record<string, Partial<ReviewRules>>)[config.slug]
  if (!rules?.submitReview || !rules.returnReview || !rules.approveReview) {
    throw new Error(`reviewable(${config.slug}): add submitReview, returnReview and approveReview cells to cms/access/policy.ts`)
  }
  const hooks = config.hooks ?? {}
  return {
    ...config,
    fields: [...config.fields, ...reviewFields],
    hooks: {
      ...hooks,
      // First: later hooks of the collection see the review fields as they will be saved.
      beforeChange: [keepReviewFields, ...(hooks.beforeChange ?? [])],
      afterChange: [...(hooks.afterChange ?? []), recordDirectApproval(options.organizationField)],
    },
    endpoints: [...(config.endpoints || []), ...reviewEndpoints(config.slug as never, rules as ReviewRules, options)],
  }
}
