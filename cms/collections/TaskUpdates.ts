import type { CollectionConfig } from 'payload'

import { publishRuleFrom } from '../access/publishRule'
import { policy } from '../access/policy'
import { taskUpdateAccess } from '../access/taskUpdates'
import { illustrativeField, seedKeyField } from '../fields/common'
import { selectOptions } from '../fields/content'
import { t } from '../fields/labels'
import { taskUpdateStatuses } from '../fields/options'
import { vietnamCalendarDay } from '../lib/vietnamese'
import { portalRebuildHooks } from '../publishing/hooks'
import { reviewable } from '../review'
import { taskRefBeforeChange, taskUpdateMessages, validateEvidenceUrl, validateTaskRef } from '../tasks/taskRef'

/**
 * Dated progress updates of plan tasks. Reviewed like figures: saved as drafts by staff or by the
 * task's lead organisation, public once an editor publishes them (cms/access/taskUpdates.ts).
 */
export const TaskUpdates: CollectionConfig<'task-updates'> = reviewable(
  {
    slug: 'task-updates',
    labels: { singular: t('Cập nhật tiến độ nhiệm vụ', 'Task progress update'), plural: t('Tiến độ nhiệm vụ', 'Task progress') },
    admin: {
      useAsTitle: 'taskTitle',
      defaultColumns: ['taskTitle', 'plan', 'reportedAt', 'status', 'percent', '_status'],
      group: t('Số liệu', 'Data'),
      description: t(
        'Mỗi lần cập nhật ghi tình trạng của một nhiệm vụ trong bảng nhiệm vụ của văn bản, kèm ngày. Cơ quan chủ trì lưu bản nháp; biên tập viên xem xét rồi xuất bản thì cổng thông tin mới hiển thị.',
        'Each update records the status of one task of a plan, with its date. The lead organisation saves a draft; it becomes public once an editor publishes it.',
      ),
    },
    access: taskUpdateAccess,
    versions: { drafts: { schedulePublish: true, validate: true }, maxPerDoc: 50 },
    hooks: {
      beforeOperation: [publishRuleFrom(policy.collections['task-updates']) as never],
      ...portalRebuildHooks,
      beforeChange: [taskRefBeforeChange, ...portalRebuildHooks.beforeChange],
    },
    fields: [
      { name: 'plan', type: 'relationship', relationTo: 'plans', required: true, label: t('Văn bản', 'Document') },
      {
        // The task's row id in the plan's tasks table: stable when rows are reordered or edited.
        name: 'task',
        type: 'text',
        required: true,
        index: true,
        label: t('Nhiệm vụ', 'Task'),
        validate: validateTaskRef as never,
        admin: {
          components: { Field: '/components/TaskPickerField#TaskPickerField' },
          description: t('Chọn văn bản trước, rồi chọn nhiệm vụ trong bảng nhiệm vụ của văn bản.', 'Choose the document first, then the task.'),
        },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'reportedAt',
            type: 'date',
            required: true,
            label: t('Ngày cập nhật', 'Date of the update'),
            defaultValue: () => new Date().toISOString(),
            admin: { date: { displayFormat: 'dd/MM/yyyy' } },
            validate: (value: unknown) => {
              if (value == null || value === '') return 'Hãy nhập ngày cập nhật.'
              const date = new Date(String(value))
              if (Number.isNaN(date.getTime())) return 'Ngày cập nhật không hợp lệ.'
              return vietnamCalendarDay(date) <= vietnamCalendarDay(new Date()) || taskUpdateMessages.reportedAtFuture
            },
          },
          { name: 'status', type: 'select', required: true, label: t('Tình trạng', 'Status'), options: selectOptions(taskUpdateStatuses) },
          {
            name: 'percent',
            type: 'number',
            label: t('Tỷ lệ hoàn thành (%)', 'Percent complete'),
            validate: (value: unknown) =>
              value == null || (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) || taskUpdateMessages.percentRange,
          },
        ],
      },
      { name: 'milestone', type: 'text', maxLength: 300, label: t('Mốc đã đạt', 'Milestone reached') },
      { name: 'note', type: 'textarea', maxLength: 5000, label: t('Ghi chú', 'Note') },
      {
        type: 'row',
        fields: [
          { name: 'evidenceUrl', type: 'text', label: t('Đường dẫn minh chứng', 'Evidence link'), validate: validateEvidenceUrl },
          {
            name: 'evidenceFile',
            type: 'upload',
            relationTo: 'media',
            label: t('Tệp minh chứng (chỉ cán bộ xem)', 'Evidence file (staff only)'),
          },
        ],
      },
      {
        name: 'taskTitle',
        type: 'text',
        label: t('Nhiệm vụ (tóm tắt)', 'Task (summary)'),
        admin: { readOnly: true, position: 'sidebar', description: t('Tự điền từ bảng nhiệm vụ của văn bản.', 'Filled from the plan.') },
      },
      {
        // Copied from the task on every save (cms/tasks/taskRef.ts): what a data reporter's access is scoped by.
        name: 'leadOrganization',
        type: 'relationship',
        relationTo: 'organizations',
        index: true,
        label: t('Cơ quan chủ trì', 'Lead organisation'),
        admin: { readOnly: true, position: 'sidebar' },
      },
      illustrativeField,
      seedKeyField,
    ],
  },
  { organizationField: 'leadOrganization' },
)
