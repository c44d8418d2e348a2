import type { CollectionConfig } from 'payload'

import { adminsOnly, adminsOnlyField, adminsOrSelf, signedIn } from '../access'
import { allow, policy } from '../access/policy'
import { t } from '../fields/labels'
import { userRoles } from '../fields/options'
import { selectOptions } from '../fields/content'
import { forgotPasswordEmail } from '../email/resetPassword'
import { serverUrl } from '../lib/origins'
import {
  checkAccountChange,
  enforcePasswordPolicyOnReset,
  notePasswordChange,
  revokeSessionsOnCredentialChange,
} from '../hooks/userAccounts'
import { LOCK_MINUTES, MAX_LOGIN_ATTEMPTS, PASSWORD_MIN_LENGTH } from '../lib/passwordPolicy'

const currentPasswordHelp = t(
  `Cần nhập khi đổi email hoặc mật khẩu của chính mình. Mật khẩu mới: ít nhất ${PASSWORD_MIN_LENGTH} ký tự, không phải mật khẩu phổ biến, email hay họ tên.`,
  `Needed to change your own email or password. New password: at least ${PASSWORD_MIN_LENGTH} characters, not a common password, your email or name.`,
)

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: t('Người dùng', 'User'), plural: t('Người dùng', 'Users') },
  auth: {
    maxLoginAttempts: MAX_LOGIN_ATTEMPTS,
    lockTime: LOCK_MINUTES * 60 * 1000,
    // The reset e-mail, in Vietnamese (cms/email/resetPassword.ts).
    forgotPassword: forgotPasswordEmail,
    // The session cookie travels over HTTPS only once the CMS has an https CMS_URL.
    cookies: { secure: serverUrl().startsWith('https:'), sameSite: 'Lax' },
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
    // Account safety (cms/hooks/userAccounts.ts): password policy, current password for one's
    // own email or password, sessions ended on password, email or role change.
    beforeOperation: [enforcePasswordPolicyOnReset],
    beforeValidate: [checkAccountChange],
    afterChange: [revokeSessionsOnCredentialChange],
    beforeChange: [
      notePasswordChange,
      // The very first account (Payload's first-user screen) becomes the administrator.
      async ({ data, operation, req }) => {
        if (operation !== 'create') return data
        const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
        return totalDocs === 0 ? { ...data, role: 'admin' } : data
      },
    ],
  },
  fields: [
    {
      // Asked when people change their own email or password; checked, then dropped (never stored).
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      label: t('Mật khẩu hiện tại', 'Current password'),
      admin: {
        components: { Field: '/components/CurrentPasswordField#CurrentPasswordField' },
        condition: (data, _sibling, { user }) => data?.id != null && user != null && String(user.id) === String(data.id),
        disableListColumn: true,
        disableListFilter: true,
        // A function: Payload renders only a function description beside a custom field component.
        description: ({ i18n }) => (i18n.language === 'en' ? currentPasswordHelp.en : currentPasswordHelp.vi),
      },
      hooks: { afterRead: [() => undefined] },
    },
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
