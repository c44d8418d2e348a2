/// <reference types="astro/client" />
/**
 * /tai-lieu/<tệp> — the files attached to published documents (e.g. a plan's appendix as a
 * PDF), copied from the CMS media folder into the release, so the portal never links to the
 * CMS. Files attached only to drafts are not published. A static file's type would be
 * guessed from its name when served: the portal server sends the type stored in the CMS
 * instead, from the release's manifest (../tai-lieu.json.ts, site/server/headers.ts).
 */
import fs from 'node:fs'
import path from 'node:path'

import type { APIRoute, GetStaticPaths } from 'astro'
import { getCollection } from 'astro:content'

import { cacheKey } from '../../lib/cache-keys'
import { mediaDir } from '../../lib/media'
import { attachedFiles, loadPlanIndex } from '../../lib/plans'

export const prerender = true

type Props = { filename: string; mimeType?: string | null }

export const getStaticPaths = (async () => {
  const files = attachedFiles(await loadPlanIndex(getCollection))
  return Promise.all(
    files.map(async (file) => ({
      params: { file: file.filename },
      props: { filename: file.filename, mimeType: file.mimeType } satisfies Props,
      cacheKey: await cacheKey([], file.filename, file.filesize, file.updatedAt),
    })),
  )
}) satisfies GetStaticPaths

export const GET: APIRoute<Props> = async ({ props }) => {
  // Payload sanitises upload names; basename keeps a crafted one inside the media folder anyway.
  const body = fs.readFileSync(path.join(await mediaDir(), path.basename(props.filename)))
  return new Response(body, { headers: { 'content-type': props.mimeType ?? 'application/octet-stream' } })
}
