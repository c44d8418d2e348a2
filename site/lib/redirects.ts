/**
 * Retired paths and where they went (site/lib/routes.ts `legacyRedirects`). Each release
 * carries them twice: a small page at the old path that sends the browser on (a meta refresh,
 * for any static host), and `redirects.json` beside client/ that the portal server
 * (site/server/serve.ts) reads to answer 301 before the page is ever served. Astro's own
 * `redirects` option writes nothing here: @astrojs/node turns `build.redirects` off, and in a
 * static build its server does not answer prerendered redirect routes either.
 * Plain Node code: the portal server imports it without Astro.
 */
import fs from 'node:fs'
import path from 'node:path'

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])

/** Beside client/ in each release, so it is not itself a public file. */
export const REDIRECTS_FILE = 'redirects.json'

/** The page left at an old path: Vietnamese, not indexed, no script allowed, pointing to the new page. */
export function redirectPage(to: string, absoluteTo: string): string {
  const href = escapeHtml(to)
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="content-security-policy" content="default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<title>Trang đã chuyển địa chỉ</title>
<meta http-equiv="refresh" content="0; url=${href}">
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(absoluteTo)}">
</head>
<body>
<h1>Trang đã chuyển địa chỉ</h1>
<p>Trang này đã chuyển đến <a href="${href}">${href}</a>.</p>
</body>
</html>
`
}

/** Write the pages and the map into a built release (`clientDir` is its client/ folder). */
export function writeRedirects(clientDir: string, redirects: Record<string, string>, site: URL | string) {
  for (const [from, to] of Object.entries(redirects)) {
    const dir = path.join(clientDir, ...from.split('/').filter(Boolean))
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'index.html'), redirectPage(to, new URL(to, site).toString()))
  }
  fs.writeFileSync(path.join(path.dirname(clientDir), REDIRECTS_FILE), `${JSON.stringify(redirects, null, 2)}\n`)
}

/** A release's map (empty when it has none, e.g. a release built before redirects existed). */
export function readRedirects(releaseDir: string): Record<string, string> {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(releaseDir, REDIRECTS_FILE), 'utf8'))
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/** Where a (normalised) request path redirects to, with or without its trailing slash. */
export function redirectTarget(redirects: Record<string, string>, normalisedPath: string): string | undefined {
  const key = normalisedPath.endsWith('/') ? normalisedPath : `${normalisedPath}/`
  return Object.hasOwn(redirects, key) ? redirects[key] : undefined
}
