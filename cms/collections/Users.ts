import type { CollectionConfig } from 'payload'

import { adminsOnly, adminsOnlyField, adminsOrSelf, signedIn } from '../access'
import { allow, policy } from '../access/policy'
import { t } from '../fields/labels'
import { userRoles } from '../fields/options'
import { selectOptions } from '../fields/content'
import { forgotPasswordEmail } from '../email/resetPassword'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: t('Người dùng', 'User'), plural: t('Người dùng', 'Users') },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    // The reset e-mail, in Vietnamese (cms/email/resetPassword.ts).
    forgotPassword: forgotPasswordEmail,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'organization'],
    group: t('Hệ thống', 'System'),
  },
  access: {
    admin: signedIn,
    read: adminsOrSelf,
    create: adminsOnly,
    update: adminsOrSelf,
    delete: adminsOnly,
    // POST /api/users/unlock: administrators only (Payload lets anyone signed in by default).
    unlock: allow(policy.collections.users.unlock),
  },
  hooks: {
    beforeChange: [
      // The very first account (Payload's first-user screen) becomes the administrator.
      async ({ data, operation, req }) => {
        if (operation !== 'create') return data
        const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
        return totalDocs === 0 ? { ...data, role: 'admin' } : data
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: t('Họ và tên', 'Full name') },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'author',
      label: t('Vai trò', 'Role'),
      options: selectOptions(userRoles),
      access: { create: adminsOnlyField, update: adminsOnlyField },
      saveToJWT: true,
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      label: t('Cơ quan, đơn vị', 'Organisation'),
      access: { create: adminsOnlyField, update: adminsOnlyField },
      saveToJWT: true,
      admin: { description: t('Cán bộ báo cáo số liệu chỉ nhập báo cáo cho cơ quan này.', 'Data reporters report for this organisation only.') },
      validate: (value: unknown, { siblingData }: { siblingData?: Record<string, unknown> }) =>
        siblingData?.role !== 'data-reporter' || value != null || 'Cán bộ báo cáo số liệu phải thuộc một cơ quan, đơn vị.',
    },
  ],
}
