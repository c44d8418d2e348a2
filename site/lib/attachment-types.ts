/**
 * The type of each file published under /tai-lieu/, as stored in the CMS (the media's
 * mimeType, taken from the file's content on upload), written into every release as a small
 * manifest (site/pages/tai-lieu.json.ts) so that the portal server sends that type instead of
 * one guessed from the file name: a PDF named `x.html` is never served as a web page.
 * Plain Node code: the portal server (site/server) imports it without Astro.
 */
import fs from 'node:fs'
import path from 'node:path'

import { ATTACHMENT_PREFIX } from './routes.ts'

export { ATTACHMENT_PREFIX }
/** Where the manifest is in a release's client/ folder (outside /tai-lieu/, so no file can take its name). */
export const ATTACHMENT_TYPES_FILE = 'tai-lieu.json'

/** Shown in the browser: PDFs and raster images, which cannot run script. Everything else is downloaded. */
const INLINE_TYPES = /^(application\/pdf|image\/(png|jpeg|gif|webp|avif))$/

export const attachmentDisposition = (type: string): 'inline' | 'attachment' =>
  INLINE_TYPES.test(type.split(';')[0].trim().toLowerCase()) ? 'inline' : 'attachment'

/** name → stored type, or {} when the release has no manifest (no attachments). */
export function readAttachmentTypes(releaseDir: string): Record<string, string> {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(releaseDir, 'client', ATTACHMENT_TYPES_FILE), 'utf8'))
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {}
  } catch {
    return {}
  }
}
