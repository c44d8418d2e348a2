/**
 * Loading only what pages use. A related document reaches the portal with the fields its
 * collection's `defaultPopulate` names (cms/lib/populate.ts) and no join fields, so an
 * honouree's page — whose incremental-build key is its entry's digest — depends on its
 * campaign's name and link, not on the campaign's body. All real: Payload on a fresh SQLite
 * file (seeded), `site/scripts/release.ts` (incremental astro build + Pagefind) run three times.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { Campaign, Honouree } from '../cms/payload-types'
import { seed } from '../cms/seed'
import { buildRelease, releaseEnvIn, type ReleaseResult } from '../site/scripts/release'
import { pagePath } from './helpers/portal'
import { paragraph } from './helpers/richtext'
import { startTestCms, type TestCms } from './helpers/payload'

const root = path.resolve(import.meta.dirname, '..')
const work = path.join(root, '.build', `content-loading-test-${process.pid}`)
const env = releaseEnvIn(work)
const release = () =>
  buildRelease({
    current: env.PORTAL_CURRENT,
    releasesDir: env.PORTAL_RELEASES_DIR,
    cacheDir: env.PORTAL_CACHE_DIR,
    env: { ...process.env, PORTAL_NOW: '2026-11-22' },
  })
const page = (build: ReleaseResult, urlPath: string) => fs.readFileSync(pagePath(path.join(build.dir, 'client'), urlPath), 'utf8')
const figures = (label: string, build: ReleaseResult) =>
  console.log(`${label}: ${build.renderedPages} of ${build.pages} pages rendered, ${build.pages - build.renderedPages} reused (${build.seconds} s)`)

let cms: TestCms
let payload: Payload
let campaign: Campaign
let honourees: Honouree[]
let first: ReleaseResult

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  await seed(payload)
  // A published campaign with published honourees, as the public reads them.
  const { docs } = await payload.find({ collection: 'honourees', where: { campaign: { exists: true } }, depth: 0, overrideAccess: false, pagination: false })
  const campaignId = docs[0].campaign as number
  campaign = await payload.findByID({ collection: 'campaigns', id: campaignId, depth: 0, overrideAccess: false })
  honourees = docs.filter((h) => h.campaign === campaignId)
  fs.mkdirSync(work, { recursive: true })
  first = await release()
  figures('first build', first)
}, 900_000)

afterAll(async () => {
  await cms?.cleanup()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('a page depends on what it shows of related documents', () => {
  test('an honouree carries its campaign as name and link only, and a campaign no join fields', async () => {
    const [honouree] = (await payload.find({ collection: 'honourees', where: { id: { equals: honourees[0].id } }, depth: 1, overrideAccess: false })).docs
    expect(Object.keys(honouree.campaign as object).sort()).toEqual(['id', 'name', 'slug'])
    const [withJoins] = (await payload.find({ collection: 'campaigns', where: { id: { equals: campaign.id } }, depth: 1, overrideAccess: false })).docs
    expect(withJoins.honourees).toBeDefined()
    const [loaded] = (await payload.find({ collection: 'campaigns', where: { id: { equals: campaign.id } }, depth: 1, joins: false, overrideAccess: false })).docs
    expect(loaded.honourees).toBeUndefined()
    expect(loaded.body).toBeDefined()
  })

  test("editing a campaign's body re-renders its page and reuses its honourees' pages", async () => {
    const body = campaign.body as { root: { children: unknown[] } }
    await payload.update({
      collection: 'campaigns',
      id: campaign.id,
      data: { body: { ...body, root: { ...body.root, children: [...body.root.children, paragraph('Đoạn mới ZQXBODYEDIT trong nội dung phong trào.')] } } as never },
      overrideAccess: true,
    })
    const build = await release()
    figures('after editing the body', build)
    expect(build.renderedPaths).toContain(`/phong-trao/${campaign.slug}/index.html`)
    expect(page(build, `/phong-trao/${campaign.slug}/`)).toContain('ZQXBODYEDIT')
    for (const h of honourees) {
      expect(build.renderedPaths).not.toContain(`/dien-hinh/${h.slug}/index.html`)
      expect(build.renderedPaths).not.toContain(`/nhung/dien-hinh/${h.slug}/index.html`)
      expect(page(build, `/dien-hinh/${h.slug}/`)).toContain(`href="/phong-trao/${campaign.slug}/"`)
    }
    expect(build.renderedPages).toBeLessThan(build.pages)
  }, 600_000)

  test("renaming the campaign re-renders its honourees' pages with the new name", async () => {
    const name = `${campaign.name} ZQXRENAMED`
    await payload.update({ collection: 'campaigns', id: campaign.id, data: { name }, overrideAccess: true })
    const build = await release()
    figures('after renaming the campaign', build)
    for (const h of honourees) {
      expect(build.renderedPaths).toContain(`/dien-hinh/${h.slug}/index.html`)
      expect(build.renderedPaths).toContain(`/nhung/dien-hinh/${h.slug}/index.html`)
      expect(page(build, `/dien-hinh/${h.slug}/`)).toContain('ZQXRENAMED')
    }
  }, 600_000)
})
