import type { CollectionConfig } from 'payload'

import { seedKeyField, slugField } from '../fields/common'
import { publishable } from '../fields/content'
import { t } from '../fields/labels'
import { bodyMediaField, richTextField } from '../fields/richText'
import { previewUrlFor } from '../publishing/preview'
import { populatedFields } from '../lib/populate'
import { changeNoteField } from '../fields/changeNote'
import { reviewable } from '../review'

export const Pages: CollectionConfig<'pages'> = reviewable({
  slug: 'pages',
  // What a document linking here carries of it (cms/lib/populate.ts).
  defaultPopulate: populatedFields.pages,
  labels: { singular: t('Trang', 'Page'), plural: t('Trang thông tin', 'Pages') },
  admin: {
    preview: previewUrlFor('pages'),
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status'],
    group: t('Nội dung', 'Content'),
    description: t('Trang thông tin tĩnh như Giới thiệu, Bảo vệ dữ liệu cá nhân; đăng tại /trang/<đường dẫn>/.', 'Static pages such as About; published at /trang/<slug>/.'),
  },
  ...publishable(),
  fields: [
    { name: 'title', type: 'text', required: true, label: t('Tiêu đề', 'Title') },
    slugField('title'),
    {
      // The portal marks the page with this language (<html lang>), so that screen readers and
      // search engines read an English page (Decree 42/2022, art. 7) as English.
      name: 'language',
      type: 'select',
      // Not required: a required field would become a mandatory GraphQL input; empty reads as Vietnamese.
      defaultValue: 'vi',
      options: [
        { value: 'vi', label: t('Tiếng Việt', 'Vietnamese') },
        { value: 'en', label: t('Tiếng Anh', 'English') },
      ],
      label: t('Ngôn ngữ của trang', 'Language of the page'),
      admin: { position: 'sidebar' },
    },
    { name: 'summary', type: 'textarea', label: t('Tóm tắt', 'Summary') },
    richTextField({ name: 'body', label: t('Nội dung', 'Body') }),
    bodyMediaField(),
    changeNoteField,
    seedKeyField,
  ],
})
