/**
 * A new release answers search before it goes live. Its process starts with nothing loaded:
 * the first query reads Pagefind's WebAssembly, index and the catalogue (about a second), and
 * every query is computed once. Measured under 200 concurrent readers, those first computations
 * are what readers wait for after a publish. So the front server, before moving traffic to the
 * new release, asks it the queries readers asked the previous release most recently (answers
 * computed by the new release itself, so they are right for it) — or, on the very first
 * release, one query that loads the search engine — within a time budget; a release that
 * answers slowly goes live when the budget runs out, with the rest computed on demand.
 */
import { searchPath } from '../lib/routes.ts'

export type WarmOptions = {
  /** At most this many queries (PORTAL_WARM_QUERIES, default 200). */
  limit?: number
  /** At most this long in all (PORTAL_WARM_MS, default 5000). */
  budgetMs?: number
  /** Queries asked at once (the release's process computes one at a time anyway). */
  concurrency?: number
}

/** A search that loads the engine when no reader's query is known yet. */
export const ENGINE_WARM_URL = `${searchPath()}?q=${encodeURIComponent('khuyến học')}`

/** Ask `ask` each URL (most wanted first) until done or out of time; returns how many were answered. */
export async function warmRelease(ask: (url: string) => Promise<boolean>, urls: string[], options: WarmOptions = {}): Promise<number> {
  const limit = options.limit ?? Number(process.env.PORTAL_WARM_QUERIES ?? 200)
  const budgetMs = options.budgetMs ?? Number(process.env.PORTAL_WARM_MS ?? 5000)
  const queue = (urls.length ? urls : [ENGINE_WARM_URL]).slice(0, Math.max(0, limit))
  const deadline = Date.now() + budgetMs
  let answered = 0
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined && Date.now() < deadline; url = queue.shift()) {
      if (await ask(url).catch(() => false)) answered++
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 2 }, worker))
  return answered
}
