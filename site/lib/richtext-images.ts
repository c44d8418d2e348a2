/**
 * Images inserted in rich text, prepared for site/lib/richtext.ts the way ResponsiveImage
 * shows every other CMS image: from the `media` content collection (only images that published
 * documents use — rich text included, see cms/lib/mediaUses.ts), through astro:assets, as AVIF
 * and WebP widths written into `_astro/` at build time. Nothing links to the CMS, and the
 * original (with its EXIF) is never copied.
 *
 * Converters are synchronous and astro:assets is not, so a page prepares its rich text's
 * images first and passes them on: `richTextToHtml(body, where, { images: await richTextImages(body) })`.
 */
import { getImage } from 'astro:assets'
import { getEntry } from 'astro:content'
import type { ImageOutputFormat } from 'astro'

import { mediaIdsInRichText } from '../../cms/lib/mediaUses'
import { RICH_TEXT_IMAGE_SIZES } from '../../cms/lib/richTextSchema'
import { draftImage } from './preview'
import type { RichTextImage } from './richtext'

/** The ladder ResponsiveImage draws from, so an image also shown elsewhere shares its files. */
const WIDTHS = [320, 640, 960, 1280]
const FORMATS: ImageOutputFormat[] = ['avif', 'webp']

/** A populated upload value, as the Local API or the preview endpoint returns it. */
function populatedUpload(data: unknown, id: string): unknown {
  let found: unknown
  const walk = (v: unknown): void => {
    if (found || typeof v !== 'object' || v === null) return
    const node = v as Record<string, any>
    if (node.type === 'upload' && node.value && typeof node.value === 'object' && String(node.value.id) === id) found = node.value
    else for (const child of Array.isArray(v) ? v : Object.values(node)) walk(child)
  }
  walk(data)
  return found
}

/** One published image: sources in every format and width, the <img> as the largest WebP. */
async function publishedImage(id: string): Promise<RichTextImage | undefined> {
  const entry = await getEntry('media', id)
  if (!entry) return undefined
  const { src, alt, width: originalWidth } = entry.data
  // Never announce widths larger than the original (sharp does not enlarge).
  const widths = [...new Set(WIDTHS.map((w) => Math.min(w, originalWidth)))]
  const width = Math.max(...widths)
  const sources = await Promise.all(
    FORMATS.map(async (format) => {
      const image = await getImage({ src, widths, width, format })
      return { type: `image/${format}`, srcset: image.srcSet.attribute }
    }),
  )
  // The <img> as Astro's <Picture> writes it: the largest WebP, with the WebP widths for browsers that ignore <source>.
  const fallback = await getImage({ src, widths, width, format: 'webp' })
  return {
    src: fallback.src,
    srcset: fallback.srcSet.attribute,
    width: Number(fallback.attributes.width),
    height: Number(fallback.attributes.height),
    alt,
    sources,
    sizes: RICH_TEXT_IMAGE_SIZES,
  }
}

/**
 * The images of `data`'s rich text the reader may see, by media id. In a staff preview
 * (rendered on demand) an image only the draft uses is shown from the CMS, as ResponsiveImage does.
 */
export async function richTextImages(data: unknown, { preview = false } = {}): Promise<Map<string, RichTextImage>> {
  const images = new Map<string, RichTextImage>()
  for (const id of mediaIdsInRichText(data).map(String)) {
    const image = (await publishedImage(id)) ?? (preview ? draftRichTextImage(populatedUpload(data, id)) : undefined)
    if (image) images.set(id, image)
  }
  return images
}

function draftRichTextImage(media: unknown): RichTextImage | undefined {
  const draft = draftImage(media, 'hero')
  if (!draft?.width || !draft.height) return undefined
  return { src: draft.src, width: draft.width, height: draft.height, alt: draft.alt, sources: [], sizes: RICH_TEXT_IMAGE_SIZES }
}
