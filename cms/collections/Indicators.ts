import type { CollectionConfig } from 'payload'

import { collectionAccess, policy } from '../access/policy'
import { seedKeyField, slugField } from '../fields/common'
import { selectOptions } from '../fields/content'
import { t } from '../fields/labels'
import { indicatorDirections, indicatorUnits } from '../fields/options'
import { validateMeasure } from '../fields/validators'
import { portalRebuildHooks } from '../publishing/hooks'
import { populatedFields } from '../lib/populate'

export const Indicators: CollectionConfig<'indicators'> = {
  slug: 'indicators',
  // What a document linking here carries of it (cms/lib/populate.ts).
  defaultPopulate: populatedFields.indicators,
  labels: { singular: t('Chỉ tiêu', 'Indicator'), plural: t('Chỉ tiêu', 'Indicators') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['code', 'name', 'unit', 'direction'],
    group: t('Số liệu', 'Data'),
  },
  access: collectionAccess(policy.collections.indicators),
  hooks: portalRebuildHooks,
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'code', type: 'text', required: true, unique: true, label: t('Mã chỉ tiêu', 'Code') },
        { name: 'unit', type: 'select', required: true, label: t('Đơn vị tính', 'Unit'), options: selectOptions(indicatorUnits) },
        {
          name: 'direction',
          type: 'select',
          required: true,
          defaultValue: 'higher-is-better',
          label: t('Chiều đánh giá', 'Direction'),
          options: selectOptions(indicatorDirections),
        },
      ],
    },
    { name: 'name', type: 'text', required: true, label: t('Tên chỉ tiêu', 'Name') },
    slugField('name'),
    { name: 'description', type: 'textarea', label: t('Mô tả', 'Description') },
    { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, label: t('Chủ đề', 'Topics') },
    {
      name: 'targets',
      type: 'array',
      label: t('Mục tiêu theo năm và phạm vi', 'Targets per year and scope'),
      labels: { singular: t('Mục tiêu', 'Target'), plural: t('Mục tiêu', 'Targets') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'year', type: 'number', required: true, min: 1945, max: 2100, label: t('Năm', 'Year') },
            { name: 'scope', type: 'text', required: true, label: t('Phạm vi, địa bàn', 'Scope') },
            {
              name: 'value',
              type: 'number',
              required: true,
              label: t('Giá trị mục tiêu', 'Target value'),
              validate: (value: unknown, { data }: { data?: Record<string, unknown> }) =>
                validateMeasure(value, data?.unit as string | undefined),
            },
          ],
        },
        { name: 'sourcePlan', type: 'relationship', relationTo: 'plans', label: t('Văn bản đặt mục tiêu', 'Source document') },
        { name: 'note', type: 'textarea', label: t('Trích dẫn, ghi chú', 'Note') },
      ],
    },
    { name: 'reports', type: 'join', collection: 'indicator-reports', on: 'indicator', label: t('Số liệu thực hiện', 'Reports') },
    seedKeyField,
  ],
}
