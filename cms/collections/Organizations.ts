import type { CollectionConfig } from 'payload'

import { collectionAccess, policy } from '../access/policy'
import { seedKeyField, slugField } from '../fields/common'
import { selectOptions } from '../fields/content'
import { t } from '../fields/labels'
import { leadershipRoles, organizationKinds, organizationLevels } from '../fields/options'
import { endNotBefore } from '../fields/validators'
import { portalRebuildHooks } from '../publishing/hooks'
import { populatedFields } from '../lib/populate'

export const Organizations: CollectionConfig<'organizations'> = {
  slug: 'organizations',
  // What a document linking here carries of it (cms/lib/populate.ts).
  defaultPopulate: populatedFields.organizations,
  labels: { singular: t('Cơ quan, đơn vị', 'Organisation'), plural: t('Cơ quan, đơn vị', 'Organisations') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'level', 'province'],
    group: t('Danh mục', 'Reference data'),
  },
  access: collectionAccess(policy.collections.organizations),
  hooks: portalRebuildHooks,
  fields: [
    { name: 'name', type: 'text', required: true, label: t('Tên cơ quan, đơn vị', 'Name') },
    { name: 'shortName', type: 'text', label: t('Tên viết tắt', 'Short name') },
    slugField('name'),
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', required: true, label: t('Loại', 'Kind'), options: selectOptions(organizationKinds) },
        { name: 'level', type: 'select', label: t('Cấp', 'Level'), options: selectOptions(organizationLevels) },
        { name: 'province', type: 'text', label: t('Tỉnh, thành phố', 'Province') },
      ],
    },
    { name: 'parent', type: 'relationship', relationTo: 'organizations', label: t('Trực thuộc', 'Parent') },
    {
      name: 'members',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      label: t('Đơn vị thành viên (khối, cụm thi đua)', 'Member units (blocs, clusters)'),
      admin: { condition: (data) => data?.kind === 'emulation-bloc' || data?.kind === 'emulation-cluster' },
    },
    {
      name: 'leadership',
      type: 'array',
      label: t('Đơn vị Trưởng, Phó khối/cụm theo năm', 'Head and deputy units per year'),
      admin: { condition: (data) => data?.kind === 'emulation-bloc' || data?.kind === 'emulation-cluster' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'year', type: 'number', required: true, min: 1945, max: 2100, label: t('Năm', 'Year') },
            { name: 'role', type: 'select', required: true, options: selectOptions(leadershipRoles), label: t('Vai trò', 'Role') },
            { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, label: t('Đơn vị', 'Unit') },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'activeFrom', type: 'date', label: t('Hoạt động từ ngày', 'Active from') },
        { name: 'activeTo', type: 'date', label: t('Đến ngày', 'Active to'), validate: endNotBefore('activeFrom') },
      ],
    },
    {
      name: 'successor',
      type: 'relationship',
      relationTo: 'organizations',
      label: t('Đơn vị kế thừa (sau sáp nhập, hợp nhất)', 'Successor (after merger)'),
    },
    { name: 'changeNote', type: 'textarea', label: t('Ghi chú sáp nhập, thay đổi', 'Change note') },
    { name: 'description', type: 'textarea', label: t('Giới thiệu', 'Description') },
    {
      name: 'issuedPlans',
      type: 'join',
      collection: 'plans',
      on: 'issuers',
      label: t('Văn bản đã ban hành', 'Issued documents'),
    },
    seedKeyField,
  ],
}
