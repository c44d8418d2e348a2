/**
 * `npm run export [-- --out DIR]`: the live release as a site that needs no Node, for any CDN,
 * object store or plain web server. Written into DIR (default `.build/export`):
 *   site/        every file of the release, plus what was on demand made static —
 *                /tim-kiem/ (search runs in the browser with Pagefind; `?q=` links work with
 *                JavaScript), and one oEmbed JSON file per embeddable page
 *                (routes.ts `oembedJsonPath`), which each page's discovery link now names;
 *                `_headers` with the portal's headers for static hosts (Netlify, Cloudflare Pages)
 *   nginx.conf   the server block for nginx alone (site/server/nginx.ts without an upstream)
 * The release's own Node server answers the on-demand routes once, during the export.
 * What an export cannot do: search without JavaScript, draft preview, publishing (rebuild and
 * export again), 301s for retired paths (their meta-refresh pages remain).
 */
import fs from 'node:fs'
import path from 'node:path'

import { readAttachmentTypes } from '../lib/attachment-types.ts'
import { ATTACHMENT_PREFIX, EMBED_ROOT, oembedJsonPath, searchPath } from '../lib/routes.ts'
import { attachmentHeaders, cacheControl, IMMUTABLE_PREFIX as IMMUTABLE_ASSETS, securityHeaders } from '../server/headers.ts'
import { nginxServerBlock } from '../server/nginx.ts'
import { freePort, startPortalServer } from '../server/serve.ts'
import { compressFile } from './compress.ts'
import { defaultPaths } from './release.ts'

const DISCOVERY = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* htmlFiles(full)
    else if (entry.name.endsWith('.html')) yield full
  }
}

const decodeAttribute = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")

/** `_headers` (Netlify / Cloudflare Pages): the portal's headers by path; `! Header` removes one set by a wider rule. */
export function staticHostHeaders(attachmentTypes: Record<string, string>): string {
  const block = (pattern: string, headers: Record<string, string>, remove: string[] = []) =>
    [pattern, ...remove.map((name) => `  ! ${name}`), ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')
  const page = { ...securityHeaders('/'), 'cache-control': cacheControl('/') }
  const embed = securityHeaders(`${EMBED_ROOT}x/`)
  return `${[
    block('/*', page),
    block(`${IMMUTABLE_ASSETS}*`, { 'cache-control': cacheControl(IMMUTABLE_ASSETS) }, ['cache-control']),
    block(`${EMBED_ROOT}*`, { 'content-security-policy': embed['content-security-policy'] }, ['content-security-policy', 'x-frame-options']),
    ...Object.keys(attachmentTypes).map((name) => {
      const headers = attachmentHeaders(`${ATTACHMENT_PREFIX}${name}`, attachmentTypes)!
      return block(`${ATTACHMENT_PREFIX}${encodeURIComponent(name)}`, headers, Object.keys(headers).filter((h) => h in page))
    }),
  ].join('\n\n')}\n`
}

export type ExportSummary = { dir: string; site: string; oembedFiles: number; pages: number }

/** Export `releaseDir` (a built release: client/ and server/) into `outDir`. */
export async function exportRelease(releaseDir: string, outDir: string): Promise<ExportSummary> {
  const site = path.join(outDir, 'site')
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.mkdirSync(outDir, { recursive: true })
  fs.cpSync(path.join(releaseDir, 'client'), site, { recursive: true })
  const server = await startPortalServer({ current: releaseDir, port: await freePort(), host: '127.0.0.1', log: () => {} })
  const changed = new Set<string>()
  let oembedFiles = 0
  try {
    // Search: the page without a query; its script policy (a header on demand) goes into a <meta>.
    const search = await fetch(`${server.url}${searchPath()}`)
    if (!search.ok) throw new Error(`${searchPath()} trả lời ${search.status}`)
    // Policies never contain a comma: the header's values are joined with one.
    const policy = (search.headers.get('content-security-policy') ?? '').split(',').find((p) => p.includes('script-src'))?.trim()
    if (!policy) throw new Error(`${searchPath()} không có chính sách script-src`)
    const searchFile = path.join(site, searchPath(), 'index.html')
    fs.mkdirSync(path.dirname(searchFile), { recursive: true })
    const meta = `<meta http-equiv="content-security-policy" content="${policy.replace(/"/g, '&quot;')}">`
    // No server behind an export: its search page always searches in the browser, whatever the catalogue's size.
    const page = (await search.text()).replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}${meta}`).replace(' data-search="server"', ' data-search="browser"')
    fs.writeFileSync(searchFile, page)
    changed.add(searchFile)

    // oEmbed: each discovery link's answer saved as a file; the link then names that file.
    for (const file of htmlFiles(site)) {
      const html = fs.readFileSync(file, 'utf8')
      const link = DISCOVERY.exec(html)
      if (!link) continue
      const asked = new URL(decodeAttribute(link[1]))
      const pageUrl = new URL(asked.searchParams.get('url')!)
      const answer = await fetch(`${server.url}${asked.pathname}${asked.search}`)
      if (!answer.ok) throw new Error(`oEmbed cho ${pageUrl.pathname} trả lời ${answer.status}`)
      const jsonPath = oembedJsonPath(pageUrl.pathname)
      const target = path.join(site, jsonPath)
      fs.mkdirSync(path.dirname(target), { recursive: true })
      fs.writeFileSync(target, `${JSON.stringify(await answer.json())}\n`)
      changed.add(target)
      oembedFiles++
      fs.writeFileSync(file, html.replace(link[1], new URL(jsonPath, asked).toString()))
      changed.add(file)
    }
  } finally {
    await server.close()
  }
  for (const file of changed) await compressFile(file)
  const attachments = readAttachmentTypes(releaseDir)
  fs.writeFileSync(path.join(site, '_headers'), staticHostHeaders(attachments))
  fs.writeFileSync(path.join(outDir, 'nginx.conf'), nginxServerBlock({ root: site, listen: 80, attachmentTypes: attachments }))
  return { dir: outDir, site, oembedFiles, pages: [...htmlFiles(site)].length }
}

if (import.meta.main) {
  const i = process.argv.indexOf('--out')
  const out = path.resolve(i > -1 ? process.argv[i + 1] : path.join(path.dirname(defaultPaths.releasesDir), 'export'))
  exportRelease(fs.realpathSync(defaultPaths.current), out)
    .then((summary) => console.log(`Đã xuất ${summary.pages} trang và ${summary.oembedFiles} tệp oEmbed vào ${summary.site} (cấu hình nginx: ${path.join(summary.dir, 'nginx.conf')})`))
    .catch((error: Error) => {
      console.error(`✖ ${error.message}`)
      process.exit(1)
    })
}
