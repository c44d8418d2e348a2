/**
 * Each validation rule rejects bad input with a clear Vietnamese message, and a rejected
 * save changes nothing.
 */
import sharp from 'sharp'
import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { messages } from '../cms/fields/validators'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let payload: Payload
let orgId: number | string
let percentIndicator: number | string

/** The save fails on `path` with a message containing `message`. */
async function expectInvalid(save: Promise<unknown>, path: string, message: string) {
  const error: any = await save.then(
    () => null,
    (e) => e,
  )
  expect(error, 'the save should have been rejected').not.toBeNull()
  const errors: { path: string; message: string }[] = error.data?.errors ?? []
  const hit = errors.find((e) => e.path === path)
  expect(hit, `errors: ${JSON.stringify(errors)}`).toBeDefined()
  expect(hit!.message).toContain(message)
}

const count = async (collection: CollectionSlug) => (await payload.count({ collection, overrideAccess: true })).totalDocs
const plan = (extra: Record<string, unknown> = {}) => ({
  title: 'Kế hoạch kiểm thử',
  documentType: 'plan',
  issuers: [orgId],
  year: 2023,
  _status: 'published',
  ...extra,
})

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  orgId = (await payload.create({ collection: 'organizations', data: { name: 'Hội Khuyến học tỉnh', kind: 'study-promotion-association' } })).id
  percentIndicator = (
    await payload.create({ collection: 'indicators', data: { code: 'GĐHT', name: 'Gia đình học tập', unit: 'percent', direction: 'higher-is-better' } })
  ).id
})
afterAll(async () => cms?.cleanup())

describe('slugs', () => {
  test('made from the title with tones and đ folded', async () => {
    const c = await payload.create({
      collection: 'campaigns',
      data: { name: 'Tháng khuyến học 2023', kind: 'learning-month', startDate: '2023-08-15', endDate: '2023-09-15', _status: 'published' } as any,
    })
    expect(c.slug).toBe('thang-khuyen-hoc-2023')
    const o = await payload.create({ collection: 'organizations', data: { name: 'Đơn vị Đồng bằng sông Hồng', kind: 'other' } })
    expect(o.slug).toBe('don-vi-dong-bang-song-hong')
  })

  test('a slug typed by staff is folded into shape', async () => {
    const doc = await payload.create({ collection: 'news', data: { title: 'Tin', slug: 'Đơn Vị Học Tập!', _status: 'published' } })
    expect(doc.slug).toBe('don-vi-hoc-tap')
  })

  test('a duplicate slug is refused with a Vietnamese message and nothing is saved', async () => {
    const before = await count('campaigns')
    await expectInvalid(
      payload.create({
        collection: 'campaigns',
        data: { name: 'Tháng khuyến học 2023', kind: 'learning-month', startDate: '2024-08-15', endDate: '2024-09-15', _status: 'published' } as any,
      }),
      'slug',
      'đã được dùng',
    )
    expect(await count('campaigns')).toBe(before)
  })

  test('renaming onto another document’s slug is refused and the document is unchanged', async () => {
    const other = await payload.create({
      collection: 'campaigns',
      data: { name: 'Xuân khuyến học', kind: 'tet-learning-spring', startDate: '2024-02-01', endDate: '2024-02-24', _status: 'published' } as any,
    })
    await expectInvalid(
      payload.update({ collection: 'campaigns', id: other.id, data: { slug: 'thang-khuyen-hoc-2023', name: 'Đổi tên' } }),
      'slug',
      'đã được dùng',
    )
    const after = await payload.findByID({ collection: 'campaigns', id: other.id })
    expect([after.slug, after.name]).toEqual(['xuan-khuyen-hoc', 'Xuân khuyến học'])
  })
})

describe('percentages and measured values', () => {
  test('a percentage target above 100 is refused', async () => {
    await expectInvalid(
      payload.create({
        collection: 'indicators',
        data: { code: 'X1', name: 'Tỷ lệ', unit: 'percent', direction: 'higher-is-better', targets: [{ year: 2023, scope: 'Tỉnh', value: 120 }] },
      }),
      'targets.0.value',
      messages.percentRange,
    )
  })

  test('a percentage report outside 0–100 is refused; other units may exceed 100', async () => {
    const report = (indicator: unknown, value: number) => ({ indicator, year: 2023, periodLabel: 'Năm 2023', locality: 'Tỉnh', value, reportingOrganization: orgId })
    const before = await count('indicator-reports')
    await expectInvalid(payload.create({ collection: 'indicator-reports', data: report(percentIndicator, 101) as any }), 'value', messages.percentRange)
    await expectInvalid(payload.create({ collection: 'indicator-reports', data: report(percentIndicator, -1) as any }), 'value', messages.percentRange)
    expect(await count('indicator-reports')).toBe(before)
    const visits = await payload.create({ collection: 'indicators', data: { code: 'DL', name: 'Khách du lịch', unit: 'visits', direction: 'higher-is-better' } })
    const ok = await payload.create({ collection: 'indicator-reports', data: report(visits.id, 2_300_000) as any })
    expect(ok.value).toBe(2_300_000)
    await expectInvalid(payload.create({ collection: 'indicator-reports', data: report(visits.id, -5) as any }), 'value', messages.negative)
  })
})

describe('dates', () => {
  test('a campaign cannot end before it starts', async () => {
    await expectInvalid(
      payload.create({
        collection: 'campaigns',
        data: { name: 'Đợt sai ngày', kind: 'emulation-period', startDate: '2024-07-01', endDate: '2024-06-30', _status: 'published' } as any,
      }),
      'endDate',
      messages.dateOrder,
    )
  })

  test('nor a task, an organisation’s active period or a plan period', async () => {
    await expectInvalid(
      payload.create({ collection: 'plans', data: plan({ tasks: [{ content: 'Việc', leadText: 'Sở', dueStart: '2023-04-01', dueEnd: '2023-03-31' }] }) as any }),
      'tasks.0.dueEnd',
      messages.dateOrder,
    )
    await expectInvalid(
      payload.create({ collection: 'organizations', data: { name: 'Sở cũ', kind: 'department', activeFrom: '2020-01-01', activeTo: '2019-12-31' } }),
      'activeTo',
      messages.dateOrder,
    )
    await expectInvalid(payload.create({ collection: 'plans', data: plan({ period: { from: 2030, to: 2021 } }) as any }), 'period.to', messages.yearOrder)
  })
})

describe('document numbers', () => {
  test('accepted in their real shapes, refused otherwise', async () => {
    const ok = await payload.create({ collection: 'plans', data: plan({ documentNumber: '38/KH-HĐTĐKT' }) as any })
    expect(ok.documentNumber).toBe('38/KH-HĐTĐKT')
    expect(ok.slug).toBe('38-kh-hdtdkt-2023')
    await expectInvalid(payload.create({ collection: 'plans', data: plan({ documentNumber: 'KH 38' }) as any }), 'documentNumber', 'không đúng dạng')
    await expectInvalid(
      payload.create({ collection: 'plans', data: plan({ legalBasis: [{ citedNumber: 'số mười tám' }] }) as any }),
      'legalBasis.0.citedNumber',
      'không đúng dạng',
    )
    await expectInvalid(payload.create({ collection: 'plans', data: plan({ legalBasis: [{ citedIssuer: 'UBND tỉnh' }] }) as any }), 'legalBasis.0.plan', messages.legalBasisEmpty)
  })

  test('a rejected update leaves the published document and its history unchanged', async () => {
    const doc = await payload.create({ collection: 'plans', data: plan({ documentNumber: '29/KH-KHKH', title: 'Bản gốc' }) as any })
    const versionsBefore = (await payload.findVersions({ collection: 'plans', where: { parent: { equals: doc.id } } })).totalDocs
    await expectInvalid(
      payload.update({ collection: 'plans', id: doc.id, data: { title: 'Bản sửa lỗi', documentNumber: '29 KH' } }),
      'documentNumber',
      'không đúng dạng',
    )
    const after = await payload.findByID({ collection: 'plans', id: doc.id })
    expect([after.title, after.documentNumber]).toEqual(['Bản gốc', '29/KH-KHKH'])
    expect((await payload.findVersions({ collection: 'plans', where: { parent: { equals: doc.id } } })).totalDocs).toBe(versionsBefore)
  })
})

describe('media', () => {
  const png = () => sharp({ create: { width: 1200, height: 800, channels: 3, background: '#1d4ed8' } }).png().toBuffer()

  test('alt text is required; blank alt is refused and no file record is made', async () => {
    const before = await count('media')
    const file = { data: await png(), mimetype: 'image/png', name: 'anh.png', size: 1 }
    await expectInvalid(payload.create({ collection: 'media', data: { alt: '   ' }, file }), 'alt', messages.altRequired)
    expect(await count('media')).toBe(before)
  })

  test('sharp makes the responsive sizes', async () => {
    const data = await png()
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'Lễ tuyên dương gia đình học tập' },
      file: { data, mimetype: 'image/png', name: 'tuyen-duong.png', size: data.length },
    })
    expect(doc.width).toBe(1200)
    expect(doc.sizes?.thumbnail?.mimeType).toBe('image/webp')
    expect(doc.sizes?.card?.width).toBe(768)
  })
})

describe('consent of individuals', () => {
  const individual = (extra: Record<string, unknown>) => ({
    name: 'Bà Trần Thị Mẫu',
    kind: 'individual',
    award: 'certificate-of-merit',
    year: 2024,
    ...extra,
  })

  test('an individual cannot be published without recorded consent', async () => {
    const before = await count('honourees')
    await expectInvalid(
      payload.create({ collection: 'honourees', data: individual({ _status: 'published' }) as any }),
      'consent.recorded',
      'sự đồng ý',
    )
    expect(await count('honourees')).toBe(before)
  })

  test('a draft may wait for consent; publishing it then needs consent with its date', async () => {
    const draft = await payload.create({ collection: 'honourees', data: individual({ _status: 'draft' }) as any, draft: true })
    await expectInvalid(payload.update({ collection: 'honourees', id: draft.id, data: { _status: 'published' } }), 'consent.recorded', 'sự đồng ý')
    await expectInvalid(
      payload.update({ collection: 'honourees', id: draft.id, data: { _status: 'published', consent: { recorded: true } } }),
      'consent.date',
      messages.consentDateRequired,
    )
    const published = await payload.update({
      collection: 'honourees',
      id: draft.id,
      data: { _status: 'published', consent: { recorded: true, date: '2024-05-01' } },
    })
    expect(published._status).toBe('published')
  })

  test('families and collectives need no individual consent', async () => {
    const doc = await payload.create({
      collection: 'honourees',
      data: { name: 'Gia đình ông Mẫu', kind: 'learning-family', award: 'title', year: 2024, _status: 'published' } as any,
    })
    expect(doc._status).toBe('published')
  })
})
