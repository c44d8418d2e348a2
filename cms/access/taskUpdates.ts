/**
 * Access of plan-task progress updates (cms/collections/TaskUpdates.ts), from the policy table's
 * `task-updates` row. Staff read and write every update; a data reporter's `lead-organization`
 * grant covers the updates of tasks their own organisation leads (each update stores that
 * organisation, `leadOrganization`, taken from the plan by cms/tasks/taskRef.ts); everyone reads
 * published updates. Saving anything but a draft is a publish: editors only.
 */
import type { Access, CollectionConfig, PayloadRequest, Where } from 'payload'

import { allow, grantFor, may, organizationScope, policy, policyRoleOf } from './policy'

const rules = policy.collections['task-updates']

/** A grant as a filter: everything, the user's lead-organisation records (`prefix` for versions), or nothing. */
const scoped = (grants: (typeof rules)[keyof typeof rules], user: PayloadRequest['user'], prefix = '') =>
  organizationScope(grants, user, 'lead-organization', `${prefix}leadOrganization`)

const published: Where = { _status: { equals: 'published' } }

const read: Access = ({ req }) => {
  const drafts = scoped(rules.readDraft, req.user)
  if (drafts === true) return true
  const everyonesShare = may(rules.read, req.user) ? published : false
  if (drafts === false) return everyonesShare
  return everyonesShare ? { or: [everyonesShare, drafts] } : drafts
}

const isDraft = (data: unknown) => (data as { _status?: string } | undefined)?._status === 'draft'

export const taskUpdateAccess = {
  read,
  readVersions: ({ req }) => scoped(rules.readDraft, req.user, 'version.'),
  // A new draft: the task's lead organisation is checked when the update is saved (cms/tasks/taskRef.ts).
  create: ({ req, data }) => (isDraft(data) ? scoped(rules.create, req.user) !== false : may(rules.publish, req.user)),
  update: ({ req, data }) => (isDraft(data) ? scoped(rules.update, req.user) : may(rules.publish, req.user)),
  delete: allow(rules.delete),
} satisfies CollectionConfig['access']

/** Whether the user's right to write updates is limited to their organisation's tasks. */
export const limitedToLeadOrganization = (user: PayloadRequest['user']) => grantFor(rules.create, policyRoleOf(user)) === 'lead-organization'
