import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CollectionConfig } from 'payload'

import { editors, editorsOrMediaNotPublished, publishedMediaOrStaff, staff } from '../access'
import { illustrativeField, seedKeyField } from '../fields/common'
import { refuseFileFromUrl, storedFileMatchesType, uploadedFileByContent } from '../hooks/uploadFileName'
import { t } from '../fields/labels'
import { validateAlt } from '../fields/validators'
import { acceptedUploadMimeTypes } from '../lib/uploadTypes'
import { portalRebuildHooks } from '../publishing/hooks'

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: t('Tệp đa phương tiện', 'Media'), plural: t('Thư viện ảnh, tệp', 'Media') },
  admin: { group: t('Nội dung', 'Content'), useAsTitle: 'alt' },
  // Authors upload new files; a file a published document uses changes only through an editor.
  access: { read: publishedMediaOrStaff, create: staff, update: editorsOrMediaNotPublished, delete: editors },
  hooks: {
    ...portalRebuildHooks,
    beforeOperation: [uploadedFileByContent],
    beforeChange: [...portalRebuildHooks.beforeChange, storedFileMatchesType],
  },
  upload: {
    staticDir: process.env.MEDIA_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.data/media'),
    // Checked against the detected type (uploadedFileByContent): never SVG, never a name's claim.
    mimeTypes: acceptedUploadMimeTypes,
    // Files come from the uploader's machine; the CMS fetches nothing from a URL.
    externalFileHeaderFilter: refuseFileFromUrl,
    // Re-encoding the original through sharp (withMetadata stays off) drops EXIF, GPS
    // included: files are public, and phone photos carry where they were taken.
    resizeOptions: { width: 3200, height: 3200, fit: 'inside', withoutEnlargement: true },
    // sharp makes these on upload; the portal picks the nearest width.
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre', formatOptions: { format: 'webp' } },
      { name: 'card', width: 768, formatOptions: { format: 'webp' } },
      { name: 'hero', width: 1600, formatOptions: { format: 'webp' } },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: t('Mô tả ảnh (văn bản thay thế)', 'Alt text'),
      validate: validateAlt,
    },
    { name: 'caption', type: 'text', label: t('Chú thích', 'Caption') },
    { name: 'credit', type: 'text', label: t('Nguồn ảnh, tác giả', 'Credit') },
    illustrativeField,
    seedKeyField,
  ],
}
