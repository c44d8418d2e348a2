import type { CollectionConfig } from 'payload'

import { collectionAccess, policy } from '../access/policy'
import { t } from '../fields/labels'
import { BUILD_LEASES_SLUG, BUILD_REQUESTS_SLUG } from '../publishing/queueStore'

const readOnly = { readOnly: true } as const
const readOnlyTime = { ...readOnly, date: { displayFormat: 'dd/MM/yyyy HH:mm:ss' } } as const

/**
 * Every rebuild request, stored so that it survives a crash and is seen by every CMS process
 * sharing the database (cms/publishing/buildQueue.ts). Written only by the queue; staff read it.
 */
export const PortalBuildRequests: CollectionConfig = {
  slug: BUILD_REQUESTS_SLUG,
  labels: { singular: t('Yêu cầu xây dựng cổng', 'Portal build request'), plural: t('Yêu cầu xây dựng cổng', 'Portal build requests') },
  admin: {
    group: t('Cổng thông tin', 'Portal'),
    useAsTitle: 'reason',
    defaultColumns: ['reason', 'requestedAt', 'state', 'builtAt'],
    description: t(
      'Các thay đổi đang chờ hoặc đã được đưa lên cổng thông tin. Danh sách do hệ thống ghi, chỉ để xem.',
      'Changes waiting for or taken by a portal build. Written by the system; read only.',
    ),
  },
  access: collectionAccess(policy.collections[BUILD_REQUESTS_SLUG]),
  graphQL: { singularName: 'PortalBuildRequest', pluralName: 'PortalBuildRequests' },
  fields: [
    { name: 'reason', type: 'textarea', required: true, label: t('Thay đổi', 'Change'), admin: readOnly },
    { name: 'requestedAt', type: 'date', required: true, index: true, label: t('Yêu cầu lúc', 'Requested at'), admin: readOnlyTime },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      label: t('Trạng thái', 'State'),
      options: [
        { value: 'pending', label: t('Đang chờ', 'Pending') },
        { value: 'building', label: t('Đang xây dựng', 'Building') },
        { value: 'done', label: t('Đã đưa lên cổng', 'Built') },
        { value: 'failed', label: t('Lần xây dựng bị lỗi', 'Build failed') },
      ],
      admin: readOnly,
    },
    // The build that took the request: its lease holder and start time.
    { name: 'build', type: 'text', index: true, label: t('Lần xây dựng', 'Build'), admin: readOnly },
    { name: 'builtAt', type: 'date', label: t('Xây dựng xong lúc', 'Built at'), admin: readOnlyTime },
  ],
}

/**
 * The build lease: one document naming the CMS process that may build, until `expiresAt`.
 * Taken and renewed by conditional updates only (cms/publishing/queueStore.ts). Hidden.
 */
export const PortalBuildLeases: CollectionConfig = {
  slug: BUILD_LEASES_SLUG,
  labels: { singular: t('Quyền xây dựng cổng', 'Portal build lease'), plural: t('Quyền xây dựng cổng', 'Portal build leases') },
  admin: { hidden: true, useAsTitle: 'name' },
  access: collectionAccess(policy.collections[BUILD_LEASES_SLUG]),
  graphQL: { singularName: 'PortalBuildLease', pluralName: 'PortalBuildLeases' },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: t('Tên', 'Name') },
    // hostname:pid:random of the CMS process holding it.
    { name: 'holder', type: 'text', required: true, label: t('Tiến trình đang giữ', 'Holder') },
    { name: 'expiresAt', type: 'date', required: true, label: t('Hết hạn lúc', 'Expires at') },
  ],
}
