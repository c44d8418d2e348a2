/**
 * Dates as Vietnamese documents print them ("ngày 04 tháng 4 năm 2023", "16/02/2023") and time
 * frames of tasks ("Quý I, II", "Quý III /2022 - 12/2023", "3-6/2026", "trước ngày 12/5/2024")
 * turned into ISO dates. A frame without a year is resolved only when the document covers a
 * single year; a recurring one ("hằng năm") has no due dates.
 */
const pad = (n: number) => String(n).padStart(2, '0')

export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return `${year}-${pad(month)}-${pad(day)}`
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** First date in `text`: "ngày 30 tháng 7 năm 2021", "ngày 16/02/2023", "20/3/2000". */
export function parseDate(text: string): string | null {
  const long = text.match(/(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i)
  const short = text.match(/(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?!\d)/)
  const pick = long && short ? (long.index! < short.index! ? long : short) : (long ?? short)
  return pick ? isoDate(Number(pick[3]), Number(pick[2]), Number(pick[1])) : null
}

const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 }

type Period = { start: string; end: string }

function quarter(q: number, year: number): Period {
  const m = (q - 1) * 3 + 1
  return { start: isoDate(year, m, 1)!, end: isoDate(year, m + 2, lastDay(year, m + 2))! }
}

function months(from: number, to: number, year: number): Period | null {
  if (from < 1 || to > 12 || from > to) return null
  return { start: isoDate(year, from, 1)!, end: isoDate(year, to, lastDay(year, to))! }
}

/** One side of a range: "Quý III/2022", "Quý II", "12/2023", "tháng 5/2024", "2024", "quý I-II năm 2026". */
function parsePeriod(raw: string, year: number | null): Period | null {
  const text = raw.trim().replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ')
  let m = text.match(/^quý ([IV]+)(?:\s*[,\-–]\s*(?:quý )?([IV]+))?(?:(?:\/| năm )(\d{4}))?$/i)
  if (m) {
    const y = m[3] ? Number(m[3]) : year
    const a = roman[m[1].toUpperCase()]
    const b = m[2] ? roman[m[2].toUpperCase()] : a
    if (!y || !a || !b || b < a) return null
    return { start: quarter(a, y).start, end: quarter(b, y).end }
  }
  m = text.match(/^(?:tháng )?(\d{1,2})(?:\s*[-–,]\s*(\d{1,2}))?(?:\/| năm )(\d{4})$/i)
  if (m) return months(Number(m[1]), Number(m[2] ?? m[1]), Number(m[3]))
  m = text.match(/^(?:năm )?(\d{4})(?:\s*[-–]\s*(\d{4}))?$/i)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[2] ?? m[1])
    return b >= a ? { start: isoDate(a, 1, 1)!, end: isoDate(b, 12, 31)! } : null
  }
  return null
}

/**
 * The due period of a printed time frame. `year` is the single year the document covers (null when
 * it spans several: then "Quý IV" alone is not a date).
 */
export function parseTimeFrame(frame: string | null, year: number | null): { dueStart: string | null; dueEnd: string | null } {
  const none = { dueStart: null, dueEnd: null }
  if (!frame) return none
  const text = frame.replace(/\*/g, '').trim()
  if (/h[aằ]ng năm|định kỳ|thường xuyên/i.test(text)) return none
  const before = text.match(/^trước\s+(?:ngày\s+)?(.+)$/i)
  if (before) {
    const date = parseDate(before[1]) ?? parseDate(`${before[1]}/${year ?? ''}`)
    return { dueStart: null, dueEnd: date }
  }
  const exact = text.match(/^(?:ngày\s+)?(\d{1,2}\/\d{1,2}\/\d{4})$/i)
  if (exact) {
    const date = parseDate(exact[1])
    return { dueStart: date, dueEnd: date }
  }
  const whole = parsePeriod(text, year)
  if (whole) return { dueStart: whole.start, dueEnd: whole.end }
  // A range "A - B" whose sides are periods: start of A to end of B; the end's year applies to A when A has none.
  for (const sep of [/\s+[-–]\s+/, /\s*[-–]\s*/]) {
    const parts = text.split(sep)
    if (parts.length !== 2) continue
    const end = parsePeriod(parts[1], year)
    const endYear = end ? Number(end.end.slice(0, 4)) : year
    const start = parsePeriod(parts[0], endYear)
    if (start && end && start.start <= end.end) return { dueStart: start.start, dueEnd: end.end }
  }
  return none
}
