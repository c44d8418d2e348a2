import type { CollectionConfig } from 'payload'

import { createIndicatorReport, reportingOrganizationUpdate, updateIndicatorReport } from '../access'
import { allow, policy } from '../access/policy'
import { illustrativeField, seedKeyField } from '../fields/common'
import { figuresEndpoints } from '../figures/endpoints'
import { t } from '../fields/labels'
import { validateMeasure } from '../fields/validators'
import { relationId } from '../lib/relations'
import { portalRebuildHooks } from '../publishing/hooks'

type ValidateArgs = { siblingData?: Record<string, unknown>; req: import('payload').PayloadRequest }

/** Actual values per period and locality, entered by data reporters or editors. */
export const IndicatorReports: CollectionConfig = {
  slug: 'indicator-reports',
  labels: { singular: t('Báo cáo số liệu', 'Indicator report'), plural: t('Báo cáo số liệu', 'Indicator reports') },
  admin: {
    useAsTitle: 'periodLabel',
    defaultColumns: ['indicator', 'periodLabel', 'locality', 'value', 'reportingOrganization'],
    group: t('Số liệu', 'Data'),
    // Figures from Excel: template, upload, preview, apply (cms/figures/), for those allowed.
    components: { beforeListTable: ['/components/FiguresImportPanel#FiguresImportPanel'] },
  },
  // create/update are scoped to the data reporter's organisation (see policy.ts): their own rules.
  access: {
    read: allow(policy.collections['indicator-reports'].read),
    create: createIndicatorReport,
    update: updateIndicatorReport,
    delete: allow(policy.collections['indicator-reports'].delete),
  },
  hooks: portalRebuildHooks,
  // Figures from Excel or CSV: template, preview, apply, export (cms/figures/).
  endpoints: figuresEndpoints,
  fields: [
    { name: 'indicator', type: 'relationship', relationTo: 'indicators', required: true, label: t('Chỉ tiêu', 'Indicator') },
    {
      type: 'row',
      fields: [
        { name: 'year', type: 'number', required: true, min: 1945, max: 2100, label: t('Năm', 'Year') },
        { name: 'periodLabel', type: 'text', required: true, label: t('Kỳ báo cáo', 'Period') },
        { name: 'locality', type: 'text', required: true, label: t('Địa bàn', 'Locality') },
      ],
    },
    {
      name: 'value',
      type: 'number',
      required: true,
      label: t('Giá trị thực hiện', 'Actual value'),
      validate: async (value: unknown, { siblingData, req }: ValidateArgs) => {
        const indicatorId = siblingData?.indicator
        if (indicatorId == null) return validateMeasure(value, undefined)
        const id = relationId(indicatorId as number | { id: number }) as number
        const indicator = await req.payload
          .findByID({ collection: 'indicators', id, depth: 0, overrideAccess: true, req, disableErrors: true })
          .catch(() => null)
        return validateMeasure(value, indicator?.unit ?? undefined)
      },
    },
    {
      name: 'reportingOrganization',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      label: t('Cơ quan báo cáo', 'Reporting organisation'),
      access: { update: reportingOrganizationUpdate },
    },
    { name: 'source', type: 'text', label: t('Nguồn số liệu', 'Source') },
    { name: 'note', type: 'textarea', label: t('Ghi chú', 'Note') },
    illustrativeField,
    seedKeyField,
  ],
}
