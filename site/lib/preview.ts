/**
 * Draft preview, portal side: the draft comes from the CMS's preview endpoint, which checks
 * the signed token (cms/publishing/preview.ts). The portal holds no secret and no database
 * access for drafts.
 */
import { previewRefusals } from '../../cms/lib/previewToken'
import type { Media } from '../../cms/payload-types'

export type PreviewResult = { ok: true; doc: Record<string, unknown> } | { ok: false; status: number; message: string }

const cmsUrl = () => (process.env.CMS_INTERNAL_URL ?? `http://127.0.0.1:${process.env.CMS_PORT ?? 3000}`).replace(/\/$/, '')

export async function fetchPreviewDraft(collection: string, id: string, token: string | null): Promise<PreviewResult> {
  if (!token) return { ok: false, status: 401, message: previewRefusals.missing }
  let response: Response
  try {
    response = await fetch(`${cmsUrl()}/api/preview/${encodeURIComponent(collection)}/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`, {
      cache: 'no-store',
    })
  } catch {
    return { ok: false, status: 503, message: 'Không kết nối được tới hệ thống quản trị nội dung để lấy bản nháp. Hãy thử lại sau ít phút.' }
  }
  const body = (await response.json().catch(() => null)) as Record<string, any> | null
  if (!response.ok || !body) {
    return { ok: false, status: response.status || 502, message: body?.errors?.[0]?.message ?? 'Không lấy được bản nháp từ hệ thống quản trị nội dung.' }
  }
  return { ok: true, doc: body }
}

/** The CMS as staff's browsers reach it (same site as the portal, so their admin session goes along). */
const cmsPublicUrl = () => (process.env.CMS_URL || `http://localhost:${process.env.CMS_PORT ?? 3000}`).replace(/\/$/, '')

export type DraftImage = { src: string; width?: number; height?: number; alt: string; caption?: string | null; credit?: string | null; illustrative?: boolean | null }

/** A CMS file as signed-in staff fetch it (relative CMS URLs made absolute). */
export const cmsFileUrl = (url: string | null | undefined): string | undefined =>
  url ? (/^https?:/.test(url) ? url : `${cmsPublicUrl()}${url}`) : undefined

/**
 * An image only a draft uses is not in the build, and not public either: in a preview it is
 * shown straight from the CMS, which serves it to signed-in staff only. `size` is the sharp
 * size nearest the use.
 */
export function draftImage(media: unknown, size: 'hero' | 'card' | 'thumbnail'): DraftImage | undefined {
  if (!media || typeof media !== 'object' || !('url' in media)) return undefined
  const m = media as Media
  const chosen = m.sizes?.[size]?.url ? m.sizes[size] : m
  if (!chosen?.url || !/^image\//.test(m.mimeType ?? '')) return undefined
  return { src: cmsFileUrl(chosen.url)!, width: chosen.width ?? undefined, height: chosen.height ?? undefined, alt: m.alt, caption: m.caption, credit: m.credit, illustrative: m.illustrative }
}
