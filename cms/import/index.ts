/**
 * The document importer: text in, proposed documents out. Pure — it reads and saves nothing;
 * the CMS endpoint, the admin view, the CLI and the benchmark all call `proposeDocuments`.
 */
import { toBlocks, type Block } from './blocks.ts'
import { parseLegalBasis } from './citations.ts'
import { documentYear, parseHeader, singleYear } from './header.ts'
import { parseIssuers } from './issuers.ts'
import { parseRecipients } from './recipients.ts'
import { splitDocuments } from './segment.ts'
import { parseSigner } from './signer.ts'
import { parseTasks } from './tasks.ts'
import { foldKey, normalizeText } from './text.ts'
import { emptyContext, type ImportContext, type ProposedDocument, type ProposedSection } from './types.ts'

export type { ImportContext, ProposedDocument } from './types.ts'

function sections(blocks: Block[], end: number): ProposedSection[] {
  const out: ProposedSection[] = []
  let current: ProposedSection = { heading: null, text: '' }
  for (const b of blocks.slice(0, end)) {
    if (b.kind === 'roman' || b.kind === 'part') {
      if (current.heading || current.text) out.push(current)
      current = { heading: b.full, text: '' }
    } else current.text += `${current.text ? '\n\n' : ''}${b.full}`
  }
  if (current.heading || current.text) out.push(current)
  return out
}

export function proposeDocument(lines: string[], context: ImportContext = emptyContext): ProposedDocument {
  const header = parseHeader(lines)
  const blocks = toBlocks(lines.slice(header.bodyStart), header.bodyStart)
  const province = header.place && !/^Hà Nội$/u.test(header.place) ? header.place : null
  const { recipients, start, end } = parseRecipients(blocks, context, province)
  const warnings: string[] = []
  if (!header.number) warnings.push(header.numberText ? `Số văn bản in chưa đầy đủ: “Số: ${header.numberText}”.` : 'Văn bản không ghi số, ký hiệu.')
  if (!header.issueDate) warnings.push(header.issueDateText ? `Ngày ban hành in chưa đầy đủ: “${header.issueDateText}”.` : 'Văn bản không ghi ngày ban hành.')
  // An appendix "(Kèm theo Kế hoạch số 338 /KH-…)" whose number differs from the document's.
  for (const b of blocks) {
    const m = b.full.match(/Kèm theo\s+\S+(?:\s+\S+)?\s+số\s+(\d+\s*\/\s*[\p{L}\d-]+)/u)
    if (m && header.number && foldKey(m[1].replace(/\s+/g, '')) !== foldKey(header.number)) {
      warnings.push(`Phụ lục ghi “${m[1]}”, khác số văn bản ${header.number}.`)
    }
  }
  return {
    number: header.number,
    type: header.type,
    title: header.title,
    issueDate: header.issueDate,
    issueDateText: header.issueDateText,
    year: documentYear(header),
    place: header.place,
    issuers: parseIssuers(header.issuerLines, blocks, context, province),
    signer: parseSigner(blocks, end, start, context),
    legalBasis: parseLegalBasis(blocks, context, province),
    tasks: parseTasks(blocks, { context, province, year: singleYear(header) }),
    recipients,
    sections: sections(blocks, start >= 0 ? start : blocks.length),
    sourceText: lines.join('\n').trim(),
    warnings,
  }
}

/** Every document in a text (NFC-normalised first). */
export function proposeDocuments(text: string, context: ImportContext = emptyContext): ProposedDocument[] {
  return splitDocuments(normalizeText(text)).map((lines) => proposeDocument(lines, context))
}
