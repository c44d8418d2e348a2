/**
 * Review before anything goes public (cms/review/): the whole flow over REST as real signed-in
 * users on a real Payload with SQLite — an author's plan and a data reporter's figure are sent
 * for review, returned with a comment (a return without one is refused and changes nothing),
 * fixed, sent again and approved (published); every step is recorded in order with its actor
 * and comment; a figure is not public (REST and GraphQL, anonymous) until approved.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { reviewMessages } from '../cms/review/status'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'
import { anonymousSession, signIn, type Session } from './helpers/session'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const s = {} as Record<'admin' | 'editor' | 'author' | 'reporter' | 'otherReporter', Session>
const userIds = {} as Record<keyof typeof s, number>
let orgA: number
let orgB: number
let indicator: number

const local = { overrideAccess: true, depth: 0 } as const
const post = (session: Session, path: string, body?: unknown) => http.rest('POST', path, body, session.headers)
const latest = (collection: 'plans' | 'indicator-reports', id: number) => payload.findByID({ collection, id, draft: true, ...local }) as Promise<any>
const live = (collection: 'plans' | 'indicator-reports', id: number) => payload.db.findOne({ collection, where: { id: { equals: id } } }) as Promise<any>
const events = async (collection: string, id: number) =>
  (await payload.find({ collection: 'review-events', where: { targetCollection: { equals: collection }, targetId: { equals: String(id) } }, sort: 'createdAt', ...local, pagination: false })).docs as any[]

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  payload.logger.level = 'silent'
  http = await import('./helpers/http')
  const org = async (name: string) => (await payload.create({ collection: 'organizations', data: { name, kind: 'study-promotion-association' }, ...local })).id as number
  orgA = await org('Hội Khuyến học tỉnh Duyệt A')
  orgB = await org('Hội Khuyến học tỉnh Duyệt B')
  indicator = (await payload.create({ collection: 'indicators', data: { code: 'GDHT', name: 'Gia đình học tập', unit: 'percent', direction: 'higher-is-better' }, ...local }))
    .id as number
  for (const [key, role, organization] of [
    ['admin', 'admin', undefined],
    ['editor', 'editor', undefined],
    ['author', 'author', undefined],
    ['reporter', 'data-reporter', orgA],
    ['otherReporter', 'data-reporter', orgB],
  ] as const) {
    const user = await makeUser(payload, role, organization)
    userIds[key] = user.id as number
    s[key] = await signIn(user)
  }
})
afterAll(async () => {
  await cms?.cleanup()
})

describe('a plan: author submits, editor returns, author fixes and resubmits, editor approves', () => {
  let id: number
  test('the author saves a draft and sends it for review', async () => {
    const created = await http.rest('POST', '/plans?draft=true', { title: 'Kế hoạch cần duyệt', documentType: 'plan', issuers: [orgA], year: 2026, _status: 'draft' }, s.author.headers)
    expect(created.status).toBe(201)
    id = created.json.doc.id
    expect((await latest('plans', id)).reviewStatus).toBe('editing')
    // A plain save cannot set the review fields.
    await http.rest('PATCH', `/plans/${id}?draft=true`, { reviewStatus: 'approved', _status: 'draft' }, s.author.headers)
    expect((await latest('plans', id)).reviewStatus).toBe('editing')

    const res = await post(s.author, `/plans/${id}/review/submit`, { comment: 'Nhờ anh chị xem giúp.' })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json.message).toBe(reviewMessages.submitted)
    const doc = await latest('plans', id)
    expect(doc.reviewStatus).toBe('submitted')
    expect(doc.reviewSubmittedBy).toBe(userIds.author)
    expect((await live('plans', id))._status).toBe('draft')
    // Sent twice: refused, nothing recorded.
    expect((await post(s.author, `/plans/${id}/review/submit`)).status).toBe(409)
    expect(await events('plans', id)).toHaveLength(1)
  })

  test('the author cannot return or approve; anonymous cannot submit', async () => {
    expect((await post(s.author, `/plans/${id}/review/return`, { comment: 'Tự trả lại' })).status).toBe(403)
    expect((await post(s.author, `/plans/${id}/review/approve`)).status).toBe(403)
    expect((await post(anonymousSession, `/plans/${id}/review/submit`)).status).toBe(401)
    expect((await post(s.reporter, `/plans/${id}/review/submit`)).status).toBe(403)
    expect((await latest('plans', id)).reviewStatus).toBe('submitted')
    expect((await live('plans', id))._status).toBe('draft')
    expect(await events('plans', id)).toHaveLength(1)
  })

  test('a return without a comment is refused in Vietnamese and changes nothing', async () => {
    for (const body of [undefined, {}, { comment: '' }, { comment: '   ' }]) {
      const res = await post(s.editor, `/plans/${id}/review/return`, body)
      expect(res.status).toBe(400)
      expect(res.json.errors[0].message).toBe(reviewMessages.commentRequired)
    }
    expect((await post(s.editor, `/plans/${id}/review/return`, { comment: 42 })).status).toBe(400)
    expect((await latest('plans', id)).reviewStatus).toBe('submitted')
    expect(await events('plans', id)).toHaveLength(1)
  })

  test('the editor returns it with a comment, which the author sees', async () => {
    const res = await post(s.editor, `/plans/${id}/review/return`, { comment: 'Thiếu số ký hiệu văn bản; bổ sung giúp.' })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const seen = await http.rest('GET', `/plans/${id}?draft=true&depth=0`, undefined, s.author.headers)
    expect(seen.json.reviewStatus).toBe('returned')
    expect(seen.json.reviewComment).toBe('Thiếu số ký hiệu văn bản; bổ sung giúp.')
    // The author sees the step too.
    const steps = await http.rest('GET', `/review-events?where[targetCollection][equals]=plans&where[targetId][equals]=${id}&sort=createdAt`, undefined, s.author.headers)
    expect(steps.json.docs.map((e: any) => e.action)).toEqual(['submitted', 'returned'])
  })

  test('a fix saved as a draft stays returned until sent again; then the editor approves and it is public', async () => {
    const fixed = await http.rest('PATCH', `/plans/${id}?draft=true`, { documentNumber: '12/KH-KHH', _status: 'draft' }, s.author.headers)
    expect(fixed.status, JSON.stringify(fixed.json)).toBe(200)
    expect((await latest('plans', id)).reviewStatus).toBe('returned')
    expect((await post(s.author, `/plans/${id}/review/submit`)).status).toBe(200)
    expect((await latest('plans', id)).reviewStatus).toBe('submitted')

    expect((await http.rest('GET', `/plans/${id}`)).status).not.toBe(200)
    const res = await post(s.editor, `/plans/${id}/review/approve`)
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const main = await live('plans', id)
    expect(main._status).toBe('published')
    expect(main.reviewStatus).toBe('approved')
    expect(main.documentNumber).toBe('12/KH-KHH')
    const pub = await http.rest('GET', `/plans/${id}`)
    expect(pub.status).toBe(200)
    expect(pub.json.documentNumber).toBe('12/KH-KHH')
    // Who submitted and the editor's comment stay inside the newsroom.
    expect(Object.keys(pub.json).filter((k) => k.startsWith('review'))).toEqual([])
    const gqlPub = await http.gql(`{ Plan(id: ${id}) { reviewStatus reviewComment reviewSubmittedBy { id } } }`)
    expect(gqlPub.json.data?.Plan ?? {}).toEqual({ reviewStatus: null, reviewComment: null, reviewSubmittedBy: null })

    const steps = await events('plans', id)
    expect(steps.map((e) => [e.action, e.actor, e.comment ?? ''])).toEqual([
      ['submitted', userIds.author, 'Nhờ anh chị xem giúp.'],
      ['returned', userIds.editor, 'Thiếu số ký hiệu văn bản; bổ sung giúp.'],
      ['submitted', userIds.author, ''],
      ['approved', userIds.editor, ''],
    ])
    expect(steps.every((e) => e.submitter === userIds.author)).toBe(true)
  })

  test('after approval a draft by the author starts a new round; an editor publishing directly approves it', async () => {
    await http.rest('PATCH', `/plans/${id}?draft=true`, { title: 'Kế hoạch cần duyệt (sửa)', _status: 'draft' }, s.author.headers)
    expect((await latest('plans', id)).reviewStatus).toBe('editing')
    expect((await live('plans', id)).title).toBe('Kế hoạch cần duyệt')
    await post(s.author, `/plans/${id}/review/submit`)
    // The admin's own "Xuất bản" button: a plain publish of an item under review is its approval.
    const res = await http.rest('PATCH', `/plans/${id}`, { _status: 'published' }, s.editor.headers)
    expect(res.status).toBe(200)
    expect((await latest('plans', id)).reviewStatus).toBe('approved')
    expect((await events('plans', id)).map((e) => e.action).slice(-2)).toEqual(['submitted', 'approved'])
  })
})

describe("a data reporter's figure", () => {
  let id: number
  const anonymousSees = async () => {
    const rest = await http.rest('GET', `/indicator-reports?where[id][equals]=${id}`)
    const gql = await http.gql(`{ IndicatorReports(where: { id: { equals: ${id} } }) { docs { id value } } }`)
    const one = await http.rest('GET', `/indicator-reports/${id}`)
    return { rest: rest.json.docs?.[0]?.value, gql: gql.json.data?.IndicatorReports?.docs?.[0]?.value, one: one.status === 200 ? one.json.value : undefined }
  }
  const report = (value: number, organization = orgA) => ({ indicator, year: 2025, periodLabel: 'Năm 2025', locality: 'Tỉnh Duyệt A', value, reportingOrganization: organization })

  test('a reporter saves drafts only, of their own organisation', async () => {
    expect((await http.rest('POST', '/indicator-reports', report(57.8), s.reporter.headers)).status).toBe(403)
    expect((await http.rest('POST', '/indicator-reports?draft=true', { ...report(57.8, orgB), _status: 'draft' }, s.reporter.headers)).status).toBe(403)
    const created = await http.rest('POST', '/indicator-reports?draft=true', { ...report(57.8), _status: 'draft' }, s.reporter.headers)
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    id = created.json.doc.id
    expect((await live('indicator-reports', id))._status).toBe('draft')
    expect(await anonymousSees()).toEqual({ rest: undefined, gql: undefined, one: undefined })
    // Nor through the indicator's list of reports.
    const joined = await http.rest('GET', `/indicators/${indicator}?depth=0`)
    expect(JSON.stringify(joined.json.reports?.docs ?? [])).not.toContain(String(id))
    // Publishing it themselves is refused.
    expect((await http.rest('PATCH', `/indicator-reports/${id}`, { _status: 'published' }, s.reporter.headers)).status).toBe(403)
    expect((await live('indicator-reports', id))._status).toBe('draft')
  })

  test('another organisation cannot submit it; the reporter can; still not public', async () => {
    const other = await post(s.otherReporter, `/indicator-reports/${id}/review/submit`)
    expect(other.status).toBe(403)
    expect(other.json.errors[0].message).toBe(reviewMessages.otherOrganization)
    expect((await post(s.author, `/indicator-reports/${id}/review/submit`)).status).toBe(403)
    expect((await post(s.reporter, `/indicator-reports/${id}/review/submit`)).status).toBe(200)
    expect((await latest('indicator-reports', id)).reviewStatus).toBe('submitted')
    expect(await anonymousSees()).toEqual({ rest: undefined, gql: undefined, one: undefined })
  })

  test('returned with a comment, fixed, resubmitted, approved: public only now', async () => {
    expect((await post(s.editor, `/indicator-reports/${id}/review/return`, { comment: 'Tỷ lệ cao bất thường, kiểm tra lại.' })).status).toBe(200)
    const seen = await http.rest('GET', `/indicator-reports/${id}?draft=true`, undefined, s.reporter.headers)
    expect(seen.json.reviewComment).toBe('Tỷ lệ cao bất thường, kiểm tra lại.')
    expect((await http.rest('PATCH', `/indicator-reports/${id}?draft=true`, { value: 47.8, _status: 'draft' }, s.reporter.headers)).status).toBe(200)
    expect((await post(s.reporter, `/indicator-reports/${id}/review/submit`)).status).toBe(200)
    expect(await anonymousSees()).toEqual({ rest: undefined, gql: undefined, one: undefined })
    expect((await post(s.reporter, `/indicator-reports/${id}/review/approve`)).status).toBe(403)
    expect((await post(s.admin, `/indicator-reports/${id}/review/approve`)).status).toBe(200)
    expect(await anonymousSees()).toEqual({ rest: 47.8, gql: 47.8, one: 47.8 })
    const steps = await events('indicator-reports', id)
    expect(steps.map((e) => [e.action, e.actor, e.organization])).toEqual([
      ['submitted', userIds.reporter, orgA],
      ['returned', userIds.editor, orgA],
      ['submitted', userIds.reporter, orgA],
      ['approved', userIds.admin, orgA],
    ])
  })

  test('a later change by the reporter is a draft: the public keeps the approved figure', async () => {
    expect((await http.rest('PATCH', `/indicator-reports/${id}?draft=true`, { value: 49.1, _status: 'draft' }, s.reporter.headers)).status).toBe(200)
    expect((await latest('indicator-reports', id)).reviewStatus).toBe('editing')
    expect(await anonymousSees()).toEqual({ rest: 47.8, gql: 47.8, one: 47.8 })
    // The portal's own read (Local API, anonymous, published only).
    const portal = await payload.find({ collection: 'indicator-reports', where: { id: { equals: id } }, draft: false, overrideAccess: false, depth: 0 })
    expect(portal.docs.map((d) => d.value)).toEqual([47.8])
  })

  test('review events: reporters read their own organisation\'s only; nobody writes them over REST or GraphQL', async () => {
    const mine = await http.rest('GET', '/review-events?limit=100', undefined, s.reporter.headers)
    expect(mine.status).toBe(200)
    expect(mine.json.docs.length).toBeGreaterThan(0)
    expect(mine.json.docs.every((e: any) => e.targetCollection === 'indicator-reports')).toBe(true)
    const theirs = await http.rest('GET', '/review-events?limit=100', undefined, s.otherReporter.headers)
    expect(theirs.json.docs).toEqual([])
    expect((await http.rest('GET', '/review-events')).status).toBe(403)
    const before = (await payload.count({ collection: 'review-events', overrideAccess: true })).totalDocs
    for (const session of [s.admin, s.editor, s.author, s.reporter, anonymousSession]) {
      const res = await http.rest('POST', '/review-events', { targetCollection: 'plans', targetId: '1', action: 'approved' }, session.headers)
      expect(res.status).toBeGreaterThanOrEqual(401)
      const gql = await http.gql('mutation { createReviewEvent(data: { targetCollection: "plans", targetId: "1", action: approved }) { id } }', session.headers)
      expect(gql.json.data?.createReviewEvent ?? null).toBeNull()
    }
    expect((await payload.count({ collection: 'review-events', overrideAccess: true })).totalDocs).toBe(before)
  })
})

describe('the migration', () => {
  test('on MongoDB the same through the adapter (cms/review/backfill.ts, run here on SQLite): a report stored before drafts becomes public again with a first version', async () => {
    const { backfillReview } = await import('../cms/review/backfill')
    const { sql } = await import('@payloadcms/db-sqlite')
    const db = (payload.db as unknown as { drizzle: any }).drizzle
    const report = await payload.create({
      collection: 'indicator-reports',
      data: { indicator, year: 2023, periodLabel: 'Năm 2023 (trước khi có duyệt)', locality: 'Tỉnh Duyệt B', value: 48.25, reportingOrganization: orgB, _status: 'published' },
      ...local,
    })
    const [published, draft] = [
      await payload.create({ collection: 'plans', data: { title: 'Văn bản trước khi có duyệt', documentType: 'plan', issuers: [orgA], year: 2023, _status: 'published' } as never, ...local }),
      await payload.create({ collection: 'plans', data: { title: 'Bản nháp trước khi có duyệt', documentType: 'plan', issuers: [orgA], year: 2023, _status: 'draft' } as never, draft: true, ...local }),
    ]
    // As such a database holds them: no status, no version; no review status on documents.
    await db.run(sql.raw(`UPDATE indicator_reports SET _status = NULL, review_status = NULL WHERE id = ${report.id}`))
    await db.run(sql.raw(`DELETE FROM _indicator_reports_v WHERE parent_id = ${report.id}`))
    await db.run(sql.raw(`UPDATE plans SET review_status = NULL WHERE id IN (${published.id}, ${draft.id})`))
    const anonymous = () => payload.find({ collection: 'indicator-reports', where: { id: { equals: report.id } }, overrideAccess: false, depth: 0 })
    expect((await anonymous()).totalDocs).toBe(0)

    const done = await backfillReview(payload)
    expect(done).toEqual({ reports: 1, documents: 2 })
    expect((await anonymous()).docs.map((d) => d.value)).toEqual([48.25])
    const versions = await payload.findVersions({ collection: 'indicator-reports', where: { parent: { equals: report.id } }, ...local })
    expect(versions.docs.map((v) => [v.version.value, v.version._status, v.version.reviewStatus, v.latest])).toEqual([[48.25, 'published', 'approved', true]])
    expect((await payload.findByID({ collection: 'indicator-reports', id: report.id, draft: true, ...local })).value).toBe(48.25)
    expect([(await live('plans', published.id)).reviewStatus, (await live('plans', draft.id)).reviewStatus]).toEqual(['approved', 'editing'])
    // Twice changes nothing.
    expect(await backfillReview(payload)).toEqual({ reports: 0, documents: 0 })
  })

  test('reports stored before review stay published, each with its first version', async () => {
    const migration = await import('../cms/migrations/sqlite/20261203_094435_review_workflow')
    // The migration that follows it (task progress, change notes) is undone first and redone last.
    const next = await import('../cms/migrations/sqlite/20261203_131034_task_updates_change_notes')
    const { sql } = await import('@payloadcms/db-sqlite')
    const db = (payload.db as unknown as { drizzle: any }).drizzle
    // Back to the schema before review, with one report stored then.
    await next.down({ db, payload, req: {} } as never)
    await migration.down({ db, payload, req: {} } as never)
    await db.run(
      sql.raw(
        `INSERT INTO indicator_reports (indicator_id, year, period_label, locality, value, reporting_organization_id) VALUES (${indicator}, 2024, 'Năm 2024 (cũ)', 'Tỉnh Duyệt A', 61.5, ${orgA})`,
      ),
    )
    await db.run(sql.raw(`INSERT INTO plans (title, _status) VALUES ('Kế hoạch cũ đã xuất bản', 'published'), ('Kế hoạch cũ còn nháp', 'draft')`))
    await migration.up({ db, payload, req: {} } as never)
    await next.up({ db, payload, req: {} } as never)
    const old = await payload.find({ collection: 'indicator-reports', where: { periodLabel: { equals: 'Năm 2024 (cũ)' } }, draft: false, overrideAccess: false, depth: 0 })
    expect(old.docs.map((d) => [d.value, d._status])).toEqual([[61.5, 'published']])
    expect((await payload.findByID({ collection: 'indicator-reports', id: old.docs[0]!.id, ...local })).reviewStatus).toBe('approved')
    // The admin's list reads the latest versions.
    const drafts = await payload.find({ collection: 'indicator-reports', where: { periodLabel: { equals: 'Năm 2024 (cũ)' } }, draft: true, ...local })
    expect(drafts.docs.map((d) => d.value)).toEqual([61.5])
    // Published documents count as approved; drafts start as "editing".
    const plans = await payload.find({ collection: 'plans', where: { title: { like: 'Kế hoạch cũ' } }, sort: 'title', ...local })
    expect(plans.docs.map((d) => [d.title, d.reviewStatus])).toEqual([
      ['Kế hoạch cũ còn nháp', 'editing'],
      ['Kế hoạch cũ đã xuất bản', 'approved'],
    ])
  })
})
