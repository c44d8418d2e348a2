/**
 * The opening of a document: number and symbol ("Số: 38/KH-HĐTĐKT"), place and date
 * ("Thái Bình, ngày 04 tháng 4 năm 2023"), the issuing body's lines above them, the kind of
 * document ("KẾ HOẠCH", "QUYẾT ĐỊNH", a dispatch's "V/v …") and its title (trích yếu).
 */
import { isDocumentNumber } from '../lib/documentNumber.ts'
import { isoDate } from './dates.ts'
import { capitalizeFirst, cleanLine, foldKey, isUpperCaseLine, joinWrapped, sentenceCase, spaceHyphens } from './text.ts'
import type { DocumentType } from './types.ts'

export type Header = {
  number: string | null
  /** The number as printed when it is not a complete number ("/KH-KTĐ"). */
  numberText: string | null
  type: DocumentType | null
  title: string | null
  place: string | null
  issueDate: string | null
  issueDateText: string | null
  /** Upper-case lines naming the issuer above the number ("THỦ TƯỚNG CHÍNH PHỦ"). */
  issuerLines: string[]
  /** Index (in the lines) where the body starts. */
  bodyStart: number
}

const typeWords: [string, DocumentType][] = [
  ['ke hoach', 'plan'],
  ['quyet dinh', 'decision'],
  ['chi thi', 'directive'],
  ['huong dan', 'guidance'],
  ['nghi quyet', 'resolution'],
  ['thong bao', 'notice'],
  ['bao cao', 'report'],
  ['cong van', 'dispatch'],
]

/** The symbol's first part names the kind: 38/KH-… is a plan, 1315/QĐ-… a decision. */
const symbolTypes: Record<string, DocumentType> = { kh: 'plan', qd: 'decision', ct: 'directive', hd: 'guidance', nq: 'resolution', tb: 'notice', bc: 'report' }

const MOTTO = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc/gi

export const NUMBER_LINE = /^Số\s*:?\s*(.*)$/

/** "6418 /VP-VX" → "6418/VP-VX"; null unless it is a whole document number. */
export function normalizeNumber(text: string): string | null {
  const value = text.replace(/\s*([/-])\s*/g, '$1').replace(/[.,;]+$/, '').trim()
  return isDocumentNumber(value) ? value : null
}

const DATE_LINE = /^(?:(.{2,40}?),\s*)?ngày\s*([\d.…\s]*?)\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})\s*$/i

export function typeOf(text: string): DocumentType | null {
  const key = foldKey(text)
  for (const [word, type] of typeWords) if (key === word || key.startsWith(`${word} `)) return type
  return null
}

export function parseHeader(lines: string[]): Header {
  const header: Header = { number: null, numberText: null, type: null, title: null, place: null, issueDate: null, issueDateText: null, issuerLines: [], bodyStart: 0 }
  const cleaned = lines.map(cleanLine)
  // The opening ends where the body begins: the first "Căn cứ"/"Thực hiện" or a section heading.
  let limit = cleaned.findIndex((l) => /^(Căn cứ|Kính gửi|I\.\s)/u.test(l) || /^Thực hiện\s+(?:Luật|Nghị|Quyết định|Chỉ thị|Kết luận|Kế hoạch số|Công văn|Thông|Hướng dẫn)/u.test(l))
  if (limit < 0) limit = Math.min(cleaned.length, 40)
  let numberIndex = -1
  let typeIndex = -1
  let titleEnd = -1
  for (let i = 0; i < limit; i++) {
    const line = cleaned[i]
    if (!line) continue
    const num = line.match(NUMBER_LINE)
    if (num && numberIndex < 0) {
      numberIndex = i
      header.number = normalizeNumber(num[1])
      header.numberText = num[1].trim() || null
      continue
    }
    const date = line.match(DATE_LINE)
    if (date && !header.issueDateText) {
      const place = date[1]?.trim()
      if (place && place.split(/\s+/).length <= 5 && !/\d/.test(place)) header.place = place
      const day = date[2].replace(/[.…\s]/g, '')
      header.issueDate = day ? isoDate(Number(date[4]), Number(date[3]), Number(day)) : null
      header.issueDateText = `ngày ${day || '…'} tháng ${date[3]} năm ${date[4]}`
      titleEnd = Math.max(titleEnd, i)
      continue
    }
    if (/^V\/v\b/i.test(line) && !header.title) {
      const paragraph = [line.replace(/^V\/v\.?\s*/i, '')]
      let j = i + 1
      while (j < limit && cleaned[j] && !NUMBER_LINE.test(cleaned[j]) && !DATE_LINE.test(cleaned[j])) paragraph.push(cleaned[j++])
      header.title = capitalizeFirst(joinWrapped(paragraph))
      header.type ??= 'dispatch'
      titleEnd = Math.max(titleEnd, j - 1)
      continue
    }
    const type = isUpperCaseLine(line) ? typeOf(line) : null
    if (type && typeIndex < 0) {
      typeIndex = i
      header.type = type
      const rest = line.replace(/^\S+\s+\S+\s*/, '')
      if (rest) {
        header.title = spaceHyphens(sentenceCase(rest))
        titleEnd = Math.max(titleEnd, i)
      } else {
        // The title is the next paragraph.
        let j = i + 1
        while (j < limit && !cleaned[j]) j++
        const paragraph: string[] = []
        while (j < limit && cleaned[j] && !isUpperCaseLine(cleaned[j])) paragraph.push(cleaned[j++])
        if (paragraph.length) {
          header.title = capitalizeFirst(joinWrapped(paragraph))
          titleEnd = Math.max(titleEnd, j - 1)
        } else {
          // A title in capitals ("CÔNG TÁC THI ĐUA NĂM 2023") on the next line.
          if (j < limit && cleaned[j] && isUpperCaseLine(cleaned[j]) && !typeOf(cleaned[j])) {
            header.title = spaceHyphens(sentenceCase(cleaned[j]))
            titleEnd = Math.max(titleEnd, j)
          }
        }
      }
      continue
    }
    if (numberIndex < 0 && typeIndex < 0 && isUpperCaseLine(line)) {
      const issuer = line.replace(MOTTO, '').replace(/\s+/g, ' ').trim()
      if (issuer && !/^[-–\s]*$/.test(issuer)) header.issuerLines.push(issuer)
    }
  }
  if (!header.type && header.number) {
    const symbol = foldKey(header.number.split(/[/]/).slice(-1)[0].split('-')[0])
    header.type = symbolTypes[symbol] ?? null
  }
  header.bodyStart = Math.max(titleEnd, numberIndex, typeIndex) + 1
  return header
}

/** The single year a document covers (its date's, or its title's), or null when it spans several years. */
export function singleYear(header: Header): number | null {
  const range = header.title?.match(/(\d{4})\s*[-–]\s*(\d{4})/)
  if (range && range[1] !== range[2]) return null
  return documentYear(header)
}

export function documentYear(header: Header): number | null {
  const fromDate = header.issueDateText?.match(/(\d{4})$/)?.[1]
  const fromTitle = header.title?.match(/năm\s+(\d{4})/)?.[1]
  const value = fromDate ?? fromTitle
  return value ? Number(value) : null
}
