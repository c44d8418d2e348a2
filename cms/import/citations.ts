/**
 * The legal basis: the opening "Căn cứ …" / "Thực hiện …" paragraphs, one citation per
 * document they name (number, date, issuer, title), including a document named inside another's
 * title ("Kết luận 49-KL/TW … về tiếp tục thực hiện Chỉ thị số 11-CT/TW …"), once each. Footnote
 * marks (¹ ² ³) take their title from the footnote text.
 */
import { parseDate } from './dates.ts'
import { normalizeNumber } from './header.ts'
import { foldKey } from './text.ts'
import type { Block } from './blocks.ts'
import type { ImportContext, ProposedCitation } from './types.ts'

const DOC_TYPES = 'Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Chỉ thị|Kết luận|Thông tư liên tịch|Thông tư|Kế hoạch|Công văn|Hướng dẫn|Thông báo|Quy định|Quy chế|Chương trình|Đề án'
const STARTS_WITH_TYPE = new RegExp(`^(?:Căn cứ|Thực hiện)?\\s*(?:${DOC_TYPES})(?=[\\s,]|$)`, 'u')
const NESTED = new RegExp(`(?:${DOC_TYPES})\\s+(?:số\\s+)?\\d{1,6}(?:\\/\\d{4})?\\s*[/-]\\s*\\p{L}`, 'gu')
// "… của Luật A và Luật B": one law amending two, not two citations.
const OF_TYPE = new RegExp(`của\\s+(?:${DOC_TYPES})(?:(?!ngày).)*$`, 'u')
const NUMBER = /^(?:số\s+)?(\d{1,6}(?:\/\d{4})?\s*[/-]\s*[\p{L}\d]+(?:[-/&.][\p{L}\d]+)*)/u
const SUPERSCRIPTS = '¹²³⁴⁵⁶⁷⁸⁹⁰'
const ISSUER_END = /\s(?:về|phê duyệt|[Bb]an hành|thực hiện|triển khai|hướng dẫn|quy định)\s/u

/** Split at ";" "," or " và " outside quotes and parentheses. */
function clauses(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '“' || c === '(') depth++
    else if ((c === '”' || c === ')') && depth > 0) depth--
    else if (c === '"') depth = depth ? depth - 1 : depth + 1
    else if (depth === 0 && (c === ';' || c === ',')) {
      out.push(text.slice(start, i))
      start = i + 1
    } else if (depth === 0 && text.startsWith(' và ', i) && STARTS_WITH_TYPE.test(text.slice(i + 4)) && !OF_TYPE.test(text.slice(start, i))) {
      out.push(text.slice(start, i))
      start = i + 4
    }
  }
  out.push(text.slice(start))
  return out.map((c) => c.trim()).filter(Boolean)
}

function withProvince(issuer: string, province: string | null): string {
  return province && /\stỉnh$/u.test(issuer) ? `${issuer} ${province}` : issuer
}

/** One citation's text: "Quyết định số 1373/QĐ-TTg ngày 30 tháng 7 năm 2021 của Thủ tướng Chính phủ phê duyệt …". */
export function parseCitation(text: string, province: string | null): Omit<ProposedCitation, 'plan'> & { footnote: string | null } {
  let body = text.replace(/^(?:Căn cứ|Thực hiện)\s+/u, '').replace(/[.;,]+$/, '').trim()
  const foot = body.match(new RegExp(`([${SUPERSCRIPTS}]+)$`))
  body = body.replace(new RegExp(`[${SUPERSCRIPTS}]+`, 'g'), '').trim()
  const type = body.match(new RegExp(`^(?:${DOC_TYPES})`, 'u'))?.[0] ?? ''
  const afterType = body.slice(type.length).trim()
  const num = afterType.match(NUMBER)
  const number = num ? normalizeNumber(num[1]) : null
  // "Luật sửa đổi … của Luật …": a law's "của" is part of its name; the National Assembly passes laws.
  const isLaw = /^(?:Luật|Bộ luật)$/u.test(type)
  const ofIndex = isLaw && !number ? -1 : body.search(/\scủa\s/u)
  const beforeOf = ofIndex >= 0 ? body.slice(0, ofIndex) : body
  const date = parseDate(beforeOf)
  let issuer: string | null = null
  let title: string | null = null
  if (ofIndex >= 0) {
    const rest = body.slice(ofIndex + 5)
    const end = rest.search(ISSUER_END)
    issuer = (end >= 0 ? rest.slice(0, end) : rest).trim()
    title = end >= 0 ? rest.slice(end + 1).trim() : null
  }
  if (!number) {
    // A law or a resolution named without a number: its name is the title.
    const name = beforeOf.replace(/,?\s*ngày\s.*$/u, '').trim()
    if (name && name !== type) title = title ? `${name} ${title}` : name
    if (!issuer && isLaw) issuer = 'Quốc hội'
  }
  return { number, date, issuer: issuer ? withProvince(issuer, province) : null, title: title || null, footnote: foot?.[1] ?? null }
}

/** Footnotes: a line starting with a superscript number ("¹ về …"). */
function footnotes(blocks: Block[]): Map<string, string> {
  const notes = new Map<string, string>()
  for (const b of blocks) {
    const m = b.full.match(new RegExp(`^([${SUPERSCRIPTS}]+)\\s*(.+)$`))
    if (m) notes.set(m[1], m[2].trim())
  }
  return notes
}

/** The opening paragraphs that cite the documents a document is based on. */
export function openingCitations(blocks: Block[]): Block[] {
  const out: Block[] = []
  for (const b of blocks) {
    if (b.kind === 'text' && /^(Căn cứ|Thực hiện)\s/u.test(b.full)) out.push(b)
    else if (out.length && (b.kind !== 'text' || !/^[\p{Lu}\s]+$/u.test(b.full))) break
  }
  return out
}

export function parseLegalBasis(blocks: Block[], context: ImportContext, province: string | null): ProposedCitation[] {
  const notes = footnotes(blocks)
  const result: ProposedCitation[] = []
  const seen = new Set<string>()
  const add = (c: ReturnType<typeof parseCitation>) => {
    if (c.number) {
      const k = foldKey(c.number)
      if (seen.has(k)) return
      seen.add(k)
    }
    const plan = c.number ? context.plans.find((p) => p.documentNumber && foldKey(p.documentNumber) === foldKey(c.number!))?.key ?? null : null
    result.push({ number: c.number, date: c.date, issuer: c.issuer, title: c.title, plan })
  }
  for (const paragraph of openingCitations(blocks)) {
    let current: string | null = null
    const items: string[] = []
    for (const clause of clauses(paragraph.full.replace(/[.:]$/, ''))) {
      if (STARTS_WITH_TYPE.test(clause)) {
        if (current) items.push(current)
        current = clause
      } else if (current && /^\p{Ll}/u.test(clause) && !/^đồng chí(?=\s)/u.test(clause)) {
        current = `${current}, ${clause}`
      } else {
        // The issuing statement ("Hội đồng … ban hành Kế hoạch …") ends the citations.
        break
      }
    }
    if (current) items.push(current)
    for (const item of items) {
      const citation = parseCitation(item, province)
      const nested = [...(citation.title ?? '').matchAll(NESTED)].map((m) => parseCitation(citation.title!.slice(m.index), province))
      const note = citation.footnote ? notes.get(citation.footnote) ?? null : null
      // A footnote after a nested citation describes the nested document.
      const target = nested.length ? nested[nested.length - 1] : citation
      if (note && !target.title) target.title = note
      add(citation)
      for (const n of nested) add(n)
    }
  }
  return result
}
