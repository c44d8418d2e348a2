/**
 * Account safety for the users collection (NIST SP 800-63B):
 * - every new password follows cms/lib/passwordPolicy (create, update, reset);
 * - changing one's own email or password needs the current password;
 * - a password, email or role change ends every session opened before it.
 * Payload 3.90 keeps the password out of its field list, so these are collection hooks on
 * `data.password`; a reset goes through its own operation and is checked before it.
 */
import crypto from 'node:crypto'

import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionBeforeValidateHook,
  PayloadRequest,
} from 'payload'
import { getFieldsToSign, incrementLoginAttempts, jwtSign, ValidationError } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import { passwordMatches } from '../lib/passwordHash'
import { detachedFromWrites } from '../lib/sqliteWriteQueue'
import { LOCK_MINUTES, passwordProblem } from '../lib/passwordPolicy'

type Account = { id?: number | string; email?: unknown; name?: unknown; role?: unknown }
type StoredAccount = { id: number | string; hash?: string; salt?: string; loginAttempts?: number | null; lockUntil?: string | null }

const newPasswordIn = (data: Record<string, unknown> | undefined) =>
  typeof data?.password === 'string' && data.password !== '' ? data.password : undefined

const sameEmail = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase()

const isOwnAccount = (req: PayloadRequest, account: Account | undefined) =>
  req.user?.collection === 'users' && account?.id != null && String(req.user.id) === String(account.id)

type FieldError = { path: string; label: string; message: string }

/**
 * A validation error whose message itself says what is wrong: where Payload's response
 * keeps only the message (the built admin shows it as the toast), the reason is still there.
 * Shaped for the admin's toast, which shows "title: item, item" as a title and a list.
 */
const refuse = (errors: FieldError[], req: PayloadRequest): never => {
  const error = new ValidationError({ collection: 'users', errors, req }, req.t)
  error.message =
    errors.length === 1
      ? `${errors[0]!.label}: ${errors[0]!.message}`
      : `Chưa lưu được tài khoản: ${errors.map(({ label, message }) => `${label} — ${message}`).join(', ')}`
  throw error
}

const PASSWORD_LABEL = 'Mật khẩu'
const CURRENT_PASSWORD_LABEL = 'Mật khẩu hiện tại'

/**
 * Every save of an account: the new password follows the policy (first-user screen, admin
 * forms, REST, GraphQL), and changing one's own email or password needs the current
 * password. Both problems are reported together, each on its field.
 */
export const checkAccountChange: CollectionBeforeValidateHook = async ({ data, operation, originalDoc, req }) => {
  if (!data) return data
  const currentPassword = data.currentPassword
  delete data.currentPassword // never stored, never passed on
  const errors = [
    ...(await currentPasswordErrors(data, currentPassword, operation, originalDoc, req)),
    ...newPasswordErrors(data, originalDoc),
  ]
  if (errors.length > 0) refuse(errors, req)
  return data
}

function newPasswordErrors(data: Record<string, unknown>, originalDoc: Account | undefined): FieldError[] {
  const password = newPasswordIn(data)
  if (password === undefined) return []
  const problem = passwordProblem(password, { email: data.email ?? originalDoc?.email, name: data.name ?? originalDoc?.name })
  return problem ? [{ path: 'password', label: PASSWORD_LABEL, message: problem }] : []
}

/**
 * Whoever changes their own email or password proves they know the current password, so a
 * borrowed session or a forged request cannot take the account over. An administrator
 * setting another person's password or email does not need theirs.
 */
async function currentPasswordErrors(
  data: Record<string, unknown>,
  currentPassword: unknown,
  operation: string,
  originalDoc: Account | undefined,
  req: PayloadRequest,
): Promise<FieldError[]> {
  if (operation !== 'update' || !isOwnAccount(req, originalDoc)) return []
  const changesPassword = newPasswordIn(data) !== undefined
  const changesEmail = data.email !== undefined && !sameEmail(data.email, originalDoc?.email)
  if (!changesPassword && !changesEmail) return []

  const what = changesPassword && changesEmail ? 'email và mật khẩu' : changesPassword ? 'mật khẩu' : 'email'
  const error = (message: string) => [{ path: 'currentPassword', label: CURRENT_PASSWORD_LABEL, message }]
  if (typeof currentPassword !== 'string' || currentPassword === '')
    return error(`Hãy nhập mật khẩu hiện tại để đổi ${what} của chính mình.`)
  const stored = await req.payload.db.findOne<StoredAccount>({
    collection: 'users',
    req,
    where: { id: { equals: originalDoc!.id } },
  })
  if (!stored) return error(`Mật khẩu hiện tại không đúng nên ${what} chưa được đổi.`)
  // Guessed like a login: wrong current passwords count toward the same lockout, so a
  // borrowed session cannot try passwords without limit.
  if (stored.lockUntil && Date.parse(stored.lockUntil) > Date.now())
    return error(`Tài khoản đang tạm khoá vì nhập sai mật khẩu nhiều lần; ${what} chưa được đổi. Hãy thử lại sau ${LOCK_MINUTES} phút.`)
  if (!(await passwordMatches(stored, currentPassword))) {
    // Recorded outside this save, which is refused and rolled back: on SQLite once this save
    // has let go of the single writer (awaiting it here would wait for ourselves).
    detachedFromWrites(() =>
      incrementLoginAttempts({ collection: req.payload.collections.users.config, payload: req.payload, user: stored as never }).catch((e: Error) =>
        req.payload.logger.error(`Không ghi được lần nhập sai mật khẩu hiện tại: ${e.message}`),
      ),
    )
    return error(`Mật khẩu hiện tại không đúng nên ${what} chưa được đổi.`)
  }
  return []
}

/** `POST /api/users/reset-password` (and GraphQL) sets a password without an update: check it first. */
export const enforcePasswordPolicyOnReset: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const data = (args as { data?: { password?: unknown; token?: unknown } }).data
  if (typeof data?.password !== 'string' || typeof data.token !== 'string') return args // Payload answers "missing data"
  const account = await req.payload.db.findOne<Account & { id: number | string }>({
    collection: 'users',
    req,
    where: { resetPasswordToken: { equals: data.token } },
  })
  const problem = passwordProblem(data.password, { email: account?.email, name: account?.name })
  if (problem) refuse([{ path: 'password', label: PASSWORD_LABEL, message: problem }], req)
  return args
}

const PASSWORD_CHANGED = 'userAccounts.passwordChangedFor'

/** Remember that this save sets a password: Payload drops it from the data before afterChange. */
export const notePasswordChange: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && newPasswordIn(data) !== undefined && originalDoc?.id != null) {
    const changed = (req.context[PASSWORD_CHANGED] as Set<string> | undefined) ?? new Set<string>()
    changed.add(String(originalDoc.id))
    req.context[PASSWORD_CHANGED] = changed
  }
  return data
}

/**
 * After a password, email or role change no token issued before it works any more (each
 * token names a session in `users_sessions`; the sessions are removed). When people change
 * their own account they get a new session at once, as a fresh sign-in gives: the response
 * sets a new `payload-token` cookie, so the admin stays signed in with it and every other
 * browser or token is signed out. An API client using the `Authorization` header takes the
 * token from that cookie or signs in again.
 */
export const revokeSessionsOnCredentialChange: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update') return doc
  // The saved values, not `doc`: a request's `select` may leave email or role out of it.
  const saved = await req.payload.db.findOne<Account & { id: number | string }>({
    collection: 'users',
    req,
    where: { id: { equals: doc.id } },
  })
  if (!saved) return doc
  const passwordChanged = (req.context[PASSWORD_CHANGED] as Set<string> | undefined)?.has(String(doc.id)) ?? false
  const emailChanged = !sameEmail(saved.email, previousDoc?.email)
  const roleChanged = saved.role !== previousDoc?.role
  if (!passwordChanged && !emailChanged && !roleChanged) return doc

  const fresh = isOwnAccount(req, saved) ? newSession(req) : undefined
  await req.payload.db.updateOne({
    collection: 'users',
    id: saved.id,
    data: { sessions: fresh ? [fresh] : [] },
    req,
    returning: false,
  })
  if (fresh) await setSessionCookie(req, saved, fresh.id)
  return doc
}

function newSession(req: PayloadRequest) {
  const auth = req.payload.collections.users.config.auth
  const now = new Date()
  return { id: crypto.randomUUID(), createdAt: now, expiresAt: new Date(now.getTime() + auth.tokenExpiration * 1000) }
}

async function setSessionCookie(req: PayloadRequest, user: Record<string, unknown>, sid: string) {
  const collectionConfig = req.payload.collections.users.config
  const fieldsToSign = getFieldsToSign({
    collectionConfig,
    email: String(user.email),
    sid,
    user: { ...user, collection: 'users' } as PayloadRequest['user'],
  })
  const { token } = await jwtSign({ fieldsToSign, secret: req.payload.secret, tokenExpiration: collectionConfig.auth.tokenExpiration })
  const cookie = generatePayloadCookie({
    collectionAuthConfig: collectionConfig.auth,
    cookiePrefix: req.payload.config.cookiePrefix,
    token,
  })
  const headers = req.responseHeaders ?? new Headers()
  headers.append('Set-Cookie', cookie)
  req.responseHeaders = headers
}
