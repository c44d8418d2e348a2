/**
 * `review-events`: one document per review step (sent for review, returned, approved), written
 * only by the review actions (cms/review/endpoints.ts and a direct publish of an item under
 * review); nobody may create, change or delete one over the API (policy.ts, `review-events`).
 * Staff read them all; a data reporter those about their organisation's items, or that they
 * submitted or acted on.
 */
import type { Access, CollectionConfig, Payload, PayloadRequest, Where } from 'payload'

import { collectionAccess, grantFor, policy, policyRoleOf, userOrganizationOf } from '../access/policy'
import { t } from '../fields/labels'
import { relationId } from '../lib/relations'
import { reviewActionLabels, reviewActions, type ReviewAction } from './status'

export const REVIEW_EVENTS_SLUG = 'review-events'
const rules = policy.collections[REVIEW_EVENTS_SLUG]

/** Read: the table's cell; an own-organization grant is the reporter's organisation, or their own steps. */
const readEvents: Access = ({ req }) => {
  const grant = grantFor(rules.read, policyRoleOf(req.user))
  if (grant !== 'own-organization') return grant === true
  const mine: Where[] = [{ submitter: { equals: req.user!.id } }, { actor: { equals: req.user!.id } }]
  const organization = userOrganizationOf(req.user)
  if (organization != null) mine.push({ organization: { equals: organization } })
  return { or: mine }
}

const readOnly = { readOnly: true } as const

export const ReviewEvents: CollectionConfig = {
  slug: REVIEW_EVENTS_SLUG,
  labels: { singular: t('Bước duyệt', 'Review step'), plural: t('Lịch sử duyệt', 'Review history') },
  admin: {
    group: t('Cổng thông tin', 'Portal'),
    useAsTitle: 'action',
    defaultColumns: ['targetCollection', 'targetId', 'action', 'actorName', 'comment', 'createdAt'],
    description: t(
      'Mỗi lần gửi duyệt, trả lại và duyệt nội dung hoặc số liệu. Do hệ thống ghi, chỉ để xem.',
      'Every submission, return and approval of content or figures. Written by the system; read only.',
    ),
  },
  access: { ...collectionAccess(rules), read: readEvents },
  graphQL: { singularName: 'ReviewEvent', pluralName: 'ReviewEvents' },
  fields: [
    { name: 'targetCollection', type: 'text', required: true, index: true, label: t('Bộ sưu tập', 'Collection'), admin: readOnly },
    { name: 'targetId', type: 'text', required: true, index: true, label: t('Mã mục', 'Item id'), admin: readOnly },
    {
      name: 'action',
      type: 'select',
      required: true,
      label: t('Bước', 'Step'),
      options: reviewActions.map((value) => ({ value, label: reviewActionLabels[value] })),
      admin: readOnly,
    },
    { name: 'comment', type: 'textarea', label: t('Nhận xét', 'Comment'), admin: readOnly },
    { name: 'actor', type: 'relationship', relationTo: 'users', label: t('Người thực hiện', 'By'), admin: readOnly },
    // The name as it was at the time: staff may not read other users' accounts.
    { name: 'actorName', type: 'text', label: t('Tên người thực hiện', 'By (name)'), admin: readOnly },
    { name: 'submitter', type: 'relationship', relationTo: 'users', index: true, label: t('Người gửi duyệt', 'Submitted by'), admin: readOnly },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', index: true, label: t('Cơ quan, đơn vị', 'Organisation'), admin: readOnly },
  ],
}

export type ReviewEventInput = {
  collection: string
  id: number | string
  action: ReviewAction
  comment?: string
  submitter?: unknown
  organization?: unknown
}

/** Records a step in the caller's transaction (`req`), as its signed-in user. */
export async function recordReviewEvent(payload: Payload, req: Partial<PayloadRequest>, input: ReviewEventInput) {
  const user = req.user as { id: number | string; name?: string | null; email?: string } | null | undefined
  await payload.create({
    collection: REVIEW_EVENTS_SLUG as never,
    data: {
      targetCollection: input.collection,
      targetId: String(input.id),
      action: input.action,
      comment: input.comment ?? '',
      actor: user?.id ?? null,
      actorName: user ? user.name || user.email || String(user.id) : 'Hệ thống',
      submitter: relationId(input.submitter) ?? null,
      organization: relationId(input.organization) ?? null,
    } as never,
    overrideAccess: true,
    depth: 0,
    req,
  })
}
