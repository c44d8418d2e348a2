/**
 * Answers of the on-demand search page (/tim-kiem/?q=…), kept in the front server's memory
 * per (release, URL): a query asked again is answered without going to the release's process.
 * The key holds the release directory, so a publish (a new release) starts from nothing and no
 * reader ever gets an answer from an older release. Only complete 200 answers without cookies
 * are kept, within a fixed memory budget.
 */
import type http from 'node:http'

import { LRUCache } from 'lru-cache'

import { searchPath } from '../lib/routes.ts'

type Answer = { status: number; headers: http.OutgoingHttpHeaders; body: Buffer }

const MAX_ANSWER = 512 * 1024
const cache = new LRUCache<string, Answer>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (a) => a.body.length + 2048 })

/** The cache key of a request, or undefined when its answer is not kept. */
export function answerKey(releaseDir: string, method: string | undefined, path: string, url: string): string | undefined {
  if (method !== 'GET' || path !== searchPath() || !url.includes('?')) return undefined
  return `${releaseDir}\n${url}`
}

export function cachedAnswer(key: string | undefined): Answer | undefined {
  return key === undefined ? undefined : cache.get(key)
}

/** Keep the answer being piped to the reader once it is complete. */
export function keepAnswer(key: string | undefined, status: number, headers: http.OutgoingHttpHeaders, upstream: http.IncomingMessage) {
  if (key === undefined || status !== 200 || headers['set-cookie']) return
  const chunks: Buffer[] = []
  let size = 0
  upstream.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= MAX_ANSWER) chunks.push(chunk)
  })
  upstream.on('end', () => {
    if (size > MAX_ANSWER || !upstream.complete) return
    const body = Buffer.concat(chunks)
    // Hop-by-hop and dated headers are the connection's own, not the answer's.
    const kept = Object.fromEntries(
      Object.entries(headers).filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name.toLowerCase())),
    )
    cache.set(key, { status, headers: { ...kept, 'content-length': body.length }, body })
  })
}
