/**
 * Pure derivations of the progress dashboard (site/lib/progress.ts): direction-aware status,
 * joining targets and reports, quarter bucketing, the CSV/JSON files and the chart layout.
 */
import { describe, expect, it } from 'vitest'

import {
  BOM,
  CSV_COLUMNS,
  attainment,
  compare,
  csvField,
  datasetJsonLd,
  datasetRows,
  displayValue,
  dueQuarter,
  evaluate,
  formatGap,
  indicatorPage,
  indicatorRows,
  layoutChart,
  machineNumber,
  niceScale,
  progressGroups,
  sourceKeys,
  taskStatistics,
  toCsv,
  toJson,
  wrapLabel,
  type IndicatorLike,
  type PlanLike,
  type ReportLike,
} from '../site/lib/progress'

const plan29: PlanLike = { id: 2, slug: '29-kh-khkh-2022', documentNumber: '29/KH-KHKH', title: 'Thực hiện Chương trình “Đẩy mạnh…”' }
const planTd: PlanLike = { id: 5, slug: 'cong-tac-thi-dua-khen-thuong-nam-2023', documentNumber: null, title: 'Công tác thi đua - khen thưởng năm 2023' }

const gdht: IndicatorLike = {
  id: 1,
  slug: 'gia-dinh-hoc-tap',
  code: 'GĐHT',
  name: 'Tỷ lệ gia đình đạt danh hiệu “Gia đình học tập”',
  unit: 'percent',
  direction: 'higher-is-better',
  topics: [{ id: 3, name: 'Mô hình học tập' }],
  targets: [
    { year: 2022, scope: 'Tỉnh Thái Bình', value: 55, sourcePlan: plan29 },
    { year: 2023, scope: 'Tỉnh Thái Bình', value: 60, sourcePlan: plan29 },
    { year: 2023, scope: 'Tỉnh Thái Bình', value: 65, sourcePlan: planTd },
    { year: 2025, scope: 'Tỉnh Thái Bình', value: 70, sourcePlan: 2 }, // unpopulated: looked up by id
  ],
}
const poverty: IndicatorLike = {
  id: 20,
  slug: 'ho-ngheo',
  code: 'HN',
  name: 'Tỷ lệ hộ nghèo',
  unit: 'percent',
  direction: 'lower-is-better',
  targets: [{ year: 2024, scope: 'Tỉnh Bắc Giang', value: 1.82, sourcePlan: null }],
}
const tourists: IndicatorLike = {
  id: 13,
  slug: 'khach-du-lich',
  code: 'DL',
  name: 'Số lượt khách du lịch',
  unit: 'visits',
  direction: 'higher-is-better',
  targets: [{ year: 2024, scope: 'Tỉnh Bắc Giang', value: 2300000 }],
}
const noReports: IndicatorLike = {
  id: 5,
  slug: 'hoi-vien',
  code: 'HV-DS',
  name: 'Tỷ lệ hội viên',
  unit: 'percent',
  direction: 'higher-is-better',
  targets: [{ year: 2023, scope: 'Tỉnh Thái Bình', value: 35 }],
}

const report = (id: number, indicator: number, year: number, locality: string, value: number, extra: Partial<ReportLike> = {}): ReportLike => ({
  id,
  indicator: { id: indicator },
  year,
  periodLabel: `Năm ${year}`,
  locality,
  value,
  source: `Báo cáo ${year}`,
  illustrative: true,
  ...extra,
})
const reports: ReportLike[] = [
  report(1, 1, 2022, 'Tỉnh Thái Bình', 57.8),
  report(2, 1, 2023, 'Tỉnh Thái Bình', 62.4),
  report(3, 1, 2023, 'Huyện Vũ Thư', 66.2),
  report(4, 20, 2024, 'Tỉnh Bắc Giang', 1.95),
  report(5, 13, 2024, 'Tỉnh Bắc Giang', 2450000, { illustrative: false }),
]

describe('evaluate: direction-aware status', () => {
  it('higher is better: at or above target is "Đạt/Vượt mục tiêu", below is "Chưa đạt"', () => {
    expect(evaluate(62.4, 60, 'higher-is-better')).toMatchObject({ code: 'met', kind: 'ok', label: 'Đạt/Vượt mục tiêu' })
    expect(evaluate(60, 60, 'higher-is-better')).toMatchObject({ code: 'met', kind: 'ok' })
    expect(evaluate(62.4, 65, 'higher-is-better')).toMatchObject({ code: 'not-met', kind: 'bad', label: 'Chưa đạt' })
  })
  it('lower is better: at or below target is "Đạt", above is "Chưa đạt"', () => {
    expect(evaluate(1.7, 1.82, 'lower-is-better')).toMatchObject({ code: 'met', kind: 'ok', label: 'Đạt' })
    expect(evaluate(1.82, 1.82, 'lower-is-better')).toMatchObject({ code: 'met', kind: 'ok', label: 'Đạt' })
    expect(evaluate(1.95, 1.82, 'lower-is-better')).toMatchObject({ code: 'not-met', kind: 'bad', label: 'Chưa đạt' })
    expect(evaluate(2.31, 2.5, 'lower-is-better').label).toBe('Đạt')
  })
  it('no actual value → "Chưa có số liệu" (muted)', () => {
    expect(evaluate(null, 60, 'higher-is-better')).toMatchObject({ code: 'no-data', kind: 'muted', label: 'Chưa có số liệu' })
    expect(evaluate(undefined, 1.82, 'lower-is-better').label).toBe('Chưa có số liệu')
  })
  it('floating-point noise does not flip a met target', () => {
    expect(evaluate(0.1 + 0.2, 0.3, 'higher-is-better').code).toBe('met')
    expect(evaluate(0.1 + 0.2, 0.3, 'lower-is-better').code).toBe('met')
  })
  it('attainment: actual ÷ target, or target ÷ actual when lower is better', () => {
    expect(attainment(62.4, 60, 'higher-is-better')).toBeCloseTo(104)
    expect(attainment(1.95, 1.82, 'lower-is-better')).toBeCloseTo(93.33, 2)
    expect(attainment(null, 60, 'higher-is-better')).toBeNull()
    expect(formatGap(-2.6, 'percent')).toBe('−2,6 điểm %')
    expect(formatGap(150000, 'visits')).toBe('+150.000 lượt')
  })
})

describe('joining targets and reports', () => {
  const rows = datasetRows([gdht, poverty, tourists, noReports], reports, [plan29, planTd])

  it('one row per target and per actual, ordered by year, place and kind', () => {
    const own = rows.filter((r) => r.indicatorId === 1)
    expect(own.map((r) => `${r.year} ${r.scope} ${r.kind} ${r.value}`)).toEqual([
      '2022 Tỉnh Thái Bình target 55',
      '2022 Tỉnh Thái Bình actual 57.8',
      '2023 Tỉnh Thái Bình target 60',
      '2023 Tỉnh Thái Bình target 65',
      '2023 Tỉnh Thái Bình actual 62.4',
      '2023 Huyện Vũ Thư actual 66.2',
      '2025 Tỉnh Thái Bình target 70',
    ])
    // An unpopulated source plan is found among the published plans.
    expect(own.at(-1)!.sourcePlan).toMatchObject({ label: '29/KH-KHKH', href: '/van-ban/29-kh-khkh-2022/' })
  })

  it('two targets for the same year and place are each evaluated, with their source', () => {
    const c = compare(indicatorRows(gdht, reports, new Map([[2, plan29]]))).find((x) => x.year === 2023 && x.scope === 'Tỉnh Thái Bình')!
    expect(c.actual?.value).toBe(62.4)
    expect(c.targets.map((t) => [t.target.value, t.target.sourcePlan?.label, t.status.label])).toEqual([
      [60, '29/KH-KHKH', 'Đạt/Vượt mục tiêu'],
      [65, 'Công tác thi đua - khen thưởng năm 2023', 'Chưa đạt'],
    ])
  })

  it('a full-year report is preferred over a partial one of the same year', () => {
    const extra = [report(9, 1, 2022, 'Tỉnh Thái Bình', 30, { periodLabel: '6 tháng đầu năm 2022' })]
    const c = compare(indicatorRows(gdht, [...reports, ...extra])).find((x) => x.year === 2022)!
    expect(c.actuals).toHaveLength(2)
    expect(c.actual?.value).toBe(57.8)
  })

  it('dashboard cards: latest actual against the targets of its year; overall status', () => {
    const groups = progressGroups([gdht, poverty, tourists, noReports], rows)
    expect(groups.map((g) => g.scope)).toEqual(['Tỉnh Bắc Giang', 'Tỉnh Thái Bình'])
    const card = (code: string) => groups.flatMap((g) => g.cards).find((c) => c.code === code)!
    expect(card('GĐHT').latestActual?.value).toBe(62.4)
    expect(card('GĐHT').results.map((r) => r.status.code)).toEqual(['met', 'not-met'])
    expect(card('GĐHT').status.kind).toBe('bad')
    expect(card('GĐHT').latestTargetYear).toBe(2025)
    expect(card('GĐHT').otherLocalities).toEqual(['Huyện Vũ Thư'])
    expect(card('HN').status).toMatchObject({ kind: 'bad', label: 'Chưa đạt' })
    expect(card('DL').status).toMatchObject({ kind: 'ok', label: 'Đạt/Vượt mục tiêu' })
    expect(card('HV-DS').status).toMatchObject({ kind: 'muted', label: 'Chưa có số liệu' })
  })

  it('indicator page: charts by year per place and by place for years with several', () => {
    const page = indicatorPage(gdht, rows)
    expect(page.byYear.map((s) => s.heading)).toEqual(['Tỉnh Thái Bình'])
    expect(page.byLocality.map((s) => s.heading)).toEqual(['Năm 2023'])
    expect(page.byLocality[0].untargeted).toEqual(['Huyện Vũ Thư'])
    expect(page.keys.map((k) => `${k.key} ${k.plan.label}`)).toEqual(['A 29/KH-KHKH', 'B Công tác thi đua - khen thưởng năm 2023'])
    const chart = page.byYear[0].chart
    // The SVG labels are the same Vietnamese-formatted values as the table.
    expect(chart.categories.find((c) => c.label === '2023')).toMatchObject({
      actual: { value: 62.4, text: 'Thực hiện: 62,4% *' },
      targets: [{ text: 'Mục tiêu A: 60%' }, { text: 'Mục tiêu B: 65%' }],
    })
    expect(chart.desc).toContain('Năm 2023: thực hiện 62,4% (dữ liệu minh họa); mục tiêu A 60% theo 29/KH-KHKH: đạt/vượt mục tiêu; mục tiêu B 65%')
    expect(chart.desc).toContain('Năm 2025: chưa có số liệu thực hiện; mục tiêu A 70%')
  })

  it('works with MongoDB ObjectId strings as ids', () => {
    const mongo: IndicatorLike = { ...poverty, id: '65f0a1b2c3d4e5f601234567', targets: [{ year: 2024, scope: 'Tỉnh Bắc Giang', value: 1.82, sourcePlan: '65f0a1b2c3d4e5f600000002' }] }
    const plan = { ...plan29, id: '65f0a1b2c3d4e5f600000002' }
    const rs = [report(1, 0, 2024, 'Tỉnh Bắc Giang', 1.7, { id: '65f0a1b2c3d4e5f6000000ff', indicator: '65f0a1b2c3d4e5f601234567' })]
    const rows = datasetRows([mongo], rs, [plan])
    expect(rows.map((r) => [r.kind, r.value, r.sourcePlan?.label ?? null])).toEqual([
      ['target', 1.82, '29/KH-KHKH'],
      ['actual', 1.7, null],
    ])
    expect(progressGroups([mongo], rows)[0].cards[0].status.label).toBe('Đạt')
  })

  it('Vietnamese display formats', () => {
    expect(displayValue({ value: 99.32, unit: 'percent' })).toBe('99,32%')
    expect(displayValue({ value: 34.4, unit: 'beds-per-10000' })).toBe('34,4 giường/10.000 dân')
    expect(displayValue({ value: 2300000, unit: 'visits' })).toBe('2,3 triệu lượt')
  })
})

describe('dueQuarter: bucketing tasks by the quarter of their deadline', () => {
  it('reads the Vietnamese calendar date of the stored timestamp', () => {
    expect(dueQuarter('2023-03-31T00:00:00.000Z')).toMatchObject({ key: '2023-Q1', label: 'Quý I/2023' })
    expect(dueQuarter('2023-06-30T00:00:00.000Z').label).toBe('Quý II/2023')
    expect(dueQuarter('2023-09-30').label).toBe('Quý III/2023')
    expect(dueQuarter('2023-12-31T00:00:00.000Z').label).toBe('Quý IV/2023')
    // 30/6 chosen in Vietnam is stored as 29/6 17:00 UTC: still the second quarter.
    expect(dueQuarter('2023-06-29T17:00:00.000Z').label).toBe('Quý II/2023')
    // 31/3 23:00 UTC is already 1/4 in Vietnam.
    expect(dueQuarter('2023-03-31T23:00:00.000Z').label).toBe('Quý II/2023')
  })
  it('no date or an unreadable one → "Không xác định thời hạn"', () => {
    expect(dueQuarter(null)).toMatchObject({ key: 'none', label: 'Không xác định thời hạn', year: null })
    expect(dueQuarter(undefined).label).toBe('Không xác định thời hạn')
    expect(dueQuarter('').label).toBe('Không xác định thời hạn')
    expect(dueQuarter('không rõ').label).toBe('Không xác định thời hạn')
  })
  it('counts tasks by state and quarter, in date order, undated last; past due and not done is "Quá hạn"', () => {
    const stats = taskStatistics(
      [
        {
          id: 3,
          slug: '38-kh-hdtdkt-2023',
          documentNumber: '38/KH-HĐTĐKT',
          title: 'Công tác…',
          tasks: [
            { id: 'a', status: 'completed', dueEnd: '2023-06-30T00:00:00.000Z' },
            { id: 'b', status: 'in-progress', dueEnd: '2023-03-31T00:00:00.000Z' },
            { id: 'c', status: 'not-reported', dueEnd: '2023-03-31T00:00:00.000Z' },
            { id: 'd', status: 'not-reported', timeFrame: 'Hằng năm' },
          ],
        },
        { id: 4, slug: 'khong-so', documentNumber: null, title: 'Văn bản không số', tasks: [{ id: 'e', status: null, dueStart: '2024-01-01', dueEnd: null }] },
        { id: 5, slug: 'khong-nhiem-vu', title: 'Không có nhiệm vụ', tasks: [] },
      ],
      {
        // Task c was completed (its latest published update says so); d is paused.
        updates: [
          { id: 1, plan: 3, task: 'c', reportedAt: '2023-03-01T00:00:00.000Z', status: 'in-progress' },
          { id: 2, plan: 3, task: 'c', reportedAt: '2023-03-20T00:00:00.000Z', status: 'completed', percent: 100 },
          { id: 3, plan: { id: 3 }, task: 'd', reportedAt: '2023-04-02T00:00:00.000Z', status: 'paused' },
        ],
        today: '2023-05-01',
      },
    )
    expect(stats.statuses.map((s) => s.label)).toEqual(['Đã hoàn thành', 'Đang thực hiện', 'Tạm dừng', 'Chưa thực hiện', 'Quá hạn', 'Chưa cập nhật'])
    expect(stats.byQuarter.map((q) => [q.quarter.label, q.total])).toEqual([
      ['Quý I/2023', 2],
      ['Quý II/2023', 1],
      ['Không xác định thời hạn', 2],
    ])
    expect(stats.byQuarter[0].counts).toEqual({ completed: 1, 'in-progress': 0, paused: 0, 'not-started': 0, overdue: 1, 'not-reported': 0 })
    expect(stats.byQuarter[2].plans.map((p) => [p.label, p.href, p.count])).toEqual([
      ['38/KH-HĐTĐKT', '/van-ban/38-kh-hdtdkt-2023/', 1],
      ['Văn bản không số', '/van-ban/khong-so/', 1],
    ])
    expect(stats.byPlan.map((p) => [p.plan.label, p.total, p.undated])).toEqual([
      ['38/KH-HĐTĐKT', 4, 1],
      ['Văn bản không số', 1, 1],
    ])
    expect(stats.totals).toEqual({ completed: 2, 'in-progress': 0, paused: 1, 'not-started': 0, overdue: 1, 'not-reported': 1 })
    expect(stats.total).toBe(5)
    // The day before task b's due end, it is still in progress.
    const before = taskStatistics([{ id: 3, title: 'x', tasks: [{ id: 'b', status: 'in-progress', dueEnd: '2023-03-31T00:00:00.000Z' }] }], { updates: [], today: '2023-03-31' })
    expect(before.totals['in-progress']).toBe(1)
  })
})

describe('CSV and JSON', () => {
  it('escapes fields per RFC 4180', () => {
    expect(csvField('Tỉnh Thái Bình')).toBe('Tỉnh Thái Bình')
    expect(csvField('a, b')).toBe('"a, b"')
    expect(csvField('nói "đạt"')).toBe('"nói ""đạt"""')
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"')
    expect(csvField('x\r')).toBe('"x\r"')
    expect(csvField(99.32)).toBe('99.32')
    expect(csvField(true)).toBe('co')
    expect(csvField(false)).toBe('khong')
    expect(csvField(null)).toBe('')
  })
  it('machine numbers: dot decimal, no grouping, no exponent', () => {
    expect(machineNumber(99.32)).toBe('99.32')
    expect(machineNumber(2300000)).toBe('2300000')
    expect(machineNumber(1e21)).toBe('1000000000000000000000')
    expect(machineNumber(1e-7)).toBe('0.0000001')
  })
  it('starts with a BOM, has the stable Vietnamese header and CRLF lines', () => {
    const rows = indicatorRows(tourists, reports)
    const csv = toCsv(rows)
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe('ma_chi_tieu,ten_chi_tieu,don_vi,chieu,nam,pham_vi,loai,gia_tri,nguon,minh_hoa')
    expect(lines[0].split(',')).toEqual([...CSV_COLUMNS])
    expect(lines[1]).toBe('DL,Số lượt khách du lịch,lượt,cang_cao_cang_tot,2024,Tỉnh Bắc Giang,muc_tieu,2300000,,khong')
    expect(lines[2]).toBe('DL,Số lượt khách du lịch,lượt,cang_cao_cang_tot,2024,Tỉnh Bắc Giang,thuc_hien,2450000,Báo cáo 2024,khong')
    expect(lines.at(-1)).toBe('')
  })
  it('quotes names and sources containing commas or quotes', () => {
    const csv = toCsv(indicatorRows(gdht, reports, new Map([[2, plan29]])))
    expect(csv).toContain('GĐHT,Tỷ lệ gia đình đạt danh hiệu “Gia đình học tập”,%,cang_cao_cang_tot,2023,Tỉnh Thái Bình,muc_tieu,65,Công tác thi đua - khen thưởng năm 2023,khong')
    const tricky = toCsv(indicatorRows({ ...poverty, name: 'Tỷ lệ "hộ nghèo", cận nghèo' }, reports))
    expect(tricky).toContain('HN,"Tỷ lệ ""hộ nghèo"", cận nghèo",%,cang_thap_cang_tot,2024,Tỉnh Bắc Giang,thuc_hien,1.95,Báo cáo 2024,co')
  })
  it('JSON has the same records, numbers as numbers', () => {
    const rows = indicatorRows(poverty, reports)
    const json = JSON.parse(toJson(rows, { title: 't', description: 'd', pageUrl: 'http://x/', csvUrl: 'http://x/a.csv' }))
    expect(json.cot).toEqual([...CSV_COLUMNS])
    expect(json.du_lieu).toEqual([
      { ma_chi_tieu: 'HN', ten_chi_tieu: 'Tỷ lệ hộ nghèo', don_vi: '%', chieu: 'cang_thap_cang_tot', nam: 2024, pham_vi: 'Tỉnh Bắc Giang', loai: 'muc_tieu', gia_tri: 1.82, nguon: '', minh_hoa: false },
      { ma_chi_tieu: 'HN', ten_chi_tieu: 'Tỷ lệ hộ nghèo', don_vi: '%', chieu: 'cang_thap_cang_tot', nam: 2024, pham_vi: 'Tỉnh Bắc Giang', loai: 'thuc_hien', gia_tri: 1.95, nguon: 'Báo cáo 2024', minh_hoa: true },
    ])
  })
  it('schema.org Dataset with CSV and JSON downloads', () => {
    const ld = datasetJsonLd({
      name: 'GĐHT',
      description: 'd',
      pageUrl: 'https://example.vn/tien-do/gia-dinh-hoc-tap/',
      csvUrl: 'https://example.vn/tien-do/gia-dinh-hoc-tap.csv',
      jsonUrl: 'https://example.vn/tien-do/gia-dinh-hoc-tap.json',
      rows: indicatorRows(gdht, reports, new Map([[2, plan29]])),
    })
    expect(ld['@type']).toBe('Dataset')
    expect(ld.distribution).toEqual([
      expect.objectContaining({ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: 'https://example.vn/tien-do/gia-dinh-hoc-tap.csv' }),
      expect.objectContaining({ '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: 'https://example.vn/tien-do/gia-dinh-hoc-tap.json' }),
    ])
    expect(ld.temporalCoverage).toBe('2022/2025')
    expect(ld.isBasedOn).toEqual(['https://example.vn/van-ban/29-kh-khkh-2022/', 'https://example.vn/van-ban/cong-tac-thi-dua-khen-thuong-nam-2023/'])
  })
})

describe('chart layout', () => {
  it('round axis scales', () => {
    expect(niceScale(2450000 * 1.05)).toEqual({ max: 3000000, step: 1000000 })
    expect(niceScale(1.95 * 1.05)).toEqual({ max: 2.5, step: 0.5 })
    expect(niceScale(0)).toEqual({ max: 1, step: 0.2 })
  })
  it('places bars inside the plot, one row per category, labels wrapped', () => {
    const page = indicatorPage(gdht, datasetRows([gdht], reports, [plan29, planTd]))
    const layout = layoutChart(page.byYear[0].chart)
    expect(layout.rows.map((r) => r.label)).toEqual(['2022', '2023', '2025'])
    expect(layout.ticks.map((t) => t.label)).toEqual(['0%', '20%', '40%', '60%', '80%', '100%'])
    for (const bar of layout.rows.flatMap((r) => r.bars)) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plotLeft)
      expect(bar.x).toBeLessThanOrEqual(layout.plotRight)
    }
    const y2023 = layout.rows[1]
    expect(y2023.bars.map((b) => b.kind)).toEqual(['actual', 'target', 'target'])
    expect(y2023.bars[0].x).toBeCloseTo(layout.plotLeft + 0.624 * (layout.plotRight - layout.plotLeft))
    expect(layout.rows[2].bars[0].kind).toBe('empty')
    expect(wrapLabel('Thành phố Thái Bình')).toEqual(['Thành phố', 'Thái Bình'])
    expect(wrapLabel('2023')).toEqual(['2023'])
    expect(sourceKeys(page.rows).map((k) => k.key)).toEqual(['A', 'B'])
  })
})
