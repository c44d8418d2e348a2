/**
 * Campaign dates: status (upcoming / ongoing / ended), yearly editions and countdowns.
 * Pure functions of the campaign and an injected `now`; every comparison is made on calendar
 * days in Vietnam (Asia/Ho_Chi_Minh), whatever time of day the CMS stored.
 */
import { formatNumber, vietnamCalendarDay } from '../../cms/lib/vietnamese'

export type CampaignStatus = 'upcoming' | 'ongoing' | 'ended'

export const campaignStatusLabels: Record<CampaignStatus, string> = {
  upcoming: 'Sắp diễn ra',
  ongoing: 'Đang diễn ra',
  ended: 'Đã kết thúc',
}

/** Class of the `.badge` that shows a status. */
export const campaignStatusTone: Record<CampaignStatus, 'ok' | 'warn' | 'muted'> = {
  upcoming: 'warn',
  ongoing: 'ok',
  ended: 'muted',
}

/** The fields the date logic needs; a Payload campaign document fits. */
export interface CampaignDates {
  startDate: string
  endDate: string
  recurrence?: string | null
}

/** One occurrence of a campaign; a one-off campaign has exactly one. Dates are 'YYYY-MM-DD'. */
export interface Edition {
  year: number
  startDate: string
  endDate: string
  status: CampaignStatus
}

export interface Countdown {
  status: CampaignStatus
  /** Days until the start (upcoming), until the end (ongoing) or since the end (ended). */
  days: number
  text: string
}

const DAY_MS = 86_400_000
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The calendar day in Vietnam of a stored date or an instant: '2023-08-15T00:00:00.000Z' → '2023-08-15'. */
export function calendarDay(value: string | Date): string {
  if (typeof value === 'string' && ISO_DAY.test(value)) return value
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(value)}`)
  return vietnamCalendarDay(date)
}

const parts = (day: string): [number, number, number] => {
  const m = ISO_DAY.exec(day)
  if (!m) throw new RangeError(`Not a calendar day: ${day}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

const dayIndex = (day: string) => {
  const [y, m, d] = parts(day)
  return Date.UTC(y, m - 1, d) / DAY_MS
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string | Date, to: string | Date): number {
  return dayIndex(calendarDay(to)) - dayIndex(calendarDay(from))
}

/**
 * The build's "now": `PORTAL_NOW=YYYY-MM-DD` (noon in Vietnam that day) when set, so tests
 * and reproducible builds can fix the date; otherwise `fallback` (the real clock).
 */
export function portalNow(env: string | undefined = process.env.PORTAL_NOW, fallback: Date = new Date()): Date {
  const value = env?.trim()
  if (value && ISO_DAY.test(value)) return new Date(`${value}T12:00:00+07:00`)
  return fallback
}

/** Status of the days `start`..`end` (both included) on the day of `now`. */
export function statusBetween(start: string, end: string, now: Date): CampaignStatus {
  const today = dayIndex(calendarDay(now))
  if (today < dayIndex(calendarDay(start))) return 'upcoming'
  if (today > dayIndex(calendarDay(end))) return 'ended'
  return 'ongoing'
}

const pad = (n: number) => String(n).padStart(2, '0')
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** The same day and month `years` later; 29/2 becomes 28/2 in a common year. */
function shiftYear(day: string, years: number): string {
  const [y, m, d] = parts(day)
  const year = y + years
  const dd = m === 2 && d === 29 && !isLeap(year) ? 28 : d
  return `${year}-${pad(m)}-${pad(dd)}`
}

const isYearly = (c: CampaignDates) => c.recurrence === 'yearly'

/**
 * Every edition up to now, oldest first. A one-off campaign has one. A yearly campaign has
 * one per year from its first year to the current year, plus next year's when this year's
 * has ended (so there is always an edition to look forward to).
 */
export function editionsOf(c: CampaignDates, now: Date): Edition[] {
  const start = calendarDay(c.startDate)
  const end = calendarDay(c.endDate)
  const firstYear = parts(start)[0]
  if (!isYearly(c)) return [{ year: firstYear, startDate: start, endDate: end, status: statusBetween(start, end, now) }]

  const make = (year: number): Edition => {
    const s = shiftYear(start, year - firstYear)
    const e = shiftYear(end, year - firstYear)
    return { year, startDate: s, endDate: e, status: statusBetween(s, e, now) }
  }
  const currentYear = parts(calendarDay(now))[0]
  const editions: Edition[] = []
  for (let year = firstYear; year <= Math.max(firstYear, currentYear); year++) editions.push(make(year))
  const last = editions[editions.length - 1]
  if (last.status === 'ended') editions.push(make(last.year + 1))
  return editions
}

/** The edition that matters now: the one under way, else the next one, else the last one. */
export function currentEdition(c: CampaignDates, now: Date): Edition {
  const editions = editionsOf(c, now)
  return (
    editions.find((e) => e.status === 'ongoing') ??
    editions.find((e) => e.status === 'upcoming') ??
    editions[editions.length - 1]
  )
}

/** A campaign's status: that of its current (or next) edition. */
export const campaignStatus = (c: CampaignDates, now: Date): CampaignStatus => currentEdition(c, now).status

/** "Còn 12 ngày", "Bắt đầu sau 30 ngày", "Kết thúc hôm nay", "Đã kết thúc". */
export function countdown(edition: Pick<Edition, 'startDate' | 'endDate'>, now: Date): Countdown {
  const status = statusBetween(edition.startDate, edition.endDate, now)
  const n = (days: number) => formatNumber(days, 0)
  if (status === 'upcoming') {
    const days = daysBetween(now, edition.startDate)
    return { status, days, text: days === 1 ? 'Bắt đầu vào ngày mai' : `Bắt đầu sau ${n(days)} ngày` }
  }
  if (status === 'ongoing') {
    const days = daysBetween(now, edition.endDate)
    const oneDay = calendarDay(edition.startDate) === calendarDay(edition.endDate)
    return { status, days, text: days === 0 ? (oneDay ? 'Diễn ra hôm nay' : 'Kết thúc hôm nay') : `Còn ${n(days)} ngày` }
  }
  return { status, days: daysBetween(edition.endDate, now), text: 'Đã kết thúc' }
}

/** '2026-08-15' → "15/8/2026" (the day padded, the month not, as in Vietnamese documents). */
export function formatDay(day: string): string {
  const [y, m, d] = parts(calendarDay(day))
  return `${pad(d)}/${m}/${y}`
}

const englishDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })

/** A day for the English page: '2026-12-02' → '2 December 2026'. */
export function formatDayEnglish(day: string): string {
  return englishDay.format(new Date(`${calendarDay(day)}T00:00:00Z`))
}

/** "15/8 – 15/9/2026"; "02/10/2026" for one day; both years when they differ. */
export function formatDateRange(start: string, end: string): string {
  const s = calendarDay(start)
  const e = calendarDay(end)
  if (s === e) return formatDay(s)
  const [sy, sm, sd] = parts(s)
  if (sy === parts(e)[0]) return `${pad(sd)}/${sm} – ${formatDay(e)}`
  return `${formatDay(s)} – ${formatDay(e)}`
}

const statusOrder: Record<CampaignStatus, number> = { ongoing: 0, upcoming: 1, ended: 2 }

/**
 * Campaigns in reading order: under way (ending soonest first), upcoming (starting soonest
 * first), then ended (most recent first). Each comes with its current edition.
 */
export function sortByStatus<C extends CampaignDates>(campaigns: readonly C[], now: Date): { campaign: C; edition: Edition }[] {
  return campaigns
    .map((campaign) => ({ campaign, edition: currentEdition(campaign, now) }))
    .sort((a, b) => {
      const byStatus = statusOrder[a.edition.status] - statusOrder[b.edition.status]
      if (byStatus !== 0) return byStatus
      const ea = a.edition
      const eb = b.edition
      if (ea.status === 'ongoing') return dayIndex(ea.endDate) - dayIndex(eb.endDate)
      if (ea.status === 'upcoming') return dayIndex(ea.startDate) - dayIndex(eb.startDate)
      return dayIndex(eb.endDate) - dayIndex(ea.endDate)
    })
}

/** Length of an edition in days, both ends included. */
export const editionLength = (e: Pick<Edition, 'startDate' | 'endDate'>) => daysBetween(e.startDate, e.endDate) + 1

/**
 * The campaign to put forward on the home page: a short campaign (at most a year long) under
 * way, else the next one to start, else the long movement under way that ends soonest, else
 * the most recently ended. Multi-year movements are always "under way", so they only win
 * when nothing shorter is happening or coming.
 */
export function highlightCampaign<C extends CampaignDates>(campaigns: readonly C[], now: Date): { campaign: C; edition: Edition } | undefined {
  const sorted = sortByStatus(campaigns, now)
  const short = (x: { edition: Edition }) => editionLength(x.edition) <= 366
  return (
    sorted.find((x) => x.edition.status === 'ongoing' && short(x)) ??
    sorted.find((x) => x.edition.status === 'upcoming') ??
    sorted.find((x) => x.edition.status === 'ongoing') ??
    sorted[0]
  )
}

/**
 * The populated documents of a relationship, in order. Documents the reader may not see
 * (drafts) come back from the CMS as bare ids and are left out, so no link is ever dead.
 */
export function populated<T extends { slug?: string | null }>(value: unknown): T[] {
  const list = Array.isArray(value) ? value : value == null ? [] : [value]
  return list.filter((v): v is T => typeof v === 'object' && v !== null && typeof (v as T).slug === 'string')
}
