/** Campaign dates on the portal: status, yearly editions, countdowns. Pure functions, no CMS. */
import { describe, expect, it } from 'vitest'

import {
  calendarDay,
  campaignStatus,
  countdown,
  currentEdition,
  daysBetween,
  editionsOf,
  formatDateRange,
  highlightCampaign,
  portalNow,
  sortByStatus,
  statusBetween,
} from '../site/lib/campaigns'

/** Noon in Vietnam on that day, as the build's clock would read it. */
const at = (day: string) => new Date(`${day}T12:00:00+07:00`)

// As the CMS returns them (Payload date fields, midnight UTC).
const thangKhuyenHoc = { startDate: '2023-08-15T00:00:00.000Z', endDate: '2023-09-15T00:00:00.000Z', recurrence: 'yearly' }
const ngayKhuyenHoc = { startDate: '2023-10-02T00:00:00.000Z', endDate: '2023-10-02T00:00:00.000Z', recurrence: 'yearly' }
const xuanKhuyenHoc = { startDate: '2024-02-01T00:00:00.000Z', endDate: '2024-02-24T00:00:00.000Z', recurrence: 'none' }
const phongTrao = { startDate: '2023-11-09T00:00:00.000Z', endDate: '2030-12-31T00:00:00.000Z', recurrence: 'none' }

describe('calendar days in Vietnam', () => {
  it('reads stored dates and instants as the Vietnamese calendar day', () => {
    expect(calendarDay('2023-08-15T00:00:00.000Z')).toBe('2023-08-15')
    expect(calendarDay('2023-08-15')).toBe('2023-08-15')
    // 20:00 UTC on the 14th is already 03:00 on the 15th in Hà Nội.
    expect(calendarDay(new Date('2023-08-14T20:00:00Z'))).toBe('2023-08-15')
    // Midnight in Hà Nội, stored by an admin in UTC+7.
    expect(calendarDay('2023-08-14T17:00:00.000Z')).toBe('2023-08-15')
  })

  it('counts days across months, years and leap days', () => {
    expect(daysBetween('2026-09-03', '2026-09-15')).toBe(12)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2027-12-20', '2028-03-01')).toBe(72) // 2028 is a leap year
    expect(daysBetween('2026-09-15', '2026-09-03')).toBe(-12)
  })

  it('honours PORTAL_NOW=YYYY-MM-DD and otherwise uses the clock given', () => {
    const clock = new Date('2030-01-01T00:00:00Z')
    expect(calendarDay(portalNow('2026-08-20', clock))).toBe('2026-08-20')
    expect(portalNow(undefined, clock)).toBe(clock)
    expect(portalNow('', clock)).toBe(clock)
    expect(portalNow('not a date', clock)).toBe(clock)
  })
})

describe('status from the dates', () => {
  it('is upcoming before the first day, ongoing on both end days, ended after the last', () => {
    expect(statusBetween('2024-02-01', '2024-02-24', at('2024-01-31'))).toBe('upcoming')
    expect(statusBetween('2024-02-01', '2024-02-24', at('2024-02-01'))).toBe('ongoing')
    expect(statusBetween('2024-02-01', '2024-02-24', at('2024-02-24'))).toBe('ongoing')
    expect(statusBetween('2024-02-01', '2024-02-24', at('2024-02-25'))).toBe('ended')
  })

  it('uses the day in Vietnam, not in UTC', () => {
    // 23:30 UTC on 31/01 is 06:30 on 01/02 in Hà Nội: the campaign has started.
    expect(statusBetween(xuanKhuyenHoc.startDate, xuanKhuyenHoc.endDate, new Date('2024-01-31T23:30:00Z'))).toBe('ongoing')
    // 17:30 UTC on 24/02 is 00:30 on 25/02 in Hà Nội: it has ended.
    expect(statusBetween(xuanKhuyenHoc.startDate, xuanKhuyenHoc.endDate, new Date('2024-02-24T17:30:00Z'))).toBe('ended')
  })

  it('gives one-off campaigns a single edition', () => {
    expect(editionsOf(xuanKhuyenHoc, at('2026-11-22'))).toEqual([
      { year: 2024, startDate: '2024-02-01', endDate: '2024-02-24', status: 'ended' },
    ])
    expect(campaignStatus(phongTrao, at('2026-11-22'))).toBe('ongoing')
    expect(campaignStatus(phongTrao, at('2023-11-08'))).toBe('upcoming')
    expect(campaignStatus(phongTrao, at('2031-01-01'))).toBe('ended')
  })
})

describe('yearly campaigns', () => {
  it('have an edition each year from the first to the current one', () => {
    const editions = editionsOf(thangKhuyenHoc, at('2026-08-20'))
    expect(editions.map((e) => e.year)).toEqual([2023, 2024, 2025, 2026])
    expect(editions.at(-1)).toEqual({ year: 2026, startDate: '2026-08-15', endDate: '2026-09-15', status: 'ongoing' })
    expect(editions.slice(0, 3).every((e) => e.status === 'ended')).toBe(true)
  })

  it("add next year's edition once this year's has ended", () => {
    const editions = editionsOf(thangKhuyenHoc, at('2026-11-22'))
    expect(editions.map((e) => e.year)).toEqual([2023, 2024, 2025, 2026, 2027])
    expect(editions.at(-1)).toMatchObject({ startDate: '2027-08-15', endDate: '2027-09-15', status: 'upcoming' })
  })

  it("do not add next year's edition while this year's is still ahead", () => {
    expect(editionsOf(thangKhuyenHoc, at('2026-03-01')).map((e) => e.year)).toEqual([2023, 2024, 2025, 2026])
  })

  it('take the status of the current or next edition', () => {
    expect(campaignStatus(thangKhuyenHoc, at('2026-03-01'))).toBe('upcoming')
    expect(campaignStatus(thangKhuyenHoc, at('2026-09-15'))).toBe('ongoing')
    expect(campaignStatus(thangKhuyenHoc, at('2026-09-16'))).toBe('upcoming')
    expect(currentEdition(thangKhuyenHoc, at('2026-09-16')).year).toBe(2027)
    expect(currentEdition(ngayKhuyenHoc, at('2026-10-02'))).toEqual({
      year: 2026,
      startDate: '2026-10-02',
      endDate: '2026-10-02',
      status: 'ongoing',
    })
  })

  it('start with their first edition when the first year is still ahead', () => {
    const editions = editionsOf(thangKhuyenHoc, at('2023-01-10'))
    expect(editions).toEqual([{ year: 2023, startDate: '2023-08-15', endDate: '2023-09-15', status: 'upcoming' }])
  })

  it('keep editions that run over the new year, and 29/2 becomes 28/2 in common years', () => {
    const overNewYear = { startDate: '2023-12-20', endDate: '2024-01-10', recurrence: 'yearly' }
    expect(currentEdition(overNewYear, at('2026-01-05'))).toEqual({
      year: 2025,
      startDate: '2025-12-20',
      endDate: '2026-01-10',
      status: 'ongoing',
    })
    const leap = { startDate: '2024-02-29', endDate: '2024-03-05', recurrence: 'yearly' }
    expect(editionsOf(leap, at('2025-06-01')).map((e) => e.startDate)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28'])
  })
})

describe('days remaining', () => {
  it('counts down to the start of an upcoming edition, across years', () => {
    const edition = currentEdition(thangKhuyenHoc, at('2026-11-22'))
    expect(countdown(edition, at('2026-11-22'))).toEqual({ status: 'upcoming', days: 266, text: 'Bắt đầu sau 266 ngày' })
    expect(countdown(edition, at('2027-07-16')).text).toBe('Bắt đầu sau 30 ngày')
    expect(countdown(edition, at('2027-08-14')).text).toBe('Bắt đầu vào ngày mai')
  })

  it('counts down to the end of an ongoing edition', () => {
    const edition = currentEdition(thangKhuyenHoc, at('2026-09-03'))
    expect(countdown(edition, at('2026-09-03'))).toEqual({ status: 'ongoing', days: 12, text: 'Còn 12 ngày' })
    expect(countdown(edition, at('2026-09-15')).text).toBe('Kết thúc hôm nay')
    expect(countdown(currentEdition(ngayKhuyenHoc, at('2026-10-02')), at('2026-10-02')).text).toBe('Diễn ra hôm nay')
    // Long movements: thousands are grouped the Vietnamese way.
    expect(countdown(currentEdition(phongTrao, at('2026-11-22')), at('2026-11-22')).text).toBe('Còn 1.500 ngày')
  })

  it('says when an edition has ended', () => {
    const edition = currentEdition(xuanKhuyenHoc, at('2024-03-05'))
    expect(countdown(edition, at('2024-03-05'))).toEqual({ status: 'ended', days: 10, text: 'Đã kết thúc' })
  })
})

describe('presentation and ordering', () => {
  it('formats ranges the Vietnamese way', () => {
    expect(formatDateRange('2026-08-15', '2026-09-15')).toBe('15/8 – 15/9/2026')
    expect(formatDateRange('2024-07-01T00:00:00.000Z', '2024-12-31T00:00:00.000Z')).toBe('01/7 – 31/12/2024')
    expect(formatDateRange('2026-10-02', '2026-10-02')).toBe('02/10/2026')
    expect(formatDateRange('2023-11-09', '2030-12-31')).toBe('09/11/2023 – 31/12/2030')
  })

  it('lists ongoing, then upcoming, then ended campaigns', () => {
    const now = at('2026-11-22')
    const order = sortByStatus([xuanKhuyenHoc, thangKhuyenHoc, phongTrao, ngayKhuyenHoc], now).map((x) => x.campaign)
    expect(order).toEqual([phongTrao, thangKhuyenHoc, ngayKhuyenHoc, xuanKhuyenHoc])
  })

  it('puts forward a short campaign under way, else the next one, before long movements', () => {
    const all = [phongTrao, thangKhuyenHoc, ngayKhuyenHoc, xuanKhuyenHoc]
    expect(highlightCampaign(all, at('2026-09-01'))?.campaign).toBe(thangKhuyenHoc)
    expect(highlightCampaign(all, at('2026-11-22'))?.campaign).toBe(thangKhuyenHoc)
    expect(highlightCampaign(all, at('2026-09-20'))?.campaign).toBe(ngayKhuyenHoc)
    expect(highlightCampaign([phongTrao, xuanKhuyenHoc], at('2026-11-22'))?.campaign).toBe(phongTrao)
    expect(highlightCampaign([], at('2026-11-22'))).toBeUndefined()
  })
})
