/**
 * Search benchmark: `npm run bench:search`.
 * Seeds a temporary database with content/, builds the portal and its search index (or reuses
 * a build: BENCH_SEARCH_BUILD=.build/<dir>), serves it with the portal's own server, then
 *  - asks the server-rendered search (/tim-kiem/?q=) every query of bench/search-queries.json
 *    and prints top-1, top-3 and MRR against the expected pages (per kind, and each miss);
 *  - in Debian's Chromium, runs the same queries as a reader types them and prints the bytes
 *    transferred by the first query and by a follow-up query, and whether the browser's order
 *    equals the server's for every query;
 *  - loads the server with 200 concurrent readers (wrk, else autocannon) over the same queries
 *    and prints requests/s, p50, p99 and errors.
 * Speed figures depend on what else runs on the machine: repeat them before drawing conclusions.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { seed } from '../cms/seed/index.ts'
import { launchBrowser } from '../tests/e2e/browser.ts'
import { startTestCms } from '../tests/helpers/payload.ts'
import { buildPortal } from '../tests/helpers/portal.ts'
import { freePort, serveBuild } from '../tests/helpers/serve-build.ts'

type Query = { q: string; kind: string; expect: string[] }
const root = path.resolve(import.meta.dirname, '..')
const { queries } = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'search-queries.json'), 'utf8')) as { queries: Query[] }
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20)

let outDir = process.env.BENCH_SEARCH_BUILD ? path.resolve(process.env.BENCH_SEARCH_BUILD) : undefined
let cleanup = async () => {}
if (!outDir) {
  const cms = await startTestCms()
  await seed(cms.payload)
  const port = await freePort()
  const build = await buildPortal(cms.dbFile, { PORTAL_NOW: '2026-11-22', SITE_URL: `http://127.0.0.1:${port}` })
  outDir = build.outDir
  cleanup = async () => {
    build.remove()
    await cms.cleanup()
  }
}
const served = await serveBuild(outDir, await freePort())
const searchUrl = (q: string) => `${served.url}/tim-kiem/?q=${encodeURIComponent(q)}`

/** Result links of a rendered search page, in order. */
const resultUrls = (html: string) =>
  [...(/<ol id="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '').matchAll(/<h2><a href="([^"]+)"/g)].map((m) => m[1])

// 1. Ranking, as the server renders it.
const serverOrder = new Map<string, string[]>()
const score = { top1: 0, top3: 0, rr: 0 }
const byKind = new Map<string, { n: number; top1: number }>()
const misses: string[] = []
for (const { q, kind, expect } of queries) {
  const urls = resultUrls(await (await fetch(searchUrl(q))).text())
  serverOrder.set(q, urls)
  const rank = urls.findIndex((u) => expect.includes(u)) + 1
  const k = byKind.get(kind) ?? { n: 0, top1: 0 }
  k.n++
  if (rank === 1) (score.top1++, k.top1++)
  else misses.push(`  ${rank ? `#${rank}` : 'not found'}  “${q}” → ${urls[0] ?? '(nothing)'}`)
  if (rank && rank <= 3) score.top3++
  if (rank) score.rr += 1 / rank
  byKind.set(kind, k)
}
const pct = (n: number) => `${((100 * n) / queries.length).toFixed(1)}%`
console.log(`\nRanking (${queries.length} queries, server-rendered /tim-kiem/?q=)`)
console.log(`  top-1 ${pct(score.top1)}   top-3 ${pct(score.top3)}   MRR ${(score.rr / queries.length).toFixed(3)}`)
console.log(`  by kind: ${[...byKind].map(([kind, k]) => `${kind} ${k.top1}/${k.n}`).join(', ')}`)
if (misses.length) console.log(`  not first:\n${misses.join('\n')}`)

// 2. The browser: bytes of the first and a follow-up query, and the same order as the server.
const browser = await launchBrowser()
const page = await browser.newPage()
const cdp = await page.context().newCDPSession(page)
await cdp.send('Network.enable')
let bytes = 0
cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength))
await page.goto(`${served.url}/tim-kiem/`, { waitUntil: 'networkidle' })
const pageBytes = bytes
const browserSearch = async (q: string) => {
  // Start from an empty answer, so the one read is this query's.
  await page.evaluate(() => {
    document.getElementById('search-status')!.textContent = ''
    document.getElementById('search-results')!.replaceChildren()
  })
  await page.locator('#q').fill(q)
  await page.locator('#q').press('Enter')
  await page.waitForFunction(
    (query) => {
      const status = document.getElementById('search-status')?.textContent ?? ''
      return status.includes(`“${query}”`) && !status.includes('Đang tìm')
    },
    q,
    { timeout: 30_000 },
  )
  return page.locator('#search-results > li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
}
bytes = 0
await browserSearch(queries[0].q)
await page.waitForLoadState('networkidle')
const firstBytes = bytes
bytes = 0
await browserSearch(queries[1 + Math.floor(queries.length / 2)].q)
await page.waitForLoadState('networkidle')
const followBytes = bytes
const different: string[] = []
for (const { q } of queries) {
  const urls = await browserSearch(q)
  if (JSON.stringify(urls) !== JSON.stringify(serverOrder.get(q))) {
    different.push(q)
    console.log(`  “${q}”\n    server:  ${serverOrder.get(q)?.join(' ')}\n    browser: ${urls.join(' ')}`)
  }
}
await browser.close()
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
console.log(`\nBrowser (Chromium, bytes over the network)`)
console.log(`  search page ${kb(pageBytes)}; first query “${queries[0].q}” ${kb(firstBytes)}; follow-up query ${kb(followBytes)}`)
console.log(`  same order as the server: ${queries.length - different.length}/${queries.length}${different.length ? ` (differs: ${different.join(', ')})` : ''}`)

// 3. Load: 200 concurrent readers over the same queries.
console.log(`\nServer under load (${CONNECTIONS} concurrent readers, ${SECONDS} s, ${os.cpus().length} cores shared with whatever else runs)`)
const paths = queries.map(({ q }) => `/tim-kiem/?q=${encodeURIComponent(q)}`)
if (fs.existsSync('/usr/bin/wrk')) {
  const script = path.join(os.tmpdir(), `bench-search-${process.pid}.lua`)
  fs.writeFileSync(
    script,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status, latency:percentile(50), latency:percentile(99), latency.max, summary.duration))
end
`,
  )
  // Not spawnSync: the portal's front server runs in this process and must keep answering.
  const wrk = spawn('/usr/bin/wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '10s', '-s', script, served.url])
  let stdout = ''
  wrk.stdout.on('data', (d) => (stdout += d))
  await new Promise((resolve) => wrk.on('exit', resolve))
  fs.rmSync(script, { force: true })
  const m = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(stdout)
  if (!m) console.log(stdout)
  else {
    const [requests, errors, non2xx, p50, p99, max, duration] = m.slice(1).map(Number)
    console.log(`  ${(requests / (duration / 1e6)).toFixed(0)} requests/s; p50 ${(p50 / 1000).toFixed(1)} ms, p99 ${(p99 / 1000).toFixed(1)} ms, max ${(max / 1000).toFixed(1)} ms; errors ${errors}, non-2xx ${non2xx} (wrk)`)
  }
} else {
  const { default: autocannon } = await import('autocannon' as string)
  const result = await autocannon({ url: served.url, connections: CONNECTIONS, duration: SECONDS, requests: paths.map((p) => ({ path: p })) })
  console.log(`  ${result.requests.average.toFixed(0)} requests/s; p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; errors ${result.errors}, non-2xx ${result.non2xx} (autocannon)`)
}

await served.close()
await cleanup()
process.exit(0)
