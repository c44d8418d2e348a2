/** Dates and times on the staff home, in Vietnam's time zone and Vietnamese order. */
import { formatDate } from '../lib/vietnamese'

const vietnamTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** "2026-12-03T02:05:00Z" → "03/12/2026 09:05" (Vietnam time). */
export function formatDateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value
  return `${formatDate(d)} ${vietnamTime.format(d)}`
}

/** "còn 12 ngày", "hôm nay", "quá hạn 2 ngày". */
export function daysLabel(daysLeft: number): string {
  if (daysLeft > 0) return `còn ${daysLeft} ngày`
  if (daysLeft === 0) return 'hạn là hôm nay'
  return `quá hạn ${-daysLeft} ngày`
}
