/**
 * CMS images on the public portal, through astro:assets.
 *
 * The `media` content collection holds the images that published documents use
 * (cms/lib/mediaUses.ts) — and only those, so a photo of a draft honouree never reaches the build.
 * Each entry's `src` is the original file in the CMS media directory (MEDIA_DIR or
 * .data/media, as the Media collection resolves it), passed through the content layer's
 * `image()`: Astro imports it like a local image and sharp writes the AVIF/WebP widths
 * into `_astro/` at build time. Nothing is fetched from the CMS over HTTP.
 */
import path from 'node:path'

import type { SchemaContext } from 'astro/content/config'
import type { Loader } from 'astro/loaders'
import { z } from 'astro/zod'

import { mediaIdsUsedByPublished, mediaRefId, type MediaRef } from '../../cms/lib/mediaUses'
import { cms } from './cms'

/** Raster formats sharp reads; PDFs and other attachments are not images to show. */
const imageFile = /\.(avif|gif|jpe?g|png|tiff?|webp)$/i

export type { MediaRef }

/** The id of a media reference, populated or not. */
export const mediaId = (ref: MediaRef): string | undefined => {
  const id = mediaRefId(ref)
  return id === undefined ? undefined : String(id)
}

export const mediaSchema = ({ image }: SchemaContext) =>
  z.object({
    src: image(),
    alt: z.string(),
    caption: z.string().nullish(),
    credit: z.string().nullish(),
    illustrative: z.boolean().nullish(),
    /** Pixel width of the original, read from the CMS: reading `src.width` would make Astro ship the original too. */
    width: z.number(),
  })

/** The CMS media folder, as the Media collection resolves it (MEDIA_DIR or .data/media). */
export async function mediaDir(): Promise<string> {
  return (await cms()).collections.media.config.upload.staticDir as string
}

export function mediaLoader(): Loader {
  return {
    name: 'payload-media',
    load: async ({ store, parseData, generateDigest }) => {
      const payload = await cms()
      // The same set the CMS's read access allows; read as an anonymous reader all the same.
      const ids = await mediaIdsUsedByPublished(payload)
      const docs = ids.length
        ? (await payload.find({ collection: 'media', where: { id: { in: ids } }, depth: 0, overrideAccess: false, pagination: false })).docs
        : []
      const staticDir = await mediaDir()
      store.clear()
      for (const m of docs) {
        if (!m.filename || !m.width || !imageFile.test(m.filename)) continue
        const id = String(m.id)
        const raw = {
          src: path.resolve(staticDir, m.filename),
          alt: m.alt,
          caption: m.caption,
          credit: m.credit,
          illustrative: m.illustrative,
          width: m.width,
        }
        // The digest covers the file's identity too: a replaced upload gets a new filename or size.
        const digest = generateDigest({ ...raw, filesize: m.filesize, updatedAt: m.updatedAt })
        store.set({ id, data: await parseData({ id, data: raw }), digest })
      }
    },
  }
}
