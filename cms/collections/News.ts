import type { CollectionConfig } from 'payload'

import { seedKeyField, slugField } from '../fields/common'
import { publishable } from '../fields/content'
import { t } from '../fields/labels'
import { bodyMediaField, richTextField } from '../fields/richText'
import { previewUrlFor } from '../publishing/preview'
import { populatedFields } from '../lib/populate'
import { changeNoteField } from '../fields/changeNote'
import { reviewable } from '../review'

export const News: CollectionConfig<'news'> = reviewable({
  slug: 'news',
  // What a document linking here carries of it (cms/lib/populate.ts).
  defaultPopulate: populatedFields.news,
  labels: { singular: t('Tin bài', 'News item'), plural: t('Tin tức', 'News') },
  admin: {
    // "Xem trước": the draft rendered by the portal's own page components, staff only.
    preview: previewUrlFor('news'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'publishedAt', '_status'],
    group: t('Nội dung', 'Content'),
  },
  ...publishable({
    beforeChange: [
      // The portal date of a news item is the first publication unless staff set one.
      ({ data }) => (data._status === 'published' && !data.publishedAt ? { ...data, publishedAt: new Date().toISOString() } : data),
    ],
  }),
  fields: [
    { name: 'title', type: 'text', required: true, label: t('Tiêu đề', 'Title') },
    slugField('title'),
    { name: 'summary', type: 'textarea', label: t('Sa-pô, tóm tắt', 'Summary') },
    { name: 'heroImage', type: 'upload', relationTo: 'media', label: t('Ảnh đại diện', 'Image') },
    richTextField({ name: 'body', label: t('Nội dung', 'Body') }),
    bodyMediaField(),
    {
      name: 'publishedAt',
      type: 'date',
      label: t('Ngày đăng', 'Published at'),
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } },
    },
    { name: 'author', type: 'relationship', relationTo: 'users', label: t('Người viết', 'Author'), admin: { position: 'sidebar' } },
    { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, label: t('Chủ đề', 'Topics') },
    { name: 'plans', type: 'relationship', relationTo: 'plans', hasMany: true, label: t('Văn bản liên quan', 'Related documents') },
    { name: 'campaigns', type: 'relationship', relationTo: 'campaigns', hasMany: true, label: t('Phong trào liên quan', 'Related campaigns') },
    changeNoteField,
    seedKeyField,
  ],
})
