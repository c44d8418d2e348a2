import type { CollectionConfig } from 'payload'

import { reportingOrganizationUpdate } from '../access'
import { reportAccess, reportPublishRule } from '../access/reportAccess'
import { illustrativeField, seedKeyField } from '../fields/common'
import { figuresEndpoints } from '../figures/endpoints'
import { t } from '../fields/labels'
import { validateMeasure } from '../fields/validators'
import { relationId } from '../lib/relations'
import { portalRebuildHooks } from '../publishing/hooks'
import { reviewable } from '../review'

type ValidateArgs = { siblingData?: Record<string, unknown>; req: import('payload').PayloadRequest }

/**
 * Actual values per period and locality, entered by data reporters (as drafts sent for review)
 * or editors; public once published (approved).
 */
export const IndicatorReports: CollectionConfig = reviewable({
  slug: 'indicator-reports',
  labels: { singular: t('Báo cáo số liệu', 'Indicator report'), plural: t('Báo cáo số liệu', 'Indicator reports') },
  admin: {
    useAsTitle: 'periodLabel',
    defaultColumns: ['indicator', 'periodLabel', 'locality', 'value', 'reportingOrganization'],
    group: t('Số liệu', 'Data'),
    // Figures from Excel: template, upload, preview, apply (cms/figures/), for those allowed.
    components: { beforeListTable: ['/components/FiguresImportPanel#FiguresImportPanel'] },
  },
  // Scoped to the data reporter's organisation, drafts only for them (cms/access/reportAccess.ts).
  access: reportAccess,
  // A figure is public only once approved: reporters save drafts, editors publish.
  versions: { drafts: { validate: true }, maxPerDoc: 50 },
  hooks: { beforeOperation: [reportPublishRule as never], ...portalRebuildHooks },
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
}, { organizationField: 'reportingOrganization' })
