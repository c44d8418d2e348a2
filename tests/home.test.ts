/**
 * The home page's headline indicators (site/lib/home.ts): chosen among the /tien-do/
 * dashboard's cards, so their figures and status are the dashboard's own.
 */
import { describe, expect, it } from 'vitest'

import { codeKey, headlineCard, headlineCards } from '../site/lib/home'
import { datasetRows, progressGroups, type IndicatorLike, type PlanLike, type ReportLike } from '../site/lib/progress'

const plan29: PlanLike = { id: 2, slug: '29-kh-khkh-2022', documentNumber: '29/KH-KHKH', title: 'Thực hiện Chương trình 387' }
const planTd: PlanLike = { id: 5, slug: 'thi-dua-2023', documentNumber: null, title: 'Công tác thi đua - khen thưởng năm 2023' }

const TB = 'Tỉnh Thái Bình'
const BG = 'Tỉnh Bắc Giang'

const indicator = (id: number, code: string, targets: IndicatorLike['targets'], extra: Partial<IndicatorLike> = {}): IndicatorLike => ({
  id,
  slug: `chi-tieu-${id}`,
  code,
  name: `Chỉ tiêu ${code}`,
  unit: 'percent',
  direction: 'higher-is-better',
  targets,
  ...extra,
})

// Two documents set different targets for 2023 (60% and 65%): 62,4% meets one, misses the other.
const gdht = indicator(10, 'GĐHT', [
  { year: 2023, scope: TB, value: 60, sourcePlan: plan29 },
  { year: 2023, scope: TB, value: 65, sourcePlan: planTd },
  { year: 2025, scope: TB, value: 70, sourcePlan: plan29 },
])
// 59,6% against 55% and 59%: both met.
const dhht = indicator(11, 'DHHT', [
  { year: 2023, scope: TB, value: 55, sourcePlan: plan29 },
  { year: 2023, scope: TB, value: 59, sourcePlan: planTd },
])
const cdht = indicator(12, 'CĐHT', [{ year: 2023, scope: TB, value: 76, sourcePlan: planTd }])
// No report at all.
const dvht = indicator(13, 'ĐVHT', [{ year: 2023, scope: TB, value: 75, sourcePlan: planTd }])
// Lower is better: 1,95% poverty against a 1,82% ceiling is not met.
const poverty = indicator(1, 'HN', [{ year: 2024, scope: BG, value: 1.82 }], { direction: 'lower-is-better' })
const tourists = indicator(2, 'DL', [{ year: 2024, scope: BG, value: 2300000 }], { unit: 'visits' })
const noReports = indicator(3, 'HV-DS', [{ year: 2023, scope: TB, value: 35 }])

let nextId = 1
const report = (indicatorId: number, year: number, locality: string, value: number, extra: Partial<ReportLike> = {}): ReportLike => ({
  id: nextId++,
  indicator: { id: indicatorId },
  year,
  periodLabel: `Năm ${year}`,
  locality,
  value,
  illustrative: true,
  ...extra,
})

const indicators = [poverty, tourists, noReports, gdht, dhht, cdht, dvht]
const reports: ReportLike[] = [
  report(10, 2022, TB, 57.8),
  report(10, 2023, TB, 62.4),
  report(10, 2023, 'Huyện Vũ Thư', 66.2),
  report(11, 2023, TB, 59.6),
  report(12, 2023, TB, 71.3),
  report(1, 2024, BG, 1.95),
  report(2, 2024, BG, 2450000, { illustrative: false }),
]
const rows = datasetRows(indicators, reports, [plan29, planTd])
const dashboard = progressGroups(indicators, rows).flatMap((g) => g.cards)

describe('headlineCards', () => {
  it('picks indicators with data first, learning-model indicators first, one card per indicator', () => {
    const cards = headlineCards(indicators, rows, 4)
    expect(cards.map((c) => c.code)).toEqual(['GĐHT', 'DHHT', 'CĐHT', 'HN'])
    expect(new Set(cards.map((c) => c.indicatorId)).size).toBe(cards.length)
  })

  it('is the dashboard card itself: same scope, actual, targets and status', () => {
    for (const card of headlineCards(indicators, rows, 10)) {
      const same = dashboard.find((c) => c.indicatorId === card.indicatorId && c.scope === card.scope)
      expect(same).toEqual(card)
    }
  })

  it('evaluates every target of the year, from every source document', () => {
    const [g, d, c, hn] = headlineCards(indicators, rows, 4)
    expect(g.scope).toBe(TB)
    expect(g.latestActual?.value).toBe(62.4)
    expect(g.results.map((r) => [r.target.value, r.target.sourcePlan?.label, r.status.label])).toEqual([
      [60, '29/KH-KHKH', 'Đạt/Vượt mục tiêu'],
      [65, 'Công tác thi đua - khen thưởng năm 2023', 'Chưa đạt'],
    ])
    expect(g.status).toMatchObject({ code: 'not-met', label: 'Chưa đạt một số mục tiêu' })
    expect(g.latestTargetYear).toBe(2025)
    expect(d.status).toMatchObject({ code: 'met', label: 'Đạt/Vượt mục tiêu' })
    expect(c.status).toMatchObject({ code: 'not-met', label: 'Chưa đạt' })
    expect(hn.status).toMatchObject({ code: 'not-met', label: 'Chưa đạt' }) // lower is better
  })

  it('keeps the illustrative flag of the value shown', () => {
    const cards = headlineCards(indicators, rows, 10)
    expect(cards.find((c) => c.code === 'GĐHT')?.latestActual?.illustrative).toBe(true)
    expect(cards.find((c) => c.code === 'DL')?.latestActual?.illustrative).toBe(false)
  })

  it('falls back to indicators without data ("Chưa có số liệu"), learning-model first', () => {
    const cards = headlineCards(indicators, rows, 10)
    expect(cards.map((c) => c.code)).toEqual(['GĐHT', 'DHHT', 'CĐHT', 'HN', 'DL', 'ĐVHT', 'HV-DS'])
    expect(cards.at(-1)?.status).toMatchObject({ code: 'no-data', label: 'Chưa có số liệu' })
    expect(headlineCards(indicators, rows, 0)).toEqual([])
    expect(headlineCards([], rows, 4)).toEqual([])
  })

  it('matches learning-model codes with or without diacritics', () => {
    expect(codeKey('GĐHT')).toBe(codeKey('GDHT'))
    expect(codeKey('ĐVHT')).toBe('DVHT')
    const plain = indicator(20, 'CDHT', [{ year: 2023, scope: TB, value: 50 }])
    const other = indicator(19, 'BHYT', [{ year: 2023, scope: TB, value: 90 }])
    const r = datasetRows([other, plain], [report(19, 2023, TB, 91), report(20, 2023, TB, 52)])
    expect(headlineCards([other, plain], r, 2).map((c) => c.code)).toEqual(['CDHT', 'BHYT'])
  })

  it('uses string (MongoDB) ids too', () => {
    const a = { ...indicator(0, 'A', [{ year: 2023, scope: TB, value: 1 }]), id: '65a0000000000000000000b2' }
    const b = { ...indicator(0, 'B', [{ year: 2023, scope: TB, value: 1 }]), id: '65a0000000000000000000a1' }
    const r = datasetRows([a, b], [
      { id: 'r1', indicator: a.id, year: 2023, locality: TB, value: 2 },
      { id: 'r2', indicator: { id: b.id }, year: 2023, locality: TB, value: 2 },
    ])
    expect(headlineCards([a, b], r, 2).map((c) => c.code)).toEqual(['B', 'A'])
  })
})

describe('headlineCard', () => {
  it('prefers the scope whose actual value is compared with a target', () => {
    const twoScopes = indicator(30, 'X', [
      { year: 2024, scope: BG, value: 10 },
      { year: 2024, scope: TB, value: 10 },
    ])
    const r = datasetRows([twoScopes], [report(30, 2024, TB, 12)])
    expect(headlineCard(twoScopes, r)?.scope).toBe(TB)
    expect(headlineCard(twoScopes, r)?.status.code).toBe('met')
  })

  it('is undefined for an indicator with no targets and no reports', () => {
    const empty = indicator(31, 'Y', [])
    expect(headlineCard(empty, datasetRows([empty], []))).toBeUndefined()
  })
})
