/**
 * The review fields of a reviewable collection: in the sidebar, read only in the admin, written
 * only by the review actions and the transitions in ./hooks.ts (a plain save keeps them). The
 * review panel (cms/components/ReviewPanel.tsx) shows them with the buttons and the history.
 */
import type { Field } from 'payload'

import { t } from '../fields/labels'
import { reviewStatusLabels, reviewStatuses } from './status'

const sidebar = { position: 'sidebar', readOnly: true } as const

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
    label: t('Trạng thái duyệt', 'Review status'),
    options: reviewStatuses.map((value) => ({ value, label: reviewStatusLabels[value] })),
    // Shown by the review panel.
    admin: { ...sidebar, hidden: true },
  },
  {
    name: 'reviewSubmittedBy',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    label: t('Người gửi duyệt', 'Submitted by'),
    admin: { ...sidebar, hidden: true },
  },
  {
    name: 'reviewComment',
    type: 'textarea',
    label: t('Nhận xét khi trả lại', 'Return comment'),
    admin: { ...sidebar, hidden: true },
  },
]
