/**
 * A real Word .docx made from a document's text (the `docx` package), as staff would receive it:
 * one paragraph a line, Markdown marks removed, tab-separated lines as a table.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'

import { cleanLine, isInitialsNoise } from '../../cms/import/text.ts'
import { pdfFromObjects } from './files.ts'

export async function docxFromText(text: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = []
  let rows: string[][] = []
  const flush = () => {
    if (!rows.length) return
    const width = Math.max(...rows.map((r) => r.length))
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map(
          (r) => new TableRow({ children: Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? '')] })) }),
        ),
      }),
    )
    rows = []
  }
  for (const raw of text.split('\n')) {
    if (raw.includes('\t')) {
      rows.push(raw.split('\t').map(cleanLine))
      continue
    }
    const line = cleanLine(raw)
    // Handwritten initials of the scan ("*ĐS*") are not in a Word file.
    if (!line || isInitialsNoise(raw)) continue
    // Stamp fragments between table rows stay out of the table, as blank space does in Word.
    if (rows.length && line.length <= 12 && line === line.toLocaleUpperCase('vi')) continue
    flush()
    children.push(new Paragraph({ children: [new TextRun(line)] }))
  }
  flush()
  return Packer.toBuffer(new Document({ sections: [{ children }] }))
}

/** A one-page PDF whose text layer holds `lines` (ASCII, Helvetica). */
export function pdfWithText(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`)
  const stream = `BT /F1 11 Tf 40 800 Td 14 TL ${lines.map((l) => `(${escape(l)}) '`).join(' ')} ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  return pdfFromObjects(objects)
}
