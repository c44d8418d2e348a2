/**
 * Bad input and odd requests get a clear answer and change nothing (issue 9, item 7):
 * the draft preview shows only what the public would see; portal links cannot lead to
 * another site; impossible dates and control characters are refused in every field that
 * could hold them; validation errors name each field and the reason; impossible ids and
 * unreadable bodies answer 404/415, never 500. Through Payload's real REST and GraphQL
 * handlers behind the same guard as cms/app (tests/helpers/http.ts).
 */
import fs from 'node:fs'

import type { CollectionSlug, Field, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { isPortalPath, portalLinks } from '../cms/lib/portal'
import { createPreviewToken } from '../cms/lib/previewToken'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const users: Record<string, any> = {}
const ids: Record<string, any> = {}
const auth: Record<string, Record<string, string>> = {}

const base = 'http://localhost:3000'
/** A raw REST request (any body, any content type) as the editor. */
const raw = (method: string, path: string, body?: string, contentType = 'application/json', headers: Record<string, string> = {}) =>
  http.dispatch(
    new Request(new URL(`/api${path}`, base), {
      method,
      headers: { ...(body !== undefined ? { 'content-type': contentType } : {}), ...auth.editor, ...headers },
      body,
    }),
  )

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  http = await import('./helpers/http')
  users.admin = await makeUser(payload, 'admin')
  users.editor = await makeUser(payload, 'editor')
  for (const role of ['admin', 'editor'] as const) {
    const login = await http.rest('POST', '/users/login', { email: users[role].email, password: users[role].password })
    auth[role] = { authorization: `JWT ${login.json.token}` }
  }
  ids.org = (await payload.create({ collection: 'organizations', data: { name: 'Hội Khuyến học tỉnh', kind: 'study-promotion-association' } })).id
  ids.plan = (
    await payload.create({
      collection: 'plans',
      data: { title: 'Kế hoạch gốc', documentType: 'plan', issuers: [ids.org], year: 2023, _status: 'published' },
    })
  ).id
})
afterAll(async () => cms?.cleanup())

const planCount = async () => (await payload.count({ collection: 'plans', overrideAccess: true })).totalDocs
const planTitle = async () => (await payload.findByID({ collection: 'plans', id: ids.plan, overrideAccess: true })).title

// ── 1. Preview ──────────────────────────────────────────────────────────────
/** Names of the fields an anonymous reader may not read, found from the field configs. */
function staffOnlyFieldNames(fields: Field[], req: any): string[] {
  const names: string[] = []
  for (const field of fields) {
    if ('name' in field && field.name && 'access' in field && field.access?.read && !field.access.read({ req, doc: {}, siblingData: {} } as never)) {
      names.push(field.name)
    } else if ('fields' in field && !('name' in field && field.name)) names.push(...staffOnlyFieldNames(field.fields, req))
    else if (field.type === 'tabs') for (const tab of field.tabs) if (!('name' in tab && tab.name)) names.push(...staffOnlyFieldNames(tab.fields, req))
  }
  return names
}

describe('draft preview shows what the public would see', () => {
  test('an honouree’s private contact and consent notes are not in the preview, whoever holds the link', async () => {
    const honouree = await payload.create({
      collection: 'honourees',
      data: {
        name: 'Bà Nguyễn Thị Xem Trước',
        kind: 'individual',
        award: 'certificate-of-merit',
        year: 2024,
        locality: 'Xã Vũ Hội',
        consent: { recorded: true, date: '2024-03-01', note: 'Đồng ý qua điện thoại ZQXCONSENTNOTE' },
        privateContact: { homeAddress: 'Số 12 ngõ ZQXHOME', phone: '0912345678' },
        _status: 'draft',
      },
      draft: true,
    })
    const token = createPreviewToken({ collection: 'honourees', id: honouree.id, user: users.editor.id }, payload.secret)
    // Anonymous: the portal forwards only the token.
    const response = await http.dispatch(new Request(`${base}/api/preview/honourees/${honouree.id}?token=${encodeURIComponent(token)}`))
    expect(response.status).toBe(200)
    const doc = (await response.json()) as Record<string, any>
    expect(doc.name).toBe('Bà Nguyễn Thị Xem Trước')
    expect(doc.locality).toBe('Xã Vũ Hội')
    const text = JSON.stringify(doc)
    for (const secret of ['ZQXHOME', '0912345678', 'ZQXCONSENTNOTE']) expect(text).not.toContain(secret)
    // Every staff-only field, derived from the config (a new private field is covered too).
    const staffOnly = staffOnlyFieldNames(payload.collections.honourees.config.fields, { user: null, payload })
    expect(staffOnly).toEqual(expect.arrayContaining(['consent', 'privateContact']))
    for (const name of staffOnly) expect(doc, name).not.toHaveProperty(name)
    // Staff still read them in the CMS.
    const asEditor = await http.rest('GET', `/honourees/${honouree.id}?draft=true`, undefined, auth.editor)
    expect(asEditor.json.privateContact.phone).toBe('0912345678')
  })

  test('a news item’s author account is not in the preview', async () => {
    const news = await payload.create({ collection: 'news', data: { title: 'Tin nháp có tác giả', author: users.editor.id, _status: 'draft' }, draft: true })
    const token = createPreviewToken({ collection: 'news', id: news.id, user: users.editor.id }, payload.secret)
    const response = await http.dispatch(new Request(`${base}/api/preview/news/${news.id}?token=${encodeURIComponent(token)}`))
    expect(response.status).toBe(200)
    const doc = (await response.json()) as Record<string, any>
    expect(doc.title).toBe('Tin nháp có tác giả')
    expect(JSON.stringify(doc)).not.toContain(users.editor.email)
  })
})

// ── 2. Portal paths ─────────────────────────────────────────────────────────
describe('portal paths (menu, footer, notice links)', () => {
  const good = ['/', '/tin-tuc/', '/trang/gioi-thieu/', '/phong-trao/thang-khuyen-hoc/?nam=2023#ket-qua', '/tìm-kiếm/', '/tim-kiem/?q=khuy%E1%BA%BFn']
  const bad = [
    '/\\evil.example/',
    '\\\\evil.example',
    '//evil.example/',
    '/\\/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/%2f/evil.example',
    '/%2F%2Fevil.example',
    '/%5cevil.example',
    '/%252f%252fevil.example',
    '/%0a/evil.example',
    '/tin-tuc/../../evil',
    '/./evil',
    '/a b',
    '/\u0000x',
    'https://evil.example/',
    'javascript:alert(1)',
    'tin-tuc/',
    ' /tin-tuc/',
    '/%E0%A4%A',
  ]

  test.each(good)('%s is a portal path', (path) => expect(isPortalPath(path)).toBe(true))
  test.each(bad)('%j is not a portal path', (path) => expect(isPortalPath(path)).toBe(false))

  test('the site prints only portal paths, even ones saved before the check', () => {
    const links = [
      { label: 'Tin tức', link: '/tin-tuc/' },
      { label: 'Độc', link: '/\\evil.example/' },
    ]
    expect(portalLinks(links)).toEqual([{ label: 'Tin tức', link: '/tin-tuc/' }])
    const layout = fs.readFileSync('site/layouts/Base.astro', 'utf8')
    expect(layout).toMatch(/portalLinks\(/)
    expect(layout).toMatch(/isPortalPath\(notice\.link\)/)
  })

  test.each([
    ['navigation', { navigation: [{ label: 'Độc', link: '/\\evil.example/' }] }, 'navigation.0.link'],
    ['footer', { footerLinks: [{ label: 'Độc', link: '/\\evil.example/' }] }, 'footerLinks.0.link'],
    ['notice', { notice: { enabled: true, text: 'Thông báo', link: '/\\evil.example/' } }, 'notice.link'],
  ])('a %s link to /\\evil.example/ is refused over REST with a Vietnamese message; nothing changes', async (_, data, path) => {
    const before = await payload.findGlobal({ slug: 'site-settings' })
    const response = await http.rest('POST', '/globals/site-settings', data, auth.editor)
    expect(response.status).toBe(400)
    const hit = response.json.errors[0].data.errors.find((e: any) => e.path === path)
    expect(hit?.message).toContain('đường dẫn trong cổng thông tin')
    const after = await payload.findGlobal({ slug: 'site-settings' })
    expect(after.notice).toEqual(before.notice)
    expect(after.navigation?.map((n) => n.link)).toEqual(before.navigation?.map((n) => n.link))
  })

  test('GraphQL refuses it too', async () => {
    const { json } = await http.gql(`mutation { updateSiteSetting(data: { notice: { enabled: true, text: "x", link: "/\\\\evil.example/" } }) { notice { link } } }`, auth.editor)
    expect(json.errors?.[0]?.message ?? '').not.toBe('')
    expect((await payload.findGlobal({ slug: 'site-settings' })).notice?.link ?? null).not.toBe('/\\evil.example/')
  })
})

// ── 3 & 4. Dates and control characters, in every field ─────────────────────
type FoundField = { owner: string; path: string; field: any }

/** Every field of `type` in every collection and global, nested ones included. */
function everyField(types: string[]): FoundField[] {
  const found: FoundField[] = []
  const walk = (owner: string, fields: Field[], prefix: string) => {
    for (const field of fields) {
      const path = 'name' in field && field.name ? `${prefix}${field.name}` : prefix.replace(/\.$/, '')
      if (types.includes(field.type) && 'name' in field) found.push({ owner, path, field })
      const next = 'name' in field && field.name ? `${path}.` : prefix
      if ('fields' in field) walk(owner, field.fields, next)
      if (field.type === 'tabs') for (const tab of field.tabs) walk(owner, tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix)
      if (field.type === 'blocks') for (const block of field.blocks ?? []) walk(owner, block.fields, next)
    }
  }
  for (const slug of Object.keys(payload.collections)) walk(slug, payload.collections[slug as CollectionSlug].config.fields, '')
  for (const global of payload.globals.config) walk(`globals/${global.slug}`, global.fields, '')
  // Fields Payload adds itself (its own collections, timestamps, row ids, upload file data,
  // auth) are written by Payload, not typed by staff; the build status only by the build queue.
  const system = /^(createdAt|updatedAt|sessions\..*|filename|mimeType|url|thumbnailURL|hash|salt|lockUntil|resetPassword.*)$|(^|\.)id$|^sizes\./
  return found.filter(({ owner, path }) => !owner.startsWith('payload-') && owner !== 'globals/portal-build' && !system.test(path))
}

const validate = (found: FoundField, value: unknown) => {
  expect(found.field.validate, `${found.owner} ${found.path} has a validator`).toBeTypeOf('function')
  return found.field.validate(value, {
    ...found.field,
    req: { payload, t: (key: string) => key, user: users.admin },
    data: {},
    siblingData: {},
    operation: 'create',
    event: 'submit',
    collectionSlug: found.owner,
    path: found.path.split('.'),
  })
}

describe('impossible calendar dates', () => {
  test('every date field refuses 2023-02-30 and 2023-02-29, naming the field, and accepts real days', async () => {
    const dates = everyField(['date'])
    expect(dates.length).toBeGreaterThanOrEqual(12)
    for (const found of dates) {
      const message = await validate(found, '2023-02-30')
      expect(message, `${found.owner} ${found.path}`).toContain('30/02/2023 không có trên lịch')
      const label = found.field.label?.vi ?? found.field.name
      expect(message).toContain(`“${label}”`)
      expect(await validate(found, '2023-02-29T00:00:00.000Z'), `${found.owner} ${found.path}`).toContain('không có trên lịch')
      expect(await validate(found, '2024-02-29'), `${found.owner} ${found.path}`).toBe(true)
      expect(await validate(found, '2023-09-01T17:00:00.000Z'), `${found.owner} ${found.path}`).toBe(true)
    }
  })

  test.each([
    ['news', { title: 'Tin ngày lạ', publishedAt: '2023-02-30', _status: 'published' }, 'publishedAt', 'Ngày đăng'],
    ['plans', { title: 'Kế hoạch ngày lạ', documentType: 'plan', year: 2023, issueDate: '2023-02-30', _status: 'published' }, 'issueDate', 'Ngày ban hành'],
    ['campaigns', { name: 'Phong trào ngày lạ', kind: 'learning-month', startDate: '2023-04-31', endDate: '2023-05-15', _status: 'published' }, 'startDate', 'Ngày bắt đầu'],
    ['honourees', { name: 'Ông A', kind: 'individual', award: 'certificate-of-merit', year: 2023, consent: { recorded: true, date: '2023-02-30' }, _status: 'published' }, 'consent.date', 'Ngày đồng ý'],
  ])('POST /api/%s with an impossible date: 400 naming the field, nothing saved', async (collection, data, path, label) => {
    const before = (await payload.count({ collection: collection as CollectionSlug, overrideAccess: true })).totalDocs
    const body = collection === 'plans' ? { ...data, issuers: [ids.org] } : data
    const response = await http.rest('POST', `/${collection}`, body, auth.editor)
    expect(response.status).toBe(400)
    const hit = response.json.errors[0].data.errors.find((e: any) => e.path === path)
    expect(hit?.message, JSON.stringify(response.json)).toContain(`“${label}”`)
    expect(hit.message).toContain('không có trên lịch')
    expect((await payload.count({ collection: collection as CollectionSlug, overrideAccess: true })).totalDocs).toBe(before)
  })

  test('not a date at all: refused with the field’s name', async () => {
    const response = await http.rest('PATCH', `/plans/${ids.plan}`, { issueDate: '30/02/2023' }, auth.editor)
    expect(response.status).toBe(400)
    expect(response.json.errors[0].data.errors[0]).toMatchObject({ path: 'issueDate', message: expect.stringContaining('“Ngày ban hành”: ngày không hợp lệ') })
  })
})

describe('control characters in text', () => {
  test('every text and textarea field refuses NUL and other control characters, naming the field', async () => {
    const texts = everyField(['text', 'textarea'])
    expect(texts.length).toBeGreaterThanOrEqual(40)
    for (const found of texts) {
      const label = found.field.label?.vi ?? found.field.name
      for (const value of ['Tiêu\u0000đề', 'a\u0007b', 'a\u001bb', 'a\u007fb', 'a\u0085b']) {
        const message = await validate(found, value)
        expect(message, `${found.owner} ${found.path} ${JSON.stringify(value)}`).toContain('ký tự điều khiển')
        expect(message).toContain(`“${label}”`)
      }
      // Line breaks and tabs: a textarea keeps them; a one-line text field does not.
      const lines = await validate(found, 'dòng 1\r\n\tdòng 2')
      if (found.field.type === 'textarea') expect(lines, `${found.owner} ${found.path}`).not.toEqual(expect.stringContaining('ký tự điều khiển'))
      else expect(lines, `${found.owner} ${found.path}`).toContain('ký tự điều khiển')
    }
  })

  test('a NUL in a title is refused over REST and GraphQL, nothing is cut or saved', async () => {
    const before = await planCount()
    const created = await http.rest('POST', '/news', { title: 'Tin\u0000 bị cắt', _status: 'published' }, auth.editor)
    expect(created.status).toBe(400)
    expect(created.json.errors[0].data.errors[0]).toMatchObject({ path: 'title', message: expect.stringContaining('“Tiêu đề”') })
    const patched = await http.rest('PATCH', `/plans/${ids.plan}`, { title: 'Kế hoạch\u0000 mới' }, auth.editor)
    expect(patched.status).toBe(400)
    expect(await planTitle()).toBe('Kế hoạch gốc')
    const { json } = await http.gql(`mutation { updatePlan(id: ${ids.plan}, data: { title: "K\\u0000X" }) { title } }`, auth.editor)
    // GraphQL's message names the field and the reason too.
    expect(json.errors?.[0]?.message).toContain('“Trích yếu”: có ký tự điều khiển')
    expect(await planTitle()).toBe('Kế hoạch gốc')
    expect(await planCount()).toBe(before)
  })

  test('a textarea keeps its line breaks', async () => {
    const response = await http.rest('PATCH', `/plans/${ids.plan}`, { summary: 'Dòng một\nDòng hai\tcột' }, auth.editor)
    expect(response.status).toBe(200)
    expect(response.json.doc.summary).toBe('Dòng một\nDòng hai\tcột')
  })
})

// ── 5. Validation errors say what is wrong ──────────────────────────────────
describe('REST validation errors name each field and the reason, in Vietnamese', () => {
  test.each([
    ['a year that is not a number', { year: 'abc' }, 'year', 'phải là một số'],
    ['an unknown document type', { documentType: 'khong-co' }, 'documentType', 'không có trong danh sách'],
    ['a malformed document number', { documentNumber: 'zz' }, 'documentNumber', 'Số, ký hiệu văn bản không đúng dạng'],
    ['an impossible date', { issueDate: '2023-02-30' }, 'issueDate', 'không có trên lịch'],
    ['a title that is an object', { title: { a: 1 } }, 'title', 'phải là một đoạn văn bản'],
    ['a required title left empty', { title: '' }, 'title', 'bắt buộc'],
  ])('%s', async (_, data, path, reason) => {
    const response = await http.rest('PATCH', `/plans/${ids.plan}`, data, auth.editor)
    expect(response.status).toBe(400)
    const [error] = response.json.errors
    const hit = error.data.errors.find((e: any) => e.path === path)
    expect(hit, JSON.stringify(response.json)).toBeDefined()
    expect(hit.message).toMatch(VIETNAMESE)
    expect(hit.message).toContain(reason)
    // Payload's own Vietnamese said "field" in English.
    expect(`${hit.message} ${error.message}`).not.toMatch(/\bfields?\b/i)
    // The top-level message (what a toast or an API client shows) has the reason too.
    expect(error.message).toContain(hit.message)
    expect(await planTitle()).toBe('Kế hoạch gốc')
  })

  test('several invalid fields: each is listed with its reason', async () => {
    const response = await http.rest('PATCH', `/plans/${ids.plan}`, { year: 'abc', issueDate: '2023-02-30', documentNumber: 'zz' }, auth.editor)
    expect(response.status).toBe(400)
    const [error] = response.json.errors
    expect(error.data.errors.map((e: any) => e.path).sort()).toEqual(['documentNumber', 'issueDate', 'year'])
    for (const e of error.data.errors) expect(error.message).toContain(e.message)
  })

  test('a related document that does not exist: 400, not 500', async () => {
    const before = await planCount()
    const response = await http.rest('POST', '/plans', { title: 'Kế hoạch mồ côi', documentType: 'plan', year: 2023, issuers: [987654], _status: 'published' }, auth.editor)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(response.json.errors[0].message).toMatch(VIETNAMESE)
    expect(await planCount()).toBe(before)
  })
})

// ── 6. Impossible ids, unreadable bodies ────────────────────────────────────
describe('ids that cannot exist answer 404, never 500', () => {
  test.each([
    ['GET', '/plans/abc'],
    ['PATCH', '/plans/abc'],
    ['DELETE', '/plans/abc'],
    ['GET', '/plans/distinct'],
    ['GET', '/plans/distinct?field=year'],
    ['GET', '/plans/1.5'],
    ['GET', '/plans/-1'],
    ['GET', '/plans/99999999999999999999'],
    ['GET', '/plans/versions/abc'],
    ['POST', '/plans/versions/abc'],
    ['POST', '/plans/abc/duplicate'],
    ['GET', '/globals/site-settings/versions/abc'],
    ['GET', '/media/abc'],
    ['GET', '/users/abc'],
    ['GET', '/preview/news/abc?token=x'],
  ])('%s %s', async (method, path) => {
    const response = await raw(method, path, method === 'PATCH' || method === 'POST' ? JSON.stringify({ title: 'Đổi' }) : undefined)
    expect(response.status).toBe(404)
    const json = (await response.json()) as any
    expect(json.errors[0].message).toContain('không phải là mã tài liệu hợp lệ')
    expect(await planTitle()).toBe('Kế hoạch gốc')
  })

  test('a real id still works, and an id that does not exist is Payload’s own 404', async () => {
    expect((await raw('GET', `/plans/${ids.plan}`)).status).toBe(200)
    expect((await raw('GET', '/plans/987654')).status).toBe(404)
    expect((await raw('GET', '/plans/count')).status).toBe(200)
    expect((await raw('GET', '/plans/versions')).status).toBe(200)
    expect((await raw('GET', '/users/me')).status).toBe(200)
  })

  test('an id is checked against the database in use: integers on SQLite, ObjectIds on MongoDB', async () => {
    const { isDocumentId } = await import('../cms/lib/apiGuard')
    expect(isDocumentId(payload, 'plans', '12')).toBe(true)
    expect(isDocumentId(payload, 'plans', '0')).toBe(false)
    expect(isDocumentId(payload, 'plans', '65a1b2c3d4e5f60718293a4b')).toBe(false)
    // The production adapter (MongoDB) as Payload describes it: text ids, 24-hex ObjectIds.
    const mongo = { db: { name: 'mongoose', defaultIDType: 'text' }, collections: payload.collections } as unknown as Payload
    expect(isDocumentId(mongo, 'plans', '65a1b2c3d4e5f60718293a4b')).toBe(true)
    expect(isDocumentId(mongo, 'plans', 'abc')).toBe(false)
    expect(isDocumentId(mongo, 'plans', 'distinct')).toBe(false)
  })

  test('GraphQL: a bad id or bad variables answer errors, never 500', async () => {
    const asEditor = { 'content-type': 'application/json', ...auth.editor }
    const cases = [
      { query: '{ Plan(id: "abc") { id title } }' },
      { query: 'query($id: Int!) { Plan(id: $id) { id } }', variables: { id: 'abc' } },
      { query: 'query($id: Int!) { Plan(id: $id) { id } }', variables: { id: 1.5 } },
      { query: 'query($id: Int!) { Plan(id: $id) { id } }', variables: 'not an object' },
      { query: `mutation { updatePlan(id: "abc", data: { title: "x" }) { id } }` },
      { query: 'mutation { deletePlan(id: 987654) { id } }' },
      { query: '{ Plans(where: { id: { equals: "abc" } }) { docs { id } } }' },
      { query: '{ Plans(limit: -5, page: -1) { docs { id } } }' },
    ]
    const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
    const graphql = GRAPHQL_POST((await import('../cms/payload.config')).default)
    for (const body of cases) {
      const response = await graphql(new Request(`${base}/api/graphql`, { method: 'POST', headers: asEditor, body: JSON.stringify(body) }))
      expect(response.status, JSON.stringify(body)).toBeLessThan(500)
    }
    expect(await planTitle()).toBe('Kế hoạch gốc')
  })
})

describe('bodies Payload cannot read answer 415 and change nothing', () => {
  test.each([
    ['POST', '/plans', 'title=Kế+hoạch&documentType=plan&year=2023', 'application/x-www-form-urlencoded'],
    ['POST', '/plans', 'title: Kế hoạch', 'text/plain'],
    ['POST', '/plans', '<plan><title>x</title></plan>', 'application/xml'],
    ['PATCH', '/plans/ID', 'title=Đổi', 'application/x-www-form-urlencoded'],
    ['PATCH', '/plans/ID', 'Đổi', 'text/plain;charset=UTF-8'],
    ['PATCH', '/plans?where[id][equals]=ID', 'title=Đổi', 'application/x-www-form-urlencoded'],
    ['POST', '/globals/site-settings', 'footerNote=x', 'application/x-www-form-urlencoded'],
    ['POST', '/users/login', 'email=a&password=b', 'application/x-www-form-urlencoded'],
  ])('%s %s as %s', async (method, path, body, contentType) => {
    const before = await planCount()
    const response = await raw(method, path.replace('ID', String(ids.plan)), body, contentType)
    expect(response.status).toBe(415)
    const json = (await response.json()) as any
    expect(json.errors[0].message).toContain('API chỉ nhận JSON')
    expect(await planCount()).toBe(before)
    expect(await planTitle()).toBe('Kế hoạch gốc')
  })

  test('JSON in any letter case and the admin’s url-encoded GET override still work; broken JSON is a 400', async () => {
    const created = await raw('POST', '/topics', JSON.stringify({ name: 'Chủ đề kiểm thử' }), 'Application/JSON; charset=UTF-8')
    expect(created.status).toBe(201)
    const override = await raw('POST', '/plans', 'where[id][equals]=' + ids.plan, 'application/x-www-form-urlencoded', { 'x-http-method-override': 'GET' })
    expect(override.status).toBe(200)
    expect(((await override.json()) as any).docs.map((d: any) => d.id)).toEqual([ids.plan])
    const broken = await raw('POST', '/plans', '{"title": ', 'application/json')
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as any).errors[0].message).toContain('không phải là JSON hợp lệ')
    // A POST with no body (logout) is not refused, as Next.js hands on a browser's: an empty
    // stream, Content-Length: 0, no type (refused once, it left the admin signed in).
    const emptyStream = new Request(new URL('/api/users/logout', base), {
      method: 'POST',
      headers: { ...auth.editor, 'content-length': '0' },
      body: new ReadableStream({ start: (controller) => controller.close() }),
      duplex: 'half',
    } as RequestInit)
    expect(emptyStream.body).not.toBeNull()
    expect((await http.dispatch(emptyStream)).status).toBeLessThan(400)
  })

  test('the route cms/app mounts uses the same guard as these tests', () => {
    const route = fs.readFileSync('cms/app/(payload)/api/[...slug]/route.ts', 'utf8')
    for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
      expect(route).toMatch(new RegExp(`export const ${method} = guardRestHandler\\(config, REST_${method}\\(config\\)\\)`))
    }
  })
})
