import type { GlobalConfig } from 'payload'

import { anyone, editors } from '../access'
import { t } from '../fields/labels'
import { rebuildAfterGlobalChange } from '../publishing/hooks'

/** What every portal page shows around its content: a site-wide notice and the footer. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: t('Cấu hình cổng thông tin', 'Portal settings'),
  admin: { group: t('Cổng thông tin', 'Portal') },
  access: { read: anyone, update: editors },
  hooks: { afterChange: [rebuildAfterGlobalChange] },
  fields: [
    {
      name: 'notice',
      type: 'group',
      label: t('Thông báo chung (hiện đầu mọi trang)', 'Site-wide notice'),
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: false, label: t('Hiển thị thông báo', 'Show the notice') },
        { name: 'text', type: 'text', maxLength: 240, label: t('Nội dung thông báo', 'Text') },
        {
          name: 'link',
          type: 'text',
          label: t('Đường dẫn (không bắt buộc)', 'Link (optional)'),
          admin: { description: t('Đường dẫn trong cổng, ví dụ /phong-trao/thang-khuyen-hoc/', 'A portal path, e.g. /phong-trao/…') },
          validate: (value: string | null | undefined) =>
            !value || /^\/[^\s]*$/.test(value) || 'Đường dẫn phải là đường dẫn trong cổng thông tin, bắt đầu bằng “/”.',
        },
      ],
    },
    {
      name: 'operator',
      type: 'text',
      label: t('Cơ quan chủ quản, vận hành cổng', 'Operator'),
      defaultValue: 'Hội Khuyến học tỉnh',
    },
    { name: 'contactEmail', type: 'email', label: t('Thư điện tử liên hệ (của cơ quan)', 'Office e-mail') },
    { name: 'contactPhone', type: 'text', label: t('Điện thoại liên hệ (của cơ quan)', 'Office phone') },
    { name: 'footerNote', type: 'textarea', maxLength: 500, label: t('Ghi chú chân trang', 'Footer note') },
  ],
}
