/**
 * Who may use the figures import, from the policy table's `importFigures` cell: everything
 * (editors, admins), one organisation (a data reporter: their own), or nothing.
 */
import type { PayloadRequest } from 'payload'

import { grantFor, policy, policyRoleOf, userOrganizationOf } from '../access/policy'
import type { Id } from '../lib/relations'

export type FiguresScope = { kind: 'all' } | { kind: 'organization'; organization: Id }

export type ScopeResult = { ok: true; scope: FiguresScope } | { ok: false; status: 401 | 403; message: string }

export const accessMessages = {
  signIn: 'Cần đăng nhập bằng tài khoản được phép nhập số liệu.',
  notAllowed: 'Tài khoản của bạn không được nhập hay xuất số liệu chỉ tiêu. Hãy liên hệ Biên tập viên hoặc Quản trị hệ thống.',
  noOrganization: 'Tài khoản cán bộ báo cáo số liệu của bạn chưa được gắn với cơ quan, đơn vị nào. Hãy đề nghị Quản trị hệ thống cập nhật.',
  otherOrganization: 'Bạn chỉ được lấy biểu mẫu và số liệu của cơ quan, đơn vị mình.',
} as const

export function figuresScope(user: PayloadRequest['user']): ScopeResult {
  const grant = grantFor(policy.collections['indicator-reports'].importFigures, policyRoleOf(user))
  if (grant === true) return { ok: true, scope: { kind: 'all' } }
  if (grant === 'own-organization') {
    const organization = userOrganizationOf(user)
    if (organization == null) return { ok: false, status: 403, message: accessMessages.noOrganization }
    return { ok: true, scope: { kind: 'organization', organization } }
  }
  return user ? { ok: false, status: 403, message: accessMessages.notAllowed } : { ok: false, status: 401, message: accessMessages.signIn }
}

export const inScope = (scope: FiguresScope, organization: Id) =>
  scope.kind === 'all' || String(scope.organization) === String(organization)
