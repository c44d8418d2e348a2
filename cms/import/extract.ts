/**
 * The text of an uploaded file, by its content (never its name): Word .docx (mammoth, tables kept
 * as tab-separated rows), PDF with a text layer (unpdf, offline), plain text. Refused with a
 * Vietnamese message, nothing read: another type, an empty or oversized file, a scanned PDF,
 * text in a legacy Vietnamese encoding.
 */
import { fileTypeFromBuffer } from 'file-type'
import { ELEMENT_NODE, parse, TEXT_NODE, type Node } from 'ultrahtml'

import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from '../lib/uploadLimits.ts'
import { decodeText, detectLegacyEncoding, ImportError, LEGACY_ENCODING_MESSAGE } from './encoding.ts'
import { normalizeText } from './text.ts'

export { ImportError } from './encoding.ts'

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export type SourceFormat = 'docx' | 'pdf' | 'txt'

export const IMPORT_TYPE_MESSAGE =
  'Chỉ nhập được tệp Word (.docx), PDF có lớp chữ hoặc văn bản thuần (.txt). Loại tệp được xác định theo nội dung tệp, không theo tên.'
export const OLD_WORD_MESSAGE = 'Tệp Word cũ (.doc) không đọc được. Hãy mở trong Word và lưu lại thành .docx rồi nhập lại.'
export const SCANNED_PDF_MESSAGE =
  'Tệp PDF này là bản quét (ảnh), không có lớp chữ nên không đọc được nội dung. Hãy dùng bản PDF xuất từ Word, tệp .docx, hoặc nhận dạng chữ (OCR) trước khi nhập.'
export const EMPTY_IMPORT_MESSAGE = 'Tệp rỗng hoặc không có chữ. Hãy chọn lại tệp.'
export const BROKEN_FILE_MESSAGE = 'Tệp bị hỏng hoặc không trọn vẹn nên không đọc được. Hãy xuất lại tệp rồi nhập lại.'

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li'])

function textOf(node: Node): string {
  if (node.type === TEXT_NODE) return node.value
  if (node.type !== ELEMENT_NODE && node.type !== 0) return ''
  const inner = (node.children ?? []).map(textOf).join(node.type === ELEMENT_NODE && BLOCKS.has(node.name) ? '' : ' ')
  return inner
}

const decodeEntities = (s: string) =>
  s.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

/** mammoth's HTML as lines: one a paragraph, blank lines between, table rows as tab-separated cells. */
export function htmlToLines(html: string): string {
  const out: string[] = []
  const flat = (s: string) => decodeEntities(s).replace(/\s+/g, ' ').trim()
  const walk = (node: Node, listMarker?: () => string) => {
    if (node.type !== ELEMENT_NODE) {
      for (const child of node.children ?? []) walk(child, listMarker)
      return
    }
    if (node.name === 'table') {
      const rows: Node[] = []
      const collect = (n: Node) => (n.type === ELEMENT_NODE && n.name === 'tr' ? rows.push(n) : (n.children ?? []).forEach(collect))
      collect(node)
      for (const tr of rows) {
        const cells = (tr.children ?? []).filter((c: Node) => c.type === ELEMENT_NODE && (c.name === 'td' || c.name === 'th'))
        out.push(cells.map((c: Node) => flat(textOf(c))).join('\t'), '')
      }
      return
    }
    if (node.name === 'ol' || node.name === 'ul') {
      let n = 0
      const marker = node.name === 'ol' ? () => `${++n}. ` : () => '- '
      for (const child of node.children ?? []) walk(child, marker)
      return
    }
    if (BLOCKS.has(node.name)) {
      const text = flat(textOf(node))
      if (text) out.push(`${node.name === 'li' && listMarker ? listMarker() : ''}${text}`, '')
      return
    }
    for (const child of node.children ?? []) walk(child, listMarker)
  }
  walk(parse(html))
  return out.join('\n')
}

async function docxText(data: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default
  try {
    const { value } = await mammoth.convertToHtml({ buffer: data })
    return htmlToLines(value)
  } catch {
    throw new ImportError('broken', BROKEN_FILE_MESSAGE)
  }
}

async function pdfText(data: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf')
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data))
    const { text } = await extractText(pdf, { mergePages: false })
    return text.join('\n\n')
  } catch {
    throw new ImportError('broken', BROKEN_FILE_MESSAGE)
  }
}

/** The file's text, NFC, with its detected format. */
export async function extractText(data: Buffer): Promise<{ text: string; format: SourceFormat; mime: string }> {
  if (!data.length) throw new ImportError('empty', EMPTY_IMPORT_MESSAGE)
  if (data.length > MAX_UPLOAD_BYTES) throw new ImportError('too-large', UPLOAD_TOO_LARGE_MESSAGE)
  // A byte-order mark means text (file-type takes UTF-16's FF FE for an MP3 frame).
  const utf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)
  const bom = utf16 || (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
  const type = bom ? undefined : await fileTypeFromBuffer(data)
  let text: string
  let format: SourceFormat
  let mime: string
  if (type?.mime === DOCX_MIME) {
    ;[text, format, mime] = [await docxText(data), 'docx', DOCX_MIME]
  } else if (type?.mime === 'application/pdf') {
    text = await pdfText(data)
    if (text.replace(/\s+/g, '').length < 20) throw new ImportError('scanned', SCANNED_PDF_MESSAGE)
    ;[format, mime] = ['pdf', 'application/pdf']
  } else if (type?.mime === 'application/x-cfb') {
    throw new ImportError('old-word', OLD_WORD_MESSAGE)
  } else if (type || (!utf16 && data.includes(0))) {
    throw new ImportError('type', IMPORT_TYPE_MESSAGE)
  } else {
    ;[text, format, mime] = [decodeText(data), 'txt', 'text/plain']
  }
  text = normalizeText(text)
  if (!text.trim()) throw new ImportError('empty', EMPTY_IMPORT_MESSAGE)
  const legacy = detectLegacyEncoding(text)
  if (legacy) throw new ImportError('legacy-encoding', LEGACY_ENCODING_MESSAGE(legacy))
  return { text, format, mime }
}
