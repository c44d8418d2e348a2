/**
 * The staff home ("Việc cần làm", cms/home/): each section's data for each role, computed by a
 * real Payload on a temporary SQLite file with the user's own access, "today" fixed at
 * 03/12/2026 10:00 in Vietnam. A data reporter never sees another organisation's deadlines or
 * tasks; authors and data reporters never see scheduled jobs; data reporters never see the
 * build. Plans' reporting deadlines: validation in Vietnamese, hidden from anonymous readers.
 * The rendered markup is checked too (headings, escaping).
 */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { StaffHomeSections } from '../cms/components/StaffHomeSections'
import { reportingDeadlineMessages } from '../cms/fields/reportingDeadlines'
import { staffHome } from '../cms/home'
import { buildStatus } from '../cms/home/buildStatus'
import type { HomeContext } from '../cms/home/context'
import { missingFigures } from '../cms/home/missingFigures'
import { overdueTasks } from '../cms/home/overdueTasks'
import { reviewCollections, reviewQueue } from '../cms/home/reviewQueue'
import { scheduledPublications } from '../cms/home/scheduled'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let payload: Payload
const ids: Record<string, number> = {}
const users = {} as Record<'admin' | 'editor' | 'author' | 'reporterA' | 'reporterB', Awaited<ReturnType<typeof makeUser>>>
const local = { overrideAccess: true, depth: 0 } as const

// 03/12/2026, 10:00 in Vietnam.
const now = new Date('2026-12-03T03:00:00.000Z')
const ctx = (who: keyof typeof users): HomeContext => ({ payload, user: users[who] as never, now })

const ORG_A = 'Hội Khuyến học tỉnh An Phú'
const ORG_B = 'Hội Khuyến học tỉnh Bình Sơn'
const ORG_OLD = 'Hội Khuyến học tỉnh Cũ (đã hợp nhất)'

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  payload.logger.level = 'silent'

  const org = async (name: string, extra: Record<string, unknown> = {}) =>
    (await payload.create({ collection: 'organizations', data: { name, kind: 'study-promotion-association', ...extra } as never, ...local })).id
  ids.orgA = await org(ORG_A)
  ids.orgB = await org(ORG_B)
  ids.orgOld = await org(ORG_OLD, { activeTo: '2025-06-30T00:00:00.000Z', successor: ids.orgA })
  const indicator = async (code: string, name: string) =>
    (await payload.create({ collection: 'indicators', data: { code, name, unit: 'percent', direction: 'higher-is-better' }, ...local })).id
  ids.ind1 = await indicator('GDHT', 'Gia đình học tập')
  ids.ind2 = await indicator('DHHT', 'Dòng họ học tập')

  const task = (order: number, dueEnd: string, lead: number, status: string) => ({ order, content: `Nhiệm vụ số ${order} của kế hoạch`, lead, dueEnd, status })
  const live = await payload.create({
    collection: 'plans',
    data: {
      title: 'Kế hoạch báo cáo số liệu xã hội học tập',
      documentNumber: '12/KH-HKH',
      documentType: 'plan',
      issuers: [ids.orgB],
      year: 2026,
      _status: 'published',
      reportingDeadlines: [
        { text: 'trước ngày 01 tháng 12 hằng năm gửi báo cáo', day: 1, month: 12, organizations: [ids.orgOld, ids.orgB], indicators: [{ indicator: ids.ind1 }, { indicator: ids.ind2 }] },
        { text: 'Trước ngày 15 tháng 12 hằng năm báo cáo', day: 15, month: 12, organizations: [ids.orgA, ids.orgB] },
      ],
      tasks: [
        task(1, '2026-06-30T00:00:00.000Z', ids.orgA, 'in-progress'),
        task(2, '2026-01-31T00:00:00.000Z', ids.orgB, 'not-reported'),
        task(3, '2027-03-31T00:00:00.000Z', ids.orgA, 'not-started'),
        task(4, '2025-12-31T00:00:00.000Z', ids.orgA, 'completed'),
        // Due today in Vietnam: not past yet.
        task(5, '2026-12-03T00:00:00.000Z', ids.orgB, 'in-progress'),
      ],
    } as never,
    ...local,
  })
  ids.plan = live.id
  // Never published: neither its deadlines nor its tasks count.
  ids.draftPlan = (
    await payload.create({
      collection: 'plans',
      draft: true,
      data: {
        title: 'Dự thảo kế hoạch chưa ban hành',
        documentType: 'plan',
        issuers: [ids.orgA],
        year: 2026,
        _status: 'draft',
        reportingDeadlines: [{ text: 'trước ngày 10 tháng 12', day: 10, month: 12, organizations: [ids.orgA, ids.orgB] }],
        tasks: [task(1, '2026-02-28T00:00:00.000Z', ids.orgA, 'not-started')],
      } as never,
      ...local,
    })
  ).id

  const report = (indicator: number, org: number, year: number, periodLabel: string) =>
    payload.create({ collection: 'indicator-reports', data: { indicator, year, periodLabel, locality: 'Tỉnh', value: 50, reportingOrganization: org }, ...local })
  await report(ids.ind1, ids.orgA, 2026, 'Năm 2026')
  // Not the current period: another year, and a half-year report.
  await report(ids.ind1, ids.orgB, 2025, 'Năm 2025')
  await report(ids.ind2, ids.orgB, 2026, '6 tháng đầu năm 2026')

  users.admin = await makeUser(payload, 'admin')
  users.editor = await makeUser(payload, 'editor')
  users.author = await makeUser(payload, 'author')
  users.reporterA = await makeUser(payload, 'data-reporter', ids.orgA)
  users.reporterB = await makeUser(payload, 'data-reporter', ids.orgB)

  // A draft news item scheduled for publication, as the admin's "Lên lịch xuất bản" queues it.
  ids.news = (await payload.create({ collection: 'news', draft: true, data: { title: 'Tin hẹn giờ xuất bản', _status: 'draft' } as never, ...local })).id
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'news', value: String(ids.news) }, user: { relationTo: 'users', value: users.editor.id } },
    waitUntil: new Date('2026-12-05T01:30:00.000Z'),
  } as never)
  // One already run: not listed.
  const done = await payload.jobs.queue({ task: 'schedulePublish', input: { type: 'unpublish', doc: { relationTo: 'news', value: String(ids.news) } }, waitUntil: new Date('2026-11-01T00:00:00.000Z') } as never)
  await payload.update({ collection: 'payload-jobs', id: done.id, data: { completedAt: '2026-11-01T00:01:00.000Z' } as never, ...local })

  await payload.updateGlobal({
    slug: 'portal-build',
    data: {
      state: 'idle',
      lastOutcome: 'failure',
      lastSuccessAt: '2026-12-02T08:00:00.000Z',
      lastPages: 812,
      lastFailureAt: '2026-12-03T02:05:00.000Z',
      lastError: 'Không dựng được trang <script>alert(1)</script>',
    },
    overrideAccess: true,
  })
}, 300_000)

afterAll(async () => {
  await cms?.cleanup()
})

describe('missing figures for the current period', () => {
  test('editors and admins see every organisation, per deadline, with the merged unit’s successor', async () => {
    for (const who of ['editor', 'admin'] as const) {
      const data = await missingFigures(ctx(who))
      expect(data?.scope).toBeUndefined()
      const [first, second, ...rest] = data!.deadlines
      expect(rest).toEqual([])
      expect(first).toMatchObject({ periodLabel: 'Năm 2026', due: '2026-12-01', dueLabel: '01/12/2026', daysLeft: -2, daysLabel: 'quá hạn 2 ngày', overdue: true, expected: 2 })
      expect(first.plan).toMatchObject({ id: ids.plan, documentNumber: '12/KH-HKH', href: `/admin/collections/plans/${ids.plan}` })
      // orgA answers for the merged unit and still lacks one of the two indicators; orgB's
      // reports are of another year or another period, so it lacks both.
      expect(first.missing).toEqual([
        { id: ids.orgA, name: ORG_A, insteadOf: ORG_OLD, missingIndicators: [{ id: ids.ind2, name: 'Dòng họ học tập' }] },
        { id: ids.orgB, name: ORG_B, missingIndicators: [{ id: ids.ind1, name: 'Gia đình học tập' }, { id: ids.ind2, name: 'Dòng họ học tập' }] },
      ])
      // Any report of the year counts where no indicator is listed: orgA has one.
      expect(second).toMatchObject({ due: '2026-12-15', daysLeft: 12, daysLabel: 'còn 12 ngày', overdue: false, expected: 2 })
      expect(second.missing.map((m) => m.name)).toEqual([ORG_B])
      expect(JSON.stringify(data)).not.toContain('Dự thảo kế hoạch')
    }
  })

  test('a data reporter sees their own organisation only', async () => {
    const a = await missingFigures(ctx('reporterA'))
    expect(a?.scope).toBe(ORG_A)
    expect(a!.deadlines.map((d) => [d.due, d.expected, d.missing.map((m) => m.name)])).toEqual([
      ['2026-12-01', 1, [ORG_A]],
      ['2026-12-15', 1, []],
    ])
    expect(JSON.stringify(a)).not.toContain(ORG_B)

    const b = await missingFigures(ctx('reporterB'))
    expect(b?.scope).toBe(ORG_B)
    expect(b!.deadlines.map((d) => d.missing.map((m) => m.name))).toEqual([[ORG_B], [ORG_B]])
    expect(JSON.stringify(b)).not.toContain(ORG_A)
    expect(JSON.stringify(b)).not.toContain(ORG_OLD)

  })

  test('authors report no figures and get no section', async () => {
    expect(await missingFigures(ctx('author'))).toBeNull()
  })

  test('a report for the missing indicator takes the organisation off the list', async () => {
    const added = await payload.create({
      collection: 'indicator-reports',
      data: { indicator: ids.ind2, year: 2026, periodLabel: 'năm 2026', locality: 'Tỉnh', value: 61, reportingOrganization: ids.orgA },
      ...local,
    })
    try {
      const a = await missingFigures(ctx('reporterA'))
      expect(a!.deadlines.map((d) => d.missing.length)).toEqual([0, 0])
      expect(a!.deadlines[0].overdue).toBe(false)
    } finally {
      await payload.delete({ collection: 'indicator-reports', id: added.id, ...local })
    }
  })
})

describe('overdue tasks', () => {
  test('staff see every published plan’s tasks past their due date and not done, the longest overdue first', async () => {
    for (const who of ['editor', 'admin', 'author'] as const) {
      const data = await overdueTasks(ctx(who))
      expect(data!.total).toBe(2)
      expect(data!.items.map((t) => [t.order, t.dueLabel, t.daysOverdue, t.lead, t.statusLabel])).toEqual([
        [2, '31/1/2026', 306, ORG_B, 'Chưa cập nhật'],
        [1, '30/6/2026', 156, ORG_A, 'Đang thực hiện'],
      ])
      expect(data!.items[0].plan.href).toBe(`/admin/collections/plans/${ids.plan}`)
    }
  })

  test('a data reporter sees the tasks their organisation leads', async () => {
    const a = await overdueTasks(ctx('reporterA'))
    expect(a!.items.map((t) => t.order)).toEqual([1])
    expect(a!.scope).toBe(ORG_A)
    const b = await overdueTasks(ctx('reporterB'))
    expect(b!.items.map((t) => t.order)).toEqual([2])
    expect(JSON.stringify(b)).not.toContain(ORG_A)
  })

  test('a task marked done on the plan leaves the list', async () => {
    const plan = await payload.findByID({ collection: 'plans', id: ids.plan, ...local })
    const tasks = plan.tasks!.map((t) => (t.order === 2 ? { ...t, status: 'completed' as const } : t))
    await payload.update({ collection: 'plans', id: ids.plan, data: { tasks }, ...local })
    try {
      expect((await overdueTasks(ctx('editor')))!.items.map((t) => t.order)).toEqual([1])
    } finally {
      await payload.update({ collection: 'plans', id: ids.plan, data: { tasks: plan.tasks }, ...local })
    }
  })
})

describe('scheduled publications', () => {
  test('editors and admins see the jobs not yet run, with the document’s title and a link', async () => {
    for (const who of ['editor', 'admin'] as const) {
      expect(await scheduledPublications(ctx(who))).toEqual([
        expect.objectContaining({ atLabel: '05/12/2026 08:30', action: 'publish', actionLabel: 'Xuất bản', collection: 'news', collectionLabel: 'Tin bài', id: ids.news, title: 'Tin hẹn giờ xuất bản', href: `/admin/collections/news/${ids.news}` }),
      ])
    }
  })

  test('authors and data reporters never see scheduled jobs', async () => {
    for (const who of ['author', 'reporterA', 'reporterB'] as const) expect(await scheduledPublications(ctx(who))).toBeNull()
  })
})

describe('the portal’s last build', () => {
  test('staff see its state, times and error', async () => {
    for (const who of ['admin', 'editor', 'author'] as const) {
      expect(await buildStatus(ctx(who))).toEqual({
        href: '/admin/globals/portal-build',
        state: 'idle',
        stateLabel: 'Không có việc đang chờ',
        startedAt: undefined,
        lastOutcome: 'failure',
        lastSuccessAt: '02/12/2026 15:00',
        lastFailureAt: '03/12/2026 09:05',
        error: 'Không dựng được trang <script>alert(1)</script>',
        pages: 812,
      })
    }
  })

  test('data reporters may not read it and get no section', async () => {
    expect(await buildStatus(ctx('reporterA'))).toBeNull()
  })
})

describe('review', () => {
  const sessions = {} as Record<'author' | 'editor' | 'reporterA' | 'reporterB', { headers: Record<string, string> }>
  const post = async (who: keyof typeof sessions, path: string, body?: unknown) => {
    const { rest } = await import('./helpers/http')
    return rest('POST', path, body, sessions[who].headers)
  }
  const titles = (items: { title: string }[] | null | undefined) => (items ?? []).map((i) => i.title)

  beforeAll(async () => {
    const { signIn } = await import('./helpers/session')
    for (const who of Object.keys({ author: 1, editor: 1, reporterA: 1, reporterB: 1 }) as (keyof typeof sessions)[]) sessions[who] = await signIn(users[who])
  })

  test('the review sections follow each step: submitted → awaiting for editors; returned → the submitter’s, with the comment', async () => {
    expect(reviewCollections(ctx('editor'))).toEqual(expect.arrayContaining(['plans', 'news', 'indicator-reports']))
    const { rest } = await import('./helpers/http')
    const created = await rest('POST', '/news?draft=true', { title: 'Bài viết chờ duyệt của tác giả', _status: 'draft' }, sessions.author.headers)
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const id = created.json.doc.id

    expect((await post('author', `/news/${id}/review/submit`, { comment: 'Nhờ biên tập xem giúp.' })).status).toBe(200)
    const editorQueue = await reviewQueue(ctx('editor'))
    expect(titles(editorQueue!.awaiting)).toContain('Bài viết chờ duyệt của tác giả')
    expect(editorQueue!.awaiting!.find((i) => i.id === id)).toMatchObject({ collection: 'news', collectionLabel: 'Tin bài', href: `/admin/collections/news/${id}` })
    const authorQueue = await reviewQueue(ctx('author'))
    // Authors approve nothing: no "awaiting" section; their own submission is listed as theirs.
    expect(authorQueue!.awaiting).toBeNull()
    expect(titles(authorQueue!.mine)).toEqual(['Bài viết chờ duyệt của tác giả'])
    expect(authorQueue!.returned).toEqual([])

    expect((await post('editor', `/news/${id}/review/return`, { comment: 'Thiếu nguồn ảnh <b>minh họa</b>.' })).status).toBe(200)
    expect(titles((await reviewQueue(ctx('editor')))!.awaiting)).not.toContain('Bài viết chờ duyệt của tác giả')
    const returned = await reviewQueue(ctx('author'))
    expect(returned!.returned).toEqual([expect.objectContaining({ id, title: 'Bài viết chờ duyệt của tác giả', comment: 'Thiếu nguồn ảnh <b>minh họa</b>.' })])
    expect(returned!.mine).toEqual([])
    // Returned to the author, not to another staff member.
    expect((await reviewQueue(ctx('editor')))!.returned).toEqual([])

    expect((await post('author', `/news/${id}/review/submit`)).status).toBe(200)
    expect(titles((await reviewQueue(ctx('editor')))!.awaiting)).toContain('Bài viết chờ duyệt của tác giả')
    expect((await reviewQueue(ctx('author')))!.returned).toEqual([])
    expect((await post('editor', `/news/${id}/review/approve`)).status).toBe(200)
    expect(titles((await reviewQueue(ctx('editor')))!.awaiting)).not.toContain('Bài viết chờ duyệt của tác giả')
    expect((await reviewQueue(ctx('author')))!.mine).toEqual([])

    const html = renderToStaticMarkup(createElement(StaffHomeSections, { data: { ...(await staffHome(ctx('author'))), review: returned } }))
    expect(html).toContain('Nhận xét: Thiếu nguồn ảnh &lt;b&gt;minh họa&lt;/b&gt;.')
  })

  test('a lead organisation’s progress update: awaiting for editors, and once approved it takes the task off the overdue list', async () => {
    const { rest } = await import('./helpers/http')
    const plan = await payload.findByID({ collection: 'plans', id: ids.plan, ...local })
    const task2 = plan.tasks!.find((t) => t.order === 2)!.id!
    const orders = async (who: keyof typeof users) => (await overdueTasks(ctx(who)))!.items.map((t) => t.order)
    expect(await orders('editor')).toEqual([2, 1])

    // Organisation A does not lead task 2: its reporter may not report on it.
    const refused = await rest('POST', '/task-updates?draft=true', { plan: ids.plan, task: task2, reportedAt: '2026-11-20T00:00:00.000Z', status: 'completed', _status: 'draft' }, sessions.reporterA.headers)
    expect(refused.status).toBeGreaterThanOrEqual(400)
    const sent = await rest('POST', '/task-updates?draft=true', { plan: ids.plan, task: task2, reportedAt: '2026-11-20T00:00:00.000Z', status: 'completed', note: 'Đã hoàn thành', _status: 'draft' }, sessions.reporterB.headers)
    expect(sent.status, JSON.stringify(sent.json)).toBe(201)
    const id = sent.json.doc.id
    try {
      // A draft, then a submitted draft, changes nothing on the overdue list.
      expect(await orders('editor')).toEqual([2, 1])
      expect((await post('reporterA', `/task-updates/${id}/review/submit`)).status).toBe(403)
      expect((await post('reporterB', `/task-updates/${id}/review/submit`)).status).toBe(200)
      expect(await orders('editor')).toEqual([2, 1])
      const awaiting = (await reviewQueue(ctx('editor')))!.awaiting!
      expect(awaiting.find((i) => i.collection === 'task-updates' && i.id === id)).toMatchObject({ href: `/admin/collections/task-updates/${id}` })
      expect((await reviewQueue(ctx('reporterB')))!.mine.map((i) => i.id)).toContain(id)

      expect((await post('reporterB', `/task-updates/${id}/review/approve`)).status).toBe(403)
      expect((await post('editor', `/task-updates/${id}/review/approve`)).status).toBe(200)
      expect(await orders('editor')).toEqual([1])
      expect(await orders('reporterB')).toEqual([])
      expect((await reviewQueue(ctx('editor')))!.awaiting!.map((i) => i.id)).not.toContain(id)
    } finally {
      await payload.delete({ collection: 'task-updates', id, ...local })
    }
    expect(await orders('editor')).toEqual([2, 1])
  })

  test('a data reporter’s figures: awaiting for editors, returned to that reporter only', async () => {
    const { rest } = await import('./helpers/http')
    const sent = await rest(
      'POST',
      '/indicator-reports?draft=true',
      { indicator: ids.ind2, year: 2026, periodLabel: 'Năm 2026', locality: 'Tỉnh An Phú', value: 44, reportingOrganization: ids.orgA, _status: 'draft' },
      sessions.reporterA.headers,
    )
    expect(sent.status, JSON.stringify(sent.json)).toBe(201)
    const id = sent.json.doc.id
    expect((await post('reporterA', `/indicator-reports/${id}/review/submit`)).status).toBe(200)
    expect((await reviewQueue(ctx('editor')))!.awaiting!.map((i) => [i.collection, i.id])).toContainEqual(['indicator-reports', id])
    expect((await reviewQueue(ctx('reporterA')))!.awaiting).toBeNull()
    expect((await reviewQueue(ctx('reporterA')))!.mine.map((i) => i.id)).toEqual([id])

    expect((await post('editor', `/indicator-reports/${id}/review/return`, { comment: 'Giá trị 44% thấp bất thường, kiểm tra lại.' })).status).toBe(200)
    expect((await reviewQueue(ctx('reporterA')))!.returned).toEqual([expect.objectContaining({ id, comment: 'Giá trị 44% thấp bất thường, kiểm tra lại.' })])
    const other = await reviewQueue(ctx('reporterB'))
    expect([...other!.returned, ...other!.mine]).toEqual([])
    expect(JSON.stringify(other)).not.toContain('44%')
  })
})

describe('the rendered home', () => {
  test('each role gets its sections, with values escaped', async () => {
    const html = async (who: keyof typeof users) =>
      renderToStaticMarkup(createElement(StaffHomeSections, { data: await staffHome(ctx(who)), userName: 'Người dùng <b>thử</b>' }))
    const sectionsOf = (markup: string) => [...markup.matchAll(/data-home-section="([^"]+)"/g)].map((m) => m[1])

    const editor = await html('editor')
    expect(editor).toContain('<h1>Việc cần làm</h1>')
    expect(sectionsOf(editor)).toEqual(expect.arrayContaining(['so-lieu-thieu', 'nhiem-vu-qua-han', 'len-lich', 'xay-dung-cong']))
    expect(editor).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(editor).not.toContain('<script>')
    expect(editor).toContain('Người dùng &lt;b&gt;thử&lt;/b&gt;')
    expect(editor).toContain(`href="/admin/collections/news/${ids.news}"`)

    const author = await html('author')
    expect(sectionsOf(author)).toEqual(expect.arrayContaining(['nhiem-vu-qua-han', 'xay-dung-cong']))
    expect(sectionsOf(author)).not.toContain('len-lich')
    expect(sectionsOf(author)).not.toContain('so-lieu-thieu')

    const reporter = await html('reporterB')
    expect(sectionsOf(reporter)).toEqual(expect.arrayContaining(['so-lieu-thieu', 'nhiem-vu-qua-han']))
    expect(sectionsOf(reporter)).not.toContain('len-lich')
    expect(sectionsOf(reporter)).not.toContain('xay-dung-cong')
    expect(reporter).not.toContain(ORG_A)
  })
})

describe('reporting deadlines on plans', () => {
  test('an impossible day is refused in Vietnamese and nothing changes', async () => {
    const before = await payload.findByID({ collection: 'plans', id: ids.plan, ...local })
    const attempt = (deadline: Record<string, unknown>) =>
      payload.update({ collection: 'plans', id: ids.plan, data: { reportingDeadlines: [{ text: 'trước ngày 30 tháng 2', organizations: [ids.orgA], ...deadline }] } as never, ...local })
    const refusal = async (deadline: Record<string, unknown>) => {
      const error = (await attempt(deadline).then(() => undefined, (e: unknown) => e)) as { data?: { errors?: { message: string }[] } } | undefined
      return error?.data?.errors?.map((e) => e.message)
    }
    expect(await refusal({ day: 30, month: 2 })).toEqual([reportingDeadlineMessages.dayOfMonth(30, 2)])
    expect(await refusal({ day: 15, month: 13 })).toEqual([reportingDeadlineMessages.month])
    expect(await refusal({ day: 1.5, month: 12 })).toEqual([reportingDeadlineMessages.day])
    const after = await payload.findByID({ collection: 'plans', id: ids.plan, ...local })
    expect(after.reportingDeadlines).toEqual(before.reportingDeadlines)
  })

  test('staff working data: anonymous readers never get it, signed-in users do', async () => {
    const anonymous = await payload.findByID({ collection: 'plans', id: ids.plan, overrideAccess: false, depth: 0 })
    // Payload leaves an unreadable array empty.
    expect(anonymous.reportingDeadlines ?? []).toEqual([])
    const reporter = await payload.findByID({ collection: 'plans', id: ids.plan, overrideAccess: false, user: users.reporterA as never, depth: 0 })
    expect(reporter.reportingDeadlines).toHaveLength(2)
  })

  test('over REST and GraphQL too: anonymous readers get no deadline, a signed-in reporter does', async () => {
    const { rest, gql } = await import('./helpers/http')
    const { signIn, anonymousSession } = await import('./helpers/session')
    const reporter = await signIn(users.reporterA)
    const texts = (doc: { reportingDeadlines?: { text: string }[] | null } | undefined) => (doc?.reportingDeadlines ?? []).map((d) => d.text)
    for (const [session, expected] of [
      [anonymousSession, []],
      [reporter, ['trước ngày 01 tháng 12 hằng năm gửi báo cáo', 'Trước ngày 15 tháng 12 hằng năm báo cáo']],
    ] as const) {
      const r = await rest('GET', `/plans/${ids.plan}?depth=0`, undefined, session.headers)
      expect(r.status).toBe(200)
      expect(texts(r.json)).toEqual(expected)
      const g = await gql(`{ Plan(id: ${ids.plan}) { reportingDeadlines { text } } }`, session.headers)
      expect(texts(g.json.data?.Plan)).toEqual(expected)
    }
  })
})
