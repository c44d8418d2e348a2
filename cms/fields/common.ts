/** Fields reused across collections. */
import type { Field, FieldHook } from 'payload'

import { slugify } from '../lib/vietnamese'
import { t } from './labels'
import { validateUniqueSlug } from './validators'

/** Fill the slug from `sourceField` when empty; fold whatever staff typed into slug shape. */
type SlugSource = string | ((doc: Record<string, any>) => string | undefined)

const formatSlug =
  (source: SlugSource): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    const doc = { ...originalDoc, ...data }
    const text = typeof source === 'function' ? source(doc) : doc[source]
    return typeof text === 'string' && text.trim() !== '' ? slugify(text) : value
  }

/** `source`: the field the slug is made from, or a function of the document. */
export const slugField = (sourceField: SlugSource = 'title'): Field => ({
  name: 'slug',
  type: 'text',
  label: t('Đường dẫn', 'Slug'),
  index: true,
  unique: true,
  validate: validateUniqueSlug,
  hooks: { beforeValidate: [formatSlug(sourceField)] },
  admin: {
    position: 'sidebar',
    description: t(
      'Tự tạo từ tiêu đề nếu để trống: bỏ dấu, đ → d, ví dụ "Tháng khuyến học 2023" → thang-khuyen-hoc-2023.',
      'Generated from the title when empty.',
    ),
  },
})

/** Stable key of a record loaded from content/, so the seed can find it again. */
export const seedKeyField: Field = {
  name: 'seedKey',
  type: 'text',
  label: t('Mã dữ liệu gốc', 'Seed key'),
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    readOnly: true,
    description: t('Mã của bản ghi trong thư mục content/ (do lệnh seed đặt).', 'Key of the record in content/.'),
  },
}

export const illustrativeField: Field = {
  name: 'illustrative',
  type: 'checkbox',
  label: t('Dữ liệu minh họa', 'Illustrative data'),
  defaultValue: false,
  admin: {
    position: 'sidebar',
    description: t(
      'Đánh dấu dữ liệu không lấy từ văn bản chính thức; cổng thông tin ghi rõ "Dữ liệu minh họa".',
      'Not from an official source; labelled as illustrative on the portal.',
    ),
  },
}
