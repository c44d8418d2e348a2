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

const percentFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** 99.32 → "99,32" (Vietnamese decimal comma, dot for thousands). */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits }).format(value)
}

export function formatPercent(value: number): string {
  return `${percentFormat.format(value)}%`
}

/** 2026-04-04 → "04/4/2026": Vietnamese documents pad the day but not the month. */
export function formatDate(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(d)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('day')}/${get('month')}/${get('year')}`
}
