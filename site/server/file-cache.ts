/**
 * A bounded memory cache in front of sirv for the hot files of the live release. sirv decides
 * everything (which file, which precompressed copy, type, ETag, Last-Modified, 304, ranges);
 * this keeps what it sent for a plain 200 of a small file — its file headers and bytes — so the
 * next reader of the same path and encoding is answered without opening the file again (each
 * open costs several thread-pool round trips: sirv alone answered ~0.1× nginx's requests per
 * second). A release never changes once built, so entries need no expiry; each release has its
 * own cache, dropped with it. Bounded by `lru-cache` (PORTAL_FILE_CACHE_MB, default 64).
 */
import type http from 'node:http'

import { LRUCache } from 'lru-cache'

type Entry = { headers: Record<string, string | number>; body: Buffer }

/** The headers sirv derives from the file itself; the rest are decided per request. */
const FILE_HEADERS = ['content-type', 'content-length', 'content-encoding', 'etag', 'last-modified', 'vary'] as const
const MAX_FILE_BYTES = 1024 * 1024

/** The encoding sirv will pick for this Accept-Encoding (same tests as sirv's). */
const encodingClass = (acceptEncoding: string) => (/(br|brotli)/i.test(acceptEncoding) ? 'br' : acceptEncoding.includes('gzip') ? 'gzip' : '')

export type FileHandler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void

export function cachedFiles(files: FileHandler, maxBytes = Number(process.env.PORTAL_FILE_CACHE_MB ?? 64) * 1024 * 1024): FileHandler {
  const cache = new LRUCache<string, Entry>({ maxSize: Math.max(1, maxBytes), sizeCalculation: (entry) => entry.body.length + 200 })
  return (req, res, next) => {
    const key = `${encodingClass(String(req.headers['accept-encoding'] ?? ''))} ${req.url}`
    const hit = maxBytes > 0 && !req.headers.range ? cache.get(key) : undefined
    if (hit) {
      if (req.headers['if-none-match'] === hit.headers.etag) {
        res.writeHead(304)
        return res.end()
      }
      res.writeHead(200, hit.headers)
      return res.end(req.method === 'HEAD' ? undefined : hit.body)
    }
    if (maxBytes <= 0 || req.method !== 'GET' || req.headers.range) return files(req, res, next)
    // Keep what sirv writes for a whole small file, to answer the next reader from memory.
    const chunks: Buffer[] = []
    let size = 0
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (Buffer.isBuffer(chunk) && size <= MAX_FILE_BYTES) chunks.push(chunk)
      size += Buffer.isBuffer(chunk) ? chunk.length : MAX_FILE_BYTES + 1
      return write(chunk, ...rest)
    }) as typeof res.write
    res.end = ((...args: unknown[]) => {
      const chunk = args[0]
      if (Buffer.isBuffer(chunk)) {
        chunks.push(chunk)
        size += chunk.length
      }
      return end(...args)
    }) as typeof res.end
    res.on('finish', () => {
      const length = Number(res.getHeader('content-length'))
      if (res.statusCode !== 200 || size > MAX_FILE_BYTES || size !== length) return
      const headers: Record<string, string | number> = {}
      for (const name of FILE_HEADERS) {
        const value = res.getHeader(name)
        if (typeof value === 'string' || typeof value === 'number') headers[name] = value
      }
      cache.set(key, { headers, body: Buffer.concat(chunks, size) })
    })
    files(req, res, next)
  }
}
