/**
 * Publish benchmark: `npm run bench:publish -- --pages 1000` (or 10000).
 * Seeds a temporary database with content/ plus N synthetic published items, builds and
 * serves the portal as `npm start` does (release + portal server, rebuild queue in this
 * process), then prints the seconds from the publish API call to the new content being
 * served: for a new news item, and for a renamed honouree shown on many pages (its page,
 * the directory, its facet pages, its campaign's page and search).
 */
import fs from 'node:fs'
import path from 'node:path'

import { BuildQueue, PORTAL_BUILD_SLUG, releaseScriptRunner, setPortalBuildQueue } from '../cms/publishing/buildQueue.ts'
import { seed } from '../cms/seed/index.ts'
import { campaignPath, honoureeFilterPath, honoureePath, honoureesPath, newsListPath, newsPath } from '../site/lib/routes.ts'
import { releaseEnvIn } from '../site/scripts/release.ts'
import { startPortalServer } from '../site/server/serve.ts'
import { makeUser, startTestCms } from '../tests/helpers/payload.ts'
import { seedSynthetic } from './synthetic.ts'

const extra = Number(process.env.BENCH_PAGES ?? 1000)
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
const queue = new BuildQueue(payload, {
  debounceMs: Number(process.env.PORTAL_REBUILD_DEBOUNCE_MS ?? 1000),
  run: releaseScriptRunner(root, {
    ...process.env,
    ...releaseEnv,
  }),
})
setPortalBuildQueue(queue)
const first = Date.now()
await queue.request('Bản dựng đầu tiên (đo hiệu năng)')
await queue.whenIdle()
const portal = await startPortalServer({ current, port: 0, host: '127.0.0.1', log: () => {} })
const status = () => payload.findGlobal({ slug: PORTAL_BUILD_SLUG, overrideAccess: true })
console.log(`first full build:   ${((Date.now() - first) / 1000).toFixed(1)} s, ${(await status()).lastPages} pages`)

/** Seconds from `act` to every URL serving text that passes `ready`. */
async function timeToLive(label: string, act: () => Promise<string[]>, ready: (body: string) => boolean) {
  const started = performance.now()
  const urls = await act()
  for (const url of urls) {
    for (;;) {
      const response = await fetch(`${portal.url}${url}`)
      if (response.ok && ready(await response.text())) break
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const seconds = (performance.now() - started) / 1000
  await queue.whenIdle()
  const s = await status()
  console.log(`${label}: ${seconds.toFixed(1)} s (build ${s.lastSuccessSeconds} s, ${s.lastRenderedPages} of ${s.lastPages} pages rendered, the rest reused)`)
}

const marker = `ZQXBENCH${Date.now()}`
await timeToLive(
  'news item, publish → served',
  async () => {
    const news = await payload.create({ collection: 'news', data: { title: `Tin mới ${marker}`, _status: 'published' } as never, user: editor, overrideAccess: false })
    return [newsPath(news), newsListPath()]
  },
  (body) => body.includes(marker),
)

const [honouree] = (await payload.find({ collection: 'honourees', where: { campaign: { equals: campaign.id } }, limit: 1, overrideAccess: true, sort: 'id' })).docs
await timeToLive(
  'honouree on many pages, rename → served everywhere',
  async () => {
    await payload.update({ collection: 'honourees', id: honouree.id, data: { name: `${honouree.name} ${marker}H`, _status: 'published' } as never, user: editor, overrideAccess: false })
    return [honoureePath(honouree), honoureesPath(), honoureeFilterPath('year', String(honouree.year)), campaignPath(campaign)]
  },
  (body) => body.includes(`${marker}H`),
)

await portal.close()
fs.rmSync(work, { recursive: true, force: true })
await cms.cleanup()
process.exit(0)
