/**
 * Valid HTML on every page: the W3C Nu HTML Checker (vnu-jar) on a real build of the seeded
 * portal, and on the pages rendered on demand (search results, previews, refusals) as the
 * portal server answers them. Java is needed: on CI a missing Java fails the suite, locally
 * the suite is skipped and says why.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { seed } from '../cms/seed'
import { startPortalServer } from '../site/server/serve.ts'
import { serveCmsApi } from './helpers/cms-server'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'
import { buildPortal, type PortalBuild } from './helpers/portal'
import { builtPage, describeErrors, htmlErrors, javaVersion } from './helpers/vnu'

const java = javaVersion()
const missingJava = 'Java not found: the HTML check needs it (apt-get install -y default-jre-headless)'

if (!java && !process.env.CI) console.warn(`tests/html-validity.test.ts skipped — ${missingJava}`)

test.runIf(!java && process.env.CI)('Java is installed for the HTML check on CI', () => {
  expect.fail(missingJava)
})

describe.runIf(java)('valid HTML (W3C Nu HTML Checker)', () => {
  let cms: TestCms
  let payload: Payload
  let build: PortalBuild
  let cmsApi: Awaited<ReturnType<typeof serveCmsApi>>
  let portal: Awaited<ReturnType<typeof startPortalServer>>
  const office = { operator: 'Hội Khuyến học <tỉnh> & "Thái Bình"', contactEmail: 'vanphong@khuyenhoc.example.vn', contactPhone: '(0227) 3 831 234' }
  const onDemandDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnu-on-demand-'))

  beforeAll(async () => {
    cms = await startTestCms()
    payload = cms.payload
    await seed(payload)
    // The office's contacts shown, so that their markup is checked too (and escaped).
    await payload.updateGlobal({ slug: 'site-settings', data: office, overrideAccess: true })
    build = await buildPortal(cms.dbFile, { PORTAL_NOW: '2026-08-20' })
    cmsApi = await serveCmsApi()
    portal = await startPortalServer({ current: build.outDir, port: 0, host: '127.0.0.1', env: { ...process.env, CMS_INTERNAL_URL: cmsApi.url }, log: () => {} })
  }, 600_000)

  afterAll(async () => {
    await portal?.close()
    await cmsApi?.close()
    build?.remove()
    await cms?.cleanup()
    fs.rmSync(onDemandDir, { recursive: true, force: true })
  })

  /** The on-demand pages, each as the portal answers it, saved as a file named after its URL. */
  async function saveOnDemandPages(): Promise<Map<string, string>> {
    const editor = await makeUser(payload, 'editor')
    const previewLinks = await Promise.all(
      // One draft preview per kind of page, and the page in English.
      (['news', 'campaigns', 'honourees', 'plans', 'pages', 'english'] as const).map(async (kind) => {
        const collection = kind === 'english' ? 'pages' : kind
        // A plan with its original text: the preview shows "Toàn văn" as the page does.
        const where: Where = kind === 'english' ? { language: { equals: 'en' } } : kind === 'plans' ? { fullText: { exists: true } } : {}
        const { docs: [doc] } = await payload.find({ collection, where, limit: 1, overrideAccess: true })
        const preview = payload.collections[collection].config.admin.preview as (doc: unknown, options: unknown) => Promise<string> | string
        const link = new URL(await preview(doc, { req: { user: editor, payload }, locale: 'vi', token: null }))
        return `${link.pathname}${link.search}`
      }),
    )
    const urls = ['/tim-kiem/', '/tim-kiem/?q=don+vi+hoc+tap', '/tim-kiem/?q=zqxkhongco', '/xem-truoc/news/1/', ...previewLinks]
    const files = new Map<string, string>()
    for (const [i, url] of urls.entries()) {
      const response = await fetch(`${portal.url}${url}`)
      expect(response.headers.get('content-type'), url).toContain('text/html')
      const file = path.join(onDemandDir, `page-${i}.html`)
      const html = await response.text()
      if (url.startsWith('/xem-truoc/plans/')) expect(html, url).toMatch(/<details class="full-text"[^>]*data-pagefind-ignore[^>]*>\s*<summary[\s>]/)
      fs.writeFileSync(file, html)
      files.set(file, `${url.replace(/token=[^&]+/, 'token=…')} (on demand)`)
    }
    return files
  }

  test('every built page and every on-demand page has 0 errors', async () => {
    const onDemand = await saveOnDemandPages()
    const builtPages = fs.readdirSync(build.clientDir, { recursive: true }).filter((f) => String(f).endsWith('.html'))
    expect(builtPages.length).toBeGreaterThan(150)
    const errors = await htmlErrors([build.clientDir, onDemandDir])
    const report = describeErrors(errors, (file) => onDemand.get(file) ?? builtPage(build.clientDir, file))
    const pages = new Set(errors.map((e) => e.file)).size
    if (errors.length) expect.fail(`${errors.length} errors on ${pages} pages (${java}):\n${report}`)
  }, 300_000)
})
