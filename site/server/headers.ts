/**
 * What the portal server answers around each response, decided from the request path AFTER
 * normalising it the way a file system or router could read it (percent-decoding, dot
 * segments, repeated slashes and backslashes): `/nhung/..%2ftin-tuc/` is not an embed and
 * must not be framable by other sites.
 */
import path from 'node:path'

import { ATTACHMENT_PREFIX, attachmentDisposition } from '../lib/attachment-types.ts'

import { EMBED_ROOT as EMBED_PREFIX, PREVIEW_ROOT as PREVIEW_PREFIX } from '../lib/routes.ts'

export { EMBED_PREFIX, PREVIEW_PREFIX }

/** Methods the portal answers. No on-demand route takes a POST (search and oEmbed are GET). */
export const ALLOWED_METHODS = ['GET', 'HEAD'] as const

/**
 * Every directive of the portal's policy that a `<meta>` cannot carry or that must hold even
 * where a page has none; each page's own `script-src`/`style-src` come from Astro (security.csp
 * in astro.config.mjs). Browsers enforce every policy they receive, so this one adds to it.
 */
const basePolicy = ["object-src 'none'", "base-uri 'self'", "form-action 'self'"]

/** The policy of pages this server writes itself (503, 502, 400, 405): no script at all. */
export const OWN_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

/** A refusal page the server writes itself (400, 405, 301), in Vietnamese; its texts are fixed strings, never request data. */
export const ownPage = (title: string, message: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${message}</p></body></html>`

/** Percent-decoded (repeatedly, so `%252f` is caught too) or undefined when it does not decode. */
function decodePath(raw: string): string | undefined {
  let decoded = raw
  try {
    for (let i = 0; i < 5 && decoded.includes('%'); i++) decoded = decodeURIComponent(decoded)
  } catch {
    return undefined
  }
  return decoded.includes('\0') ? undefined : decoded
}

export type NormalisedPath = {
  /** The path with percent-encoding decoded, dot segments resolved, `\` and `//` folded to `/`. */
  path: string
  /** The request path already was in that form (no encoded separators, dot segments, …). */
  canonical: boolean
}

/** The request path as a file system would resolve it; undefined when it cannot be decoded. */
export function normalisePath(rawPath: string): NormalisedPath | undefined {
  const decoded = decodePath(rawPath)
  if (decoded === undefined || !decoded.startsWith('/')) return undefined
  const resolved = path.posix.normalize(decoded.replace(/[\\/]+/g, '/'))
  return { path: resolved, canonical: resolved === decoded }
}

/** Headers every response gets, by path (the raw request path; it is normalised here). */
export function securityHeaders(rawPath: string): Record<string, string> {
  const normalised = normalisePath(rawPath)
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  }
  // Only a path that is an embed however it is read may be framed by other sites.
  const embed = normalised?.canonical === true && normalised.path.startsWith(EMBED_PREFIX)
  if (embed) {
    headers['content-security-policy'] = [...basePolicy, 'frame-ancestors *'].join('; ')
  } else {
    headers['content-security-policy'] = [...basePolicy, "frame-ancestors 'self'"].join('; ')
    headers['x-frame-options'] = 'SAMEORIGIN'
  }
  if (rawPath.startsWith(PREVIEW_PREFIX) || normalised?.path.startsWith(PREVIEW_PREFIX)) {
    headers['cache-control'] = 'private, no-store'
    headers['x-robots-tag'] = 'noindex, nofollow'
  }
  return headers
}

/** Hashed build assets never change; everything else is revalidated (ETag) so that a publish shows at once. */
export const IMMUTABLE_PREFIX = '/_astro/'
export const cacheControl = (normalisedPath: string) =>
  normalisedPath.startsWith(IMMUTABLE_PREFIX) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate'

/** `text/html` as Astro sends it for on-demand pages, with the charset said. */
export function withCharset(contentType: string | undefined): string | undefined {
  if (contentType && /^text\/html\s*$/i.test(contentType)) return 'text/html; charset=utf-8'
  return contentType
}

/**
 * The headers of an attached file under /tai-lieu/: the type stored in the CMS (the release's
 * manifest, see site/lib/attachment-types.ts), never one guessed from the name; anything but
 * a PDF or a raster image is downloaded, not shown, and may not run anything if opened.
 */
export function attachmentHeaders(normalisedPath: string, types: Record<string, string>): Record<string, string> | undefined {
  if (!normalisedPath.startsWith(ATTACHMENT_PREFIX)) return undefined
  const name = normalisedPath.slice(ATTACHMENT_PREFIX.length)
  const type = types[name] ?? 'application/octet-stream'
  const disposition = attachmentDisposition(type)
  return {
    'content-type': type,
    'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`,
    'x-content-type-options': 'nosniff',
    ...(disposition === 'attachment' ? { 'content-security-policy': "default-src 'none'; sandbox; frame-ancestors 'self'" } : {}),
  }
}
