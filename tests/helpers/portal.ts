/**
 * A real portal build: `astro build` (in a child process, as `npm run build` does) from the
 * given database, then the real Pagefind index and the brotli/gzip copies, into a throw-away directory.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { oneBuildAtATime } from '../../site/scripts/build-lock.ts'
import { compressRelease } from '../../site/scripts/compress.ts'
import { buildSearchIndex } from '../../site/scripts/search-index.ts'

const root = path.resolve(import.meta.dirname, '..', '..')

export type PortalBuild = { outDir: string; clientDir: string; cacheDir: string; log: string; remove: () => void }

export async function buildPortal(dbFile: string, env: Record<string, string> = {}): Promise<PortalBuild> {
  // Inside the repository: the server bundle resolves packages from node_modules.
  const name = `test-${process.pid}-${Date.now().toString(36)}`
  const outDir = path.join(root, '.build', name)
  const cacheDir = path.join(root, '.build', `${name}-cache`)
  const { stdout, stderr } = await oneBuildAtATime(() => promisify(execFile)('npx', ['astro', 'build'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${dbFile}`,
      ASTRO_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  }))
  const clientDir = path.join(outDir, 'client')
  await buildSearchIndex(clientDir)
  await compressRelease(clientDir)
  return {
    outDir,
    clientDir,
    cacheDir,
    log: stdout + stderr,
    remove: () => {
      fs.rmSync(outDir, { recursive: true, force: true })
      fs.rmSync(cacheDir, { recursive: true, force: true })
    },
  }
}

/** Every file under `dir`, as text (gzip-compressed files, Pagefind's too, and brotli copies decompressed). */
export function* filesAsText(dir: string): Generator<[string, string]> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      yield* filesAsText(full)
      continue
    }
    let bytes = fs.readFileSync(full)
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes)
    else if (entry.name.endsWith('.br')) bytes = zlib.brotliDecompressSync(bytes)
    yield [full, bytes.toString('utf8')]
  }
}

export const pagePath = (clientDir: string, urlPath: string) => path.join(clientDir, urlPath, 'index.html')

/** Every <loc> of the built sitemap: /sitemap.xml (the index @astrojs/sitemap writes) and each sitemap it lists. */
export function sitemapUrls(clientDir: string): string[] {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])
  return locs(fs.readFileSync(path.join(clientDir, 'sitemap.xml'), 'utf8')).flatMap((child) =>
    locs(fs.readFileSync(path.join(clientDir, new URL(child).pathname), 'utf8')),
  )
}

/** Serve `clientDir` on a loopback port (for Pagefind's runtime, which loads its index over HTTP). */
export async function serveStatic(clientDir: string) {
  const server = http.createServer((req, res) => {
    const file = path.join(clientDir, decodeURIComponent((req.url ?? '/').split('?')[0]))
    if (!file.startsWith(clientDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.statusCode = 404
      return res.end()
    }
    res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream')
    res.end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) }
}
