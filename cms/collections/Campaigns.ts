import type { CollectionConfig } from 'payload'

import { seedKeyField, slugField } from '../fields/common'
import { publishable, selectOptions } from '../fields/content'
import { t } from '../fields/labels'
import { campaignKinds, campaignRecurrences } from '../fields/options'
import { endNotBefore } from '../fields/validators'
import { bodyMediaField, richTextField } from '../fields/richText'
import { previewUrlFor } from '../publishing/preview'
import { populatedFields } from '../lib/populate'
import { changeNoteField } from '../fields/changeNote'
import { reviewable } from '../review'

export const Campaigns: CollectionConfig<'campaigns'> = reviewable({
  slug: 'campaigns',
  // What a document linking here carries of it (cms/lib/populate.ts).
  defaultPopulate: populatedFields.campaigns,
  labels: { singular: t('Phong trào, đợt thi đua', 'Campaign'), plural: t('Phong trào, đợt thi đua', 'Campaigns') },
  admin: {
    // "Xem trước": the draft rendered by the portal's own page components, staff only.
    preview: previewUrlFor('campaigns'),
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'startDate', 'endDate', '_status'],
    group: t('Nội dung', 'Content'),
  },
  ...publishable(),
  fields: [
    { name: 'name', type: 'text', required: true, label: t('Tên', 'Name') },
    slugField('name'),
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, label: t('Loại', 'Kind'), options: selectOptions(campaignKinds) },
        {
          name: 'recurrence',
          type: 'select',
          required: true,
          defaultValue: 'none',
          label: t('Lặp lại', 'Recurrence'),
          options: selectOptions(campaignRecurrences),
          admin: { description: t('Hằng năm: mỗi năm có một đợt cùng ngày, tháng.', 'Yearly: an edition every year on the same dates.') },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', required: true, label: t('Ngày bắt đầu', 'Start date'), admin: { date: { displayFormat: 'dd/MM/yyyy' } } },
        {
          name: 'endDate',
          type: 'date',
          required: true,
          label: t('Ngày kết thúc', 'End date'),
          validate: endNotBefore('startDate'),
          admin: { date: { displayFormat: 'dd/MM/yyyy' } },
        },
      ],
    },
    { name: 'dateNote', type: 'text', label: t('Ghi chú về thời gian', 'Date note') },
    { name: 'parent', type: 'relationship', relationTo: 'campaigns', label: t('Thuộc phong trào', 'Part of') },
    { name: 'organizers', type: 'relationship', relationTo: 'organizations', hasMany: true, label: t('Cơ quan phát động', 'Organisers') },
    { name: 'theme', type: 'textarea', label: t('Chủ đề', 'Theme') },
    { name: 'summary', type: 'textarea', label: t('Tóm tắt', 'Summary') },
    richTextField({ name: 'body', label: t('Nội dung', 'Body') }),
    bodyMediaField(),
    { name: 'relatedPlans', type: 'relationship', relationTo: 'plans', hasMany: true, label: t('Văn bản liên quan', 'Related documents') },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: t('Ảnh đại diện', 'Image') },
    { name: 'honourees', type: 'join', collection: 'honourees', on: 'campaign', label: t('Điển hình', 'Honourees') },
    { name: 'news', type: 'join', collection: 'news', on: 'campaigns', label: t('Tin tức', 'News') },
    { name: 'phases', type: 'join', collection: 'campaigns', on: 'parent', label: t('Các giai đoạn, đợt', 'Phases') },
    changeNoteField,
    seedKeyField,
  ],
})
