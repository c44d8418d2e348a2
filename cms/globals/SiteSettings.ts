import type { GlobalConfig } from 'payload'

import { allow, policy } from '../access/policy'
import { t } from '../fields/labels'
import { validatePortalPath } from '../fields/validators'
import { defaultFooterLinks, defaultNavigation } from '../lib/portal'
import { rebuildAfterGlobalChange } from '../publishing/hooks'

/** One menu entry: the text shown and a path inside the portal. */
const linkFields = [
  {
    type: 'row' as const,
    fields: [
      { name: 'label', type: 'text' as const, required: true, maxLength: 40, label: t('Tên hiển thị', 'Label') },
      { name: 'link', type: 'text' as const, required: true, label: t('Đường dẫn trong cổng', 'Portal path'), validate: validatePortalPath },
    ],
  },
]

/** What every portal page shows around its content: the menu, a site-wide notice and the footer. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: t('Cấu hình cổng thông tin', 'Portal settings'),
  admin: { group: t('Cổng thông tin', 'Portal') },
  access: { read: allow(policy.globals['site-settings'].read), update: allow(policy.globals['site-settings'].update) },
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
          validate: validatePortalPath,
        },
      ],
    },
    {
      name: 'navigation',
      type: 'array',
      label: t('Menu chính', 'Main menu'),
      labels: { singular: t('Mục menu', 'Menu item'), plural: t('Mục menu', 'Menu items') },
      admin: { description: t('Thứ tự ở đây là thứ tự trên menu đầu trang.', 'Shown in this order in the header.') },
      minRows: 1,
      maxRows: 10,
      defaultValue: defaultNavigation,
      fields: linkFields,
    },
    {
      name: 'footerLinks',
      type: 'array',
      label: t('Liên kết chân trang (Giới thiệu, chính sách…)', 'Footer links'),
      labels: { singular: t('Liên kết', 'Link'), plural: t('Liên kết', 'Links') },
      admin: {
        description: t(
          'Để trống thì chân trang dùng liên kết mặc định: Giới thiệu, Bảo vệ dữ liệu cá nhân.',
          'When empty, the footer links to About and Personal data protection.',
        ),
      },
      maxRows: 10,
      defaultValue: defaultFooterLinks,
      fields: linkFields,
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
