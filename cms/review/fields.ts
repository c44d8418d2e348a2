/**
 * The review fields of a reviewable collection: in the sidebar, read only in the admin, written
 * only by the review actions and the transitions in ./hooks.ts (a plain save keeps them). The
 * review panel (cms/components/ReviewPanel.tsx) shows them with the buttons and the history.
 */
import type { Field } from 'payload'

import { signedIn } from '../access'
import { t } from '../fields/labels'
import { reviewStatusLabels, reviewStatuses } from './status'

const sidebar = { position: 'sidebar', readOnly: true } as const
// Internal to the newsroom: who submitted and an editor's comment are never public (REST,
// GraphQL, or the portal's anonymous reads); anyone signed in (staff, data reporters) reads them.
const access = { read: signedIn }

export const reviewFields: Field[] = [
  {
    name: 'reviewPanel',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/components/ReviewPanel#ReviewPanel' } },
  },
  {
    name: 'reviewStatus',
    type: 'select',
    index: true,
    defaultValue: 'editing',
    access,
    label: t('Trạng thái duyệt', 'Review status'),
    options: reviewStatuses.map((value) => ({ value, label: reviewStatusLabels[value] })),
    // Read only under the review panel; also a list column and filter ("Chờ duyệt").
    admin: sidebar,
  },
  {
    name: 'reviewSubmittedBy',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    access,
    label: t('Người gửi duyệt', 'Submitted by'),
    // Shown by the review panel (the history names who did what).
    admin: { ...sidebar, hidden: true },
  },
  {
    name: 'reviewComment',
    type: 'textarea',
    access,
    label: t('Nhận xét khi trả lại', 'Return comment'),
    // Shown by the review panel, highlighted for the submitter.
    admin: { ...sidebar, hidden: true },
  },
]
