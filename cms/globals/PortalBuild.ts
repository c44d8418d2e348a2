import type { GlobalConfig } from 'payload'

import { allow, may, policy } from '../access/policy'
import { t } from '../fields/labels'
import { PORTAL_BUILD_SLUG, portalBuildQueue } from '../publishing/buildQueue'

const readOnly = { readOnly: true } as const
const readOnlyTime = { ...readOnly, date: { displayFormat: 'dd/MM/yyyy HH:mm:ss' } } as const

/**
 * The state of the public portal's build, written only by the rebuild queue (overrideAccess)
 * and read by staff in the admin, where they can also start a rebuild by hand.
 */
export const PortalBuild: GlobalConfig = {
  slug: PORTAL_BUILD_SLUG,
  label: t('Trạng thái xuất bản cổng thông tin', 'Portal build status'),
  admin: {
    group: t('Cổng thông tin', 'Portal'),
    description: t(
      'Mỗi khi xuất bản, gỡ xuất bản hay xóa nội dung công khai, cổng thông tin được xây dựng lại sau vài giây. Nếu một lần xây dựng lỗi, cổng vẫn giữ bản trước đó.',
      'Publishing, unpublishing or deleting public content rebuilds the portal within seconds. A failed build keeps the previous site live.',
    ),
  },
  access: { read: allow(policy.globals['portal-build'].read), update: allow(policy.globals['portal-build'].update) },
  // Written only by the build queue, with build logs that may hold terminal colour codes:
  // no control-character checks here (cms/fields/inputChecks.ts).
  custom: { skipInputChecks: true },
  endpoints: [
    {
      // POST /api/globals/portal-build/rebuild — a rebuild by hand, for any staff member.
      path: '/rebuild',
      method: 'post',
      handler: async (req) => {
        if (!may(policy.globals['portal-build'].rebuild, req.user)) {
          return Response.json({ errors: [{ message: 'Chỉ cán bộ đã đăng nhập mới được yêu cầu xây dựng lại cổng thông tin.' }] }, { status: 403 })
        }
        try {
          await portalBuildQueue(req.payload).request(`Yêu cầu thủ công của ${req.user!.email}`)
        } catch (error) {
          req.payload.logger.error(`Không lưu được yêu cầu xây dựng lại: ${(error as Error).message}`)
          return Response.json({ errors: [{ message: 'Chưa lưu được yêu cầu xây dựng lại vì cơ sở dữ liệu đang bận; hãy thử lại sau ít phút.' }] }, { status: 503 })
        }
        return Response.json({ message: 'Đã đưa yêu cầu xây dựng lại cổng thông tin vào hàng đợi.' }, { status: 202 })
      },
    },
  ],
  fields: [
    {
      name: 'controls',
      type: 'ui',
      admin: { components: { Field: '/components/RebuildButton#RebuildButton' } },
    },
    {
      name: 'state',
      type: 'select',
      defaultValue: 'idle',
      label: t('Trạng thái hiện tại', 'State'),
      options: [
        { value: 'idle', label: t('Không có việc đang chờ', 'Idle') },
        { value: 'queued', label: t('Đang chờ xây dựng', 'Queued') },
        { value: 'running', label: t('Đang xây dựng', 'Running') },
      ],
      admin: readOnly,
    },
    { name: 'currentStartedAt', type: 'date', label: t('Lần xây dựng gần nhất bắt đầu lúc', 'Last build started'), admin: readOnlyTime },
    { name: 'currentReasons', type: 'textarea', label: t('Lý do của lần xây dựng gần nhất', 'Reasons of the last build'), admin: readOnly },
    { name: 'queuedReasons', type: 'textarea', label: t('Thay đổi đang chờ xây dựng', 'Changes waiting'), admin: readOnly },
    {
      name: 'lastOutcome',
      type: 'select',
      label: t('Kết quả lần xây dựng gần nhất', 'Last outcome'),
      options: [
        { value: 'success', label: t('Thành công', 'Success') },
        { value: 'failure', label: t('Lỗi — cổng vẫn giữ bản trước', 'Failed — previous site kept') },
      ],
      admin: readOnly,
    },
    {
      type: 'collapsible',
      label: t('Lần xây dựng thành công gần nhất', 'Last successful build'),
      fields: [
        { name: 'lastSuccessAt', type: 'date', label: t('Hoàn tất lúc', 'Finished at'), admin: readOnlyTime },
        { name: 'lastSuccessSeconds', type: 'number', label: t('Thời gian (giây)', 'Seconds'), admin: readOnly },
        { name: 'lastPages', type: 'number', label: t('Số trang', 'Pages'), admin: readOnly },
        { name: 'lastRenderedPages', type: 'number', label: t('Số trang dựng lại (còn lại lấy từ lần trước)', 'Pages rendered'), admin: readOnly },
        { name: 'lastRelease', type: 'text', label: t('Mã bản dựng', 'Release'), admin: readOnly },
        { name: 'lastSuccessReasons', type: 'textarea', label: t('Thay đổi được đưa lên', 'Changes'), admin: readOnly },
      ],
    },
    {
      type: 'collapsible',
      label: t('Lỗi gần nhất', 'Last error'),
      fields: [
        { name: 'lastFailureAt', type: 'date', label: t('Thời điểm', 'At'), admin: readOnlyTime },
        { name: 'lastError', type: 'textarea', label: t('Lỗi', 'Error'), admin: readOnly },
        { name: 'lastFailureReasons', type: 'textarea', label: t('Thay đổi gây ra lần xây dựng lỗi', 'Changes of the failed build'), admin: readOnly },
        { name: 'lastLog', type: 'textarea', label: t('Trích nhật ký xây dựng', 'Log excerpt'), admin: { ...readOnly, rows: 16 } },
      ],
    },
  ],
}
