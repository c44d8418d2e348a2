/**
 * The password-reset e-mail (Payload's `auth.forgotPassword`), in Vietnamese, with the link to
 * the admin's reset screen: `<serverURL>/admin/reset/<token>`.
 */
import type { PayloadRequest } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { PORTAL_NAME } from '../lib/portal'
import { emailDocument, escapeHtml } from './html'

/** How long a reset link works (Payload's default, said in the message). */
export const RESET_PASSWORD_EXPIRATION_MS = 60 * 60 * 1000

type ResetEmailArgs = { req?: PayloadRequest; token?: string; user?: { email?: string; name?: string } }

/**
 * The configured server URL — never the request's Host header, which anyone can set (a reset
 * link pointing at their site would hand them the token). Without one (development) the CMS
 * runs on this machine.
 */
function cmsOrigin(req: PayloadRequest | undefined): string {
  return req?.payload.config.serverURL || `http://localhost:${process.env.CMS_PORT ?? 3000}`
}

export function resetPasswordURL(req: PayloadRequest | undefined, token: string): string {
  const config = req?.payload.config
  return formatAdminURL({
    adminRoute: config?.routes.admin ?? '/admin',
    path: `${config?.admin.routes.reset ?? '/reset'}/${encodeURIComponent(token)}`,
    serverURL: cmsOrigin(req),
  })
}

export const resetPasswordSubject = () => `Đặt lại mật khẩu — ${PORTAL_NAME}`

export function resetPasswordHTML({ req, token = '', user }: ResetEmailArgs = {}): string {
  const url = escapeHtml(resetPasswordURL(req, token))
  const minutes = Math.round(RESET_PASSWORD_EXPIRATION_MS / 60_000)
  return emailDocument(
    resetPasswordSubject(),
    `<p>Xin chào ${escapeHtml(user?.name || user?.email)},</p>
<p>Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản <strong>${escapeHtml(user?.email)}</strong> trên trang quản trị ${escapeHtml(PORTAL_NAME)}.</p>
<p>Để đặt mật khẩu mới, hãy mở liên kết sau trong vòng ${minutes} phút:</p>
<p><a href="${url}">${url}</a></p>
<p>Liên kết chỉ dùng được một lần. Sau khi đặt mật khẩu mới, mọi phiên đăng nhập cũ của tài khoản sẽ bị đăng xuất.</p>
<p>Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.</p>
<p>Thư này được gửi tự động, xin đừng trả lời.</p>`,
  )
}

/** Users' `auth.forgotPassword`. */
export const forgotPasswordEmail = {
  expiration: RESET_PASSWORD_EXPIRATION_MS,
  generateEmailSubject: resetPasswordSubject,
  generateEmailHTML: resetPasswordHTML,
}
