import type { CollectionConfig } from 'payload'

import { seedKeyField, slugField } from '../fields/common'
import { publishable } from '../fields/content'
import { t } from '../fields/labels'
import { bodyMediaField, richTextField } from '../fields/richText'
import { previewUrlFor } from '../publishing/preview'

export const Pages: CollectionConfig = {
  slug: 'pages',
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
    { name: 'summary', type: 'textarea', label: t('Tóm tắt', 'Summary') },
    richTextField({ name: 'body', label: t('Nội dung', 'Body') }),
    bodyMediaField(),
    seedKeyField,
  ],
}
