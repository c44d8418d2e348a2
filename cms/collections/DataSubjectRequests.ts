import type { CollectionBeforeChangeHook, CollectionConfig, FieldHook } from 'payload'

import { collectionAccess, policy } from '../access/policy'
import { selectOptions } from '../fields/content'
import { t } from '../fields/labels'
import { parseDay } from '../lib/consentWithdrawal'
import { deadlinesFor, deadlineState } from '../lib/dataSubjectDeadlines'
import { dataSubjectRequestKinds, dataSubjectRequestStatuses, receivedVia, type DataSubjectRequestKind } from '../lib/privacyOptions'

const messages = {
  receivedDate: 'Ngày nhận yêu cầu phải là một ngày có thật và không sau ngày hôm nay.',
  responseDate: 'Ngày trả lời phải là một ngày có thật, không trước ngày nhận yêu cầu và không sau ngày hôm nay.',
} as const

const today = () => new Date().toISOString().slice(0, 10)

/** A date field's value as its day: `2026-03-05` or an ISO timestamp from the admin's picker. */
const dayOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined
  const day = value.slice(0, 10)
  return parseDay(day) && (value.length === 10 || !Number.isNaN(Date.parse(value))) ? day : undefined
}

const validateReceivedDate = (value: unknown) => {
  const day = dayOf(value)
  return (Boolean(day) && day! <= today()) || messages.receivedDate
}

const validateResponseDate = (value: unknown, { siblingData }: { siblingData?: Record<string, unknown> }) => {
  if (value == null || value === '') return true
  const day = dayOf(value)
  const received = dayOf(siblingData?.receivedDate)
  return (Boolean(day) && day! <= today() && (!received || day! >= received)) || messages.responseDate
}

/** The legal deadlines follow the kind and the received date; staff cannot type them. */
const computeDeadlines: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const kind = (data.kind ?? originalDoc?.kind) as DataSubjectRequestKind | undefined
  const received = dayOf(data.receivedDate ?? originalDoc?.receivedDate)
  const next = { ...data }
  if (kind && received) {
    const deadlines = deadlinesFor(kind, received)
    next.acknowledgeBy = deadlines.acknowledgeBy
    next.deadline = deadlines.completeBy
    next.deadlineBasis = deadlines.basis
  }
  if (operation === 'create' && req.user) next.recordedBy = req.user.id
  else if (operation === 'update') next.recordedBy = originalDoc?.recordedBy
  return next
}

const showDeadlineState: FieldHook = ({ siblingData }) => deadlineState(siblingData ?? {})

const readOnly = { readOnly: true } as const

/**
 * Requests of data subjects (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 4): who asked
 * what, when, and by which deadline it must be answered. The requester's name and contact
 * are personal data: the whole collection is staff only (never anonymous, never a data
 * reporter) and never reaches the portal.
 */
export const DataSubjectRequests: CollectionConfig = {
  slug: 'data-subject-requests',
  labels: {
    singular: t('Yêu cầu của chủ thể dữ liệu', 'Data subject request'),
    plural: t('Yêu cầu của chủ thể dữ liệu', 'Data subject requests'),
  },
  admin: {
    useAsTitle: 'requesterName',
    defaultColumns: ['requesterName', 'kind', 'receivedDate', 'deadline', 'deadlineState', 'status'],
    group: t('Dữ liệu cá nhân', 'Personal data'),
    description: t(
      'Sổ theo dõi yêu cầu của người có dữ liệu cá nhân trên cổng (xem, chỉnh sửa, xóa, rút lại sự đồng ý…). Thời hạn được tính tự động từ ngày nhận.',
      'Log of requests from people whose personal data the portal holds. Deadlines are computed from the received date.',
    ),
  },
  access: collectionAccess(policy.collections['data-subject-requests']),
  hooks: { beforeChange: [computeDeadlines] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, label: t('Loại yêu cầu', 'Kind'), options: selectOptions(dataSubjectRequestKinds) },
        {
          name: 'receivedDate',
          type: 'date',
          required: true,
          label: t('Ngày nhận', 'Received'),
          validate: validateReceivedDate,
          admin: { date: { displayFormat: 'dd/MM/yyyy' } },
        },
        { name: 'receivedVia', type: 'select', label: t('Nhận qua', 'Received via'), options: selectOptions(receivedVia) },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'requesterName', type: 'text', required: true, maxLength: 200, label: t('Người yêu cầu', 'Requester') },
        { name: 'requesterContact', type: 'text', maxLength: 300, label: t('Liên hệ của người yêu cầu', 'Requester contact') },
      ],
    },
    { name: 'honouree', type: 'relationship', relationTo: 'honourees', label: t('Điển hình liên quan', 'Related honouree') },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'received',
          label: t('Tình trạng', 'Status'),
          options: selectOptions(dataSubjectRequestStatuses),
        },
        {
          name: 'responseDate',
          type: 'date',
          label: t('Ngày trả lời', 'Response date'),
          validate: validateResponseDate as never,
          admin: { date: { displayFormat: 'dd/MM/yyyy' } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'acknowledgeBy', type: 'date', label: t('Hạn phản hồi', 'Acknowledge by'), admin: { ...readOnly, date: { displayFormat: 'dd/MM/yyyy' } } },
        { name: 'deadline', type: 'date', label: t('Hạn giải quyết', 'Deadline'), admin: { ...readOnly, date: { displayFormat: 'dd/MM/yyyy' } } },
        {
          name: 'deadlineState',
          type: 'text',
          virtual: true,
          label: t('Theo dõi hạn', 'Deadline status'),
          admin: readOnly,
          hooks: { afterRead: [showDeadlineState] },
        },
      ],
    },
    { name: 'deadlineBasis', type: 'text', label: t('Căn cứ tính thời hạn', 'Deadline basis'), admin: readOnly },
    { name: 'notes', type: 'textarea', maxLength: 5000, label: t('Ghi chú, kết quả giải quyết', 'Notes') },
    { name: 'recordedBy', type: 'relationship', relationTo: 'users', label: t('Cán bộ ghi nhận', 'Recorded by'), admin: readOnly },
  ],
}
