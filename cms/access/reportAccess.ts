/**
 * Indicator reports, from the policy table's `indicator-reports` row (reportRules): the public
 * reads published reports; editors read, write and publish every report; a data reporter reads
 * and writes DRAFTS of their own organisation's reports only and sends them for review
 * (cms/review/). The publish rule (publishRule.ts) refuses them any save that is not a draft.
 */
import type { Access, CollectionConfig, PayloadRequest, Where } from 'payload'

import { allow, coversOrganization, grantFor, organizationScope, policyRoleOf, reportRules, type Grant } from './policy'
import { publishRuleFrom } from './publishRule'

const published: Where = { _status: { equals: 'published' } }
/** true, a filter to the user's organisation's reports (`field` names it), or false. */
const scoped = (grants: readonly Grant[], user: PayloadRequest['user'], field = 'reportingOrganization') => organizationScope(grants, user, 'own-organization', field)

const read: Access = ({ req }) => {
  const drafts = scoped(reportRules.readDraft, req.user)
  if (drafts === true) return true
  const everyone = grantFor(reportRules.read, policyRoleOf(req.user)) === true
  if (drafts === false) return everyone ? published : false
  return everyone ? { or: [published, drafts] } : drafts
}

/** A draft needs create/update (own organisation for a data reporter); anything else publishes. */
const write =
  (operation: 'create' | 'update'): Access =>
  ({ req, data }) => {
    const draft = (data as { _status?: string } | undefined)?._status === 'draft'
    if (!draft) return grantFor(reportRules.publish, policyRoleOf(req.user)) === true
    const rule = scoped(reportRules[operation], req.user)
    if (typeof rule === 'boolean' || operation === 'update') return rule
    // A new report: its organisation must be the reporter's own.
    return coversOrganization(req.user, (data as { reportingOrganization?: unknown }).reportingOrganization)
  }

export const reportAccess = {
  read,
  readVersions: ({ req }) => scoped(reportRules.readDraft, req.user, 'version.reportingOrganization'),
  create: write('create'),
  update: write('update'),
  delete: allow(reportRules.delete),
} satisfies CollectionConfig['access']

/** Only editors change what is live: a reporter's save without `draft=true` is refused. */
export const reportPublishRule = publishRuleFrom(reportRules)
