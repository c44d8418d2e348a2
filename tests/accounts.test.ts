/**
 * Account safety (issue 9, item 6; NIST SP 800-63B) through Payload's real REST and GraphQL
 * handlers, for every role: the password policy on the first-user screen, on accounts made
 * or changed by an administrator, on one's own account and on a password reset; the current
 * password for changing one's own email or password; sessions ended by a password, email
 * or role change; unlocking accounts for administrators only.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { Users } from '../cms/collections/Users'
import { passwordMatches } from '../cms/lib/passwordHash'
import { MAX_LOGIN_ATTEMPTS, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../cms/lib/passwordPolicy'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')

const ROLES = ['admin', 'editor', 'author', 'data-reporter'] as const
type Role = (typeof ROLES)[number]

/** Good passwords: long, not common — a phrase is the advice given to staff. */
const strong = () => `ngựa vằn ăn cỏ ${Math.random().toString(36).slice(2, 8)}`
const WEAK = ['abc', 'password', 'Password1234', '  PASSWORD   1234 ', 'matkhau12345', 'Mật khẩu 12345', 'aaaaaaaaaaaa', '123456789012']

const auth = (token: string) => ({ Authorization: `JWT ${token}` })
const gqlString = (value: string) => JSON.stringify(value)

async function login(email: string, password: string) {
  const res = await http.rest('POST', '/users/login', { email, password })
  return res.status === 200 ? (res.json.token as string) : undefined
}
const meRest = async (token: string) => (await http.rest('GET', '/users/me', undefined, auth(token))).json.user ?? null
const meGql = async (token: string) => (await http.gql('{ meUser { user { id email } } }', auth(token))).json.data?.meUser?.user ?? null

/** The messages a refusal carries, over REST (`errors[].data.errors[]`) or GraphQL (`errors[].extensions`). */
const messagesOf = (json: any) => JSON.stringify(json.errors ?? json)

/** An account of this role with its own fresh password, for tests that change it. */
async function account(role: Role) {
  const org = role === 'data-reporter' ? ids.org : undefined
  const user = await makeUser(payload, role, org)
  return user
}

const ids: Record<string, any> = {}

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  http = await import('./helpers/http')
  ids.org = (await payload.create({ collection: 'organizations', data: { name: 'Hội Khuyến học tỉnh A', kind: 'study-promotion-association' }, overrideAccess: true })).id
})
afterAll(async () => cms?.cleanup())

describe('the password policy (cms/lib/passwordPolicy.ts)', () => {
  test('refuses short, common, repeated and sequential passwords, after folding case, marks and spaces', () => {
    for (const password of WEAK) expect(passwordProblem(password), password).toMatch(/Mật khẩu/)
    expect(passwordProblem('abc')).toContain(`ít nhất ${PASSWORD_MIN_LENGTH} ký tự`)
    expect(passwordProblem('qwertyuiop12')).toContain('phổ biến')
    expect(passwordProblem('abcdefghijklm')).toContain('phổ biến')
    expect(passwordProblem('abcabcabcabc')).toContain('phổ biến')
    // Spaces padding a short password do not count towards its length.
    expect(passwordProblem('   abc        ')).toContain('ít nhất')
    // The admin's error toast reads "title: item, item": a reason must hold no comma or colon.
    for (const password of [...WEAK, 'x'.repeat(300), 'Nguyễn Văn Bình 1']) expect(passwordProblem(password, { name: 'Nguyễn Văn Bình' })).not.toMatch(/[,:]/)
  })

  test('refuses the account’s own email or name, also with digits added', () => {
    const context = { email: 'nguyen.van.binh@example.test', name: 'Nguyễn Văn Bình' }
    expect(passwordProblem('nguyen.van.binh@example.test', context)).toContain('email hoặc họ tên')
    expect(passwordProblem('Nguyen.Van.Binh2024', context)).toContain('email hoặc họ tên')
    expect(passwordProblem('Nguyễn Văn Bình 123', context)).toContain('email hoặc họ tên')
    expect(passwordProblem('nguyenvanbinh!!!', context)).toContain('email hoặc họ tên')
  })

  test('accepts long passphrases without composition rules, up to the maximum length', () => {
    expect(passwordProblem('ngựa vằn ăn cỏ ven đê')).toBeUndefined()
    expect(passwordProblem('correct horse battery staple')).toBeUndefined()
    expect(passwordProblem('mat-khau-quan-tri-1')).toBeUndefined()
    const long = Array.from({ length: PASSWORD_MAX_LENGTH }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[(i * 7) % 26]).join('')
    expect(passwordProblem(long)).toBeUndefined()
    expect(passwordProblem(`${long}x`)).toContain(`tối đa ${PASSWORD_MAX_LENGTH}`)
  })

  test('checks passwords against the hashes Payload stores', async () => {
    const user = await makeUser(payload, 'author')
    const stored = await payload.db.findOne<any>({ collection: 'users', where: { id: { equals: user.id } } })
    expect(await passwordMatches(stored, user.password)).toBe(true)
    expect(await passwordMatches(stored, `${user.password}x`)).toBe(false)
    expect(await passwordMatches(stored, '')).toBe(false)
    await payload.delete({ collection: 'users', id: user.id, overrideAccess: true })
  })
})

describe('the first administrator (the first-user screen)', () => {
  test('a weak password is refused with a Vietnamese message and creates nobody', async () => {
    expect(await payload.count({ collection: 'users', overrideAccess: true })).toMatchObject({ totalDocs: 0 })
    for (const password of ['abc', 'password', 'password1234']) {
      const res = await http.rest('POST', '/users/first-register', {
        email: 'quantri@example.test',
        password,
        'confirm-password': password,
        name: 'Quản trị viên',
      })
      expect(res.status, password).toBe(400)
      expect(messagesOf(res.json)).toMatch(/Mật khẩu/)
      expect((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(0)
    }
  })

  test('a strong password creates the administrator', async () => {
    const password = strong()
    const res = await http.rest('POST', '/users/first-register', { email: 'quantri@example.test', password, 'confirm-password': password, name: 'Quản trị viên' })
    expect(res.status).toBe(200)
    expect(res.json.user.role).toBe('admin')
    expect((await meRest(res.json.token))?.email).toBe('quantri@example.test')
  })
})

/** An administrator for the tests below, independent of the first-user tests above. */
async function signedInAdmin() {
  const admin = await makeUser(payload, 'admin')
  return { ...admin, token: (await login(admin.email, admin.password))! }
}

describe('accounts made or changed by an administrator', () => {
  beforeAll(async () => (ids.admin = await signedInAdmin()))
  test.each(ROLES)('creating a %s account with a weak password is refused (REST and GraphQL)', async (role) => {
    const admin = ids.admin
    const before = (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    const data = { email: `moi-${role}@example.test`, name: 'Người mới', role, organization: ids.org }
    for (const password of ['abc', 'password', 'Password1234']) {
      const res = await http.rest('POST', '/users', { ...data, password }, auth(admin.token))
      expect(res.status, password).toBe(400)
      expect(messagesOf(res.json)).toMatch(/Mật khẩu/)
      const q = await http.gql(
        `mutation { createUser(data: { email: ${gqlString(data.email)}, name: "Người mới", role: ${role.replace('-', '_')}, organization: ${ids.org}, password: ${gqlString(password)} }) { id } }`,
        auth(admin.token),
      )
      expect(q.json.data?.createUser ?? null).toBeNull()
      expect(messagesOf(q.json)).toMatch(/Mật khẩu/)
    }
    expect((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(before)
    const created = await http.rest('POST', '/users', { ...data, password: strong() }, auth(admin.token))
    expect(created.status).toBe(201)
    await payload.delete({ collection: 'users', id: created.json.doc.id, overrideAccess: true })
  })

  test.each(ROLES)('setting a weak password on a %s account is refused and keeps the old one', async (role) => {
    const target = await account(role)
    const admin = ids.admin
    for (const password of ['abc', 'password', 'Password1234', target.email]) {
      const res = await http.rest('PATCH', `/users/${target.id}`, { password }, auth(admin.token))
      expect(res.status, password).toBe(400)
      expect(messagesOf(res.json)).toMatch(/Mật khẩu/)
      const q = await http.gql(`mutation { updateUser(id: ${target.id}, data: { password: ${gqlString(password)} }) { id } }`, auth(admin.token))
      expect(q.json.data?.updateUser ?? null).toBeNull()
    }
    expect(await login(target.email, target.password)).toBeTruthy()
    expect(await login(target.email, 'Password1234')).toBeUndefined()
  })

  test.each(ROLES)('an administrator sets a %s account’s password and email without knowing its password', async (role) => {
    const target = await account(role)
    const password = strong()
    const res = await http.rest('PATCH', `/users/${target.id}`, { password, email: `doi-${target.email}` }, auth(ids.admin.token))
    expect(res.status).toBe(200)
    expect(await login(`doi-${target.email}`, password)).toBeTruthy()
    const again = strong()
    const q = await http.gql(`mutation { updateUser(id: ${target.id}, data: { password: ${gqlString(again)} }) { id } }`, auth(ids.admin.token))
    expect(q.json.errors).toBeUndefined()
    expect(await login(`doi-${target.email}`, again)).toBeTruthy()
  })
})

describe('changing one’s own email or password needs the current password', () => {
  test.each(ROLES)('%s: without it, or with a wrong one, nothing changes (REST and GraphQL)', async (role) => {
    const me = await account(role)
    const token = (await login(me.email, me.password))!
    const newPassword = strong()
    const attempts = [
      { password: newPassword },
      { password: newPassword, currentPassword: 'not-my-password-at-all' },
      { email: `moi-${me.email}` },
      { email: `moi-${me.email}`, currentPassword: 'not-my-password-at-all' },
    ]
    for (const data of attempts) {
      const res = await http.rest('PATCH', `/users/${me.id}`, data, auth(token))
      expect(res.status, JSON.stringify(data)).toBe(400)
      expect(messagesOf(res.json)).toMatch(/[Mm]ật khẩu hiện tại/)
      const fields = Object.entries(data)
        .map(([k, v]) => `${k}: ${gqlString(v)}`)
        .join(', ')
      const q = await http.gql(`mutation { updateUser(id: ${me.id}, data: { ${fields} }) { id email } }`, auth(token))
      expect(q.json.data?.updateUser ?? null).toBeNull()
      expect(messagesOf(q.json)).toMatch(/[Mm]ật khẩu hiện tại/)
    }
    // Nothing changed: the old password and email still sign in, the session still works.
    expect(await login(me.email, me.password)).toBeTruthy()
    expect(await login(me.email, newPassword)).toBeUndefined()
    expect((await meRest(token))?.email).toBe(me.email)
  })

  test.each(ROLES)('%s: with the current password, the change is made (REST and GraphQL)', async (role) => {
    const me = await account(role)
    const token = (await login(me.email, me.password))!
    const newPassword = strong()
    const res = await http.rest('PATCH', `/users/${me.id}`, { password: newPassword, currentPassword: me.password }, auth(token))
    expect(res.status).toBe(200)
    expect(await login(me.email, newPassword)).toBeTruthy()
    expect(await login(me.email, me.password)).toBeUndefined()

    const fresh = (await login(me.email, newPassword))!
    const email = `moi-${me.email}`
    const q = await http.gql(
      `mutation { updateUser(id: ${me.id}, data: { email: ${gqlString(email)}, currentPassword: ${gqlString(newPassword)} }) { email } }`,
      auth(fresh),
    )
    expect(q.json.errors).toBeUndefined()
    expect(q.json.data.updateUser.email).toBe(email)
    expect(await login(email, newPassword)).toBeTruthy()
  })

  test.each(ROLES)('%s: wrong current passwords count toward the sign-in lockout (REST and GraphQL)', async (role) => {
    const me = await account(role)
    const token = (await login(me.email, me.password))!
    const newPassword = strong()
    for (let i = 0; i < MAX_LOGIN_ATTEMPTS; i++) {
      const wrong = `sai-mat-khau-${i}-${Math.random()}`
      if (i % 2 === 0) expect((await http.rest('PATCH', `/users/${me.id}`, { password: newPassword, currentPassword: wrong }, auth(token))).status).toBe(400)
      else {
        const q = await http.gql(`mutation { updateUser(id: ${me.id}, data: { password: ${gqlString(newPassword)}, currentPassword: ${gqlString(wrong)} }) { id } }`, auth(token))
        expect(q.json.data?.updateUser ?? null).toBeNull()
      }
    }
    // Locked: even the right current password changes nothing now, and sign-in is refused.
    const res = await http.rest('PATCH', `/users/${me.id}`, { password: newPassword, currentPassword: me.password }, auth(token))
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toContain('tạm khoá')
    const q = await http.gql(`mutation { updateUser(id: ${me.id}, data: { password: ${gqlString(newPassword)}, currentPassword: ${gqlString(me.password)} }) { id } }`, auth(token))
    expect(q.json.data?.updateUser ?? null).toBeNull()
    expect(messagesOf(q.json)).toContain('tạm khoá')
    expect(await login(me.email, me.password)).toBeUndefined()
    const stored = await payload.db.findOne<{ id: number; hash: string; salt: string; lockUntil?: string }>({ collection: 'users', where: { id: { equals: me.id } } })
    expect(Date.parse(stored!.lockUntil!)).toBeGreaterThan(Date.now())
    expect(await passwordMatches(stored!, me.password)).toBe(true)
  })

  test.each(ROLES)('%s: a weak new password is refused even with the current password', async (role) => {
    const me = await account(role)
    const token = (await login(me.email, me.password))!
    const res = await http.rest('PATCH', `/users/${me.id}`, { password: 'password1234', currentPassword: me.password }, auth(token))
    expect(res.status).toBe(400)
    expect(messagesOf(res.json)).toContain('phổ biến')
    // The message itself says why (Payload's built server may pass on only the message).
    expect(res.json.errors[0].message).toContain('phổ biến')
    const q = await http.gql(`mutation { updateUser(id: ${me.id}, data: { password: "abc", currentPassword: ${gqlString(me.password)} }) { id } }`, auth(token))
    expect(q.json.errors[0].message).toContain('ít nhất 12 ký tự')
    // Without the current password either: both problems at once, each on its field.
    const both = await http.rest('PATCH', `/users/${me.id}`, { password: 'abc' }, auth(token))
    expect(both.status).toBe(400)
    expect(both.json.errors[0].data.errors.map((e: any) => e.path).sort()).toEqual(['currentPassword', 'password'])
    expect(await login(me.email, me.password)).toBeTruthy()
  })

  test('other changes to one’s own account need no password; the field is never stored or returned', async () => {
    const me = await account('editor')
    const token = (await login(me.email, me.password))!
    const res = await http.rest('PATCH', `/users/${me.id}`, { name: 'Tên mới', currentPassword: me.password }, auth(token))
    expect(res.status).toBe(200)
    expect(res.json.doc.name).toBe('Tên mới')
    expect(JSON.stringify(res.json)).not.toContain(me.password)
    expect(JSON.stringify((await http.rest('GET', `/users/${me.id}`, undefined, auth(token))).json)).not.toContain(me.password)
    expect((await meRest(token))?.name).toBe('Tên mới') // and the session goes on
    // The virtual field cannot be used to probe anything.
    const query = await http.rest('GET', `/users?where[currentPassword][equals]=${encodeURIComponent(me.password)}`, undefined, auth(token))
    expect(query.status).toBeLessThan(500)
    expect(JSON.stringify(query.json)).not.toContain(me.password)
  })
})

describe('sessions end on a password, email or role change', () => {
  beforeAll(async () => (ids.admin = await signedInAdmin()))
  test.each(ROLES)('%s: after an administrator changes the role, tokens issued before stop working (REST and GraphQL)', async (role) => {
    const target = await account(role)
    const tokens = [(await login(target.email, target.password))!, (await login(target.email, target.password))!]
    for (const token of tokens) {
      expect((await meRest(token))?.id).toBe(target.id)
      expect((await meGql(token))?.id).toBe(target.id)
    }
    const newRole = role === 'author' ? 'editor' : 'author'
    const res = await http.rest('PATCH', `/users/${target.id}`, { role: newRole }, auth(ids.admin.token))
    expect(res.status).toBe(200)
    for (const token of tokens) {
      expect(await meRest(token)).toBeNull()
      expect(await meGql(token)).toBeNull()
      // …nor can they write anything.
      expect((await http.rest('POST', '/news', { title: 'x', _status: 'draft' }, auth(token))).status).toBe(403)
    }
    expect(await login(target.email, target.password)).toBeTruthy() // a new sign-in works
  })

  test('after an administrator sets a password or an email, tokens issued before stop working', async () => {
    for (const data of [{ password: strong() }, { email: `moi-${Math.random().toString(36).slice(2)}@example.test` }]) {
      const target = await account('author')
      const token = (await login(target.email, target.password))!
      const q = await http.gql(
        `mutation { updateUser(id: ${target.id}, data: { ${Object.entries(data).map(([k, v]) => `${k}: ${gqlString(v)}`)} }) { id } }`,
        auth(ids.admin.token),
      )
      expect(q.json.errors).toBeUndefined()
      expect(await meRest(token)).toBeNull()
      expect(await meGql(token)).toBeNull()
    }
  })

  test.each(ROLES)('%s: changing one’s own password ends every earlier session and starts a fresh one', async (role) => {
    const me = await account(role)
    const used = (await login(me.email, me.password))!
    const elsewhere = (await login(me.email, me.password))!
    const newPassword = strong()
    const request = new Request('http://localhost:3000/api/users/' + me.id, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...auth(used) },
      body: JSON.stringify({ password: newPassword, currentPassword: me.password }),
    })
    const response = await http.dispatch(request)
    expect(response.status).toBe(200)
    for (const token of [used, elsewhere]) {
      expect(await meRest(token)).toBeNull()
      expect(await meGql(token)).toBeNull()
    }
    // The response signs the person in again, as the admin's cookie.
    const cookie = response.headers.get('set-cookie') ?? ''
    const fresh = /payload-token=([^;]+)/.exec(cookie)?.[1]
    expect(fresh).toBeTruthy()
    expect((await meRest(fresh!))?.id).toBe(me.id)
    expect((await meGql(fresh!))?.id).toBe(me.id)
  })

  test('a name change ends no session', async () => {
    const target = await account('author')
    const token = (await login(target.email, target.password))!
    expect((await http.rest('PATCH', `/users/${target.id}`, { name: 'Tên khác' }, auth(ids.admin.token))).status).toBe(200)
    expect((await meRest(token))?.id).toBe(target.id)
  })
})

describe('password reset', () => {
  /** A reset token as forgot-password stores it (the email itself is tested with the mail adapter). */
  async function resetToken(userId: number | string) {
    const token = `reset-${Math.random().toString(36).slice(2)}`
    await payload.db.updateOne({
      collection: 'users',
      id: userId,
      data: { resetPasswordToken: token, resetPasswordExpiration: new Date(Date.now() + 3_600_000).toISOString() },
    })
    return token
  }

  test.each(ROLES)('%s: a weak new password is refused (REST and GraphQL), the token and old password still work', async (role) => {
    const target = await account(role)
    const token = await resetToken(target.id)
    for (const password of ['abc', 'password', 'password1234', target.email]) {
      const res = await http.rest('POST', '/users/reset-password', { token, password })
      expect(res.status, password).toBe(400)
      expect(messagesOf(res.json)).toMatch(/Mật khẩu/)
      const q = await http.gql(`mutation { resetPasswordUser(token: ${gqlString(token)}, password: ${gqlString(password)}) { token } }`)
      expect(q.json.data?.resetPasswordUser ?? null).toBeNull()
      expect(messagesOf(q.json)).toMatch(/Mật khẩu/)
    }
    expect(await login(target.email, target.password)).toBeTruthy()
    const session = (await login(target.email, target.password))!
    const password = strong()
    const q = await http.gql(`mutation { resetPasswordUser(token: ${gqlString(token)}, password: ${gqlString(password)}) { token } }`)
    expect(q.json.errors).toBeUndefined()
    expect(await login(target.email, password)).toBeTruthy()
    expect(await login(target.email, target.password)).toBeUndefined()
    expect(await meRest(session)).toBeNull() // Payload ends earlier sessions on a reset
  })
})

describe('unlocking accounts', () => {
  beforeAll(async () => (ids.admin = await signedInAdmin()))
  // ISSUE 9 ITEM 6 — `access.unlock` on Users is set by another branch (admins only). Until it is
  // merged, Payload's default lets any signed-in user unlock; this test then runs on its own.
  const unlockRuleMerged = Users.access?.unlock !== undefined
  test.runIf(unlockRuleMerged).each(['editor', 'author', 'data-reporter'] as const)(
    '%s cannot unlock another account (REST and GraphQL); an administrator can',
    async (role) => {
      const target = await account('author')
      const me = await account(role)
      const token = (await login(me.email, me.password))!
      const lock = () =>
        payload.db.updateOne({ collection: 'users', id: target.id, data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 600_000).toISOString() } })
      const locked = async () => {
        const doc = await payload.db.findOne<any>({ collection: 'users', where: { id: { equals: target.id } } })
        return Boolean(doc.lockUntil && new Date(doc.lockUntil) > new Date())
      }
      await lock()
      expect((await http.rest('POST', '/users/unlock', { email: target.email }, auth(token))).status).toBe(403)
      const q = await http.gql(`mutation { unlockUser(email: ${gqlString(target.email)}) }`, auth(token))
      expect(q.json.data?.unlockUser ?? null).toBeNull()
      expect(await locked()).toBe(true)
      expect((await http.rest('POST', '/users/unlock', { email: target.email }, auth(ids.admin.token))).status).toBe(200)
      expect(await locked()).toBe(false)
    },
  )
})
