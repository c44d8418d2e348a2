/**
 * The CMS's own defences, through Payload's real REST and GraphQL handlers: a staff member's
 * session cookie works only from the CMS's own origin (never relying on SameSite), and every
 * admin and API response refuses framing and sniffing.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

import { cmsOrigin, serverUrl, trustedOrigins } from '../cms/lib/origins'
import { cmsHeaderRoutes, cmsSecurityHeaders, missingCmsUrlMessage } from '../cms/security-headers.mjs'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
let cookie: string

const EVIL = 'https://evil.example'
const PORTAL = 'http://localhost:4321'
const OWN = 'http://localhost:3000'

const newsCount = async (title: string) =>
  (await payload.count({ collection: 'news', where: { title: { equals: title } }, overrideAccess: true })).totalDocs
const userCount = async (email: string) => (await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).totalDocs

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  http = await import('./helpers/http')
  const admin = await makeUser(payload, 'admin')
  const { token } = await payload.login({ collection: 'users', data: { email: admin.email, password: admin.password } })
  cookie = `payload-token=${token}`
})

afterAll(async () => cms?.cleanup())

describe('cookie-authenticated writes from another origin are refused', () => {
  const newAdmin = (email: string) => ({ email, password: 'mat-khau-rat-dai-va-kho-doan-123', name: 'Kẻ lạ', role: 'admin' })

  test.each([
    ['another site', { origin: EVIL }],
    ['the portal (a script injected there must not act as its reader)', { origin: PORTAL }],
    ['no Origin, cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['no Origin, no fetch metadata', {}],
  ])('REST from %s: the cookie is ignored and nothing changes', async (_, headers) => {
    const email = `ke-la-${Math.random().toString(36).slice(2)}@evil.example`
    const created = await http.rest('POST', '/users', newAdmin(email), { cookie, ...headers })
    expect(created.status).toBe(403)
    expect(await userCount(email)).toBe(0)

    const title = `Tin giả mạo ${Math.random()}`
    const news = await http.rest('POST', '/news', { title }, { cookie, ...headers })
    expect(news.status).toBe(403)
    expect(await newsCount(title)).toBe(0)

    // Nor is the cookie's user seen on a read.
    const me = await http.rest('GET', '/users/me', undefined, { cookie, ...headers })
    expect(me.json.user).toBeNull()
  })

  test('REST from another site: update and delete are refused too', async () => {
    const doc = await payload.create({ collection: 'news', data: { title: 'Tin gốc', _status: 'published' }, overrideAccess: true })
    const patched = await http.rest('PATCH', `/news/${doc.id}`, { title: 'Đã bị sửa' }, { cookie, origin: EVIL })
    expect(patched.status).toBe(403)
    const deleted = await http.rest('DELETE', `/news/${doc.id}`, undefined, { cookie, origin: EVIL })
    expect(deleted.status).toBe(403)
    expect((await payload.findByID({ collection: 'news', id: doc.id, overrideAccess: true })).title).toBe('Tin gốc')
  })

  test('GraphQL from another site: the mutation is refused and nothing changes', async () => {
    const email = `ke-la-gql-${Math.random().toString(36).slice(2)}@evil.example`
    const res = await http.gql(
      `mutation { createUser(data: { email: "${email}", password: "mat-khau-rat-dai-va-kho-doan-123", name: "Kẻ lạ", role: admin }) { id } }`,
      { cookie, origin: EVIL },
    )
    expect(res.json.errors?.[0]?.extensions?.statusCode ?? res.status).toBe(403)
    expect(res.json.data?.createUser ?? null).toBeNull()
    expect(await userCount(email)).toBe(0)
    const me = await http.gql('{ meUser { user { id } } }', { cookie, origin: EVIL })
    expect(me.json.data.meUser.user).toBeNull()
  })

  test('the same requests from the CMS’s own origin work', async () => {
    const email = `dong-nghiep-${Math.random().toString(36).slice(2)}@example.test`
    const created = await http.rest('POST', '/users', newAdmin(email), { cookie, origin: OWN })
    expect(created.status).toBe(201)
    expect(await userCount(email)).toBe(1)
    const viaGql = `dong-nghiep-gql-${Math.random().toString(36).slice(2)}@example.test`
    const res = await http.gql(
      `mutation { createUser(data: { email: "${viaGql}", password: "mat-khau-rat-dai-va-kho-doan-123", name: "Đồng nghiệp", role: editor }) { id } }`,
      { cookie, origin: OWN },
    )
    expect(res.json.errors).toBeUndefined()
    expect(await userCount(viaGql)).toBe(1)
    // The admin's own page loads (same-origin fetch metadata, no Origin on a GET).
    expect((await http.rest('GET', '/users/me', undefined, { cookie, 'sec-fetch-site': 'same-origin' })).json.user?.email).toBeTruthy()
  })
})

describe('the allow-lists come from CMS_URL', () => {
  test('production: only CMS_URL’s origin; Payload’s serverURL is it', () => {
    const env = { CMS_URL: 'https://cms.example.gov.vn/' }
    expect(cmsOrigin(env)).toBe('https://cms.example.gov.vn')
    expect(serverUrl(env)).toBe('https://cms.example.gov.vn')
    expect(trustedOrigins(env)).toEqual(['https://cms.example.gov.vn'])
    expect(missingCmsUrlMessage(env)).toBeUndefined()
  })

  test('a fresh machine without any setting: the local CMS, and a clear message when started in production', () => {
    expect(trustedOrigins({})).toEqual(['http://localhost:3000', 'http://127.0.0.1:3000'])
    expect(trustedOrigins({ CMS_PORT: '3100' })).toEqual(['http://localhost:3100', 'http://127.0.0.1:3100'])
    expect(serverUrl({})).toBe('')
    expect(missingCmsUrlMessage({})).toMatch(/Chưa đặt CMS_URL.*http:\/\/localhost:3000/)
  })

  test('the loaded config uses them', () => {
    expect(payload.config.csrf).toEqual(expect.arrayContaining(trustedOrigins()))
    expect(payload.config.csrf).not.toContain(PORTAL)
    expect(payload.config.cors).toEqual(trustedOrigins())
  })
})

describe('CMS response headers', () => {
  const byName = Object.fromEntries(cmsSecurityHeaders.map((h) => [h.key.toLowerCase(), h.value]))

  test('framing only by itself, no sniffing, origin-only referrer', () => {
    expect(byName['content-security-policy']).toContain("frame-ancestors 'self'")
    expect(byName['content-security-policy']).toContain("object-src 'none'")
    expect(byName['x-frame-options']).toBe('SAMEORIGIN')
    expect(byName['x-content-type-options']).toBe('nosniff')
    expect(byName['referrer-policy']).toBe('strict-origin-when-cross-origin')
  })

  test('next.config.mjs sends them on every admin and API path, and next start reports a missing CMS_URL', async () => {
    const { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } = await import('next/constants.js')
    const { default: nextConfig } = await import('../cms/next.config.mjs')
    // `next start` without CMS_URL says so; `next build` does not.
    vi.stubEnv('CMS_URL', '')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    nextConfig(PHASE_PRODUCTION_BUILD)
    expect(warn).not.toHaveBeenCalled()
    const config = nextConfig(PHASE_PRODUCTION_SERVER)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Chưa đặt CMS_URL'))
    warn.mockRestore()
    vi.unstubAllEnvs()
    const routes = await config.headers!()
    expect(routes).toEqual(expect.arrayContaining(cmsHeaderRoutes()))
    const all = routes.find((r: { source: string }) => r.source === '/:path*')!
    for (const path of ['/admin', '/admin/collections/news', '/api/users', '/api/media/file/a.pdf']) {
      expect(new RegExp(`^${all.source.replace('/:path*', '(/.*)?')}$`).test(path), path).toBe(true)
    }
    expect(all.headers).toEqual(cmsSecurityHeaders)
  })
})
