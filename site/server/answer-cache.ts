/**
 * Answers of the on-demand search page (/tim-kiem/?q=…), kept in the front server's memory
 * per (release, URL): a query asked again is answered without going to the release's process.
 * The key holds the release directory, so a publish (a new release) starts from nothing and no
 * reader ever gets an answer from an older release. Only complete 200 answers without cookies
 * are kept, within a fixed memory budget.
 *
 * Readers asking the same new query at the same time share one answer from the release's
 * process (one "flight" per key) instead of each sending it there: under load every uncached
 * query used to reach the release's process once per waiting reader. The URLs asked most
 * recently of one release can be listed, so that the next release answers them before it
 * goes live (site/server/warm-release.ts).
 *
 * Each kept answer is also compressed once (brotli and gzip, on libuv's thread pool), and sent
 * compressed to readers that accept it: a search page is about 14 KB, 3–4 KB compressed, and
 * under load the front server spent most of its time in the system call writing answers.
 */
import type http from 'node:http'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { LRUCache } from 'lru-cache'

import { searchPath } from '../lib/routes.ts'

type Variant = { headers: http.OutgoingHttpHeaders; body: Buffer }
export type Answer = Variant & { status: number; br?: Variant; gzip?: Variant }

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

const MAX_ANSWER = 512 * 1024
const cache = new LRUCache<string, Answer>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (a) => a.body.length + (a.br?.body.length ?? 0) + (a.gzip?.body.length ?? 0) + 2048,
})
/** Answers being fetched from a release's process: key → the answer once complete (undefined when it is not kept). */
const flights = new Map<string, Promise<Answer | undefined>>()

/** The cache key of a request, or undefined when its answer is not kept. */
export function answerKey(releaseDir: string, method: string | undefined, path: string, url: string): string | undefined {
  if (method !== 'GET' || path !== searchPath() || !url.includes('?')) return undefined
  return `${releaseDir}\n${url}`
}

export function cachedAnswer(key: string | undefined): Answer | undefined {
  return key === undefined ? undefined : cache.get(key)
}

/** The answer another reader's request is fetching right now, if any. */
export function answerInFlight(key: string | undefined): Promise<Answer | undefined> | undefined {
  return key === undefined ? undefined : flights.get(key)
}

export type Flight = {
  /** Keep the answer being piped to the reader once it is complete. */
  keep: (status: number, headers: http.OutgoingHttpHeaders, upstream: http.IncomingMessage) => void
  /** No answer is coming (the release's process failed, or the reader left before it answered): waiting readers ask themselves. */
  fail: () => void
}

const noFlight: Flight = { keep: () => {}, fail: () => {} }

/** Start fetching the answer for `key`: readers arriving meanwhile wait for it (answerInFlight). */
export function beginFlight(key: string | undefined): Flight {
  if (key === undefined || flights.has(key)) return noFlight
  let settle!: (answer: Answer | undefined) => void
  flights.set(key, new Promise((resolve) => (settle = resolve)))
  const land = (answer: Answer | undefined) => {
    if (flights.delete(key)) settle(answer)
  }
  // Once the answer is coming it is read to its end even if the reader leaves: it lands then.
  let coming = false
  return {
    keep: (status, headers, upstream) => {
      coming = true
      if (status !== 200 || headers['set-cookie']) return land(undefined)
      const chunks: Buffer[] = []
      let size = 0
      upstream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_ANSWER) chunks.push(chunk)
      })
      upstream.on('close', () => {
        if (size > MAX_ANSWER || !upstream.complete) return land(undefined)
        const body = Buffer.concat(chunks)
        // Hop-by-hop and dated headers are the connection's own, not the answer's.
        const kept = Object.fromEntries(
          Object.entries(headers).filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name.toLowerCase())),
        )
        const vary = [kept.vary, 'Accept-Encoding'].flat().filter(Boolean).join(', ')
        const answer: Answer = { status, headers: { ...kept, vary, 'content-length': body.length }, body }
        cache.set(key, answer)
        land(answer)
        void compress(key, answer)
      })
    },
    fail: () => {
      if (!coming) land(undefined)
    },
  }
}

/** Add the brotli and gzip copies of a kept answer (if it is still kept when they are ready). */
async function compress(key: string, answer: Answer) {
  try {
    const [br, gz] = await Promise.all([
      brotli(answer.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: answer.body.length } }),
      gzip(answer.body, { level: 6 }),
    ])
    const variant = (body: Buffer, encoding: string): Variant => ({ headers: { ...answer.headers, 'content-encoding': encoding, 'content-length': body.length }, body })
    if (br.length < answer.body.length) answer.br = variant(br, 'br')
    if (gz.length < answer.body.length) answer.gzip = variant(gz, 'gzip')
    if (cache.peek(key) === answer) cache.set(key, answer)
  } catch {
    // Sent as it is: compression is only a saving.
  }
}

/** The copy of an answer for this reader: brotli or gzip when accepted and ready, else as it is. */
export function answerFor(answer: Answer, acceptEncoding: string | undefined): Variant {
  const accepts = acceptEncoding ?? ''
  if (answer.br && /\bbr\b/.test(accepts)) return answer.br
  if (answer.gzip && /\bgzip\b/.test(accepts)) return answer.gzip
  return answer
}

/** The URLs most recently asked of a release (most recent first), at most `limit`. */
export function recentUrls(releaseDir: string, limit: number): string[] {
  const prefix = `${releaseDir}\n`
  const urls: string[] = []
  for (const key of cache.keys()) {
    if (urls.length >= limit) break
    if (key.startsWith(prefix)) urls.push(key.slice(prefix.length))
  }
  return urls
}
