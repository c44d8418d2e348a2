/**
 * Personal data under Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, all real: Payload on a fresh
 * SQLite file (seeded), its REST and GraphQL handlers, and real portal releases
 * (`buildRelease`: astro build + Pagefind + the atomic swap and pruning of kept releases).
 * - consent withdrawal: who may record it, bad input, the staff-only record, no republishing
 *   (not even by restoring an old version) until a newer consent is recorded;
 * - the next build removes the person from every file of every kept release and the cache;
 * - data subject requests: staff only, deadlines computed from the received date.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { addWorkingDays, deadlinesFor, deadlineState } from '../cms/lib/dataSubjectDeadlines'
import { seed } from '../cms/seed'
import { BuildQueue, PORTAL_BUILD_SLUG, setPortalBuildQueue } from '../cms/publishing/buildQueue'
import { buildRelease, type ReleaseSummary } from '../site/scripts/release'
import { filesAsText } from './helpers/portal'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

const root = path.resolve(import.meta.dirname, '..')
const work = path.join(root, '.build', `privacy-test-${process.pid}`)

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const users: Record<string, any> = {}
const tokens: Record<string, string> = {}

type Role = 'admin' | 'editor' | 'author' | 'reporter' | 'anonymous'
const staffRoles: Role[] = ['admin', 'editor', 'author']
const auth = (role: Role): Record<string, string> => (role === 'anonymous' ? {} : { authorization: `JWT ${tokens[role]}` })
const asUser = (role: Exclude<Role, 'anonymous'>) => ({ user: users[role], overrideAccess: false as const })

const withdraw = (id: number | string, role: Role, body: unknown = { date: '2026-03-02', receivedVia: 'letter', note: 'Thư đề nghị gỡ thông tin' }) =>
  http.rest('POST', `/honourees/${id}/withdraw-consent`, body, auth(role))

async function individual(name: string, extra: Record<string, unknown> = {}) {
  return payload.create({
    collection: 'honourees',
    data: {
      name,
      kind: 'individual',
      year: 2025,
      award: 'title',
      awardTitle: 'Công dân học tập tiêu biểu',
      locality: 'Xã Vũ Phúc, tỉnh Hưng Yên',
      consent: { recorded: true, date: '2026-01-10', note: 'Đồng ý bằng văn bản' },
      privateContact: { homeAddress: 'Số 9 ngõ Bí Mật', phone: '0912000111' },
      _status: 'published',
      ...extra,
    } as never,
    ...asUser('editor'),
  })
}

const stored = (id: number | string) => payload.findByID({ collection: 'honourees', id, depth: 0, overrideAccess: true })

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  http = await import('./helpers/http')
  await seed(payload)
  const org = await payload.find({ collection: 'organizations', limit: 1, overrideAccess: true })
  users.admin = await makeUser(payload, 'admin')
  users.editor = await makeUser(payload, 'editor')
  users.author = await makeUser(payload, 'author')
  users.reporter = await makeUser(payload, 'data-reporter', org.docs[0].id)
  for (const role of ['admin', 'editor', 'author', 'reporter'] as const) {
    const { email, password } = users[role]
    tokens[role] = (await payload.login({ collection: 'users', data: { email, password } })).token!
  }
  fs.mkdirSync(work, { recursive: true })
})

afterAll(async () => {
  await cms?.cleanup()
  fs.rmSync(work, { recursive: true, force: true })
})

test('the privacy page cites the law in force, Luật 91/2025/QH15, and the rights it gives', async () => {
  const page = (await payload.find({ collection: 'pages', where: { slug: { equals: 'bao-ve-du-lieu-ca-nhan' } }, overrideAccess: false })).docs[0]
  const text = JSON.stringify(page.body)
  expect(text).toContain('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15')
  expect(text).toContain('01/01/2026')
  expect(text).not.toMatch(/theo Nghị định số 13\/2023/)
  for (const right of ['rút lại sự đồng ý', 'chỉnh sửa', 'xóa', 'hạn chế xử lý', 'phản đối', 'khiếu nại', 'thời hạn pháp luật quy định']) {
    expect(text).toContain(right)
  }
  expect(page.summary).toContain('91/2025/QH15')
})

describe('withdrawing consent', () => {
  test('only editors and administrators may record it; every other role is refused and nothing changes', async () => {
    const person = await individual('Phạm Văn Quyền')
    for (const role of ['anonymous', 'reporter', 'author'] as const) {
      const res = await withdraw(person.id, role)
      expect(res.status, role).toBe(role === 'anonymous' ? 401 : 403)
      expect(res.json.errors[0].message, role).toMatch(/Chỉ biên tập viên hoặc quản trị viên/)
    }
    expect((await stored(person.id))._status).toBe('published')
    for (const role of ['editor', 'admin'] as const) {
      const other = await individual(`Người thử ${role}`)
      const res = await withdraw(other.id, role)
      expect(res.status, role).toBe(200)
      expect(res.json.message).toMatch(/Đã ghi nhận việc rút lại sự đồng ý/)
      const doc = await stored(other.id)
      expect(doc._status).toBe('draft')
      expect(doc.consent?.recorded).toBe(false)
      expect(doc.consentWithdrawal).toMatchObject({ withdrawn: true, receivedVia: 'letter', note: 'Thư đề nghị gỡ thông tin', recordedBy: users[role].id })
      expect(String(doc.consentWithdrawal?.date)).toMatch(/^2026-03-02/)
      expect(doc.consentWithdrawal?.recordedAt).toBeTruthy()
    }
  })

  test('bad input gets a Vietnamese message and changes nothing', async () => {
    const person = await individual('Đỗ Thị Hợp Lệ')
    const family = await payload.create({
      collection: 'honourees',
      data: { name: 'Gia đình ông Hợp', kind: 'learning-family', year: 2025, award: 'title', _status: 'published' } as never,
      ...asUser('editor'),
    })
    const cases: [string | number, unknown, RegExp][] = [
      [person.id, { date: '2026-02-30', receivedVia: 'letter' }, /ngày có thật/],
      [person.id, { date: '2999-01-01', receivedVia: 'letter' }, /không sau ngày hôm nay/],
      [person.id, { date: 'hôm qua', receivedVia: 'letter' }, /YYYY-MM-DD/],
      [person.id, { date: '2026-03-02', receivedVia: 'bồ câu' }, /Hình thức nhận/],
      [person.id, { date: '2026-03-02', receivedVia: 'email', note: 'x'.repeat(2001) }, /2\.000 ký tự/],
      [person.id, { date: '2026-03-02', receivedVia: 'email', note: 42 }, /Ghi chú/],
      [person.id, [1, 2], /JSON/],
      [family.id, { date: '2026-03-02', receivedVia: 'email' }, /cá nhân/],
    ]
    for (const [id, body, message] of cases) {
      const res = await withdraw(id, 'editor', body)
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(res.json.errors[0].message).toMatch(message)
    }
    const notJson = await http.dispatch(
      new Request(`http://localhost:3000/api/honourees/${person.id}/withdraw-consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth('editor') },
        body: '{not json',
      }),
    )
    expect(notJson.status).toBe(400)
    expect((await withdraw(999_999, 'editor')).status).toBe(404)
    expect((await withdraw('abc', 'editor')).status).toBe(404)
    for (const id of [person.id, family.id]) {
      const doc = await stored(id)
      expect(doc._status).toBe('published')
      expect(doc.consentWithdrawal?.withdrawn ?? false).toBe(false)
    }
  })

  test('the record cannot be written or erased by an ordinary save', async () => {
    const person = await individual('Vũ Thị Ghi Chép')
    // Not even an editor can forge a withdrawal (or a "recorded by") through a normal save.
    await payload.update({
      collection: 'honourees',
      id: person.id,
      data: { consentWithdrawal: { withdrawn: true, date: '2026-01-01', note: 'giả mạo' } } as never,
      ...asUser('editor'),
    })
    expect((await stored(person.id)).consentWithdrawal?.note ?? null).toBeNull()
    expect((await withdraw(person.id, 'editor')).status).toBe(200)
    const res = await http.rest('PATCH', `/honourees/${person.id}?draft=false`, { consentWithdrawal: { withdrawn: false, date: null } }, auth('admin'))
    expect(res.status).toBe(200)
    expect((await stored(person.id)).consentWithdrawal?.withdrawn).toBe(true)
  })

  test('a withdrawn person cannot be published again until a newer consent is recorded — not even by restoring an old version', async () => {
    const person = await individual('Hoàng Văn Rút Lại')
    expect((await withdraw(person.id, 'editor')).status).toBe(200)

    // Publishing again with the old consent ticked back on is refused.
    const again = await http.rest('PATCH', `/honourees/${person.id}`, { _status: 'published', consent: { recorded: true, date: '2026-01-10' } }, auth('editor'))
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.json)).toContain('đã rút lại sự đồng ý ngày 02/03/2026')
    expect((await stored(person.id))._status).toBe('draft')

    // Restoring the version published before the withdrawal is refused too.
    const versions = await payload.findVersions({
      collection: 'honourees',
      where: { and: [{ parent: { equals: person.id } }, { 'version._status': { equals: 'published' } }] },
      overrideAccess: true,
    })
    expect(versions.docs.length).toBeGreaterThan(0)
    const restore = await http.rest('POST', `/honourees/versions/${versions.docs.at(-1)!.id}`, {}, auth('editor'))
    expect(restore.status).toBeGreaterThanOrEqual(400)
    expect(restore.status).toBeLessThan(500)
    expect(JSON.stringify(restore.json)).toContain('đã rút lại sự đồng ý')
    // Server-side paths (jobs, scripts) skip field access: the record must hold there too.
    await expect(
      payload.restoreVersion({ collection: 'honourees', id: versions.docs.at(-1)!.id, overrideAccess: true }),
    ).rejects.toThrow()
    const afterRestore = await stored(person.id)
    expect(afterRestore._status).toBe('draft')
    expect(afterRestore.consentWithdrawal?.withdrawn).toBe(true)

    // A copy of the record does not carry the old consent either.
    const copy = await http.rest('POST', `/honourees/${person.id}/duplicate`, {}, auth('editor'))
    expect(copy.status).toBeLessThan(300)
    const copied = await stored(copy.json.doc.id)
    expect(copied._status).toBe('draft')
    expect(copied.consent?.recorded).toBe(false)
    expect(copied.consent?.date ?? null).toBeNull()
    const copyPublished = await http.rest('PATCH', `/honourees/${copied.id}`, { _status: 'published' }, auth('editor'))
    expect(copyPublished.status).toBe(400)

    // A new consent, dated after the withdrawal, allows it.
    const renewed = await http.rest('PATCH', `/honourees/${person.id}`, { _status: 'published', consent: { recorded: true, date: '2026-03-09', note: 'Đồng ý lại' } }, auth('editor'))
    expect(renewed.status).toBe(200)
    expect((await stored(person.id))._status).toBe('published')

    // Published again, the withdrawal record stays: staff see it, nobody else does.
    const staffView = await payload.findByID({ collection: 'honourees', id: person.id, ...asUser('author') })
    expect(staffView.consentWithdrawal?.withdrawn).toBe(true)
    const local = await payload.findByID({ collection: 'honourees', id: person.id, overrideAccess: false })
    expect(local.name).toBe('Hoàng Văn Rút Lại')
    expect(local.consentWithdrawal).toBeUndefined()
    for (const role of ['anonymous', 'reporter'] as const) {
      const res = await http.rest('GET', `/honourees/${person.id}?depth=1`, undefined, auth(role))
      expect(res.status, role).toBe(200)
      expect(res.json.consentWithdrawal, role).toBeUndefined()
      expect(JSON.stringify(res.json), role).not.toContain('Thư đề nghị gỡ thông tin')
      const q = await http.gql(
        `{ Honourees(where: { id: { equals: ${person.id} } }) { docs { name consentWithdrawal { withdrawn date note receivedVia recordedAt } } } }`,
        auth(role),
      )
      expect(q.json.data?.Honourees?.docs?.[0]?.name, role).toBe('Hoàng Văn Rút Lại')
      // GraphQL answers the group's shape with every value hidden.
      const group = q.json.data.Honourees.docs[0].consentWithdrawal
      expect(group === null || Object.values(group).every((v) => v === null), role).toBe(true)
      expect(JSON.stringify(q.json), role).not.toContain('Thư đề nghị')
    }
  })
})

describe('data subject requests', () => {
  const create = (role: Role, data: Record<string, unknown> = {}) =>
    http.rest(
      'POST',
      '/data-subject-requests',
      { kind: 'deletion', receivedDate: '2026-03-06', requesterName: 'Nguyễn Thị Yêu Cầu', requesterContact: 'yc@example.test', status: 'received', ...data },
      auth(role),
    )

  test('deadlines follow the kind and the received date, skipping weekends', () => {
    // Friday 06/03/2026: two working days → Tuesday 10/03.
    expect(addWorkingDays('2026-03-06', 2)).toBe('2026-03-10')
    expect(deadlinesFor('withdrawal', '2026-03-06')).toMatchObject({ acknowledgeBy: '2026-03-10', completeBy: '2026-03-21' })
    expect(deadlinesFor('access', '2026-03-06')).toMatchObject({ acknowledgeBy: '2026-03-10', completeBy: '2026-03-16' })
    expect(deadlinesFor('deletion', '2026-03-06').basis).toContain('91/2025/QH15')
    const open = { status: 'received' as const, acknowledgeBy: '2026-03-10', deadline: '2026-03-21' }
    expect(deadlineState(open, '2026-03-09')).toBe('Còn 12 ngày')
    expect(deadlineState(open, '2026-03-11')).toBe('QUÁ HẠN PHẢN HỒI')
    expect(deadlineState({ ...open, status: 'acknowledged' }, '2026-03-11')).toBe('Còn 10 ngày')
    expect(deadlineState(open, '2026-03-24')).toBe('QUÁ HẠN 3 ngày')
    expect(deadlineState({ ...open, status: 'completed' }, '2026-03-24')).toBe('Đã giải quyết')
  })

  test('staff record and read them over REST and GraphQL, with the deadline computed; overdue shows', async () => {
    for (const role of staffRoles) {
      const res = await create(role)
      expect(res.status, role).toBe(201)
      expect(res.json.doc.acknowledgeBy.slice(0, 10)).toBe('2026-03-10')
      expect(res.json.doc.deadline.slice(0, 10)).toBe('2026-03-16')
      expect(res.json.doc.deadlineBasis).toContain('Nghị định 356/2025/NĐ-CP')
      // Received in March 2026 and never answered: overdue by now.
      expect(res.json.doc.deadlineState).toMatch(/^QUÁ HẠN/)
      expect(res.json.doc.recordedBy).toBeTruthy()
      const list = await http.rest('GET', '/data-subject-requests?limit=100', undefined, auth(role))
      expect(list.status, role).toBe(200)
      expect(list.json.docs.some((d: any) => d.requesterContact === 'yc@example.test')).toBe(true)
      const q = await http.gql(`{ DataSubjectRequests { docs { kind requesterName deadline deadlineState status } } }`, auth(role))
      expect(q.json.errors, role).toBeUndefined()
      expect(q.json.data.DataSubjectRequests.docs.length).toBeGreaterThan(0)
    }
    // Typing a deadline by hand changes nothing: it follows the kind and the received date.
    const forged = await create('editor', { kind: 'withdrawal', deadline: '2030-01-01', acknowledgeBy: '2030-01-01' })
    expect(forged.json.doc.deadline.slice(0, 10)).toBe('2026-03-21')
    const moved = await http.rest('PATCH', `/data-subject-requests/${forged.json.doc.id}`, { kind: 'access' }, auth('author'))
    expect(moved.json.doc.deadline.slice(0, 10)).toBe('2026-03-16')
    const done = await http.rest('PATCH', `/data-subject-requests/${forged.json.doc.id}`, { status: 'completed', responseDate: '2026-03-09' }, auth('editor'))
    expect(done.json.doc.deadlineState).toBe('Đã giải quyết')
  })

  test('anonymous readers and data reporters can neither read nor create them, over REST or GraphQL', async () => {
    const existing = (await create('editor')).json.doc.id
    for (const role of ['anonymous', 'reporter'] as const) {
      expect((await http.rest('GET', '/data-subject-requests', undefined, auth(role))).status, role).toBe(403)
      expect((await http.rest('GET', `/data-subject-requests/${existing}`, undefined, auth(role))).status, role).toBe(403)
      const res = await create(role)
      expect(res.status, role).toBe(403)
      expect((await http.rest('PATCH', `/data-subject-requests/${existing}`, { status: 'completed' }, auth(role))).status, role).toBe(403)
      expect((await http.rest('DELETE', `/data-subject-requests/${existing}`, undefined, auth(role))).status, role).toBe(403)
      const q = await http.gql(`{ DataSubjectRequests { docs { requesterName requesterContact } } }`, auth(role))
      expect(q.json.errors?.length, role).toBeGreaterThan(0)
      expect(JSON.stringify(q.json)).not.toContain('Nguyễn Thị Yêu Cầu')
      const m = await http.gql(
        `mutation { createDataSubjectRequest(data: { kind: deletion, receivedDate: "2026-03-06", requesterName: "Kẻ lạ", status: received }) { id } }`,
        auth(role),
      )
      expect(m.json.errors?.length, role).toBeGreaterThan(0)
    }
    const all = await payload.find({ collection: 'data-subject-requests', overrideAccess: true, limit: 0, pagination: false })
    expect(all.docs.some((d) => d.requesterName === 'Kẻ lạ')).toBe(false)
    expect(all.docs.find((d) => d.id === existing)?.status).toBe('received')
    // Deleting a request record: administrators only (it is the office's accountability log).
    expect((await http.rest('DELETE', `/data-subject-requests/${existing}`, undefined, auth('author'))).status).toBe(403)
    expect((await http.rest('DELETE', `/data-subject-requests/${existing}`, undefined, auth('editor'))).status).toBe(403)
    expect((await http.rest('DELETE', `/data-subject-requests/${existing}`, undefined, auth('admin'))).status).toBe(200)
  })

  test('a date that does not exist or lies in the future is refused with a Vietnamese message', async () => {
    // An impossible day is refused by the check every date field has (cms/fields/inputChecks.ts).
    const impossible = await create('editor', { receivedDate: '2026-02-30' })
    expect(impossible.status).toBe(400)
    expect(JSON.stringify(impossible.json)).toContain('ngày 30/02/2026 không có trên lịch')
    const future = await create('editor', { receivedDate: '2999-01-01' })
    expect(future.status).toBe(400)
    expect(JSON.stringify(future.json)).toContain('Ngày nhận yêu cầu phải là một ngày có thật')
    const early = await create('editor', { responseDate: '2026-03-01' })
    expect(early.status).toBe(400)
    expect(JSON.stringify(early.json)).toContain('Ngày trả lời')
  })
})

// Both ways a publish can go: the withdrawal rendered as a partial publish (the default),
// and as a full build.
describe.each([
  { mode: 'partial', token: 'Zqxwithdrawn' },
  { mode: 'full', token: 'Zqxfullbuild' },
] as const)('the next build ($mode) removes a withdrawn person everywhere, kept releases included', ({ mode, token }) => {
  const NAME = `Trần Văn ${token}`
  const TOKEN = new RegExp(token, 'i')
  const releasesDir = path.join(work, `releases-${mode}`)
  const cacheDir = path.join(work, `cache-${mode}`)
  const current = path.join(work, `live-${mode}`)
  const build = () =>
    buildRelease({
      current,
      releasesDir,
      cacheDir,
      env: { ...process.env, DATABASE_URL: `file:${cms.dbFile}`, PORTAL_NOW: '2026-11-22', PORTAL_PARTIAL: mode === 'partial' ? '1' : '0' },
    })

  /** Files (path relative to `dir`) whose text mentions the person. */
  const mentions = (dir: string) =>
    fs.existsSync(dir) ? [...filesAsText(dir)].filter(([, text]) => TOKEN.test(text)).map(([file]) => path.relative(dir, file)) : []

  test('publish with consent, build, withdraw, build: the name is in no file of any release, the search index or the cache', async () => {
    // The CMS's own rebuild queue, running the real release script: publishing and the
    // withdrawal each ask for the build that follows them, as in the running product.
    const releases: ReleaseSummary[] = []
    const queue = new BuildQueue(payload, {
      debounceMs: 200,
      run: async () => {
        const summary = await build()
        releases.push(summary)
        return { ok: true, summary, log: '' }
      },
    })
    setPortalBuildQueue(queue)
    process.env.PORTAL_AUTO_REBUILD = '1'
    try {
      await runScenario(queue, releases)
    } finally {
      process.env.PORTAL_AUTO_REBUILD = '0'
      setPortalBuildQueue(undefined)
      // Or it would take the next scenario's requests into its own releases.
      await queue.stop()
    }
  }, 600_000)

  async function runScenario(queue: BuildQueue, releases: ReleaseSummary[]) {
    // A media file changed within seconds of a build makes the next publish full
    // (partial-release.ts): the seeded ones are left to age past that margin.
    if (mode === 'partial') await new Promise((r) => setTimeout(r, 5_500))
    const campaign = (await payload.find({ collection: 'campaigns', limit: 1, overrideAccess: true })).docs[0]
    const person = await individual(NAME, { campaign: campaign.id })
    await new Promise((r) => setTimeout(r, 50))
    await queue.whenIdle()
    expect(releases).toHaveLength(1)
    const first = releases[0]
    const firstMentions = mentions(first.dir)
    // The build really showed the person: page, embed, list, campaign, sitemap and search index.
    expect(firstMentions).toEqual(
      expect.arrayContaining([
        `client/dien-hinh/${person.slug}/index.html`,
        `client/nhung/dien-hinh/${person.slug}/index.html`,
        'client/dien-hinh/index.html',
        `client/phong-trao/${campaign.slug}/index.html`,
        'client/sitemap-0.xml',
      ]),
    )
    expect(firstMentions.some((file) => file.startsWith('client/pagefind/'))).toBe(true)
    const privacyPage = fs.readFileSync(path.join(first.dir, 'client', 'trang', 'bao-ve-du-lieu-ca-nhan', 'index.html'), 'utf8')
    expect(privacyPage).toContain('91/2025/QH15')

    expect((await withdraw(person.id, 'editor', { date: '2026-11-20', receivedVia: 'email', note: 'Thư điện tử rút lại' })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 50))
    await queue.whenIdle()
    expect(releases).toHaveLength(2)
    const second = releases[1]
    expect(second.mode).toBe(mode)
    const status = await payload.findGlobal({ slug: PORTAL_BUILD_SLUG, overrideAccess: true })
    expect(status.lastOutcome).toBe('success')
    expect(status.lastSuccessReasons).toContain('(gỡ xuất bản)')
    expect(fs.realpathSync(current)).toBe(fs.realpathSync(second.dir))
    // Two releases are within the kept count (3), yet the one showing the person is gone.
    expect(fs.existsSync(first.dir)).toBe(false)
    const kept = fs.readdirSync(releasesDir).filter((name) => !name.startsWith('.'))
    expect(kept).toEqual([path.basename(second.dir)])
    for (const dir of [releasesDir, cacheDir]) expect(mentions(dir), dir).toEqual([])
    expect(fs.existsSync(path.join(second.dir, 'client', 'dien-hinh', person.slug!))).toBe(false)
    // The rest of the site is still there.
    expect(fs.existsSync(path.join(second.dir, 'client', 'dien-hinh', 'index.html'))).toBe(true)
  }
})
