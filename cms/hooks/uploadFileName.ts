/**
 * Uploaded files get a plain ASCII name by the portal's slug rule: "Phụ lục Kế hoạch số 38.pdf"
 * → "phu-luc-ke-hoach-so-38.pdf". Public links to attachments stay readable and stable, and
 * no file name depends on how a browser or an OS encodes Vietnamese (NFC or NFD) in URLs.
 */
import path from 'node:path'

import type { CollectionBeforeOperationHook } from 'payload'

import { slugify } from '../lib/vietnamese'

export const uploadFileNameAsSlug: CollectionBeforeOperationHook = ({ args, operation }) => {
  const file = args.req?.file
  if ((operation === 'create' || operation === 'update') && file?.name) {
    const extension = path.extname(file.name)
    file.name = `${slugify(path.basename(file.name, extension)) || 'tep'}${extension.toLowerCase()}`
  }
  return args
}
