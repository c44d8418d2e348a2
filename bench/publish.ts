/**
 * Publish benchmark: `npm run bench:publish -- --pages 1000` (or 10000; BENCH_PUBLISHES=5
 * publishes of each kind by default). Seeds a temporary database with content/ plus N
 * synthetic published items, builds and serves the portal as `npm start` does (release +
 * portal server, rebuild queue in this process), then publishes a news item and renames an
 * honouree shown on many pages (its page, the directory, its facet pages, its campaign's
 * page) in turn, and prints the seconds from each publish API call to the new content being
 * served everywhere: each publish, then p50/p95 per kind with the breakdown (queue wait,
 * astro build, search index, brotli/gzip, switch) and the load average (shared machines).
 * Publishes are partial (site/scripts/partial-release.ts) unless PORTAL_PARTIAL=0; each line
 * says which, and why a build fell back to a full one.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { BuildQueue, type BuildRunner, PORTAL_BUILD_SLUG, releaseScriptRunner, setPortalBuildQueue } from '../cms/publishing/buildQueue.ts'
import { releaseWorkerRunner } from '../cms/publishing/releaseWorker.ts'
import { seed } from '../cms/seed/index.ts'
import { campaignPath, honoureeFilterPath, honoureePath, honoureesPath, newsListPath, newsPath } from '../site/lib/routes.ts'
import { releaseEnvIn, type ReleaseSummary } from '../site/scripts/release.ts'
import { startPortalServer } from '../site/server/serve.ts'
import { makeUser, startTestCms } from '../tests/helpers/payload.ts'
import { type PublishTiming, summarise } from './publish-stats.ts'
import { seedSynthetic } from './synthetic.ts'

const extra = Number(process.env.BENCH_PAGES ?? 1000)
// Publishes of each kind (at least 5 for the percentiles the issue asks for).
const publishes = Math.max(1, Number(process.env.BENCH_PUBLISHES ?? 5))
const root = path.resolve(import.meta.dirname, '..')
const work = path.join(root, '.build', `bench-publish-${Date.now().toString(36)}`)
const releaseEnv = releaseEnvIn(work)
const current = releaseEnv.PORTAL_CURRENT

const cms = await startTestCms()
const { payload } = cms
await seed(payload)
const [campaign] = (await payload.find({ collection: 'campaigns', limit: 1, overrideAccess: true, sort: 'id' })).docs
await seedSynthetic(payload, extra, campaign.id)
const editor = await makeUser(payload, 'editor')
console.log(`seeded content/ + ${extra} synthetic items`)

process.env.PORTAL_AUTO_REBUILD = '1'
/** Every build this benchmark's queue ran: when it started and finished, and its summary. */
type BuildRecord = { startedAt: number; finishedAt: number; summary?: ReleaseSummary }
const builds: BuildRecord[] = []

/** The release runner, recording when each build ran and what it reported. */
function timed(run: BuildRunner): BuildRunner {
  return async (build) => {
    const record: BuildRecord = { startedAt: performance.now(), finishedAt: 0 }
    builds.push(record)
    const outcome = await run(build)
    record.finishedAt = performance.now()
    if (outcome.ok) record.summary = outcome.summary as ReleaseSummary
    // The partial publish's own steps (seconds since it started), for profiling.
    for (const step of (outcome.log ?? '').split('\n').filter((l) => l.startsWith('[partial]'))) console.log(`    ${step}`)
    return outcome
  }
}
const queue = new BuildQueue(payload, {
  // The queue's own default (PORTAL_REBUILD_DEBOUNCE_MS when set), as in the CMS.
  run: timed(
    // As the CMS runs builds: a long-lived build process unless PORTAL_BUILD_WORKER=0.
    (process.env.PORTAL_BUILD_WORKER === '0' ? releaseScriptRunner : releaseWorkerRunner)(root, {
      ...process.env,
      ...releaseEnv,
      PORTAL_PARTIAL: process.env.PORTAL_PARTIAL ?? '1',
    }),
  ),
})
setPortalBuildQueue(queue)
const first = Date.now()
await queue.request('Bản dựng đầu tiên (đo hiệu năng)')
await queue.whenIdle()
const portal = await startPortalServer({ current, port: 0, host: '127.0.0.1', log: (m) => console.log(`    [cổng] ${m}`) })
const status = () => payload.findGlobal({ slug: PORTAL_BUILD_SLUG, overrideAccess: true })
console.log(`first full build:   ${((Date.now() - first) / 1000).toFixed(1)} s, ${(await status()).lastPages} pages`)

/** Timing of one publish: from `act` (the API call) to every URL serving text that passes `ready`. */
async function timeToLive(act: () => Promise<string[]>, ready: (body: string) => boolean): Promise<PublishTiming> {
  const started = performance.now()
  const urls = await act()
  for (const url of urls) {
    for (;;) {
      // A reset while the portal switches releases on a loaded machine: ask again.
      const body = await fetch(`${portal.url}${url}`)
        .then((response) => (response.ok ? response.text() : ''))
        .catch(() => '')
      if (ready(body)) break
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  const served = performance.now()
  await queue.whenIdle()
  const build = builds.find((b) => b.startedAt >= started)
  if (!build?.summary) throw new Error('the publish was served without a build of its own')
  const phases = build.summary.phases ?? { astro: NaN, index: NaN, compress: NaN, switch: NaN }
  return {
    total: (served - started) / 1000,
    queueWait: (build.startedAt - started) / 1000,
    astro: phases.astro,
    index: phases.index,
    compress: phases.compress,
    switch: phases.switch + Math.max(0, served - build.finishedAt) / 1000,
    rendered: build.summary.renderedPages,
    pages: build.summary.pages,
    mode: build.summary.fallback ? `full (${build.summary.fallback})` : (build.summary.mode ?? 'full'),
  }
}

const line = (label: string, t: PublishTiming) =>
  console.log(
    `${label}: ${t.total.toFixed(1)} s (wait ${t.queueWait.toFixed(1)}, astro ${t.astro}, index ${t.index}, compress ${t.compress}, switch ${t.switch.toFixed(1)}; ${t.rendered} of ${t.pages} pages rendered; ${t.mode})`,
  )

const news: PublishTiming[] = []
const renames: PublishTiming[] = []
const [honouree] = (await payload.find({ collection: 'honourees', where: { campaign: { equals: campaign.id } }, limit: 1, overrideAccess: true, sort: 'id' })).docs
for (let round = 1; round <= publishes; round++) {
  const marker = `ZQXBENCH${Date.now()}`
  const n = await timeToLive(
    async () => {
      const item = await payload.create({ collection: 'news', data: { title: `Tin mới ${marker}`, _status: 'published' } as never, user: editor, overrideAccess: false })
      return [newsPath(item), newsListPath()]
    },
    (body) => body.includes(marker),
  )
  news.push(n)
  line(`#${round} news item, publish → served`, n)
  const h = await timeToLive(
    async () => {
      await payload.update({ collection: 'honourees', id: honouree.id, data: { name: `${honouree.name} ${marker}H`, _status: 'published' } as never, user: editor, overrideAccess: false })
      return [honoureePath(honouree), honoureesPath(), honoureeFilterPath('year', String(honouree.year)), campaignPath(campaign)]
    },
    (body) => body.includes(`${marker}H`),
  )
  renames.push(h)
  line(`#${round} honouree on many pages, rename → served everywhere`, h)
}

console.log(`\n${extra} synthetic items, ${(await status()).lastPages} pages; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`)
console.log(summarise('news item', news))
console.log(summarise('renamed honouree', renames))

await portal.close()
fs.rmSync(work, { recursive: true, force: true })
await cms.cleanup()
process.exit(0)
