/// <reference types="astro/client" />
/**
 * /tai-lieu.json — the type stored in the CMS for every file under /tai-lieu/ (name → type),
 * read by the portal server (site/lib/attachment-types.ts) to serve each file with that type.
 * Names and types of published attachments only, which the documents' pages show anyway.
 */
import type { APIRoute } from 'astro'
import { getCollection } from 'astro:content'

import { attachedFiles, loadPlanIndex } from '../lib/plans'

export const prerender = true

export const GET: APIRoute = async () => {
  const files = attachedFiles(await loadPlanIndex(getCollection))
  const types = Object.fromEntries(files.map((file) => [file.filename, file.mimeType || 'application/octet-stream']))
  return new Response(JSON.stringify(types), { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
