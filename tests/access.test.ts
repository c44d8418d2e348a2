/**
 * Every access rule in cms/access, for anonymous readers and each role, through the Local
 * API (overrideAccess: false, as the portal calls it), REST and GraphQL.
 */
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { uploadMedia } from './helpers/files'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const ids: Record<string, any> = {}
const users: Record<string, any> = {}

const asUser = (user: any) => ({ user, overrideAccess: false as const })
const anonymous = { overrideAccess: false as const }
const rejected = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ status: expect.any(Number) })

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  http = await import('./helpers/http')
  const org = (name: string) =>
    payload.create({ collection: 'organizations', data: { name, kind: 'study-promotion-association' }, overrideAccess: true })
  ids.orgA = (await org('Hội Khuyến học tỉnh A')).id
  ids.orgB = (await org('Hội Khuyến học tỉnh B')).id
  users.admin = await makeUser(payload, 'admin')
  users.editor = await makeUser(payload, 'editor')
  users.author = await makeUser(payload, 'author')
  users.reporterA = await makeUser(payload, 'data-reporter', ids.orgA)
  users.reporterB = await makeUser(payload, 'data-reporter', ids.orgB)

  const plan = (title: string, status: 'draft' | 'published') =>
    payload.create({
      collection: 'plans',
      data: { title, documentType: 'plan', issuers: [ids.orgA], year: 2023, _status: status },
      draft: status === 'draft',
      overrideAccess: true,
    })
  ids.published = (await plan('Kế hoạch đã xuất bản', 'published')).id
  ids.draft = (await plan('Kế hoạch nháp bí mật', 'draft')).id
  ids.publishedWithDraft = (await plan('Kế hoạch bản chính thức', 'published')).id
  await payload.update({
    collection: 'plans',
    id: ids.publishedWithDraft,
    data: { title: 'BẢN NHÁP CHƯA DUYỆT', _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
  ids.indicator = (
    await payload.create({
      collection: 'indicators',
      data: { code: 'GĐHT', name: 'Gia đình học tập', unit: 'percent', direction: 'higher-is-better' },
      overrideAccess: true,
    })
  ).id
  ids.reportA = (
    await payload.create({
      collection: 'indicator-reports',
      data: { indicator: ids.indicator, year: 2023, periodLabel: 'Năm 2023', locality: 'Tỉnh A', value: 60, reportingOrganization: ids.orgA, _status: 'published' },
      overrideAccess: true,
    })
  ).id
  ids.reportB = (
    await payload.create({
      collection: 'indicator-reports',
      data: { indicator: ids.indicator, year: 2023, periodLabel: 'Năm 2023', locality: 'Tỉnh B', value: 50, reportingOrganization: ids.orgB, _status: 'published' },
      overrideAccess: true,
    })
  ).id
  ids.honouree = (
    await payload.create({
      collection: 'honourees',
      data: {
        name: 'Ông Nguyễn Văn Mẫu',
        kind: 'individual',
        award: 'certificate-of-merit',
        year: 2023,
        locality: 'Xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình',
        consent: { recorded: true, date: '2023-09-01' },
        privateContact: { homeAddress: 'Số 12 ngõ Bí Mật', phone: '0900000000' },
        _status: 'published',
      },
      overrideAccess: true,
    })
  ).id

  // Files: one shown by a published news item, one attached to a published plan, one photo of
  // an individual honouree still waiting for consent (a draft), one used by nothing.
  const image = async (alt: string) => {
    const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer()
    return uploadMedia(payload, { name: `${alt}.png`, mimetype: 'image/png', data, alt })
  }
  const publishedHero = await image('Ảnh tin đã xuất bản')
  const publishedAttachment = await image('Phụ lục kế hoạch')
  const draftHonoureePhoto = await image('Ảnh cá nhân chưa đồng ý')
  const unused = await image('Ảnh chưa dùng')
  ids.newsWithHero = (
    await payload.create({ collection: 'news', data: { title: 'Tin có ảnh', heroImage: publishedHero.id, _status: 'published' }, overrideAccess: true })
  ).id
  await payload.update({
    collection: 'plans',
    id: ids.published,
    data: { attachments: [{ title: 'Phụ lục', file: publishedAttachment.id }] },
    overrideAccess: true,
  })
  await payload.create({
    collection: 'honourees',
    data: { name: 'Bà Trần Thị Chờ', kind: 'individual', award: 'certificate-of-merit', year: 2024, photos: [draftHonoureePhoto.id], _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
  ids.media = {
    publishedHero: publishedHero.id,
    publishedAttachment: publishedAttachment.id,
    draftHonoureePhoto: draftHonoureePhoto.id,
    unused: unused.id,
    files: { publishedHero: publishedHero.filename, draftHonoureePhoto: draftHonoureePhoto.filename },
  }
})
afterAll(async () => cms?.cleanup())

describe('anonymous readers', () => {
  test('Local API lists published documents only, with the published version of each', async () => {
    const { docs } = await payload.find({ collection: 'plans', ...anonymous })
    expect(docs.map((d) => d.id).sort()).toEqual([ids.published, ids.publishedWithDraft].sort())
    expect(docs.map((d) => d.title)).not.toContain('BẢN NHÁP CHƯA DUYỆT')
  })

  test('asking for drafts reveals none', async () => {
    const { docs } = await payload.find({ collection: 'plans', draft: true, ...anonymous })
    expect(docs.map((d) => d.id)).not.toContain(ids.draft)
    expect(JSON.stringify(docs)).not.toContain('BẢN NHÁP')
    expect(JSON.stringify(docs)).not.toContain('nháp bí mật')
  })

  test('a draft cannot be fetched by id, nor its versions', async () => {
    await rejected(payload.findByID({ collection: 'plans', id: ids.draft, ...anonymous }))
    await rejected(payload.findVersions({ collection: 'plans', ...anonymous }))
  })

  test('REST GET /api/plans lists exactly the published documents', async () => {
    const res = await http.rest('GET', '/plans?limit=100')
    expect(res.status).toBe(200)
    expect(res.json.docs.map((d: any) => d.id).sort()).toEqual([ids.published, ids.publishedWithDraft].sort())
    const drafts = await http.rest('GET', '/plans?draft=true')
    expect(JSON.stringify(drafts.json)).not.toContain('BẢN NHÁP')
    expect((await http.rest('GET', `/plans/${ids.draft}`)).status).toBeGreaterThanOrEqual(400)
    expect((await http.rest('GET', '/plans/versions')).status).toBeGreaterThanOrEqual(400)
  })

  test('GraphQL lists published documents only', async () => {
    const res = await http.gql('{ Plans(limit: 100) { docs { id title } } }')
    const titles = res.json.data.Plans.docs.map((d: any) => d.title)
    expect(titles.sort()).toEqual(['Kế hoạch bản chính thức', 'Kế hoạch đã xuất bản'])
    const drafts = await http.gql('{ Plans(draft: true) { docs { title } } }')
    expect(JSON.stringify(drafts.json)).not.toContain('BẢN NHÁP')
  })

  test('an honouree’s private contact is never returned', async () => {
    const local = await payload.findByID({ collection: 'honourees', id: ids.honouree, ...anonymous })
    expect(local.privateContact).toBeUndefined()
    expect(local.consent).toBeUndefined()
    const res = await http.rest('GET', `/honourees/${ids.honouree}`)
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.json)).not.toContain('Bí Mật')
    expect(JSON.stringify(res.json)).not.toContain('0900000000')
    const q = await http.gql(`{ Honourees { docs { name privateContact { homeAddress phone } } } }`)
    expect(JSON.stringify(q.json)).not.toContain('Bí Mật')
  })

  test('reference data and reports are public; users are not', async () => {
    expect((await payload.find({ collection: 'organizations', ...anonymous })).totalDocs).toBe(2)
    expect((await payload.find({ collection: 'indicator-reports', ...anonymous })).totalDocs).toBe(2)
    await rejected(payload.find({ collection: 'users', ...anonymous }))
    expect((await http.rest('GET', '/users')).status).toBe(403)
  })

  test('see only the files a published document uses; a photo awaiting consent stays private', async () => {
    const { media } = ids
    const listed = (await http.rest('GET', '/media?limit=100')).json.docs.map((d: any) => d.id)
    expect(listed.sort()).toEqual([media.publishedHero, media.publishedAttachment].sort())
    expect((await payload.find({ collection: 'media', ...anonymous })).docs.map((d) => d.id).sort()).toEqual(listed.sort())
    for (const hidden of [media.draftHonoureePhoto, media.unused]) {
      expect((await http.rest('GET', `/media/${hidden}`)).status).toBeGreaterThanOrEqual(400)
      await rejected(payload.findByID({ collection: 'media', id: hidden, ...anonymous }))
    }
    // Upload names follow the slug rule (tones folded, đ → d).
    expect(media.files.publishedHero).toBe('anh-tin-da-xuat-ban.png')
    const file = (name: string) => http.dispatch(new Request(`http://localhost/api/media/file/${encodeURIComponent(name)}`))
    expect((await file(media.files.publishedHero)).status).toBe(200)
    expect((await file(media.files.draftHonoureePhoto)).status).toBeGreaterThanOrEqual(400)
    // Populated in a published document, a public file comes with it.
    const news = await payload.findByID({ collection: 'news', id: ids.newsWithHero, depth: 1, ...anonymous })
    expect((news.heroImage as any)?.alt).toBe('Ảnh tin đã xuất bản')
  })

  test('cannot write anything', async () => {
    await rejected(payload.create({ collection: 'plans', data: { title: 'x', documentType: 'plan', issuers: [ids.orgA], year: 2023 }, ...anonymous }))
    await rejected(payload.update({ collection: 'plans', id: ids.published, data: { title: 'x' }, ...anonymous }))
    await rejected(payload.delete({ collection: 'plans', id: ids.published, ...anonymous }))
    await rejected(payload.create({ collection: 'organizations', data: { name: 'x', kind: 'other' }, ...anonymous }))
    await rejected(payload.create({ collection: 'indicator-reports', data: { indicator: ids.indicator, year: 2023, periodLabel: 'x', locality: 'x', value: 1, reportingOrganization: ids.orgA }, ...anonymous }))
    expect((await http.rest('POST', '/news', { title: 'Tin giả' })).status).toBe(403)
  })
})

describe('author: writes drafts, never publishes', () => {
  test('creates a draft', async () => {
    const doc = await payload.create({
      collection: 'news',
      data: { title: 'Bản nháp của tác giả', _status: 'draft' },
      draft: true,
      ...asUser(users.author),
    })
    expect(doc._status).toBe('draft')
  })

  test('cannot create a published document', async () => {
    await rejected(payload.create({ collection: 'news', data: { title: 'Tự xuất bản', _status: 'published' }, ...asUser(users.author) }))
    const { totalDocs } = await payload.count({ collection: 'news', where: { title: { equals: 'Tự xuất bản' } }, overrideAccess: true })
    expect(totalDocs).toBe(0)
  })

  test('edits a published document only as a new draft; the live version is untouched', async () => {
    await payload.update({
      collection: 'plans',
      id: ids.published,
      data: { title: 'Sửa đổi của tác giả', _status: 'draft' },
      draft: true,
      ...asUser(users.author),
    })
    const live = await payload.findByID({ collection: 'plans', id: ids.published, ...anonymous })
    expect(live.title).toBe('Kế hoạch đã xuất bản')
  })

  test('cannot publish, and cannot overwrite the live document by skipping the draft flag', async () => {
    await rejected(payload.update({ collection: 'plans', id: ids.published, data: { _status: 'published' }, ...asUser(users.author) }))
    await rejected(payload.update({ collection: 'plans', id: ids.published, data: { _status: 'draft', title: 'gỡ' }, ...asUser(users.author) }))
    const live = await payload.findByID({ collection: 'plans', id: ids.published, ...anonymous })
    expect(live._status).toBe('published')
    expect(live.title).toBe('Kế hoạch đã xuất bản')
  })

  test('the admin hides "Xuất bản" for authors (publish permission is false)', async () => {
    const { Plans } = await import('../cms/collections/Plans')
    const update = Plans.access!.update!
    const req = { user: users.author } as any
    expect(await update({ req, data: { _status: 'published' } } as any)).toBe(false)
    expect(await update({ req, data: { _status: 'draft' } } as any)).toBe(true)
  })

  test('cannot delete', async () => {
    await rejected(payload.delete({ collection: 'plans', id: ids.published, ...asUser(users.author) }))
  })

  test('reads drafts and versions', async () => {
    const doc = await payload.findByID({ collection: 'plans', id: ids.draft, draft: true, ...asUser(users.author) })
    expect(doc.title).toBe('Kế hoạch nháp bí mật')
    expect((await payload.findVersions({ collection: 'plans', ...asUser(users.author) })).totalDocs).toBeGreaterThan(0)
  })

  test('sees every file in the media library, unpublished ones included', async () => {
    const { docs } = await payload.find({ collection: 'media', ...asUser(users.author) })
    expect(docs.map((d) => d.id)).toEqual(expect.arrayContaining([ids.media.draftHonoureePhoto, ids.media.unused, ids.media.publishedHero]))
  })

  test('cannot touch reference data, reports or users', async () => {
    await rejected(payload.create({ collection: 'organizations', data: { name: 'x', kind: 'other' }, ...asUser(users.author) }))
    await rejected(payload.update({ collection: 'indicators', id: ids.indicator, data: { name: 'x' }, ...asUser(users.author) }))
    await rejected(payload.create({ collection: 'indicator-reports', data: { indicator: ids.indicator, year: 2023, periodLabel: 'x', locality: 'x', value: 1, reportingOrganization: ids.orgA }, ...asUser(users.author) }))
    const visible = await payload.find({ collection: 'users', ...asUser(users.author) })
    expect(visible.docs.map((u) => u.id)).toEqual([users.author.id])
  })

  test('cannot make themselves an editor', async () => {
    await payload.update({ collection: 'users', id: users.author.id, data: { role: 'editor', name: 'Tác giả' }, ...asUser(users.author) })
    const me = await payload.findByID({ collection: 'users', id: users.author.id, overrideAccess: true })
    expect(me.role).toBe('author')
    expect(me.name).toBe('Tác giả')
  })

  test('sees private contact of honourees (staff)', async () => {
    const doc = await payload.findByID({ collection: 'honourees', id: ids.honouree, ...asUser(users.author) })
    expect(doc.privateContact?.homeAddress).toBe('Số 12 ngõ Bí Mật')
  })
})

describe('editor: publishes and manages content and reference data', () => {
  test('publishes, unpublishes and deletes', async () => {
    const doc = await payload.create({ collection: 'news', data: { title: 'Tin mới', _status: 'published' }, ...asUser(users.editor) })
    expect((await payload.find({ collection: 'news', where: { id: { equals: doc.id } }, ...anonymous })).totalDocs).toBe(1)
    await payload.update({ collection: 'news', id: doc.id, data: { _status: 'draft' }, ...asUser(users.editor) })
    expect((await payload.find({ collection: 'news', where: { id: { equals: doc.id } }, ...anonymous })).totalDocs).toBe(0)
    await payload.delete({ collection: 'news', id: doc.id, ...asUser(users.editor) })
    expect((await payload.count({ collection: 'news', where: { id: { equals: doc.id } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  test('publishes an author’s draft', async () => {
    await payload.update({ collection: 'plans', id: ids.draft, data: { _status: 'published' }, ...asUser(users.editor) })
    const live = await payload.findByID({ collection: 'plans', id: ids.draft, ...anonymous })
    expect(live.title).toBe('Kế hoạch nháp bí mật')
    await payload.update({ collection: 'plans', id: ids.draft, data: { _status: 'draft' }, ...asUser(users.editor) })
  })

  test('manages organisations, indicators and any organisation’s reports', async () => {
    const org = await payload.create({ collection: 'organizations', data: { name: 'Sở Nội vụ', kind: 'department' }, ...asUser(users.editor) })
    await payload.update({ collection: 'indicators', id: ids.indicator, data: { description: 'Mô tả' }, ...asUser(users.editor) })
    await payload.update({ collection: 'indicator-reports', id: ids.reportB, data: { value: 51 }, ...asUser(users.editor) })
    await payload.delete({ collection: 'organizations', id: org.id, ...asUser(users.editor) })
  })

  test('cannot manage user accounts', async () => {
    await rejected(payload.create({ collection: 'users', data: { email: 'x@example.test', password: 'x-long-password', name: 'X', role: 'admin' }, ...asUser(users.editor) }))
    await rejected(payload.delete({ collection: 'users', id: users.author.id, ...asUser(users.editor) }))
    await rejected(payload.update({ collection: 'users', id: users.author.id, data: { name: 'x' }, ...asUser(users.editor) }))
  })
})

describe('data reporter: own organisation’s indicator reports only', () => {
  const report = (org: unknown) => ({ indicator: ids.indicator, year: 2024, periodLabel: 'Năm 2024', locality: 'Tỉnh A', value: 62, reportingOrganization: org })

  test('creates and updates a draft report for their own organisation, never a published one', async () => {
    const doc = await payload.create({ collection: 'indicator-reports', data: { ...report(ids.orgA), _status: 'draft' } as any, draft: true, ...asUser(users.reporterA) })
    const updated = await payload.update({ collection: 'indicator-reports', id: doc.id, data: { value: 63, _status: 'draft' }, draft: true, ...asUser(users.reporterA) })
    expect(updated.value).toBe(63)
    // Figures are public only once an editor approves them (cms/review/).
    await rejected(payload.create({ collection: 'indicator-reports', data: report(ids.orgA) as any, ...asUser(users.reporterA) }))
    await rejected(payload.update({ collection: 'indicator-reports', id: doc.id, data: { _status: 'published' }, ...asUser(users.reporterA) }))
    expect((await payload.findByID({ collection: 'indicator-reports', id: doc.id, overrideAccess: true }))._status).toBe('draft')
  })

  test('cannot create or update another organisation’s report', async () => {
    await rejected(payload.create({ collection: 'indicator-reports', data: { ...report(ids.orgB), _status: 'draft' } as any, draft: true, ...asUser(users.reporterA) }))
    await rejected(payload.update({ collection: 'indicator-reports', id: ids.reportB, data: { value: 99, _status: 'draft' }, draft: true, ...asUser(users.reporterA) }))
    const b = await payload.findByID({ collection: 'indicator-reports', id: ids.reportB, overrideAccess: true })
    expect(b.value).not.toBe(99)
  })

  test('cannot move their report to another organisation', async () => {
    await payload
      .update({ collection: 'indicator-reports', id: ids.reportA, data: { reportingOrganization: ids.orgB, _status: 'draft' }, draft: true, ...asUser(users.reporterA) })
      .catch(() => undefined)
    const a = await payload.findByID({ collection: 'indicator-reports', id: ids.reportA, depth: 0, draft: true, overrideAccess: true })
    expect(a.reportingOrganization).toBe(ids.orgA)
  })

  test('cannot delete reports, nor write content or reference data', async () => {
    await rejected(payload.delete({ collection: 'indicator-reports', id: ids.reportA, ...asUser(users.reporterA) }))
    await rejected(payload.create({ collection: 'news', data: { title: 'x', _status: 'draft' }, draft: true, ...asUser(users.reporterA) }))
    await rejected(payload.update({ collection: 'indicators', id: ids.indicator, data: { name: 'x' }, ...asUser(users.reporterA) }))
  })

  test('reads content like the public: no drafts, no private contact', async () => {
    const { docs } = await payload.find({ collection: 'plans', draft: true, ...asUser(users.reporterA) })
    expect(docs.map((d) => d.id)).not.toContain(ids.draft)
    const h = await payload.findByID({ collection: 'honourees', id: ids.honouree, ...asUser(users.reporterA) })
    expect(h.privateContact).toBeUndefined()
    const media = await payload.find({ collection: 'media', ...asUser(users.reporterA) })
    expect(media.docs.map((d) => d.id).sort()).toEqual([ids.media.publishedHero, ids.media.publishedAttachment].sort())
  })
})

describe('admin: manages accounts and roles', () => {
  test('creates users and changes roles', async () => {
    const u = await payload.create({
      collection: 'users',
      data: { email: 'new-editor@example.test', password: 'a-long-password-1', name: 'Biên tập viên mới', role: 'editor' },
      ...asUser(users.admin),
    })
    expect(u.role).toBe('editor')
    const changed = await payload.update({ collection: 'users', id: u.id, data: { role: 'author' }, ...asUser(users.admin) })
    expect(changed.role).toBe('author')
    await payload.delete({ collection: 'users', id: u.id, ...asUser(users.admin) })
  })

  test('a data reporter must belong to an organisation', async () => {
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'r@example.test', password: 'a-long-password-2', name: 'R', role: 'data-reporter' },
        ...asUser(users.admin),
      }),
    ).rejects.toThrow()
  })

  test('every role may open the admin; nobody else', async () => {
    const { Users } = await import('../cms/collections/Users')
    const adminAccess = Users.access!.admin!
    for (const user of Object.values(users)) expect(await adminAccess({ req: { user } } as any)).toBe(true)
    expect(await adminAccess({ req: { user: null } } as any)).toBe(false)
  })
})

test('the first account created (Payload’s first-user screen) becomes the administrator', async () => {
  await payload.delete({ collection: 'users', where: { id: { exists: true } }, overrideAccess: true })
  const first = await payload.create({
    collection: 'users',
    data: { email: 'first@example.test', password: 'a-long-password-3', name: 'Quản trị', role: 'author' },
    overrideAccess: true,
  })
  expect(first.role).toBe('admin')
  const second = await payload.create({
    collection: 'users',
    data: { email: 'second@example.test', password: 'a-long-password-4', name: 'Tác giả', role: 'author' },
    overrideAccess: true,
  })
  expect(second.role).toBe('author')
})
