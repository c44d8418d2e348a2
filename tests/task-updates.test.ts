/**
 * Progress updates of plan tasks (cms/collections/TaskUpdates.ts) on a real Payload and SQLite
 * file: Vietnamese validation messages with nothing saved, the lead-organisation rule, only
 * published updates public (REST, GraphQL, the portal's own reader), the task reference surviving
 * a reordering; the derivations the portal makes of them (latest status, overdue on a fixed day,
 * dashboard counts, CSV/JSON); and "Lịch sử cập nhật" read from published versions only.
 * Access of every role is in tests/role-matrix.test.ts.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { taskUpdateMessages } from '../cms/tasks/taskRef'
import { historyEntries } from '../site/lib/history'
import { taskRecords, taskStatistics, tasksToCsv, tasksToJson } from '../site/lib/progress'
import { groupUpdates, taskProgress } from '../site/lib/task-progress'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'
import { anonymousSession, signIn, type Session } from './helpers/session'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const local = { overrideAccess: true, depth: 0 } as const
let orgA: number
let orgB: number
let planId: number
let taskA: string
let taskB: string
let editor: Session
let reporter: Session

const count = async (where: Record<string, unknown> = {}) =>
  (await payload.count({ collection: 'task-updates', where: where as never, overrideAccess: true })).totalDocs
const errorText = (json: any) => JSON.stringify(json?.errors ?? json)
const valid = (note: string, task = taskA) => ({ plan: planId, task, reportedAt: '2026-01-05T00:00:00.000Z', status: 'in-progress', note, _status: 'draft' })

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  payload.logger.level = 'silent'
  http = await import('./helpers/http')
  const org = async (name: string) => (await payload.create({ collection: 'organizations', data: { name, kind: 'department' }, ...local })).id as number
  orgA = await org('Sở Giáo dục và Đào tạo tỉnh A')
  orgB = await org('Sở Nội vụ tỉnh B')
  const plan = await payload.create({
    collection: 'plans',
    data: {
      title: 'Kế hoạch thử nghiệm tiến độ',
      documentType: 'plan',
      issuers: [orgA],
      year: 2026,
      tasks: [
        { order: 1, content: 'Nhiệm vụ do sở A chủ trì', lead: orgA, dueEnd: '2026-03-31T00:00:00.000Z' },
        { order: 2, content: 'Nhiệm vụ do sở B chủ trì', lead: orgB },
      ],
      _status: 'published',
    } as never,
    ...local,
  })
  planId = plan.id as number
  ;[taskA, taskB] = ((plan as any).tasks as { id: string }[]).map((t) => t.id)
  editor = await signIn(await makeUser(payload, 'editor'))
  reporter = await signIn(await makeUser(payload, 'data-reporter', orgA))
})
afterAll(async () => {
  await cms?.cleanup()
})

describe('saving an update', () => {
  it.each([
    ['no task', { task: '' }, taskUpdateMessages.taskMissing],
    ['a task of no such row', { task: 'khong-co-nhiem-vu-nay' }, taskUpdateMessages.taskNotInPlan],
    ['a percent over 100', { percent: 150 }, taskUpdateMessages.percentRange],
    ['a javascript: evidence link', { evidenceUrl: 'javascript:alert(1)' }, taskUpdateMessages.evidenceUrl],
    ['an evidence link without a scheme', { evidenceUrl: 'khuyenhoc.vn/bao-cao' }, taskUpdateMessages.evidenceUrl],
    ['a date in the future', { reportedAt: '2099-01-01T00:00:00.000Z' }, taskUpdateMessages.reportedAtFuture],
  ])('refuses %s with a Vietnamese message, saving nothing', async (_, change, message) => {
    const note = `sai-${Math.random()}`
    const res = await http.rest('POST', '/task-updates?draft=true', { ...valid(note), ...change }, editor.headers)
    expect(res.status).toBe(400)
    expect(errorText(res.json)).toContain(message)
    expect(await count({ note: { equals: note } })).toBe(0)
  })

  it('fills the lead organisation and a title from the task, whatever the request says', async () => {
    const res = await http.rest('POST', '/task-updates?draft=true', { ...valid('tu-dong'), leadOrganization: orgB, taskTitle: 'giả' }, reporter.headers)
    expect(res.status).toBe(201)
    const doc = await payload.findByID({ collection: 'task-updates', id: res.json.doc.id, draft: true, ...local })
    expect(doc.leadOrganization).toBe(orgA)
    expect(doc.taskTitle).toBe('Nhiệm vụ 1: Nhiệm vụ do sở A chủ trì')
  })

  it("refuses a data reporter's update of a task another organisation leads, and moving an own update there", async () => {
    const res = await http.rest('POST', '/task-updates?draft=true', valid('cua-so-b', taskB), reporter.headers)
    expect(res.status).toBe(403)
    expect(errorText(res.json)).toContain(taskUpdateMessages.notLeadOrganization)
    expect(await count({ note: { equals: 'cua-so-b' } })).toBe(0)

    const own = await http.rest('POST', '/task-updates?draft=true', valid('cua-so-a'), reporter.headers)
    expect(own.status).toBe(201)
    const moved = await http.rest('PATCH', `/task-updates/${own.json.doc.id}?draft=true`, { task: taskB, _status: 'draft' }, reporter.headers)
    expect(moved.status).toBe(403)
    const doc = await payload.findByID({ collection: 'task-updates', id: own.json.doc.id, draft: true, ...local })
    expect([doc.task, doc.leadOrganization]).toEqual([taskA, orgA])
  })

  it('a data reporter cannot publish their own update; an editor can', async () => {
    const own = await http.rest('POST', '/task-updates?draft=true', valid('xin-duyet'), reporter.headers)
    const id = own.json.doc.id
    expect((await http.rest('PATCH', `/task-updates/${id}`, { _status: 'published' }, reporter.headers)).status).toBe(403)
    expect((await payload.db.findOne({ collection: 'task-updates', where: { id: { equals: id } } }) as any)._status).toBe('draft')
    expect((await http.rest('PATCH', `/task-updates/${id}`, { _status: 'published' }, editor.headers)).status).toBe(200)
    expect((await payload.db.findOne({ collection: 'task-updates', where: { id: { equals: id } } }) as any)._status).toBe('published')
  })

  it('keeps pointing at its task when the plan’s tasks are reordered', async () => {
    const doc = await payload.create({ collection: 'task-updates', data: { ...valid('sap-xep'), task: taskB, _status: 'published' } as never, ...local })
    const plan = await payload.findByID({ collection: 'plans', id: planId, ...local })
    await payload.update({ collection: 'plans', id: planId, data: { tasks: [...(plan.tasks ?? [])].reverse() } as never, ...local })
    const again = await payload.update({ collection: 'task-updates', id: doc.id, data: { note: 'sap-xep-2' } as never, ...local })
    expect(again.taskTitle).toBe('Nhiệm vụ 2: Nhiệm vụ do sở B chủ trì')
    expect(again.leadOrganization).toBe(orgB)
    const reordered = await payload.findByID({ collection: 'plans', id: planId, ...local })
    expect(reordered.tasks?.[0]?.id).toBe(taskB)
    await payload.update({ collection: 'plans', id: planId, data: { tasks: plan.tasks } as never, ...local })
  })
})

describe('what the public sees', () => {
  it('only published updates, over REST, GraphQL and the portal’s reader', async () => {
    const published = await payload.create({ collection: 'task-updates', data: { ...valid('cong-khai'), _status: 'published' } as never, ...local })
    const draft = await payload.create({ collection: 'task-updates', data: valid('nhap-chua-duyet') as never, draft: true, ...local })
    const list = await http.rest('GET', '/task-updates?limit=100&draft=true', undefined, anonymousSession.headers)
    const notes = list.json.docs.map((d: any) => d.note)
    expect(notes).toContain('cong-khai')
    expect(notes).not.toContain('nhap-chua-duyet')
    expect((await http.rest('GET', `/task-updates/${draft.id}?draft=true`)).status).toBe(404)
    const gql = await http.gql('{ TaskUpdates(limit: 100, draft: true) { docs { note } } }')
    expect(gql.json.data.TaskUpdates.docs.map((d: any) => d.note)).not.toContain('nhap-chua-duyet')
    const { findPublished } = await import('../site/lib/cms')
    const portal = await findPublished('task-updates')
    expect(portal.map((d) => d.id)).toContain(published.id)
    expect(portal.map((d) => d.id)).not.toContain(draft.id)
    expect(portal.every((d) => d._status === 'published')).toBe(true)
  })

  it('versions stay closed to the public; the portal reads published versions’ dates and notes only', async () => {
    const plan = await payload.create({
      collection: 'plans',
      data: { title: 'Văn bản có lịch sử', documentType: 'plan', issuers: [orgA], year: 2026, changeNote: 'Đăng văn bản', _status: 'published' } as never,
      ...local,
    })
    await payload.update({ collection: 'plans', id: plan.id, data: { title: 'Bản nháp bí mật', changeNote: 'Ghi chú nháp bí mật', _status: 'draft' } as never, draft: true, ...local })
    await payload.update({ collection: 'plans', id: plan.id, data: { title: 'Văn bản có lịch sử (sửa)', changeNote: 'Sửa trích yếu', _status: 'published' } as never, ...local })

    const restVersions = await http.rest('GET', `/plans/versions?where[parent][equals]=${plan.id}`)
    expect(restVersions.status).toBe(403)
    const gqlVersions = await http.gql(`{ versionsPlans(where: { parent: { equals: ${plan.id} } }) { totalDocs } }`)
    expect(gqlVersions.json.errors?.length).toBeGreaterThan(0)

    const { findPublishedVersionNotes } = await import('../site/lib/cms')
    const notes = (await findPublishedVersionNotes('plans')).filter((n) => n.parent === plan.id)
    expect(notes.map((n) => n.note)).toEqual(['Đăng văn bản', 'Sửa trích yếu'])
    expect(notes.every((n) => Object.keys(n).sort().join() === 'at,note,parent')).toBe(true)
    expect(JSON.stringify(notes)).not.toContain('bí mật')
  })
})

describe('history of a document', () => {
  it('newest first; repeated notes are not new notes; one entry per quiet day', () => {
    const entries = historyEntries([
      { at: '2026-01-05T02:00:00.000Z', note: null },
      { at: '2026-01-05T03:00:00.000Z', note: null },
      { at: '2026-02-01T03:00:00.000Z', note: 'Bổ sung phụ lục' },
      { at: '2026-02-03T03:00:00.000Z', note: 'Bổ sung phụ lục' },
      // 23:30 in UTC on 9/3 is 10/3 in Vietnam.
      { at: '2026-03-09T23:30:00.000Z', note: 'Sửa số liệu' },
    ])
    expect(entries.map((e) => [e.date, e.kind, e.note])).toEqual([
      ['10/3/2026', 'update', 'Sửa số liệu'],
      ['03/2/2026', 'update', null],
      ['01/2/2026', 'update', 'Bổ sung phụ lục'],
      ['05/1/2026', 'first', null],
    ])
  })
})

describe('progress on the portal', () => {
  const plan = {
    id: 7,
    slug: 'kh-7',
    documentNumber: '7/KH-UBND',
    title: 'Kế hoạch, "thử"',
    tasks: [
      { id: 'r1', order: 1, content: 'Tổ chức hội nghị', lead: { id: 1, name: 'Sở Giáo dục và Đào tạo' }, dueEnd: '2026-03-31T00:00:00.000Z', status: 'not-reported' },
      { id: 'r2', order: 2, content: 'Báo cáo,\nsơ kết', leadText: 'Các huyện', dueEnd: '2026-12-31T00:00:00.000Z', status: 'not-reported' },
      { id: 'r3', order: 3, content: 'Không cập nhật', dueEnd: '2026-01-31T00:00:00.000Z', status: 'not-reported' },
    ],
  }
  const updates = [
    { id: 1, plan: 7, task: 'r1', reportedAt: '2026-02-01T00:00:00.000Z', status: 'in-progress', percent: 30, evidenceUrl: 'javascript:alert(1)' },
    { id: 2, plan: { id: 7 }, task: 'r1', reportedAt: '2026-03-15T00:00:00.000Z', status: 'in-progress', percent: 62.5, milestone: 'Đã gửi giấy mời', evidenceUrl: 'https://example.vn/bao-cao' },
    { id: 3, plan: 7, task: 'r2', reportedAt: '2026-03-20T00:00:00.000Z', status: 'completed', percent: 100, note: 'Xong', illustrative: true },
  ]

  it('latest status, history newest first, overdue judged on the day given (Vietnam)', () => {
    const byTask = groupUpdates(updates)
    const onDue = taskProgress(7, plan.tasks[0], byTask, '2026-03-31')
    expect([onDue.statusLabel, onDue.overdue, onDue.state]).toEqual(['Đang thực hiện', false, 'in-progress'])
    expect(onDue.history.map((e) => [e.date, e.percentLabel])).toEqual([
      ['15/3/2026', '62,5%'],
      ['01/2/2026', '30%'],
    ])
    expect(onDue.history[1].evidenceUrl).toBeNull()
    const dayAfter = taskProgress(7, plan.tasks[0], byTask, '2026-04-01')
    expect([dayAfter.overdue, dayAfter.state]).toEqual([true, 'overdue'])
    // Completed is never overdue; no update at all is "Chưa cập nhật", overdue once past due.
    expect(taskProgress(7, plan.tasks[1], byTask, '2027-06-01').overdue).toBe(false)
    expect(taskProgress(7, plan.tasks[2], byTask, '2026-01-31').state).toBe('not-reported')
    expect(taskProgress(7, plan.tasks[2], byTask, '2026-02-01').state).toBe('overdue')
  })

  it('dashboard counts come from the updates', () => {
    const stats = taskStatistics([plan], { updates, today: '2026-04-01' })
    expect(stats.totals).toEqual({ completed: 1, 'in-progress': 0, paused: 0, 'not-started': 0, overdue: 2, 'not-reported': 0 })
  })

  it('CSV and JSON carry each task’s latest status, percent, date, overdue flag; the JSON its history', () => {
    const records = taskRecords([plan], updates, '2026-04-01')
    const csv = tasksToCsv(records)
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    expect(lines[0]).toBe('van_ban,trich_yeu,ma_nhiem_vu,stt,noi_dung,co_quan_chu_tri,han_hoan_thanh,tinh_trang,ten_tinh_trang,ty_le_hoan_thanh,moc,ngay_cap_nhat,qua_han,minh_hoa')
    expect(lines[1]).toBe('7/KH-UBND,"Kế hoạch, ""thử""",r1,1,Tổ chức hội nghị,Sở Giáo dục và Đào tạo,2026-03-31,qua-han,Quá hạn (đang thực hiện),62.5,Đã gửi giấy mời,2026-03-15,co,khong')
    expect(lines[2]).toBe('7/KH-UBND,"Kế hoạch, ""thử""",r2,2,"Báo cáo, sơ kết",Các huyện,2026-12-31,completed,Đã hoàn thành,100,,2026-03-20,khong,co')
    expect(lines[3]).toBe('7/KH-UBND,"Kế hoạch, ""thử""",r3,3,Không cập nhật,,2026-01-31,qua-han,Quá hạn (chưa cập nhật),,,,co,khong')
    const json = JSON.parse(tasksToJson(records, { pageUrl: 'https://x/tien-do/', csvUrl: 'https://x/tien-do/nhiem-vu.csv', today: '2026-04-01' }))
    expect(json.tinh_den_ngay).toBe('2026-04-01')
    expect(json.du_lieu[0].lich_su.map((h: any) => [h.ngay, h.ty_le_hoan_thanh, h.minh_chung])).toEqual([
      ['2026-03-15', 62.5, 'https://example.vn/bao-cao'],
      ['2026-02-01', 30, null],
    ])
    expect(json.du_lieu[0].qua_han).toBe(true)
  })
})
