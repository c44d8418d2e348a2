/**
 * The staff-only record of a withdrawn consent on an individual honouree, and the admin's
 * "Rút lại sự đồng ý" button that writes it (through POST /api/honourees/:id/withdraw-consent).
 */
import type { Field } from 'payload'

import { staffOnlyField } from '../access'
import { receivedVia } from '../lib/privacyOptions'
import { t } from './labels'

const never = () => false

export const consentWithdrawalField = (isIndividual: (data: Record<string, unknown> | undefined) => boolean): Field => ({
  type: 'collapsible',
  label: t('Rút lại sự đồng ý', 'Consent withdrawal'),
  admin: {
    condition: (data) => isIndividual(data) || Boolean(data?.consentWithdrawal?.withdrawn),
    initCollapsed: false,
  },
  fields: [
    {
      name: 'withdrawConsentAction',
      type: 'ui',
      admin: { components: { Field: '/components/WithdrawConsentButton#WithdrawConsentButton' } },
    },
    {
      name: 'consentWithdrawal',
      type: 'group',
      label: t('Lần rút lại sự đồng ý gần nhất (chỉ cán bộ xem)', 'Last withdrawal of consent (staff only)'),
      // Personal data about the person's choice: staff only, never public, written only by
      // the withdrawal endpoint (the collection's keepConsentWithdrawal hook).
      access: { read: staffOnlyField, create: never, update: never },
      admin: {
        readOnly: true,
        description: t(
          'Ghi nhận bằng nút “Rút lại sự đồng ý”. Muốn công bố lại, cần ghi nhận sự đồng ý mới với ngày đồng ý sau ngày rút lại.',
          'Recorded with the “Withdraw consent” button. To publish again, record a new consent dated after the withdrawal.',
        ),
      },
      fields: [
        { name: 'withdrawn', type: 'checkbox', defaultValue: false, label: t('Đã rút lại sự đồng ý', 'Consent withdrawn') },
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'date', label: t('Ngày rút lại', 'Date'), admin: { date: { displayFormat: 'dd/MM/yyyy' } } },
            {
              name: 'receivedVia',
              type: 'select',
              label: t('Nhận qua', 'Received via'),
              options: receivedVia.map((o) => ({ value: o.value, label: o.label })),
            },
          ],
        },
        { name: 'note', type: 'textarea', label: t('Ghi chú', 'Note') },
        {
          type: 'row',
          fields: [
            { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: t('Cán bộ ghi nhận', 'Recorded by') },
            {
              name: 'recordedAt',
              type: 'date',
              label: t('Ghi nhận lúc', 'Recorded at'),
              admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } },
            },
          ],
        },
      ],
    },
  ],
})
