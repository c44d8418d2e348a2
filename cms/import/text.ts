/**
 * Line-level clean-up shared by the parsers: the source texts come from OCR, Markdown exports,
 * Word and PDF, so headings marks (#, **), leftover HTML tags of table cells, stamp fragments
 * and handwritten initials (*Trần*) are removed before anything is read.
 */
import { foldVietnamese } from '../lib/vietnamese.ts'

/** NFC, one kind of line break, no non-breaking or zero-width spaces. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060]/g, '')
    .replace(/[ \t]+\n/g, '\n')
}

/** One line without Markdown emphasis/heading marks, HTML tags or trailing initials. */
export function cleanLine(line: string): string {
  return line
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/([.;:!?])\s*(?:\/\s*)?\*[^*\n]{1,12}\*\s*$/, '$1')
    .replace(/\*\*/g, '')
    .replace(/(^|\s)\*(\S[^*\n]*?\S|\S)\*(?=\s|$|[.,;:])/g, '$1$2')
    .replace(/^\*\s+(?=\S)/, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
}

/** A handwritten initial or signature fragment on its own line: "*ĐS*", "*Uy*". */
export function isInitialsNoise(raw: string): boolean {
  return /^\s*\*[^*\s][^*]{0,10}\*\s*$/.test(raw)
}

/** Case- and mark-insensitive key for comparing names: "Ủy ban" ~ "UY BAN", "–" ~ "-". */
export function foldKey(text: string): string {
  return foldVietnamese(text)
    .toLowerCase()
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/[“”"'‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const letters = /\p{L}/u
/** True when the line has letters and none of them is lower-case. */
export function isUpperCaseLine(text: string): boolean {
  return letters.test(text) && text === text.toLocaleUpperCase('vi')
}

/** "PHÓ CHỦ TỊCH" → "Phó chủ tịch" (callers fix proper names afterwards). */
export function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('vi')
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1)
}

export function capitalizeFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1)
}

/** "NGUYỄN ĐỖ ĐÌNH TRỌNG" → "Nguyễn Đỗ Đình Trọng". */
export function titleCaseWords(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => capitalizeFirst(w))
    .join(' ')
}

/** "thi đua- khen" → "thi đua - khen": a hyphen between words is spaced on both sides. */
export function spaceHyphens(text: string): string {
  return text.replace(/(\p{L})\s*-\s+(?=\p{L})|(\p{L})\s+-\s*(?=\p{L})/gu, (_m, a, b) => `${a ?? b} - `)
}

/** A paragraph is a run of non-empty lines; returns each paragraph's lines joined by a space. */
export function joinWrapped(lines: string[]): string {
  return lines.map((l) => l.trim()).filter(Boolean).join(' ').replace(/\s+/g, ' ').trim()
}

/** Strip one trailing ";" or "," (list items) and surrounding spaces. */
export function stripListPunctuation(text: string): string {
  return text.replace(/\s*[;,]\s*$/, '').trim()
}
