/** "Ghi chú thay đổi": what changed in this publication, listed under "Lịch sử cập nhật" on the portal. */
import type { Field } from 'payload'

import { t } from './labels'

export const changeNoteField: Field = {
  name: 'changeNote',
  type: 'textarea',
  maxLength: 500,
  label: t('Ghi chú thay đổi', 'Change note'),
  admin: {
    position: 'sidebar',
    description: t(
      'Một câu cho người đọc về thay đổi lần xuất bản này (ví dụ: "Bổ sung phụ lục 2"). Hiện trong mục “Lịch sử cập nhật” của trang, kèm ngày xuất bản. Ghi chú giống lần trước không được nhắc lại.',
      'One sentence for readers about what this publication changes; shown under "Lịch sử cập nhật" with the date.',
    ),
  },
}
