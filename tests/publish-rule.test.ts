/**
 * Every path that changes what is live passes the publish rule (issue 9, item 3): restoring a
 * version, duplicating, bulk update and delete, scheduled publishing and running jobs; and
 * unlocking an account is for administrators only. Real users signed in over REST, Payload's
 * real REST and GraphQL handlers, the database checked after each refusal.
 */
import type { Payload } from 'payload'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { makeUser, startTestCms, type TestCms } from './helpers/payload'
import { anonymousSession, signIn, type Session } from './helpers/session'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const users: Record<string, any> = {}
const as: Record<string, Session> = {}
let orgId: number

const rest = (who: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
  http.rest(method, path, body, who.headers)
const gql = (who: Session, query: string) => http.gql(query, who.headers)
const refused = (res: { status: number }) => expect([401, 403]).toContain(res.status)
const gqlRefused = (res: { json: any }) => {
  expect(res.json.errors?.length ?? 0).toBeGreaterThan(0)
  expect(res.json.errors.map((e: any) => e.message).join(' ')).toMatch(/Chỉ|không có quyền|không được|not allowed|Unauthorized/i)
}

/** The main (live) record, read straight from the database. */
const live = (collection: 'plans' | 'news', id: number) => payload.findByID({ collection, id, depth: 0, overrideAccess: true }) as Promise<any>

/** A published plan with a newer draft beside it; returns the ids of both versions. */
async function livePlanWithDraft(title: string) {
  const doc = await payload.create({
    collection: 'plans',
    data: { title, documentType: 'plan', issuers: [orgId], year: 2024, _status: 'published' },
    overrideAccess: true,
  })
  await payload.update({ collection: 'plans', id: doc.id, data: { title: `${title} (nháp)`, _status: 'draft' }, draft: true, overrideAccess: true })
  const { docs } = await payload.findVersions({ collection: 'plans', where: { parent: { equals: doc.id } }, sort: '-updatedAt', overrideAccess: true })
  const draft = docs.find((v: any) => v.version._status === 'draft')!
  const published = docs.find((v: any) => v.version._status === 'published')!
  return { id: doc.id as number, draftVersion: draft.id, publishedVersion: published.id }
}

const countVersions = async (id: number) =>
  (await payload.countVersions({ collection: 'plans', where: { parent: { equals: id } }, overrideAccess: true })).totalDocs

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  // Every refusal below is expected and asserted; Payload would log each one (GraphQL as errors).
  payload.logger.level = 'silent'
  http = await import('./helpers/http')
  orgId = (await payload.create({ collection: 'organizations', data: { name: 'Hội Khuyến học tỉnh', kind: 'study-promotion-association' }, overrideAccess: true })).id
  for (const role of ['admin', 'editor', 'author'] as const) users[role] = await makeUser(payload, role)
  users['data-reporter'] = await makeUser(payload, 'data-reporter', orgId)
  for (const [role, user] of Object.entries(users)) as[role] = await signIn(user)
  as.anonymous = anonymousSession
})
afterAll(async () => cms?.cleanup())

describe('restoring a version is a publish or an unpublish', () => {
  test('an author cannot unpublish a live document by restoring its draft version (REST)', async () => {
    const plan = await livePlanWithDraft('Kế hoạch đang công khai A')
    const versions = await countVersions(plan.id)
    refused(await rest(as.author, 'POST', `/plans/versions/${plan.draftVersion}`))
    const doc = await live('plans', plan.id)
    expect(doc._status).toBe('published')
    expect(doc.title).toBe('Kế hoạch đang công khai A')
    expect(await countVersions(plan.id)).toBe(versions)
  })

  test('… nor over GraphQL', async () => {
    const plan = await livePlanWithDraft('Kế hoạch đang công khai B')
    gqlRefused(await gql(as.author, `mutation { restoreVersionPlan(id: ${plan.draftVersion}) { id } }`))
    const doc = await live('plans', plan.id)
    expect(doc._status).toBe('published')
    expect(doc.title).toBe('Kế hoạch đang công khai B')
  })

  test('an author cannot publish by restoring a published version over a newer draft', async () => {
    const plan = await livePlanWithDraft('Kế hoạch C')
    // The live record is unpublished by an editor; the old published version is still listed.
    await payload.update({ collection: 'plans', id: plan.id, data: { _status: 'draft' }, overrideAccess: true })
    refused(await rest(as.author, 'POST', `/plans/versions/${plan.publishedVersion}`))
    gqlRefused(await gql(as.author, `mutation { restoreVersionPlan(id: ${plan.publishedVersion}) { id } }`))
    expect((await live('plans', plan.id))._status).toBe('draft')
  })

  test('a data reporter and an anonymous caller cannot restore anything', async () => {
    const plan = await livePlanWithDraft('Kế hoạch D')
    for (const who of [as['data-reporter'], as.anonymous]) {
      refused(await rest(who, 'POST', `/plans/versions/${plan.draftVersion}`))
      refused(await rest(who, 'POST', `/plans/versions/${plan.draftVersion}?draft=true`))
    }
    expect((await live('plans', plan.id))._status).toBe('published')
    expect(await countVersions(plan.id)).toBe(2)
  })

  test('an author may restore a version as a new draft; the live document is untouched', async () => {
    const plan = await livePlanWithDraft('Kế hoạch E')
    const res = await rest(as.author, 'POST', `/plans/versions/${plan.publishedVersion}?draft=true`)
    expect(res.status).toBe(200)
    const doc = await live('plans', plan.id)
    expect(doc._status).toBe('published')
    const latest = await payload.findByID({ collection: 'plans', id: plan.id, draft: true, overrideAccess: true })
    expect(latest._status).toBe('draft')
    expect(latest.title).toBe('Kế hoạch E')
  })

  test('an editor may unpublish by restoring a draft version (REST and GraphQL)', async () => {
    const a = await livePlanWithDraft('Kế hoạch F')
    expect((await rest(as.editor, 'POST', `/plans/versions/${a.draftVersion}`)).status).toBe(200)
    expect((await live('plans', a.id))._status).toBe('draft')
    const b = await livePlanWithDraft('Kế hoạch G')
    const res = await gql(as.editor, `mutation { restoreVersionPlan(id: ${b.draftVersion}) { id } }`)
    expect(res.json.errors).toBeUndefined()
    expect((await live('plans', b.id))._status).toBe('draft')
  })
})

describe('duplicating makes a draft', () => {
  test('a duplicate of a published document starts as a draft, whichever way it is asked for', async () => {
    const copies = [
      (await gql(as.editor, `mutation { duplicatePlan(id: ${(await livePlanWithDraft('Nhân bản 1')).id}, data: { title: "Bản sao 1", documentType: plan, year: 2024 }) { id } }`)).json.data?.duplicatePlan,
      (await rest(as.editor, 'POST', `/plans/${(await livePlanWithDraft('Nhân bản 2')).id}/duplicate`)).json.doc,
      (await rest(as.editor, 'POST', `/plans/${(await livePlanWithDraft('Nhân bản 3')).id}/duplicate?draft=false`)).json.doc,
    ]
    for (const copy of copies) {
      expect(copy?.id).toBeDefined()
      expect((await live('plans', copy.id))._status).toBe('draft')
    }
  })

  test('asking for a published copy still gives a draft, for authors and editors alike', async () => {
    const plan = await livePlanWithDraft('Kế hoạch nhân bản công khai?')
    const byAuthor = await rest(as.author, 'POST', `/plans/${plan.id}/duplicate?draft=false`, { _status: 'published', slug: 'ban-sao-tac-gia' })
    expect(byAuthor.status).toBe(200)
    const byEditor = await gql(
      as.editor,
      `mutation { duplicatePlan(id: ${plan.id}, data: { title: "Bản sao biên tập", documentType: plan, year: 2024, slug: "ban-sao-bien-tap", _status: published }) { id } }`,
    )
    expect(byEditor.json.errors).toBeUndefined()
    for (const id of [byAuthor.json.doc.id, byEditor.json.data.duplicatePlan.id]) expect((await live('plans', id))._status).toBe('draft')
  })
})

describe('bulk update and delete', () => {
  test('an author cannot unpublish or publish many documents at once', async () => {
    const plan = await livePlanWithDraft('Kế hoạch hàng loạt')
    const where = `where[id][equals]=${plan.id}`
    refused(await rest(as.author, 'PATCH', `/plans?${where}`, { _status: 'draft', title: 'Gỡ hàng loạt' }))
    refused(await rest(as.author, 'PATCH', `/plans?${where}&draft=true`, { _status: 'published' }))
    const doc = await live('plans', plan.id)
    expect(doc._status).toBe('published')
    expect(doc.title).toBe('Kế hoạch hàng loạt')
    // A bulk draft save is a draft save: allowed, and nothing public changes.
    expect((await rest(as.author, 'PATCH', `/plans?${where}&draft=true`, { _status: 'draft', summary: 'Nháp' })).status).toBe(200)
    expect((await live('plans', plan.id))._status).toBe('published')
  })

  test('an author cannot delete many documents at once', async () => {
    const plan = await livePlanWithDraft('Kế hoạch không xóa được')
    const res = await rest(as.author, 'DELETE', `/plans?where[id][equals]=${plan.id}`)
    expect(res.json.docs ?? []).toHaveLength(0)
    expect((await live('plans', plan.id))._status).toBe('published')
  })
})

describe('scheduled publishing and the jobs queue', () => {
  const scheduleArgs = (user: any, extra: Record<string, unknown>) =>
    createLocalReq({ user: { ...user, collection: 'users' } }, payload).then((req) => ({ req, importMap: {}, cookies: new Map(), permissions: {} as never, user, ...extra }))

  const scheduledJobs = (id: number) =>
    payload.db.find({ collection: 'payload-jobs', where: { 'input.doc.value': { equals: String(id) } }, limit: 0 } as never).then((r: any) => r.docs)

  test('an author cannot schedule a publish or an unpublish in the admin', async () => {
    const { adminServerFunctions } = await import('../cms/publishing/serverFunctions')
    const schedule = adminServerFunctions['schedule-publish']
    const news = await payload.create({ collection: 'news', data: { title: 'Tin chờ hẹn giờ', _status: 'draft' }, draft: true, overrideAccess: true })
    for (const type of ['publish', 'unpublish']) {
      const args = await scheduleArgs(users.author, { type, date: new Date(Date.now() + 60_000), doc: { relationTo: 'news', value: String(news.id) } })
      await expect(Promise.resolve().then(() => schedule(args as never))).rejects.toThrow(/biên tập viên|quản trị/i)
    }
    expect(await scheduledJobs(news.id)).toHaveLength(0)
  })

  test('an editor schedules; an author cannot cancel it', async () => {
    const { adminServerFunctions } = await import('../cms/publishing/serverFunctions')
    const schedule = adminServerFunctions['schedule-publish']
    const news = await payload.create({ collection: 'news', data: { title: 'Tin biên tập hẹn giờ', _status: 'draft' }, draft: true, overrideAccess: true })
    const doc = { relationTo: 'news', value: String(news.id) }
    await schedule((await scheduleArgs(users.editor, { type: 'publish', date: new Date(Date.now() + 60_000), doc })) as never)
    const [job] = await scheduledJobs(news.id)
    expect(job).toBeDefined()
    const cancel = await scheduleArgs(users.author, { type: 'publish', date: new Date(Date.now() + 120_000), doc, deleteID: job.id })
    await expect(Promise.resolve().then(() => schedule(cancel as never))).rejects.toThrow()
    expect((await scheduledJobs(news.id)).map((j: any) => j.id)).toEqual([job.id])
  })

  test('a publish job queued in an author’s name fails and changes nothing', async () => {
    const news = await payload.create({ collection: 'news', data: { title: 'Tin tác giả hẹn giờ', _status: 'draft' }, draft: true, overrideAccess: true })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(news.id) }, user: { relationTo: 'users', value: users.author.id } },
    } as never)
    await payload.jobs.run({ silent: true } as never)
    expect((await live('news', news.id))._status).toBe('draft')
  })

  test('only editors and administrators may run the jobs queue', async () => {
    for (const role of ['author', 'data-reporter', 'anonymous']) {
      refused(await rest(as[role], 'GET', '/payload-jobs/run?silent=true'))
      refused(await rest(as[role], 'GET', '/payload-jobs/handle-schedules'))
    }
    for (const role of ['editor', 'admin']) expect((await rest(as[role], 'GET', '/payload-jobs/run?silent=true')).status).toBe(200)
  })
})

describe('unlocking an account', () => {
  const lock = (email: string) =>
    payload.db.updateOne({ collection: 'users', where: { email: { equals: email } }, data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 600_000).toISOString() } } as never)
  const lockedUntil = async (email: string) =>
    ((await payload.db.findOne({ collection: 'users', where: { email: { equals: email } } })) as any).lockUntil

  test('is for administrators only, over REST and GraphQL', async () => {
    const victim = await makeUser(payload, 'editor')
    await lock(victim.email)
    for (const role of ['editor', 'author', 'data-reporter', 'anonymous']) {
      refused(await rest(as[role], 'POST', '/users/unlock', { email: victim.email }))
      gqlRefused(await gql(as[role], `mutation { unlockUser(email: "${victim.email}") }`))
    }
    expect(await lockedUntil(victim.email)).toBeTruthy()
    expect((await rest(as.admin, 'POST', '/users/unlock', { email: victim.email })).status).toBe(200)
    expect(await lockedUntil(victim.email)).toBeFalsy()
  })
})
