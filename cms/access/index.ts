/**
 * Every access rule of the CMS, as small named functions. Roles:
 * - admin: everything, including user accounts;
 * - editor: writes and publishes all content, manages reference data;
 * - author: writes drafts of content, never publishes, unpublishes or deletes;
 * - data-reporter: enters indicator reports for their own organisation only.
 * Anonymous readers (and data reporters, for content) see published documents only.
 */
import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import type { UserRole } from '../fields/options'
import { mediaIdsUsedByPublished } from '../lib/mediaUses'
import { relationId } from '../lib/relations'

type MaybeUser = PayloadRequest['user']

export const roleOf = (user: MaybeUser): UserRole | undefined =>
  user && user.collection === 'users' ? ((user as { role?: UserRole }).role ?? undefined) : undefined

const hasRole = (user: MaybeUser, ...roles: UserRole[]) => {
  const role = roleOf(user)
  return role !== undefined && roles.includes(role)
}

export const isAdminUser = (user: MaybeUser) => hasRole(user, 'admin')
export const isEditorUser = (user: MaybeUser) => hasRole(user, 'admin', 'editor')
/** Staff who work on content and may see drafts. */
export const isStaffUser = (user: MaybeUser) => hasRole(user, 'admin', 'editor', 'author')
export const isAuthorUser = (user: MaybeUser) => hasRole(user, 'author')
export const isDataReporterUser = (user: MaybeUser) => hasRole(user, 'data-reporter')

const organizationIdOf = (user: MaybeUser): number | string | undefined => {
  const org = (user as { organization?: unknown } | null)?.organization
  return relationId(org)
}

const sameId = (a: unknown, b: unknown) => {
  return a != null && b != null && String(relationId(a)) === String(relationId(b))
}

// ── Generic rules ────────────────────────────────────────────────────────────
export const anyone: Access = () => true
export const adminsOnly: Access = ({ req }) => isAdminUser(req.user)
export const editors: Access = ({ req }) => isEditorUser(req.user)
export const staff: Access = ({ req }) => isStaffUser(req.user)
/** Anyone signed in to the admin (every role may open /admin). */
export const signedIn = ({ req }: { req: PayloadRequest }) => Boolean(req.user)

// ── Versioned content (plans, campaigns, honourees, news, pages) ────────────
// Reading drafts, saving drafts, publishing, and the publish rule of every path that changes
// what is live, are built from the policy table: cms/access/policy.ts, cms/access/publishRule.ts.

// ── Media ───────────────────────────────────────────────────────────────────
const publicMediaIds = new WeakMap<PayloadRequest, ReturnType<typeof mediaIdsUsedByPublished>>()

/**
 * Staff see every file; everyone else only the files a published document uses. A photo
 * uploaded for an honouree whose consent is not yet recorded stays private until then.
 */
export const publishedMediaOrStaff: Access = async ({ req }) => {
  if (isStaffUser(req.user)) return true
  // Once per request: populating many documents asks this for every media relation.
  let ids = publicMediaIds.get(req)
  if (!ids) publicMediaIds.set(req, (ids = mediaIdsUsedByPublished(req.payload, req)))
  const list = await ids
  return list.length > 0 ? ({ id: { in: list } } satisfies Where) : false
}

/**
 * Changing a file that a published document shows changes what the public sees, so it needs
 * someone allowed to publish: editors and admins update any media; authors only media that no
 * published document uses (new uploads, files of drafts). Payload refuses the update (REST,
 * GraphQL, the admin's form, a new file) when the document is outside the returned filter.
 */
export const editorsOrMediaNotPublished: Access = async ({ req }) => {
  if (isEditorUser(req.user)) return true
  if (!isAuthorUser(req.user)) return false
  const published = await mediaIdsUsedByPublished(req.payload, req)
  return published.length > 0 ? ({ id: { not_in: published } } satisfies Where) : true
}

// ── Indicator reports ───────────────────────────────────────────────────────
/** A data reporter cannot move a report to another organisation. */
export const reportingOrganizationUpdate: FieldAccess = ({ req, data, siblingData }) => {
  if (isEditorUser(req.user)) return true
  if (isDataReporterUser(req.user)) {
    const next = (siblingData ?? data)?.reportingOrganization
    return next === undefined || sameId(next, organizationIdOf(req.user))
  }
  return false
}

// ── Users ───────────────────────────────────────────────────────────────────
export const adminsOrSelf: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (req.user) return { id: { equals: req.user.id } } satisfies Where
  return false
}

export const adminsOnlyField: FieldAccess = ({ req }) => isAdminUser(req.user)
export const staffOnlyField: FieldAccess = ({ req }) => isStaffUser(req.user)
