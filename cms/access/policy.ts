/**
 * The role model as one table: for every collection and global, which roles may do what.
 * Most access rules are built from it (`allow`, `collectionAccess`, cms/access/publishRule.ts,
 * the jobs queue, the rebuild endpoint); the scoped ones (a data reporter's own organisation,
 * a user's own account) and the media rules are written out in cms/access/index.ts.
 * tests/role-matrix.test.ts checks every cell over REST and GraphQL with real signed-in users,
 * so the table and every rule must agree. Change a role's rights here first.
 *
 * A grant is a role, or a role limited to a scope:
 * - `own-organization`: indicator reports of the user's own organisation only (for review events:
 *   events about items of their organisation, or that they submitted or acted on);
 * - `lead-organization`: progress updates of plan tasks that the user's own organisation leads;
 * - `self`: the user's own account only.
 */
import type { Access, PayloadRequest, Where } from 'payload'

import { relationId } from '../lib/relations'
import { roleOf } from './index'

export const policyRoles = ['admin', 'editor', 'author', 'data-reporter', 'anonymous'] as const
export type PolicyRole = (typeof policyRoles)[number]

export type Scope = 'own-organization' | 'lead-organization' | 'self'
export type Grant = PolicyRole | { role: PolicyRole; only: Scope }

/**
 * - read: what the public may see (published documents, files they use);
 *   readDraft: everything else (drafts, versions, unused files);
 * - create, update: for versioned content, a draft (a new draft version beside the live one);
 * - publish, unpublish, restoreVersion: change what is live (restoring onto the live document;
 *   restoring "as a draft" is a draft save);
 * - duplicate: the copy is always a draft;
 * - upload: a new file in the media library; unlock: a locked-out account;
 * - runJobs: run the jobs queue (scheduled publishing) by hand; rebuild: the portal, by hand;
 * - importFigures: figures from Excel or CSV (cms/figures/): the template, preview, apply and
 *   export endpoints of indicator reports; an own-organization grant limits every row to it.
 * - submitReview, returnReview, approveReview: the review actions of a reviewable collection
 *   (cms/review/): send the latest draft for review; return it with a comment; approve it
 *   (publish the latest draft).
 */
export const operations = [
  'create',
  'read',
  'readDraft',
  'update',
  'publish',
  'unpublish',
  'restoreVersion',
  'duplicate',
  'delete',
  'upload',
  'unlock',
  'runJobs',
  'rebuild',
  'importFigures',
  'submitReview',
  'returnReview',
  'approveReview',
] as const
export type Operation = (typeof operations)[number]
export type Rules = Partial<Record<Operation, readonly Grant[]>>

const own = (role: PolicyRole): Grant => ({ role, only: 'own-organization' })
const self = (role: PolicyRole): Grant => ({ role, only: 'self' })
const lead = (role: PolicyRole): Grant => ({ role, only: 'lead-organization' })

export const everyone: readonly Grant[] = policyRoles
export const staffRoles: readonly Grant[] = ['admin', 'editor', 'author']
export const editorRoles: readonly Grant[] = ['admin', 'editor']
export const adminRoles: readonly Grant[] = ['admin']
export const nobody: readonly Grant[] = []

/** Plans, campaigns, honourees, news and pages: staff write drafts, editors decide what is live. */
export const publishableRules = {
  read: everyone,
  readDraft: staffRoles,
  create: staffRoles,
  update: staffRoles,
  duplicate: staffRoles,
  publish: editorRoles,
  unpublish: editorRoles,
  restoreVersion: editorRoles,
  delete: editorRoles,
  // Review (cms/review/): staff send drafts for review; editors return or approve them.
  submitReview: staffRoles,
  returnReview: editorRoles,
  approveReview: editorRoles,
} as const satisfies Rules

/**
 * Indicator reports: data reporters write DRAFTS for their own organisation and send them for
 * review; editors publish (approve) them. The public sees published reports only.
 */
export const reportRules = {
  read: everyone,
  readDraft: [...editorRoles, own('data-reporter')],
  create: [...editorRoles, own('data-reporter')],
  update: [...editorRoles, own('data-reporter')],
  duplicate: [...editorRoles, own('data-reporter')],
  publish: editorRoles,
  unpublish: editorRoles,
  restoreVersion: editorRoles,
  delete: editorRoles,
  // Those who may create and update reports; authors and the public do not. A data
  // reporter's applied rows are drafts sent for review (cms/figures/apply.ts).
  importFigures: [...editorRoles, own('data-reporter')],
  submitReview: [...editorRoles, own('data-reporter')],
  returnReview: editorRoles,
  approveReview: editorRoles,
} as const satisfies Rules

/** Organisations, topics, indicators: public, kept by editors. */
const referenceDataRules = { read: everyone, create: editorRoles, update: editorRoles, duplicate: editorRoles, delete: editorRoles } as const satisfies Rules

export const policy = {
  collections: {
    plans: publishableRules,
    campaigns: publishableRules,
    honourees: publishableRules,
    news: publishableRules,
    pages: publishableRules,
    // read: files a published document uses; readDraft: every other file.
    media: { read: everyone, readDraft: staffRoles, upload: staffRoles, update: staffRoles, duplicate: staffRoles, delete: editorRoles },
    indicators: referenceDataRules,
    organizations: referenceDataRules,
    topics: referenceDataRules,
    'indicator-reports': reportRules,
    // One document per review step (cms/review/): written only by the review actions.
    'review-events': { read: [...staffRoles, own('data-reporter')], create: nobody, update: nobody, delete: nobody },
    // Progress of plan tasks: reviewed like figures — the public sees published updates only;
    // the task's lead organisation (its data reporters) and staff write drafts, editors publish.
    'task-updates': {
      read: everyone,
      readDraft: [...staffRoles, lead('data-reporter')],
      create: [...staffRoles, lead('data-reporter')],
      update: [...staffRoles, lead('data-reporter')],
      duplicate: [...staffRoles, lead('data-reporter')],
      publish: editorRoles,
      unpublish: editorRoles,
      restoreVersion: editorRoles,
      delete: editorRoles,
      submitReview: [...staffRoles, lead('data-reporter')],
      returnReview: editorRoles,
      approveReview: editorRoles,
    },
    users: {
      read: ['admin', self('editor'), self('author'), self('data-reporter')],
      create: adminRoles,
      update: ['admin', self('editor'), self('author'), self('data-reporter')],
      // Payload offers no duplicate for accounts.
      duplicate: nobody,
      delete: adminRoles,
      unlock: adminRoles,
    },
    // Requests of data subjects hold personal data: staff only, never the public or a data reporter.
    'data-subject-requests': { read: staffRoles, create: staffRoles, update: staffRoles, duplicate: staffRoles, delete: adminRoles },
    // Payload's queue: nobody touches jobs directly; staff who publish may run due jobs by hand.
    'payload-jobs': { read: nobody, create: nobody, update: nobody, delete: nobody, runJobs: editorRoles },
    // The persisted rebuild queue (cms/publishing/): written by the CMS processes only; staff
    // see the requests, nobody the lease.
    'portal-build-requests': { read: staffRoles, create: nobody, update: nobody, delete: nobody },
    'portal-build-leases': { read: nobody, create: nobody, update: nobody, delete: nobody },
  },
  globals: {
    'site-settings': { read: everyone, update: editorRoles },
    'portal-build': { read: staffRoles, update: nobody, rebuild: staffRoles },
  },
} as const satisfies { collections: Record<string, Rules>; globals: Record<string, Rules> }

/** The policy role of a request's user; no user (or a user of another auth collection) is anonymous. */
export const policyRoleOf = (user: PayloadRequest['user']): PolicyRole => roleOf(user) ?? 'anonymous'

/** What `grants` allow `role`: everything, one scope, or nothing. */
export function grantFor(grants: readonly Grant[] | undefined, role: PolicyRole): true | Scope | false {
  for (const grant of grants ?? []) {
    if (grant === role) return true
    if (typeof grant === 'object' && grant.role === role) return grant.only
  }
  return false
}

/** The organisation a signed-in user belongs to (its id), if any. */
export const userOrganizationOf = (user: PayloadRequest['user']) => relationId((user as { organization?: unknown } | null)?.organization)

/**
 * A cell for a collection whose scoped grant is `scope`, as a filter: true (everything), records
 * whose `field` is the user's organisation, or false (nothing; also a user with no organisation).
 */
export function organizationScope(grants: readonly Grant[] | undefined, user: PayloadRequest['user'], scope: 'own-organization' | 'lead-organization', field: string): boolean | Where {
  const grant = grantFor(grants, policyRoleOf(user))
  if (grant === true) return true
  const own = userOrganizationOf(user)
  return grant === scope && own != null ? { [field]: { equals: own } } : false
}

/** Whether a scoped grant covers an item whose organisation is `organization` (a relation or id). */
export const coversOrganization = (user: PayloadRequest['user'], organization: unknown) => {
  const own = userOrganizationOf(user)
  return own != null && String(relationId(organization)) === String(own)
}

/** Whether the user may do an unscoped operation. */
export const may = (grants: readonly Grant[] | undefined, user: PayloadRequest['user']) => grantFor(grants, policyRoleOf(user)) === true

/**
 * An access function from a table cell. A `self` grant becomes "the user's own record";
 * `own-organization` grants need the collection's own rule (cms/access/index.ts, indicator reports).
 */
export const allow =
  (grants: readonly Grant[]): Access =>
  ({ req }) => {
    const grant = grantFor(grants, policyRoleOf(req.user))
    if (grant === 'self') return req.user ? ({ id: { equals: req.user.id } } satisfies Where) : false
    return grant === true
  }

/** For Payload's boolean-only rules (jobs queue, custom endpoints). */
export const allowed =
  (grants: readonly Grant[]) =>
  ({ req }: { req: PayloadRequest }) =>
    may(grants, req.user)

/** The four access functions of a collection whose cells are plain role lists. */
export const collectionAccess = (rules: Pick<Rules, 'read' | 'create' | 'update' | 'delete'>) => ({
  read: allow(rules.read ?? nobody),
  create: allow(rules.create ?? nobody),
  update: allow(rules.update ?? nobody),
  delete: allow(rules.delete ?? nobody),
})
