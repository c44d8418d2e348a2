/**
 * Payload's e-mail adapter on nodemailer: SMTP when SMTP_HOST is set, otherwise the message is
 * written to the log (development) and never leaves the machine.
 *
 * Not @payloadcms/email-nodemailer: its latest release pins `payload` 3.90.1 as an exact peer,
 * which this project's 3.90.2 cannot install; the adapter itself is these few lines.
 */
import nodemailer from 'nodemailer'
import type { Payload, PayloadEmailAdapter, SendEmailOptions } from 'payload'

import { htmlToText } from './text'
import { emailSettings, type EmailSettings } from './settings'

// Bounded, so that a mail server that does not answer cannot keep a send going for minutes.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

type Send = (message: SendEmailOptions) => Promise<unknown>

function smtpSender(smtp: NonNullable<EmailSettings['smtp']>): Send {
  const transporter = nodemailer.createTransport({ ...smtp, ...SMTP_TIMEOUTS })
  return (message) => transporter.sendMail(message)
}

/** Writes the message to the log. Its text is left out in production: a reset link is a credential. */
function logSender(payload: Payload): Send {
  const transporter = nodemailer.createTransport({ jsonTransport: true })
  return async (message) => {
    const info = await transporter.sendMail(message)
    const production = process.env.NODE_ENV === 'production'
    payload.logger.warn({
      msg: production
        ? 'Thư KHÔNG được gửi: chưa cấu hình máy chủ thư (SMTP_HOST).'
        : 'Chưa cấu hình máy chủ thư (SMTP_HOST): thư chỉ được ghi vào nhật ký, không gửi đi.',
      to: message.to,
      subject: message.subject,
      ...(production ? {} : { text: message.text }),
    })
    return info
  }
}

export function emailAdapter(settings: EmailSettings = emailSettings()): PayloadEmailAdapter {
  return ({ payload }) => {
    const send = settings.smtp ? smtpSender(settings.smtp) : logSender(payload)
    return {
      name: settings.smtp ? 'smtp' : 'log',
      defaultFromAddress: settings.fromAddress,
      defaultFromName: settings.fromName,
      // Payload sends from inside the operation's transaction (forgot-password), which holds
      // SQLite's single write lock: the SMTP exchange is not awaited, so that the operation
      // commits without waiting for a slow or unreachable mail server while every save waits.
      // The outcome is logged; forgot-password answers the same either way (it never reveals
      // whether an account exists).
      sendEmail: async (message) => {
        const full = {
          from: `"${settings.fromName}" <${settings.fromAddress}>`,
          ...message,
          text: message.text ?? (typeof message.html === 'string' ? htmlToText(message.html) : undefined),
        }
        void send(full).then(
          () => payload.logger.info({ msg: 'Đã gửi thư.', to: full.to, subject: full.subject }),
          (error: Error) => payload.logger.error({ msg: `Không gửi được thư: ${error.message}`, to: full.to, subject: full.subject }),
        )
      },
    }
  }
}
