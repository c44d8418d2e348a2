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
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'

import { seed } from '../cms/seed/index.ts'
import { swapSymlink } from '../site/scripts/release.ts'
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
// Served through a link, as in production, so that a publish can be played (section 3).
const live = `${outDir}-live`
const copies: string[] = []
swapSymlink(live, outDir)
const served = await serveBuild(live, await freePort(), 3_600_000)
const searchUrl = (q: string) => `${served.url}/tim-kiem/?q=${encodeURIComponent(q)}`

/** Result links of a rendered search page, in order. */
const resultUrls = (html: string) =>
  [...(/<ol id="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '').matchAll(/<h2><a href="([^"]+)"/g)].map((m) => m[1])

// 1. Ranking, as the server renders it.
const serverOrder = new Map<string, string[]>()
const score = { top1: 0, top3: 0, rr: 0 }
const byKind = new Map<string, { n: number; top1: number }>()
const misses: string[] = []
const uncached: number[] = []
for (const { q, kind, expect } of queries) {
  const asked = performance.now()
  const urls = resultUrls(await (await fetch(searchUrl(q))).text())
  uncached.push(performance.now() - asked)
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
// Each query asked for the first time, one after another: what the release's process computes.
const sortedUncached = [...uncached].sort((a, b) => a - b)
console.log(
  `  first answer of each query (computed by the release's process): first query ${uncached[0].toFixed(0)} ms (loads Pagefind and the catalogue), ` +
    `then p50 ${sortedUncached[Math.floor(sortedUncached.length / 2)].toFixed(0)} ms, max ${Math.max(...uncached.slice(1)).toFixed(0)} ms`,
)

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

// 3. Load: 200 concurrent readers over the same queries, with what the front server did meanwhile.
console.log(`\nServer under load (${CONNECTIONS} concurrent readers, ${SECONDS} s each, ${os.cpus().length} cores shared with whatever else runs)`)
const paths = queries.map(({ q }) => `/tim-kiem/?q=${encodeURIComponent(q)}`)
const canPin = fs.existsSync('/usr/bin/taskset') && os.cpus().length >= 2
/** Pin this process (the front server, every thread) and the release's process to `cores`. */
const pinServer = (cores: string) => {
  for (const pid of [process.pid, served.server.liveProcess()?.pid]) if (pid) spawnSync('/usr/bin/taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' })
}
/** CPU time of the release's process so far (ms): above zero during a run, it computed answers. */
const childCpu = () => {
  const stat = fs.readFileSync(`/proc/${served.server.liveProcess()?.pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return ((Number(stat[11]) + Number(stat[12])) * 1000) / 100
}
const loadavg = () => os.loadavg().map((n) => n.toFixed(2)).join(' ')

// wrk runs one thread by default: with two, wrk's threads and the server are three busy threads on
// two cores, and the p99 measures the scheduler (a bare Node server shows the same tail).
const WRK_THREADS = Number(process.env.BENCH_WRK_THREADS ?? 1)

async function underLoad(label: string, pinned = false, target = served.url, acceptEncoding?: string, threads = WRK_THREADS): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  const pauses: number[] = []
  const gc = new PerformanceObserver((list) => pauses.push(...list.getEntries().map((e) => e.duration)))
  gc.observe({ entryTypes: ['gc'] })
  if (pinned) pinServer('0')
  const before: { cpu: NodeJS.CpuUsage; child: number; load: string; requests?: number } = { cpu: process.cpuUsage(), child: childCpu(), load: loadavg() }
  delay.enable()
  let line: string
  if (fs.existsSync('/usr/bin/wrk')) {
    const script = path.join(os.tmpdir(), `bench-search-${process.pid}.lua`)
    fs.writeFileSync(
      script,
      `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}
local i = 0
${acceptEncoding ? `wrk.headers["Accept-Encoding"] = ${JSON.stringify(acceptEncoding)}` : ''}
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d\\n", summary.bytes, summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status, latency:percentile(50), latency:percentile(99), latency.max, summary.duration))
end
`,
    )
    const args = [`-t${threads}`, `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '10s', '-s', script, target]
    // Not spawnSync: the portal's front server runs in this process and must keep answering.
    const wrk = pinned ? spawn('/usr/bin/taskset', ['-c', '1', '/usr/bin/wrk', ...args]) : spawn('/usr/bin/wrk', args)
    let stdout = ''
    wrk.stdout.on('data', (d) => (stdout += d))
    await new Promise((resolve) => wrk.on('exit', resolve))
    fs.rmSync(script, { force: true })
    const m = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(stdout)
    if (!m) line = stdout
    else {
      const [bytes, requests, errors, non2xx, p50, p99, max, duration] = m.slice(1).map(Number)
      before.requests = requests
      line = `${(requests / (duration / 1e6)).toFixed(0)} requests/s; p50 ${(p50 / 1000).toFixed(1)} ms, p99 ${(p99 / 1000).toFixed(1)} ms, max ${(max / 1000).toFixed(1)} ms; errors ${errors}, non-2xx ${non2xx}; ${(bytes / requests / 1024).toFixed(1)} KB per answer (wrk, ${threads} thread${threads > 1 ? 's' : ''}${pinned ? ', on core 1, server on core 0' : ''})`
    }
  } else {
    const { default: autocannon } = await import('autocannon' as string)
    const result = await autocannon({ url: target, connections: CONNECTIONS, duration: SECONDS, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}, requests: paths.map((p) => ({ path: p })) })
    before.requests = result.requests.total
    line = `${result.requests.average.toFixed(0)} requests/s; p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; errors ${result.errors}, non-2xx ${result.non2xx} (autocannon)`
  }
  delay.disable()
  gc.disconnect()
  if (pinned) pinServer(`0-${os.cpus().length - 1}`)
  const cpu = process.cpuUsage(before.cpu)
  const ms = (ns: number) => (ns / 1e6).toFixed(1)
  const perRequest = before.requests ? `${((cpu.user + cpu.system) / before.requests).toFixed(0)} µs CPU per request` : ''
  console.log(`  ${label}: ${line}`)
  if (target !== served.url) return
  console.log(
    `    front server: event-loop delay p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms; ` +
      `GC ${pauses.length} pauses, ${pauses.reduce((a, b) => a + b, 0).toFixed(0)} ms in all, longest ${Math.max(0, ...pauses).toFixed(1)} ms; ${perRequest}; ` +
      `release process CPU ${(childCpu() - before.child).toFixed(0)} ms (computing answers not kept yet); load average before ${before.load}, after ${loadavg()}`,
  )
}

// Headline: the portal server as `npm start` runs it, in a process of its own (here it shares
// this one with the test CMS and the benchmark), its answers kept by a first round of queries.
{
  const front = spawn(path.join(root, 'node_modules', '.bin', 'node'), [path.join(root, 'bench', 'search-front.ts'), live], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve) => front.stdout.once('data', (d) => resolve(String(d).trim())))
  for (const p of paths) await (await fetch(url + p)).arrayBuffer()
  for (const round of [1, 2, 3]) await underLoad(`portal server in its own process, as npm start runs it, answers kept (round ${round} of 3)`, false, url)
  front.kill()
}
await underLoad('answers kept, portal server in this process beside the test CMS (every query asked once before)')
// The same load on the least a Node server can do (one 14 KB page from memory, its own process):
// what is left of the tail there belongs to the machine and wrk, not to the portal.
{
  const control = spawn(process.execPath, ['-e', `const b = Buffer.alloc(14336, 'a'); require('node:http').createServer((q, r) => { r.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': b.length }); r.end(b) }).listen(0, '127.0.0.1', function () { console.log(this.address().port) })`])
  const port = await new Promise<string>((resolve) => control.stdout.once('data', (d) => resolve(String(d).trim())))
  await underLoad('control: a bare Node server sending one 14 KB page from memory', false, `http://127.0.0.1:${port}`)
  if (fs.existsSync('/usr/bin/wrk') && WRK_THREADS === 1) await underLoad('control again, wrk with 2 threads (3 busy threads on 2 cores)', false, `http://127.0.0.1:${port}`, undefined, 2)
  control.kill()
}
// What browsers send: the kept answers go out brotli-compressed (about a quarter of the bytes).
await underLoad('answers kept, readers accepting compression as browsers do (Accept-Encoding: gzip, deflate, br)', false, served.url, 'gzip, deflate, br')
if (canPin) await underLoad('answers kept, wrk pinned to one core and the server to the other', true)
if (fs.existsSync('/usr/bin/wrk') && WRK_THREADS === 1) await underLoad('answers kept, wrk with 2 threads (3 busy threads on 2 cores)', false, served.url, undefined, 2)
// After a publish: a new release (a copy of this one) takes over while nothing of it is kept
// yet. Without answering ahead its process computes every query while readers wait (as before);
// with it, the front server asks it the live release's recent queries before switching.
for (const [label, warm] of [
  ['first seconds after a publish, queries answered ahead by the new release', '200'],
  ['first seconds after a publish, nothing answered ahead (PORTAL_WARM_QUERIES=0)', '0'],
] as const) {
  const next = `${outDir}-next-${warm}`
  fs.cpSync(outDir, next, { recursive: true })
  copies.push(next)
  process.env.PORTAL_WARM_QUERIES = warm
  const started = performance.now()
  swapSymlink(live, next)
  await served.server.refresh()
  const switched = performance.now() - started
  delete process.env.PORTAL_WARM_QUERIES
  if (served.server.liveRelease() !== fs.realpathSync(next)) throw new Error('the new release did not go live')
  await underLoad(`${label} (switch took ${(switched / 1000).toFixed(1)} s)`)
}

await served.close()
for (const dir of [live, ...copies]) fs.rmSync(dir, { recursive: true, force: true })
await cleanup()
process.exit(0)
