/**
 * Outgoing e-mail settings, from the environment. Without SMTP_HOST (development) nothing is
 * sent: messages are written to the log instead (see transport.ts).
 *
 *   SMTP_HOST        mail server; unset → no mail leaves the machine
 *   SMTP_PORT        default 465 with SMTP_SECURE=true, else 587
 *   SMTP_SECURE      true: TLS from the first byte (port 465); otherwise STARTTLS when the server offers it
 *   SMTP_USER        login, if the server needs one (with SMTP_PASS)
 *   SMTP_PASS
 *   EMAIL_FROM       sender address, e.g. khong-tra-loi@khuyenhoc.example.vn
 *   EMAIL_FROM_NAME  sender name; the portal's name by default
 */
import { PORTAL_NAME } from '../lib/portal'

export type EmailSettings = {
  smtp?: { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } }
  fromAddress: string
  fromName: string
}

const DEFAULT_FROM_ADDRESS = 'khong-tra-loi@localhost'

const isTrue = (value: string | undefined) => /^(1|true|yes|on)$/i.test(value?.trim() ?? '')

export function emailSettings(env: Record<string, string | undefined> = process.env): EmailSettings {
  const host = env.SMTP_HOST?.trim()
  const secure = isTrue(env.SMTP_SECURE)
  const port = Number(env.SMTP_PORT) || (secure ? 465 : 587)
  const user = env.SMTP_USER?.trim()
  return {
    smtp: host ? { host, port, secure, auth: user ? { user, pass: env.SMTP_PASS ?? '' } : undefined } : undefined,
    fromAddress: env.EMAIL_FROM?.trim() || DEFAULT_FROM_ADDRESS,
    fromName: env.EMAIL_FROM_NAME?.trim() || PORTAL_NAME,
  }
}
