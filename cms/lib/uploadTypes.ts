/**
 * What a media file is, read from its bytes (file-type, the detector Payload itself uses),
 * never from its name or the browser's Content-Type: a PDF named `x.html` would otherwise be
 * stored as `x.html` and served as a web page. Only images sharp can process (no SVG, which
 * can carry scripts) and PDF are accepted; each keeps the extension of its detected type.
 */
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'

/** Accepted MIME types and the extension a stored file of that type gets. */
export const uploadTypes = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
  'image/tiff': 'tif',
  'application/pdf': 'pdf',
} as const

export type UploadMimeType = keyof typeof uploadTypes

export const acceptedUploadMimeTypes = Object.keys(uploadTypes) as UploadMimeType[]

export const UPLOAD_TYPE_MESSAGE =
  'Chỉ nhận ảnh JPEG, PNG, WebP, AVIF, GIF, TIFF hoặc tệp PDF. Loại tệp được xác định theo nội dung tệp, không theo tên hay phần mở rộng.'
export const EMPTY_UPLOAD_MESSAGE = 'Tệp tải lên rỗng (0 byte). Hãy chọn lại tệp.'
export const URL_UPLOAD_MESSAGE = 'CMS không tải tệp từ một địa chỉ web. Hãy tải tệp về máy rồi tải lên trực tiếp.'
export const BROKEN_PDF_MESSAGE = 'Tệp PDF bị hỏng hoặc không trọn vẹn (thiếu phần kết thúc). Hãy xuất lại tệp PDF rồi tải lên.'

type UploadedFile = { data?: Buffer; tempFilePath?: string }

/** The accepted type of `file` by its content, or undefined when it is not one of them. */
export async function detectUploadType(file: UploadedFile): Promise<{ mime: UploadMimeType; ext: string } | undefined> {
  const detected =
    file.tempFilePath && !file.data?.length ? await fileTypeFromFile(file.tempFilePath) : file.data ? await fileTypeFromBuffer(file.data) : undefined
  if (!detected || !(detected.mime in uploadTypes)) return undefined
  const mime = detected.mime as UploadMimeType
  return { mime, ext: uploadTypes[mime] }
}

/**
 * A PDF whose start and end are there (Payload refuses it otherwise, in English): `%PDF-` and,
 * within the last KB, `%%EOF` and the cross-reference (`xref`/`startxref`). A cut-off transfer fails.
 */
export function isCompletePdf(data: Buffer): boolean {
  const tail = data.subarray(Math.max(0, data.length - 1024)).toString('latin1')
  return data.subarray(0, 5).toString('latin1') === '%PDF-' && tail.includes('%%EOF') && tail.includes('xref')
}

// ── Spreadsheets (figures import, cms/figures/) ─────────────────────────────
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const SPREADSHEET_TYPE_MESSAGE =
  'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (mã UTF-8). Loại tệp được xác định theo nội dung tệp, không theo tên hay phần mở rộng.'
export const OLD_EXCEL_MESSAGE =
  'Tệp Excel 97–2003 (.xls) chưa được hỗ trợ. Hãy mở tệp và lưu lại thành “Excel Workbook (.xlsx)” rồi tải lên.'

/**
 * An uploaded spreadsheet by its content: an .xlsx workbook (a ZIP file-type recognises as
 * one), or CSV — text has no signature, so anything that is valid UTF-8 without NUL bytes.
 */
export async function detectSpreadsheetType(data: Buffer): Promise<{ kind: 'xlsx' | 'csv' } | { kind: 'refused'; message: string }> {
  if (data.length === 0) return { kind: 'refused', message: EMPTY_UPLOAD_MESSAGE }
  const detected = await fileTypeFromBuffer(data)
  if (detected?.mime === XLSX_MIME) return { kind: 'xlsx' }
  if (detected?.mime === 'application/x-cfb') return { kind: 'refused', message: OLD_EXCEL_MESSAGE }
  if (detected) return { kind: 'refused', message: SPREADSHEET_TYPE_MESSAGE }
  if (data.includes(0)) return { kind: 'refused', message: SPREADSHEET_TYPE_MESSAGE }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    return { kind: 'refused', message: SPREADSHEET_TYPE_MESSAGE }
  }
  return { kind: 'csv' }
}
