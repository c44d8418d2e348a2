/**
 * Every file uploaded to the media library, on create and on update with a new file (REST,
 * GraphQL has no uploads, the admin, the Local API):
 * - its type comes from its bytes (cms/lib/uploadTypes.ts); anything else is refused with a
 *   Vietnamese message and nothing is saved;
 * - its stored MIME type is the detected one, and its name gets the detected type's extension
 *   (`bao-cao.html` holding a PDF → `bao-cao.pdf`, `anh.png` holding a JPEG → `anh.jpg`), so a
 *   server that goes by the name serves what the file is;
 * - its name follows the portal's slug rule: "Phụ lục Kế hoạch số 38.pdf" → "phu-luc-ke-hoach-so-38.pdf".
 *   Public links stay readable and stable, and no name depends on how a browser or an OS
 *   encodes Vietnamese (NFC or NFD) in URLs.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import { APIError, ValidationError, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from '../lib/uploadLimits'
import {
  BROKEN_PDF_MESSAGE,
  EMPTY_UPLOAD_MESSAGE,
  UPLOAD_TYPE_MESSAGE,
  URL_UPLOAD_MESSAGE,
  detectUploadType,
  isCompletePdf,
  uploadTypes,
  type UploadMimeType,
} from '../lib/uploadTypes'
import { slugify } from '../lib/vietnamese'

/** `Phụ lục số 1.PDF` with extension `pdf` → `phu-luc-so-1.pdf`; the name's own extension is dropped. */
export const uploadFileName = (name: string, extension: string) =>
  `${slugify(path.basename(name, path.extname(name))) || 'tep'}.${extension}`

/** A refusal shown on the file field of the admin form, in Vietnamese. */
const refuse = (req: PayloadRequest, message: string) =>
  new ValidationError({ collection: 'media', errors: [{ message, path: 'file', label: { vi: 'Tệp', en: 'File' } }], req }, req.t)

export const uploadedFileByContent: CollectionBeforeOperationHook = async ({ args, operation }) => {
  const req = args.req as PayloadRequest | undefined
  if (!req || (operation !== 'create' && operation !== 'update')) return args
  // `{ filename, url }` in a create makes Payload fetch the file from that address, past this
  // check and under the name given: files come from the uploader's own machine only.
  const body = req.data as { filename?: unknown; url?: unknown } | undefined
  if (operation === 'create' && !req.file && !args.duplicateFromID && typeof body?.url === 'string' && typeof body?.filename === 'string') {
    throw refuse(req, URL_UPLOAD_MESSAGE)
  }
  const file = req.file
  if (!file) return args

  const size = file.size || file.data?.length || 0
  if (size > MAX_UPLOAD_BYTES) throw new APIError(UPLOAD_TOO_LARGE_MESSAGE, 413, undefined, true)
  if (size === 0) throw refuse(req, EMPTY_UPLOAD_MESSAGE)

  const type = await detectUploadType(file)
  if (!type) throw refuse(req, UPLOAD_TYPE_MESSAGE)
  if (type.mime === 'application/pdf') {
    const data = file.data?.length ? file.data : await fs.readFile(file.tempFilePath as string)
    if (!isCompletePdf(data)) throw refuse(req, BROKEN_PDF_MESSAGE)
  }

  file.mimetype = type.mime
  file.name = uploadFileName(file.name || 'tep', type.ext)
  return args
}

/**
 * Last check before a new file is written, whatever brought it (an upload, a duplicate, a
 * path this hook does not know yet): its stored type is an accepted one and its name ends
 * with that type's extension. Runs only when a file is being stored, so editing the alt text
 * of an older file never trips on it.
 */
export const storedFileMatchesType: CollectionBeforeChangeHook = ({ data, req }) => {
  if (!req.file || typeof data.filename !== 'string') return data
  const extension = uploadTypes[data.mimeType as UploadMimeType]
  if (!extension || path.extname(data.filename) !== `.${extension}`) throw refuse(req, UPLOAD_TYPE_MESSAGE)
  return data
}

/**
 * `upload.externalFileHeaderFilter`: Payload calls it right before fetching a file from a URL
 * (a create with `{ filename, url }`, GraphQL included, which the hook above cannot see).
 * Throwing here means the CMS never fetches it; uploadErrors.ts turns the error into a 400.
 */
export const refuseFileFromUrl = (): Record<string, string> => {
  throw new APIError(URL_UPLOAD_MESSAGE, 400, undefined, true)
}
