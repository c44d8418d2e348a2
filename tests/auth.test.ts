/**
 * Payload's auth operations through the real REST handlers, on a real SQLite file behind the
 * write queue, with the password-reset e-mail delivered to a real SMTP server started here.
 *
 * - forgot-password answers at once (it used to wait 60 s for its own transaction in the write
 *   queue and answer 500, while every other save waited behind it);
 * - login, me, refresh, logout, forgot and reset password, unlock: each completes, also while
 *   another save is in the middle of its transaction and another editor saves at the same time;
 * - the reset e-mail (Vietnamese, via SMTP) carries a link that sets a new password; the old
 *   password and every session opened before stop working.
 *
 * `verify` (e-mail verification) is not enabled on Users: staff accounts are made by an
 * administrator, and a required verification would lock out every account made without a mail
 * server. Its operation is tested here on a second Payload (same database adapter and write
 * queue, same e-mail adapter) whose test-only auth collection has it, through the same REST
 * entry point (`handleEndpoints`) that the Next route calls.
 */
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { simpleParser, type ParsedMail } from 'mailparser'
import { buildConfig, getPayload, handleEndpoints, type Payload } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { databaseAdapter } from '../cms/database'
import { emailSettings } from '../cms/email/settings'
import { emailAdapter } from '../cms/email/transport'
import { WRITE_WAIT_MS } from '../cms/lib/sqliteWriteQueue'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

const CMS_URL = 'http://localhost:3000'
const SMTP_LOGIN = { user: 'cong-thong-tin', pass: 'mat-khau-may-chu-thu' }
const FROM = { address: 'khong-tra-loi@khuyenhoc.example.vn', name: 'Cổng thông tin Khuyến học' }
const NEW_PASSWORD = 'Ngọn-đèn-khuyến-học-2026'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let editorToken: string
let adminToken: string

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A local SMTP server that keeps every message it receives, parsed. Plain SMTP with a login, on loopback. */
async function startSmtpServer() {
  const received: ParsedMail[] = []
  let notify = () => {}
  const server = new SMTPServer({
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_LOGIN.user && auth.password === SMTP_LOGIN.pass) callback(null, { user: auth.username })
      else callback(new Error('Sai tài khoản máy chủ thư'))
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail)
          notify()
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const recipients = (mail: ParsedMail) =>
    [mail.to ?? []].flat().flatMap((address) => address.value.map((v) => v.address?.toLowerCase()))
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    /** The messages to `to` so far. */
    to: (to: string) => received.filter((mail) => recipients(mail).includes(to.toLowerCase())),
    /** The next message to `to` (after the `seen` already counted), or a failure after 10 s. */
    async next(to: string, seen = 0): Promise<ParsedMail> {
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline) {
        const mails = this.to(to)
        if (mails.length > seen) return mails[seen]
        await new Promise<void>((resolve) => {
          notify = resolve
          setTimeout(resolve, 200)
        })
      }
      throw new Error(`Không có thư nào tới ${to}`)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const jwt = (token: string) => ({ Authorization: `JWT ${token}` })
const login = (email: string, password: string) => http.rest('POST', '/users/login', { email, password })
const me = async (token: string) => (await http.rest('GET', '/users/me', undefined, jwt(token))).json.user as { email: string } | null
const tokenOf = async (email: string, password: string) => {
  const response = await login(email, password)
  expect(response.status).toBe(200)
  return response.json.token as string
}

beforeAll(async () => {
  smtp = await startSmtpServer()
  Object.assign(process.env, {
    CMS_URL,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    SMTP_USER: SMTP_LOGIN.user,
    SMTP_PASS: SMTP_LOGIN.pass,
    EMAIL_FROM: FROM.address,
    EMAIL_FROM_NAME: FROM.name,
  })
  cms = await startTestCms()
  payload = cms.payload
  http = await import('./helpers/http')
  const admin = await makeUser(payload, 'admin')
  const editor = await makeUser(payload, 'editor')
  adminToken = await tokenOf(admin.email, admin.password)
  editorToken = await tokenOf(editor.email, editor.password)
}, 180_000)

afterAll(async () => {
  await cms?.cleanup()
  await smtp?.close()
})

/**
 * Another save in the middle of its transaction (it holds SQLite's write lock) while
 * `operation` starts, plus an editor saving over REST at the same moment. The other save
 * commits after a moment; the operation and the editor's save must then both complete.
 */
async function whileAnotherSaveIsInFlight<T>(operation: () => Promise<T>): Promise<T> {
  const other = await openAnotherSave()
  const result = operation()
  const editorSave = http.rest('POST', '/topics', { name: `Chủ đề lưu cùng lúc ${Math.random()}` }, jwt(editorToken))
  await sleep(200)
  await other.commit()
  const [value, saved] = await Promise.all([result, editorSave])
  expect(saved.status).toBe(201)
  return value
}

async function openAnotherSave() {
  // Its own async context, as another request has: the transaction it opens is not the test's.
  await null
  const transactionID = await payload.db.beginTransaction()
  const name = `Lưu dở dang ${Math.random()}`
  await payload.db.create({ collection: 'topics', data: { name, slug: `luu-do-dang-${Date.now()}` }, req: { transactionID } as never })
  return { commit: () => payload.db.commitTransaction(transactionID!) }
}

describe('forgot-password under the write queue', () => {
  test('answers at once, and an editor saving at the same moment is not held up', async () => {
    const user = await makeUser(payload, 'author')
    const started = Date.now()
    const [forgot, save] = await Promise.all([
      http.rest('POST', '/users/forgot-password', { email: user.email }),
      sleep(5).then(() => http.rest('POST', '/topics', { name: 'Chủ đề lưu khi có người quên mật khẩu' }, jwt(editorToken))),
    ])
    expect(forgot.status).toBe(200)
    expect(save.status).toBe(201)
    // Far from the queue's 60 s wait: nobody waited for a writer that was waiting for itself.
    expect(Date.now() - started).toBeLessThan(WRITE_WAIT_MS / 6)
    expect((await smtp.next(user.email)).subject).toMatch(/Đặt lại mật khẩu/)
  }, 30_000)

  test('an unknown address gets the same answer, at once, and no mail', async () => {
    const before = smtp.received.length
    const forgot = await http.rest('POST', '/users/forgot-password', { email: 'khong-co-ai@example.test' })
    expect(forgot.status).toBe(200)
    await sleep(300)
    expect(smtp.received.length).toBe(before)
  }, 30_000)
})

describe('password reset through the e-mail', () => {
  test('the link sets a new password; the old password, the old sessions and the link itself stop working', async () => {
    const user = await makeUser(payload, 'editor')
    const oldToken = await tokenOf(user.email, user.password)
    expect((await me(oldToken))?.email).toBe(user.email)

    expect((await http.rest('POST', '/users/forgot-password', { email: user.email })).status).toBe(200)
    const mail = await smtp.next(user.email)

    // A Vietnamese message from the configured sender, through the configured SMTP login.
    expect(mail.subject).toBe('Đặt lại mật khẩu — Cổng thông tin Xã hội học tập')
    expect(mail.from?.value[0]).toEqual({ address: FROM.address, name: FROM.name })
    expect(mail.html).toContain('<html lang="vi">')
    expect(mail.html).toContain('Nếu bạn không yêu cầu đặt lại mật khẩu')
    const link = String(mail.html).match(/href="([^"]+)"/)?.[1] ?? ''
    expect(link).toMatch(new RegExp(`^${CMS_URL}/admin/reset/[0-9a-f]{40}$`))
    expect(mail.text).toContain(link)
    const resetToken = link.split('/').pop()!

    const reset = await http.rest('POST', '/users/reset-password', { token: resetToken, password: NEW_PASSWORD })
    expect(reset.status).toBe(200)
    expect((await me(reset.json.token))?.email).toBe(user.email)

    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200)
    expect((await login(user.email, user.password)).status).toBe(401)
    // The session opened before the reset is gone: its token identifies nobody any more.
    expect(await me(oldToken)).toBeNull()
    expect((await http.rest('POST', '/users/refresh-token', undefined, jwt(oldToken))).json.refreshedToken).toBeUndefined()

    // The link works once.
    const again = await http.rest('POST', '/users/reset-password', { token: resetToken, password: 'Một-mật-khẩu-khác-2026' })
    expect(again.status).toBe(403)
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200)
  }, 60_000)

  test('a made-up token is refused with a clear status and changes nothing', async () => {
    const reset = await http.rest('POST', '/users/reset-password', { token: 'f'.repeat(40), password: NEW_PASSWORD })
    expect(reset.status).toBe(403)
  })
})

describe('every auth operation over REST, alone and while another save is in flight', () => {
  const cases = [false, true].map((inFlight) => [inFlight ? 'while another save is in flight' : 'alone', inFlight] as const)
  const maybeInFlight = <T>(inFlight: boolean, operation: () => Promise<T>) => (inFlight ? whileAnotherSaveIsInFlight(operation) : operation())

  test.each(cases)('login, me, refresh, logout — %s', async (_, inFlight) => {
    const user = await makeUser(payload, 'author')
    const loggedIn = await maybeInFlight(inFlight, () => login(user.email, user.password))
    expect(loggedIn.status).toBe(200)
    const token = loggedIn.json.token as string

    const current = await maybeInFlight(inFlight, () => http.rest('GET', '/users/me', undefined, jwt(token)))
    expect(current.json.user.email).toBe(user.email)

    const refreshed = await maybeInFlight(inFlight, () => http.rest('POST', '/users/refresh-token', undefined, jwt(token)))
    expect(refreshed.status).toBe(200)
    expect(typeof refreshed.json.refreshedToken).toBe('string')

    const loggedOut = await maybeInFlight(inFlight, () => http.rest('POST', '/users/logout', undefined, jwt(token)))
    expect(loggedOut.status).toBe(200)
    expect(await me(token)).toBeNull()
  }, 60_000)

  test.each(cases)('forgot password, reset password — %s', async (_, inFlight) => {
    const user = await makeUser(payload, 'author')
    const seen = smtp.to(user.email).length
    const forgot = await maybeInFlight(inFlight, () => http.rest('POST', '/users/forgot-password', { email: user.email }))
    expect(forgot.status).toBe(200)
    const link = String((await smtp.next(user.email, seen)).html).match(/href="([^"]+)"/)![1]
    const reset = await maybeInFlight(inFlight, () =>
      http.rest('POST', '/users/reset-password', { token: link.split('/').pop(), password: NEW_PASSWORD }),
    )
    expect(reset.status).toBe(200)
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200)
  }, 60_000)

  test.each(cases)('a locked account (failed logins) unlocked by an administrator — %s', async (_, inFlight) => {
    const user = await makeUser(payload, 'author')
    // Failed logins write their count outside any transaction (visible to parallel attempts).
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await maybeInFlight(inFlight, () => login(user.email, 'sai-mat-khau'))).status).toBe(401)
    }
    expect((await login(user.email, user.password)).status).not.toBe(200)
    const unlocked = await maybeInFlight(inFlight, () => http.rest('POST', '/users/unlock', { email: user.email }, jwt(adminToken)))
    expect(unlocked.status).toBe(200)
    expect((await login(user.email, user.password)).status).toBe(200)
  }, 60_000)
})

describe('e-mail verification (a test-only collection with `verify`)', () => {
  const slug = 'verified-accounts'
  let dir: string
  let verifying: Payload
  let verifyConfig: ReturnType<typeof buildConfig>

  /** Payload's REST entry point for the second instance. */
  const restOf = async (method: string, path: string, body?: unknown) => {
    const request = new Request(new URL(`/api${path}`, CMS_URL), {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const response = await handleEndpoints({ config: verifyConfig, path: `/api${path}`, request, payloadInstanceCacheKey: slug })
    return { status: response.status, json: (await response.json()) as any }
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-verify-'))
    verifyConfig = buildConfig({
      secret: 'test-secret-not-used-outside-tests',
      serverURL: CMS_URL,
      db: databaseAdapter(`file:${path.join(dir, 'verify.db')}`, { push: true }),
      email: emailAdapter(),
      // Public sign-up, as a site with self-registered accounts would have.
      collections: [{ slug, auth: { verify: true }, access: { create: () => true }, fields: [] }],
      telemetry: false,
    })
    verifying = await getPayload({ config: verifyConfig, key: slug })
  }, 120_000)

  afterAll(async () => {
    await verifying?.destroy()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  /** Another save on that database, in the middle of its transaction, committed a moment later. */
  async function whileAnotherVerifySaveIsInFlight<T>(operation: () => Promise<T>): Promise<T> {
    const other = await (async () => {
      await null
      const transactionID = await verifying.db.beginTransaction()
      await verifying.db.create({ collection: slug as never, data: { email: `dang-luu-${Math.random()}@example.test` }, req: { transactionID } as never })
      return { commit: () => verifying.db.commitTransaction(transactionID!) }
    })()
    const result = operation()
    await sleep(200)
    await other.commit()
    return result
  }

  test.each([
    ['alone', false],
    ['while another save is in flight', true],
  ] as const)('register, verify by the mailed token, then login — %s', async (_, inFlight) => {
    const run = <T>(operation: () => Promise<T>) => (inFlight ? whileAnotherVerifySaveIsInFlight(operation) : operation())
    const email = `xac-minh-${Math.random().toString(36).slice(2)}@example.test`
    const created = await run(() => restOf('POST', `/${slug}`, { email, password: NEW_PASSWORD }))
    expect(created.status).toBe(201)
    expect((await restOf('POST', `/${slug}/login`, { email, password: NEW_PASSWORD })).status).toBe(403)

    const token = String((await smtp.next(email)).html).match(new RegExp(`/${slug}/verify/([0-9a-f]+)`))?.[1]
    expect(token).toBeTruthy()
    const verified = await run(() => restOf('POST', `/${slug}/verify/${token}`))
    expect(verified.status).toBe(200)
    expect((await restOf('POST', `/${slug}/login`, { email, password: NEW_PASSWORD })).status).toBe(200)
    expect((await restOf('POST', `/${slug}/verify/${token}`)).status).toBe(403)
  }, 60_000)
})

describe('without a mail server (development)', () => {
  /** What the adapter writes to Payload's log while `send` runs. */
  async function logged(send: () => Promise<unknown>) {
    const entries: Array<Record<string, unknown>> = []
    const warn = payload.logger.warn
    payload.logger.warn = ((entry: Record<string, unknown>) => void entries.push(entry)) as typeof warn
    try {
      await send()
      for (let i = 0; i < 50 && entries.length === 0; i++) await sleep(20)
    } finally {
      payload.logger.warn = warn
    }
    return entries
  }

  test('the reset e-mail goes to the log with its link, and to no server', async () => {
    const before = smtp.received.length
    const adapter = emailAdapter(emailSettings({}))({ payload })
    expect(adapter.name).toBe('log')
    const link = `${CMS_URL}/admin/reset/${'a'.repeat(40)}`
    const entries = await logged(() =>
      adapter.sendEmail({ to: 'bien-tap@example.test', subject: 'Đặt lại mật khẩu', html: `<p>Mở <a href="${link}">${link}</a></p>` }),
    )
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ to: 'bien-tap@example.test', subject: 'Đặt lại mật khẩu' })
    expect(entries[0].text).toContain(link)
    expect(smtp.received.length).toBe(before)
  })

  test('in production the log says the mail was not sent, without the link (a reset link is a credential)', async () => {
    const env = process.env as Record<string, string | undefined>
    const nodeEnv = env.NODE_ENV
    env.NODE_ENV = 'production'
    try {
      const adapter = emailAdapter(emailSettings({}))({ payload })
      const entries = await logged(() =>
        adapter.sendEmail({ to: 'bien-tap@example.test', subject: 'Đặt lại mật khẩu', html: '<a href="http://x/admin/reset/bi-mat">bí mật</a>' }),
      )
      expect(String(entries[0]?.msg)).toMatch(/KHÔNG được gửi.*SMTP_HOST/)
      expect(JSON.stringify(entries)).not.toContain('bi-mat')
    } finally {
      env.NODE_ENV = nodeEnv
    }
  })
})

describe('e-mail settings from the environment', () => {
  test('without SMTP_HOST nothing is sent over the network; SMTP settings are read as documented', () => {
    expect(emailSettings({}).smtp).toBeUndefined()
    expect(emailSettings({}).fromName).toBe('Cổng thông tin Xã hội học tập')
    expect(emailSettings({ SMTP_HOST: 'mail.example.vn', SMTP_SECURE: 'true' }).smtp).toEqual({
      host: 'mail.example.vn',
      port: 465,
      secure: true,
      auth: undefined,
    })
    expect(emailSettings({ SMTP_HOST: 'mail.example.vn', SMTP_USER: 'u', SMTP_PASS: 'p' }).smtp).toEqual({
      host: 'mail.example.vn',
      port: 587,
      secure: false,
      auth: { user: 'u', pass: 'p' },
    })
  })
})
