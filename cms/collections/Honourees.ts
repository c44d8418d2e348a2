import type { CollectionConfig } from 'payload'

import { staffOnlyField } from '../access'
import { illustrativeField, seedKeyField, slugField } from '../fields/common'
import { publishable, selectOptions } from '../fields/content'
import { t } from '../fields/labels'
import { awardKinds, honoureeKinds, individualHonoureeKinds } from '../fields/options'
import { messages, validateDocumentNumber } from '../fields/validators'
import { bodyMediaField, richTextField } from '../fields/richText'
import { previewUrlFor } from '../publishing/preview'
import { consentWithdrawalField } from '../fields/consentWithdrawal'
import { keepConsentWithdrawal, validateNoStandingWithdrawal, withdrawConsentEndpoint } from '../lib/consentWithdrawal'
import { populatedFields } from '../lib/populate'
import { changeNoteField } from '../fields/changeNote'
import { reviewable } from '../review'

type Args = { data?: Record<string, unknown>; siblingData?: Record<string, unknown> }

const isIndividual = (data: Record<string, unknown> | undefined) =>
  (individualHonoureeKinds as readonly string[]).includes(String(data?.kind))

/** Exemplary people, families, clans, communities, units and award recipients. */
export const Honourees: CollectionConfig<'honourees'> = reviewable({
  slug: 'honourees',
  // What a document linking here carries of it (cms/lib/populate.ts).
  defaultPopulate: populatedFields.honourees,
  labels: { singular: t('Điển hình, khen thưởng', 'Honouree'), plural: t('Điển hình tiên tiến', 'Honourees') },
  admin: {
    // "Xem trước": the draft rendered by the portal's own page components, staff only.
    preview: previewUrlFor('honourees'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'award', 'year', '_status'],
    group: t('Nội dung', 'Content'),
  },
  // The consent-withdrawal record is written only by its endpoint (Luật 91/2025/QH15).
  ...publishable({ beforeChange: [keepConsentWithdrawal] }),
  endpoints: [withdrawConsentEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true, label: t('Tên cá nhân, gia đình, tập thể', 'Name') },
    slugField('name'),
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, label: t('Loại điển hình', 'Kind'), options: selectOptions(honoureeKinds) },
        { name: 'year', type: 'number', required: true, min: 1945, max: 2100, label: t('Năm', 'Year') },
      ],
    },
    {
      name: 'locality',
      type: 'text',
      label: t('Địa bàn (xã, huyện, tỉnh)', 'Locality'),
      admin: { description: t('Chỉ ghi đến cấp xã; không ghi địa chỉ nhà riêng.', 'Commune level at most; never a home address.') },
    },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', label: t('Cơ quan, đơn vị', 'Organisation') },
    {
      type: 'row',
      fields: [
        { name: 'award', type: 'select', required: true, label: t('Hình thức khen thưởng', 'Award'), options: selectOptions(awardKinds) },
        { name: 'awardTitle', type: 'text', label: t('Tên danh hiệu, hình thức', 'Award wording') },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'decisionNumber', type: 'text', label: t('Số quyết định', 'Decision number'), validate: validateDocumentNumber },
        { name: 'decisionDate', type: 'date', label: t('Ngày quyết định', 'Decision date') },
        { name: 'decisionIssuer', type: 'relationship', relationTo: 'organizations', label: t('Cơ quan quyết định', 'Issuer') },
      ],
    },
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', label: t('Phong trào, đợt thi đua', 'Campaign') },
    richTextField({ name: 'story', label: t('Câu chuyện điển hình', 'Story') }),
    bodyMediaField(),
    { name: 'photos', type: 'upload', relationTo: 'media', hasMany: true, label: t('Ảnh', 'Photos') },
    {
      name: 'consent',
      type: 'group',
      label: t('Sự đồng ý công bố (bắt buộc với cá nhân)', 'Consent to publish (individuals)'),
      // Consent records are personal data too: staff only, like the contact details.
      access: { read: staffOnlyField },
      admin: { condition: (data) => isIndividual(data) },
      fields: [
        {
          name: 'recorded',
          type: 'checkbox',
          defaultValue: false,
          label: t('Đã ghi nhận sự đồng ý công bố', 'Consent recorded'),
          // A copy is a new publication: it needs its own consent (and cannot carry one past a withdrawal).
          hooks: { beforeDuplicate: [() => false] },
          validate: (value: unknown, { data }: Args) => {
            if (!isIndividual(data) || data?._status !== 'published') return true
            if (value !== true) return messages.consentRequired
            // After a withdrawal, only a consent dated after it allows publishing again.
            return validateNoStandingWithdrawal(data as never)
          },
        },
        {
          name: 'date',
          type: 'date',
          label: t('Ngày đồng ý', 'Date'),
          hooks: { beforeDuplicate: [() => null] },
          validate: (value: unknown, { data, siblingData }: Args) =>
            !isIndividual(data) || siblingData?.recorded !== true || Boolean(value) || messages.consentDateRequired,
        },
        { name: 'note', type: 'textarea', label: t('Hình thức, người ghi nhận', 'How and by whom') },
      ],
    },
    consentWithdrawalField(isIndividual),
    {
      name: 'privateContact',
      type: 'group',
      label: t('Liên hệ riêng (chỉ cán bộ xem, không bao giờ công khai)', 'Private contact (staff only)'),
      access: { read: staffOnlyField },
      fields: [
        { name: 'homeAddress', type: 'text', label: t('Địa chỉ nhà riêng', 'Home address') },
        { name: 'phone', type: 'text', label: t('Số điện thoại', 'Phone') },
      ],
    },
    illustrativeField,
    changeNoteField,
    seedKeyField,
  ],
})
