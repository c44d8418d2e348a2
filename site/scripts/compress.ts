/**
 * Precompress a release at build time: every text file of client/ gets a brotli (`.br`) and a
 * gzip (`.gz`) copy beside it, so that the portal server (sirv), nginx (`gzip_static`,
 * `brotli_static` where built in) and static hosts send them by content negotiation without
 * compressing on each request. Node's own zlib does both; nothing to install.
 * Attached files (/tai-lieu/) are left alone: they go out as stored, with their stored type.
 */
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { ATTACHMENT_PREFIX } from '../lib/routes.ts'

/** Text formats worth compressing (Pagefind's index files are gzip already). */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|csv|svg|txt|webmanifest|ico)$/i
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 256
const LARGE_BYTES = 512 * 1024

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

function* textFiles(clientDir: string, relative = ''): Generator<string> {
  for (const entry of fs.readdirSync(path.join(clientDir, relative), { withFileTypes: true })) {
    const child = path.posix.join(relative, entry.name)
    if (entry.isDirectory()) {
      if (`/${child}/` !== ATTACHMENT_PREFIX) yield* textFiles(clientDir, child)
    } else if (COMPRESSIBLE.test(entry.name)) yield child
  }
}

/** Writes `<file>.br` and `<file>.gz` beside one file (each only when smaller); undefined when too small to bother. */
export async function compressFile(full: string, { largeQuality = 11 }: { largeQuality?: number } = {}): Promise<Omit<CompressSummary, 'files'> | undefined> {
  const source = fs.readFileSync(full)
  if (source.length < MIN_BYTES) return undefined
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        // `largeQuality` for files over LARGE_BYTES: a partial publish keeps quality 11 for pages
        // but not for the search catalogue of a large portal (megabytes: seconds at 11).
        [zlib.constants.BROTLI_PARAM_QUALITY]: source.length > LARGE_BYTES ? largeQuality : 11,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gzip(source, { level: 9 }),
  ])
  const { mtime } = fs.statSync(full)
  for (const [suffix, bytes] of [['.br', br], ['.gz', gz]] as const) {
    fs.rmSync(full + suffix, { force: true })
    if (bytes.length >= source.length * 0.95) continue
    fs.writeFileSync(full + suffix, bytes)
    // Same time as the original: Last-Modified does not change with the encoding.
    fs.utimesSync(full + suffix, mtime, mtime)
  }
  return { bytes: source.length, brotliBytes: Math.min(br.length, source.length), gzipBytes: Math.min(gz.length, source.length) }
}

export type CompressSummary = { files: number; bytes: number; brotliBytes: number; gzipBytes: number }

/**
 * Writes `<file>.br` and `<file>.gz` for each text file of `clientDir` (kept only when
 * smaller), except the files in `skip` (already given theirs, site/scripts/link-unchanged.ts).
 */
export async function compressRelease(clientDir: string, skip: ReadonlySet<string> = new Set()): Promise<CompressSummary> {
  const summary: CompressSummary = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 }
  const queue = [...textFiles(clientDir)].filter((file) => !skip.has(file))
  // zlib's async calls run on libuv's thread pool: a few at a time use every core.
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const sizes = await compressFile(path.join(clientDir, file))
      if (!sizes) continue
      summary.files++
      summary.bytes += sizes.bytes
      summary.brotliBytes += sizes.brotliBytes
      summary.gzipBytes += sizes.gzipBytes
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  return summary
}
