/**
 * Vietnamese text folding: the one rule used for slugs (CMS), search (site) and tests.
 * Tone and vowel marks decompose under NFD; đ/Đ (U+0111/U+0110) do not, so they are mapped
 * explicitly — Pagefind and plain NFD folding both miss them.
 */
export function foldVietnamese(text: string): string {
  return foldDStroke(text.normalize('NFD').replace(/\p{M}+/gu, '')).normalize('NFC')
}

/**
 * Only đ → d and Đ → D, keeping tone marks and the string's length: the search index folds
 * tones itself but not đ, and a same-length fold lets the portal restore the original text
 * of an excerpt from the positions of the letters it changed.
 */
export function foldDStroke(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D')
}

/** "Tháng khuyến học 2023" → "thang-khuyen-hoc-2023"; "Đơn vị" → "don-vi". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/g, '')
}

/** A slug is lower-case ASCII letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Vietnamese alphabetical order, the one used for every list: letters compare by base letter
 * (tone marks only break ties), digits as numbers ("Tổ 2" before "Tổ 10").
 */
// `@__PURE__`: the search page's browser script imports this file (for foldDStroke); unused
// formatters are then left out of its bundle.
const vietnameseCollator = /* @__PURE__ */ new Intl.Collator('vi', { sensitivity: 'base', numeric: true })
export const compareVietnamese = (a: string, b: string): number => vietnameseCollator.compare(a, b)

// Formatters are costly to create, and the portal formats thousands of numbers per build: one per option.
const numberFormats = new Map<number, Intl.NumberFormat>()
const numberFormat = (maximumFractionDigits: number) => {
  let format = numberFormats.get(maximumFractionDigits)
  if (!format) numberFormats.set(maximumFractionDigits, (format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits })))
  return format
}

/** 99.32 → "99,32" (Vietnamese decimal comma, dot for thousands). */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return numberFormat(maximumFractionDigits).format(value)
}

export function formatPercent(value: number): string {
  return `${numberFormat(2).format(value)}%`
}

const vietnamDateParts = /* @__PURE__ */ new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: 'numeric',
  year: 'numeric',
})

const vietnamDayParts = /* @__PURE__ */ new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar day in Vietnam (UTC+7) of an instant, as "YYYY-MM-DD". */
export function vietnamCalendarDay(date: Date): string {
  const parts = vietnamDayParts.formatToParts(date)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** 2026-04-04 → "04/4/2026": Vietnamese documents pad the day but not the month. */
export function formatDate(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value
  const parts = vietnamDateParts.formatToParts(d)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('day')}/${get('month')}/${get('year')}`
}
