/**
 * Short-lived signed links for staff draft preview. The admin mints one when it shows a
 * document ("Xem trước"); the CMS's preview endpoint checks it before handing the draft to
 * the portal. HMAC-SHA256 over the target and expiry, keyed with the Payload secret, so a
 * link cannot be altered to show another document or to live longer.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const PREVIEW_TOKEN_TTL_SECONDS = 60 * 60

export type PreviewClaims = { collection: string; id: string; user: string; expires: number }

export type PreviewCheck =
  | { ok: true; claims: PreviewClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' | 'target' }

const sign = (body: string, secret: string) => createHmac('sha256', secret).update(`preview:${body}`).digest('base64url')

export function createPreviewToken(
  target: { collection: string; id: string | number; user: string | number },
  secret: string,
  now = Date.now(),
  ttlSeconds = PREVIEW_TOKEN_TTL_SECONDS,
): string {
  const claims: PreviewClaims = {
    collection: target.collection,
    id: String(target.id),
    user: String(target.user),
    expires: Math.floor(now / 1000) + ttlSeconds,
  }
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${body}.${sign(body, secret)}`
}

export function verifyPreviewToken(
  token: string | null | undefined,
  target: { collection: string; id: string },
  secret: string,
  now = Date.now(),
): PreviewCheck {
  if (!token) return { ok: false, reason: 'missing' }
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' }
  const expected = Buffer.from(sign(body, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' }
  let claims: PreviewClaims
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (typeof claims.expires !== 'number' || claims.expires * 1000 <= now) return { ok: false, reason: 'expired' }
  if (claims.collection !== target.collection || claims.id !== target.id) return { ok: false, reason: 'target' }
  return { ok: true, claims }
}

/** What the reader is told, in Vietnamese, for each refusal. */
export const previewRefusals: Record<Exclude<PreviewCheck, { ok: true }>['reason'] | 'user', string> = {
  missing: 'Trang xem trước chỉ dành cho cán bộ đã đăng nhập. Hãy mở tài liệu trong trang quản trị và bấm “Xem trước”.',
  malformed: 'Liên kết xem trước không hợp lệ. Hãy mở lại tài liệu trong trang quản trị và bấm “Xem trước”.',
  signature: 'Liên kết xem trước không hợp lệ. Hãy mở lại tài liệu trong trang quản trị và bấm “Xem trước”.',
  expired: 'Liên kết xem trước đã hết hạn. Hãy mở lại tài liệu trong trang quản trị và bấm “Xem trước”.',
  target: 'Liên kết xem trước không dành cho tài liệu này.',
  user: 'Tài khoản tạo liên kết xem trước không còn quyền xem bản nháp.',
}
