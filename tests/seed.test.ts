/**
 * Seeding content/ into a fresh database: every fact of the five source documents lands in
 * the CMS, the transcription matches the original texts in content/sources, and the seed is idempotent, keeps
 * staff edits, and is all-or-nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { defaultFooterLinks } from '../cms/lib/portal'
import { checkContent, loadContent, type Content, type Rec } from '../cms/seed/content'
import { ContentError, seed } from '../cms/seed'
import { startTestCms, type TestCms } from './helpers/payload'
import { markdownLineText, norm, plainText } from './helpers/text'

const content = loadContent()
let cms: TestCms
let payload: Payload

const collections = {
  topics: 'topics',
  organizations: 'organizations',
  plans: 'plans',
  indicators: 'indicators',
  campaigns: 'campaigns',
  news: 'news',
  pages: 'pages',
  honourees: 'honourees',
  indicatorReports: 'indicator-reports',
  taskUpdates: 'task-updates',
} as const

async function all(collection: (typeof collections)[keyof typeof collections], depth = 1) {
  // Related documents carry only what pages show (defaultPopulate); here they are compared by seed key.
  const populate = { organizations: { seedKey: true }, plans: { seedKey: true }, topics: { seedKey: true } } as const
  const { docs } = await payload.find({ collection, depth, populate, pagination: false, overrideAccess: true, draft: true })
  return new Map(docs.map((d: any) => [d.seedKey as string, d]))
}
const keyOf = (v: any) => (v && typeof v === 'object' ? v.seedKey : v)
const dateOf = (v: string | null | undefined) => (v ? v.slice(0, 10) : undefined)

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  await seed(payload)
})
afterAll(async () => cms?.cleanup())

test('content/ is consistent: known fields, existing keys', () => {
  expect(checkContent(content)).toEqual([])
  expect(content.plans.length).toBe(6)
})

test('task updates point at the numbered task of their plan, published and illustrative', async () => {
  const updates = await all('task-updates', 0)
  const plans = await all('plans', 0)
  expect(updates.size).toBe(content.taskUpdates.length)
  for (const rec of content.taskUpdates) {
    const doc = updates.get(rec.key)
    const plan = plans.get(rec.plan)
    const task = plan.tasks.find((t: any) => t.id === doc.task)
    expect(task?.order, rec.key).toBe(rec.taskOrder)
    expect([doc._status, doc.illustrative, doc.status, dateOf(doc.reportedAt)]).toEqual(['published', true, rec.status, rec.reportedAt])
  }
})

test('every content record is in the database, once', async () => {
  for (const [kind, slug] of Object.entries(collections)) {
    const { totalDocs } = await payload.count({ collection: slug, overrideAccess: true })
    expect(totalDocs, slug).toBe(content[kind as keyof Content].length)
  }
})

test('seeded indicator reports are published: public on the portal without a review', async () => {
  const anonymous = await payload.count({ collection: 'indicator-reports', overrideAccess: false })
  expect(anonymous.totalDocs).toBe(content.indicatorReports.length)
})

describe('the five source documents, field by field', () => {
  test.each(content.plans.map((p) => [p.key, p] as const))('%s', async (key, plan) => {
    const doc = (await all('plans', 1)).get(key)
    expect(doc).toBeDefined()
    expect(doc._status).toBe('published')
    expect(doc.documentNumber ?? undefined).toBe(plan.documentNumber)
    expect(doc.documentType).toBe(plan.documentType)
    expect(doc.title).toBe(plan.title)
    expect(doc.year).toBe(plan.year)
    expect(dateOf(doc.issueDate)).toBe(plan.issueDate)
    expect(doc.place ?? undefined).toBe(plan.place)
    expect(doc.issuers.map(keyOf)).toEqual(plan.issuers)
    expect(doc.signer?.name ?? undefined).toBe(plan.signer?.name)
    expect(doc.signer?.title ?? undefined).toBe(plan.signer?.title)

    expect(doc.tasks).toHaveLength(plan.tasks?.length ?? 0)
    ;(plan.tasks ?? []).forEach((task: Rec, i: number) => {
      const row = doc.tasks[i]
      expect(row.content).toBe(task.content)
      expect(row.timeFrame ?? undefined).toBe(task.timeFrame)
      expect(keyOf(row.lead) ?? undefined).toBe(task.lead)
      expect(row.leadText ?? undefined).toBe(task.leadText)
      expect((row.coordinating ?? []).map(keyOf)).toEqual(task.coordinating ?? [])
      expect(row.coordinatingText ?? undefined).toBe(task.coordinatingText)
      expect(dateOf(row.dueStart)).toBe(task.dueStart)
      expect(dateOf(row.dueEnd)).toBe(task.dueEnd)
      expect(row.status).toBe(task.status ?? 'not-reported')
    })

    expect(doc.recipients.map((r: any) => r.name)).toEqual((plan.recipients ?? []).map((r: Rec) => r.name))
    expect(doc.legalBasis.map((c: any) => [keyOf(c.plan) ?? null, c.citedNumber ?? null, dateOf(c.citedDate) ?? null])).toEqual(
      (plan.legalBasis ?? []).map((c: Rec) => [c.plan ?? null, c.citedNumber ?? null, c.citedDate ?? null]),
    )
    expect((doc.deadlines ?? []).map((d: any) => d.text)).toEqual((plan.deadlines ?? []).map((d: Rec) => d.text))
    expect((doc.attachments ?? []).map((a: any) => keyOf(a.plan) ?? null)).toEqual((plan.attachments ?? []).map((a: Rec) => a.plan ?? null))

    // Every line of the transcribed body is in the stored rich text.
    // (Compared without whitespace or emphasis marks; table rows cell by cell.)
    const squash = (s: string) => s.replace(/[\s*]/g, '')
    const body = squash(plainText(doc.body))
    for (const line of String(plan.body).split('\n')) {
      const cells = line.trim().startsWith('|') ? line.split('|') : [line]
      for (const cell of cells) {
        const text = squash(markdownLineText(cell))
        if (text.replace(/[-:]/g, '').length < 2) continue
        expect(body, `${key}: ${cell}`).toContain(text)
      }
    }
  })

  test('"cited by": the dispatch 6418/VP-VX cites Decision 1315/QĐ-TTg', async () => {
    const plans = await all('plans', 1)
    const decision = plans.get('qd-1315-ttg-2023')
    const citedBy = await payload.findByID({ collection: 'plans', id: decision.id, depth: 1, overrideAccess: false })
    expect(citedBy.citedBy?.docs?.map((d: any) => d.documentNumber)).toContain('6418/VP-VX')
  })
})

describe('full text ("Toàn văn"): each plan with a source file gets it word for word', () => {
  const withSource = content.plans.filter((p) => p.fullTextSource)

  test('five plans name their original text; the decision printed inside the dispatch does not', () => {
    expect(withSource.map((p) => path.basename(p.fullTextSource)).sort()).toEqual(fs.readdirSync(path.resolve(import.meta.dirname, '..', 'content', 'sources')).sort())
    expect(content.plans.find((p) => p.key === 'qd-1315-ttg-2023')?.fullTextSource).toBeUndefined()
  })

  test.each(content.plans.map((p) => [p.key, p] as const))('%s', async (key, plan) => {
    // As the public reads it: the field is as public as the rest of the plan.
    const { docs } = await payload.find({ collection: 'plans', where: { seedKey: { equals: key } }, overrideAccess: false, limit: 1 })
    expect(docs).toHaveLength(1)
    if (!plan.fullTextSource) return expect(docs[0].fullText ?? null).toBeNull()
    const original = fs.readFileSync(plan.fullTextSource, 'utf8').normalize('NFC')
    expect(original.length).toBeGreaterThan(1000)
    expect(docs[0].fullText).toBe(original)
  })

  test('a missing source file is reported before anything is written', () => {
    const broken = { ...content, plans: content.plans.map((p, i) => (i === 0 ? { ...p, fullTextSource: '/khong/co/tep.txt' } : p)) }
    expect(checkContent(broken)).toEqual([`plans/${content.plans[0].key}: fullTextSource not found: /khong/co/tep.txt`])
  })
})

describe('transcription is faithful to the source documents (content/sources)', () => {
  // The original texts are kept in the repository, so a clone with nothing beside it checks them too.
  const seedsDir = process.env.SEEDS_DIR ?? path.resolve(import.meta.dirname, '..', 'content', 'sources')
  test('the source documents are available', () => {
    expect(fs.existsSync(seedsDir), `source documents not found in ${seedsDir}: set SEEDS_DIR`).toBe(true)
  })
  // Compare without whitespace, case, emphasis marks or the extraction's HTML residue.
  const squash = (s: string) => norm(s).replace(/<[^>]+>/g, '').replace(/[*\s]/g, '').toLowerCase()
  const source = (prefix: string) => {
    const file = fs.readdirSync(seedsDir).find((f) => f.startsWith(prefix))!
    return squash(fs.readFileSync(path.join(seedsDir, file), 'utf8'))
  }
  const sourceOf: Record<string, string> = {
    'kh-thi-dua-khen-thuong-hkh-thai-binh-2023': '000',
    'kh-38-hdtdkt-thai-binh-2023': '001',
    'kh-29-hkh-thai-binh-2022-chuong-trinh-387': '002',
    'cv-6418-vp-ubnd-soc-trang-2023': '003',
    'qd-1315-ttg-2023': '003',
    'kh-khoi-thi-dua-vhxh2-bac-giang-2024': '004',
  }

  test.each(content.plans.map((p) => [p.key, p] as const))('%s: number, title, signer, tasks, recipients, citations', (key, plan) => {
    const text = source(sourceOf[key])
    const expectIn = (what: string, value: unknown) => {
      if (typeof value === 'string' && value) expect(text, `${what}: ${value}`).toContain(squash(value))
    }
    expectIn('title', plan.title)
    expectIn('number', plan.documentNumber?.replace('/', ' /').replace(' /', '/'))
    expectIn('signer', plan.signer?.name)
    for (const task of plan.tasks ?? []) {
      for (const part of String(task.content).split(/;\s+/)) expectIn('task', part.replace(/[.;]$/, ''))
      expectIn('time frame', task.timeFrame)
      expectIn('coordinating', task.coordinatingText)
      expectIn('audience', task.audience)
    }
    for (const r of plan.recipients ?? []) expectIn('recipient', r.name)
    for (const c of plan.legalBasis ?? []) expectIn('legal basis', c.citedNumber)
    for (const d of plan.deadlines ?? []) expectIn('deadline', d.text)
  })

  test('every target value is printed in its source document', () => {
    const vi = (n: number) => String(n).replace('.', ',')
    for (const indicator of content.indicators) {
      for (const target of indicator.targets ?? []) {
        const text = source(sourceOf[target.sourcePlan])
        const printed =
          target.value >= 1_000_000 ? `${vi(target.value / 1_000_000)}triệu` : target.value >= 1000 ? `${target.value / 1000}ngàn` : vi(target.value)
        expect(text, `${indicator.code} ${target.year}`).toContain(squash(printed))
      }
    }
  })
})

describe('headline facts', () => {
  test('targets: 65% learning families in 2023 (Thái Bình); Bắc Giang 2024 figures', async () => {
    const indicators = [...(await all('indicators', 1)).values()]
    const target = (code: string, year: number, scope: string) =>
      indicators.find((i) => i.code === code)?.targets.filter((t: any) => t.year === year && t.scope === scope).map((t: any) => t.value)
    expect(target('GĐHT', 2023, 'Tỉnh Thái Bình')).toContain(65)
    expect(target('GĐHT', 2025, 'Tỉnh Thái Bình')).toEqual([70])
    const bacGiang = indicators.filter((i) => i.targets.some((t: any) => t.scope === 'Tỉnh Bắc Giang' && t.year === 2024))
    const values = bacGiang.flatMap((i) => i.targets.map((t: any) => t.value))
    for (const v of [2_300_000, 34.4, 99.32, 42.5, 82, 92.6, 88, 1.82, 78, 34, 2.5]) expect(values).toContain(v)
    const poverty = bacGiang.find((i) => i.targets.some((t: any) => t.value === 1.82))
    expect(poverty.direction).toBe('lower-is-better')
  })

  test('campaigns: learning month 15/8–15/9 yearly, Study Promotion Day 2/10', async () => {
    const campaigns = await all('campaigns')
    const month = campaigns.get('thang-khuyen-hoc')
    expect([dateOf(month.startDate), dateOf(month.endDate), month.recurrence]).toEqual(['2023-08-15', '2023-09-15', 'yearly'])
    expect(dateOf(campaigns.get('ngay-khuyen-hoc-viet-nam').startDate)).toBe('2023-10-02')
    expect(campaigns.get('bac-giang-vhxh2-2024-dot-1').kind).toBe('emulation-period')
  })

  test('organisations: 2025 mergers and the 2024 head and deputy of the bloc', async () => {
    const orgs = await all('organizations', 1)
    expect(keyOf(orgs.get('hoi-khuyen-hoc-thai-binh').successor)).toBe('hoi-khuyen-hoc-hung-yen')
    const bloc = orgs.get('khoi-thi-dua-van-hoa-xa-hoi-2-bac-giang')
    expect(bloc.members).toHaveLength(5)
    expect(bloc.leadership.map((l: any) => [l.year, l.role, keyOf(l.organization)])).toEqual([
      [2024, 'head', 'so-ngoai-vu-bac-giang'],
      [2024, 'deputy', 'bao-hiem-xa-hoi-bac-giang'],
    ])
  })

  test('information pages: published, with their text', async () => {
    const pages = await all('pages')
    for (const page of content.pages) {
      const doc = pages.get(page.key)
      expect([doc._status, doc.slug, doc.title, doc.summary ?? undefined]).toEqual(['published', page.slug, page.title, page.summary])
      const body = plainText(doc.body)
      for (const line of String(page.body).split('\n').filter((l) => l.trim())) expect(norm(body)).toContain(norm(markdownLineText(line)))
    }
    // The footer's default links lead to these pages.
    for (const { link } of defaultFooterLinks) expect(content.pages.map((p) => `/trang/${p.slug}/`)).toContain(link)
  })

  test('honourees: illustrative, individuals published only with consent, drafts stay drafts', async () => {
    const honourees = [...(await all('honourees')).values()]
    expect(honourees.every((h) => h.illustrative)).toBe(true)
    for (const h of honourees.filter((h) => ['individual', 'learning-citizen'].includes(h.kind) && h._status === 'published')) {
      expect(h.consent?.recorded, h.name).toBe(true)
    }
    const drafts = content.honourees.filter((h) => h.status === 'draft').map((h) => h.key)
    expect(drafts.length).toBeGreaterThan(0)
    const { docs } = await payload.find({ collection: 'honourees', overrideAccess: false, pagination: false })
    expect(docs.map((d) => d.seedKey)).not.toEqual(expect.arrayContaining([drafts[0]]))
    expect(docs).toHaveLength(content.honourees.length - drafts.length)
  })
})

describe('running the seed again', () => {
  test('creates nothing new and keeps staff edits', async () => {
    const plans = await all('plans')
    const id = plans.get('kh-38-hdtdkt-thai-binh-2023').id
    await payload.update({ collection: 'plans', id, data: { summary: 'Tóm tắt do biên tập viên sửa' }, overrideAccess: true })
    const report = await seed(payload)
    for (const r of Object.values(report)) expect(r.created + r.updated).toBe(0)
    const doc = await payload.findByID({ collection: 'plans', id, overrideAccess: true })
    expect(doc.summary).toBe('Tóm tắt do biên tập viên sửa')
    expect((await payload.count({ collection: 'plans', overrideAccess: true })).totalDocs).toBe(content.plans.length)
  })

  test('--overwrite restores content/ without duplicating, keeping the tasks that progress updates refer to', async () => {
    const taskIds = (plans: Map<string, any>) => [...plans.values()].flatMap((p) => (p.tasks ?? []).map((t: any) => t.id)).sort()
    const before = taskIds(await all('plans', 0))
    const report = await seed(payload, { overwrite: true })
    expect(taskIds(await all('plans', 0))).toEqual(before)
    expect(report.plans.updated).toBe(content.plans.length)
    const doc = (await all('plans')).get('kh-38-hdtdkt-thai-binh-2023')
    expect(doc.summary).toBe(content.plans.find((p) => p.key === 'kh-38-hdtdkt-thai-binh-2023')!.summary)
    expect((await payload.count({ collection: 'organizations', overrideAccess: true })).totalDocs).toBe(content.organizations.length)
  })

  test('bad content is refused before anything is written', async () => {
    const broken: Content = structuredClone(content)
    broken.plans[0].issuers = ['co-quan-khong-ton-tai']
    broken.plans[1].title = 'Tiêu đề không được ghi'
    await expect(seed(payload, { content: broken, overwrite: true })).rejects.toBeInstanceOf(ContentError)
    const doc = (await all('plans')).get(broken.plans[1].key)
    expect(doc.title).not.toBe('Tiêu đề không được ghi')
  })

  test('a record the CMS rejects rolls the whole run back', async () => {
    const broken: Content = structuredClone(content)
    broken.plans[1].title = 'Tiêu đề không được ghi'
    broken.indicatorReports[broken.indicatorReports.length - 1].value = 250 // percent out of range
    const percentReport = broken.indicatorReports.findLast((r) => r.indicator === 'gia-dinh-hoc-tap')!
    percentReport.value = 250
    await expect(seed(payload, { content: broken, overwrite: true })).rejects.toThrow()
    const doc = (await all('plans')).get(broken.plans[1].key)
    expect(doc.title).toBe(content.plans[1].title)
    expect((await payload.count({ collection: 'plans', overrideAccess: true })).totalDocs).toBe(content.plans.length)
  })
})
