/** Small real files for upload tests, and their upload through Payload (as staff would). */
import type { Payload } from 'payload'

/** Uploads `data` to the media library; Payload and sharp process it as any staff upload. */
export const uploadMedia = (payload: Payload, file: { name: string; mimetype: string; data: Buffer; alt: string }) =>
  payload.create({
    collection: 'media',
    data: { alt: file.alt },
    file: { data: file.data, name: file.name, mimetype: file.mimetype, size: file.data.length },
    overrideAccess: true,
  })

/** A small valid PDF (one blank page, with a cross-reference table) carrying `marker` in its metadata. */
export function pdfBytes(marker: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Title (${marker}) >>`,
  ]
  return pdfFromObjects(objects, ' /Info 4 0 R')
}

/** A PDF file of numbered `objects` (1 is the catalogue), with its cross-reference table and trailer. */
export function pdfFromObjects(objects: string[], trailerExtra = ''): Buffer {
  let body = '%PDF-1.4\n'
  const offsets = objects.map((object, i) => {
    const offset = body.length
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
    return offset
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
