/**
 * The publishing pipeline end to end, all real: Payload on a fresh SQLite file (seeded), the
 * rebuild queue running `site/scripts/release.ts` (astro build + Pagefind) in child processes,
 * the portal server swapping releases, the CMS REST API on loopback for draft preview, and
 * Payload's jobs queue (every second here) for scheduled publishing.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { createPreviewToken } from '../cms/lib/previewToken'
import { BuildQueue, PORTAL_BUILD_SLUG, releaseScriptRunner, setPortalBuildQueue } from '../cms/publishing/buildQueue'
import { seed } from '../cms/seed'
import { runSearch } from '../site/lib/search'
import { diskSource } from '../site/lib/search-server'
import { releaseEnvIn } from '../site/scripts/release'
import { startPortalServer } from '../site/server/serve'
import { serveCmsApi } from './helpers/cms-server'
import { pdfBytes, uploadMedia } from './helpers/files'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

const root = path.resolve(import.meta.dirname, '..')
const work = path.join(root, '.build', `publishing-test-${process.pid}`)
const releaseEnv = releaseEnvIn(work)
const current = releaseEnv.PORTAL_CURRENT

let cms: TestCms
let payload: Payload
let queue: BuildQueue
let portal: Awaited<ReturnType<typeof startPortalServer>>
let cmsApi: Awaited<ReturnType<typeof serveCmsApi>>
let editor: Awaited<ReturnType<typeof makeUser>>

const asEditor = () => ({ user: editor, overrideAccess: false }) as const

/** Wait for the queue to finish everything asked so far, and for the server to serve the result. */
async function settle() {
  await new Promise((r) => setTimeout(r, 50))
  await queue.whenIdle()
  await portal.refresh()
}

const get = (urlPath: string) => fetch(`${portal.url}${urlPath}`)
const html = async (urlPath: string) => (await get(urlPath)).text()

/** The live release's search as the portal's server runs it (its Pagefind runtime with the delta merged, its catalogue). */
async function search(query: string): Promise<string[]> {
  const dir = portal.liveRelease()!
  const source = await diskSource(path.join(dir, 'client'), `${portal.url}/pagefind/`)
  return (await runSearch(source, query)).hits.map((hit) => hit.url)
}

const status = () => payload.findGlobal({ slug: PORTAL_BUILD_SLUG, overrideAccess: true })

beforeAll(async () => {
  // The jobs queue runs in this process as in the server, checking every second here.
  process.env.PAYLOAD_JOBS_CRON = '* * * * * *'
  process.env.PAYLOAD_JOBS_AUTORUN = 'true'
  cms = await startTestCms({ cron: true })
  payload = cms.payload
  await seed(payload)
  editor = await makeUser(payload, 'editor')
  cmsApi = await serveCmsApi()
  fs.mkdirSync(work, { recursive: true })
  queue = new BuildQueue(payload, {
    debounceMs: 300,
    run: releaseScriptRunner(root, {
      ...process.env,
      ...releaseEnv,
      PORTAL_NOW: '2026-11-22',
      // As on CI: Astro's log is coloured, and the page counts must still be read from it.
      FORCE_COLOR: '1',
    }),
  })
  setPortalBuildQueue(queue)
  process.env.PORTAL_AUTO_REBUILD = '1'
  await queue.request('Bản dựng đầu tiên')
  await queue.whenIdle()
  portal = await startPortalServer({ current, port: 0, host: '127.0.0.1', env: { ...process.env, CMS_INTERNAL_URL: cmsApi.url }, log: () => {} })
  // The first full build: minutes on a shared, loaded machine.
}, 900_000)

afterAll(async () => {
  process.env.PORTAL_AUTO_REBUILD = '0'
  setPortalBuildQueue(undefined)
  await portal?.close()
  await cmsApi?.close()
  await cms?.cleanup()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('publishing makes the portal live', () => {
  let newsId: number
  let firstRelease: string

  test('the first build is served, with its status recorded for staff', async () => {
    expect((await get('/')).status).toBe(200)
    const s = await status()
    expect(s.lastOutcome).toBe('success')
    expect(s.state).toBe('idle')
    expect(s.lastPages).toBeGreaterThan(100)
    firstRelease = portal.liveRelease()!
  })

  test('publishing a news item puts it on its page, the list, the sitemap, RSS and search', async () => {
    const news = await payload.create({
      collection: 'news',
      data: { title: 'Tin mới ZQXPUBLISH về khuyến học', summary: 'Tóm tắt tin mới.', _status: 'published' },
      ...asEditor(),
    })
    newsId = news.id
    await settle()
    const page = await get(`/tin-tuc/${news.slug}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Tin mới ZQXPUBLISH về khuyến học')
    expect(await html('/tin-tuc/')).toContain(`/tin-tuc/${news.slug}/`)
    expect(await html('/sitemap-0.xml')).toContain(`/tin-tuc/${news.slug}/`)
    expect(await html('/tin-tuc/rss.xml')).toContain('ZQXPUBLISH')
    expect(await search('zqxpublish')).toEqual(expect.arrayContaining([`/tin-tuc/${news.slug}/`]))
    expect(portal.liveRelease()).not.toBe(firstRelease)
    // Incremental: pages whose data did not change were copied, not rendered again.
    const s = await status()
    expect(s.lastRenderedPages).toBeLessThan(s.lastPages!)
    expect(s.lastSuccessReasons).toContain('ZQXPUBLISH')
    // Files the publish did not change are links to the previous release's (with their
    // compressed copies, which still decode to the page); changed ones are new files.
    const file = (release: string, page: string) => path.join(release, 'client', page)
    const inode = (name: string) => fs.statSync(name).ino
    const live = portal.liveRelease()!
    const untouched = 'trang/gioi-thieu/index.html'
    expect(fs.readFileSync(file(live, untouched))).toEqual(fs.readFileSync(file(firstRelease, untouched)))
    expect(inode(file(live, untouched))).toBe(inode(file(firstRelease, untouched)))
    expect(inode(file(live, `${untouched}.br`))).toBe(inode(file(firstRelease, `${untouched}.br`)))
    expect(zlib.brotliDecompressSync(fs.readFileSync(file(live, `${untouched}.br`)))).toEqual(fs.readFileSync(file(live, untouched)))
    expect(inode(file(live, 'tin-tuc/index.html'))).not.toBe(inode(file(firstRelease, 'tin-tuc/index.html')))
    expect(zlib.gunzipSync(fs.readFileSync(file(live, 'tin-tuc/index.html.gz'))).toString()).toContain('ZQXPUBLISH')
  }, 180_000)

  test('a draft saved after publishing does not change the live page', async () => {
    await payload.update({ collection: 'news', id: newsId, data: { title: 'Bản nháp ZQXDRAFTEDIT' }, draft: true, ...asEditor() })
    await settle()
    const news = await payload.findByID({ collection: 'news', id: newsId, overrideAccess: true })
    const page = await html(`/tin-tuc/${news.slug}/`)
    expect(page).toContain('ZQXPUBLISH')
    expect(page).not.toContain('ZQXDRAFTEDIT')
  }, 180_000)

  test('a changed honouree updates every page that shows it', async () => {
    const { docs } = await payload.find({ collection: 'honourees', where: { campaign: { exists: true } }, overrideAccess: true, limit: 1 })
    const honouree = docs[0]
    const campaignId = typeof honouree.campaign === 'object' ? honouree.campaign!.id : honouree.campaign
    const campaign = await payload.findByID({ collection: 'campaigns', id: campaignId!, overrideAccess: true })
    await payload.update({ collection: 'honourees', id: honouree.id, data: { name: `${honouree.name} ZQXRENAMED`, _status: 'published' }, ...asEditor() })
    await settle()
    for (const urlPath of [`/dien-hinh/${honouree.slug}/`, '/dien-hinh/', `/phong-trao/${campaign.slug}/`, `/dien-hinh/nam/${honouree.year}/`]) {
      expect(await html(urlPath), urlPath).toContain('ZQXRENAMED')
    }
    expect(await search('zqxrenamed')).toEqual(expect.arrayContaining([`/dien-hinh/${honouree.slug}/`]))
  }, 180_000)

  test('saving the site settings (notice, menu, footer links) rebuilds every page, cached ones included', async () => {
    const { docs: [plan] } = await payload.find({ collection: 'plans', limit: 1, overrideAccess: true })
    await payload.updateGlobal({
      slug: 'site-settings',
      data: {
        notice: { enabled: true, text: 'Thông báo chung ZQXNOTICE', link: '/phong-trao/' },
        navigation: [
          { label: 'Trang chủ', link: '/' },
          { label: 'Văn bản ZQXMENU', link: '/van-ban/' },
        ],
        footerLinks: [{ label: 'Liên hệ ZQXFOOTER', link: '/trang/gioi-thieu/' }],
      },
      ...asEditor(),
    })
    await settle()
    for (const urlPath of ['/', `/van-ban/${plan.slug}/`, '/tin-tuc/']) {
      const body = await html(urlPath)
      expect(body, urlPath).toContain('ZQXNOTICE')
      expect(body, urlPath).toContain('>Văn bản ZQXMENU</a>')
      expect(body, urlPath).toContain('>Liên hệ ZQXFOOTER</a>')
      expect(body, urlPath).not.toContain('>Phong trào</a></li>')
    }
  }, 180_000)

  test('a menu link outside the portal is refused with a Vietnamese message, and nothing changes', async () => {
    const before = await payload.findGlobal({ slug: 'site-settings', overrideAccess: true })
    const error = await payload
      .updateGlobal({ slug: 'site-settings', data: { navigation: [{ label: 'Lừa đảo', link: 'https://example.com/' }] }, ...asEditor() })
      .catch((e) => e)
    expect(error.data?.errors?.[0]?.message).toContain('Đường dẫn phải là đường dẫn trong cổng thông tin')
    const after = await payload.findGlobal({ slug: 'site-settings', overrideAccess: true })
    expect(after.navigation).toEqual(before.navigation)
  })

  test('unpublishing removes the page from pages, lists, sitemap, RSS and search', async () => {
    const news = await payload.findByID({ collection: 'news', id: newsId, overrideAccess: true })
    await payload.update({ collection: 'news', id: newsId, data: { _status: 'draft' }, ...asEditor() })
    await settle()
    expect((await get(`/tin-tuc/${news.slug}/`)).status).toBe(404)
    expect(await html('/tin-tuc/')).not.toContain(`/tin-tuc/${news.slug}/`)
    expect(await html('/sitemap-0.xml')).not.toContain(`/tin-tuc/${news.slug}/`)
    expect(await html('/tin-tuc/rss.xml')).not.toContain('ZQXPUBLISH')
    expect(await search('zqxpublish')).toEqual([])
  }, 180_000)

  test('deleting a published honouree removes it everywhere', async () => {
    const { docs } = await payload.find({ collection: 'honourees', where: { name: { contains: 'ZQXRENAMED' } }, overrideAccess: true })
    const honouree = docs[0]
    await payload.delete({ collection: 'honourees', id: honouree.id, ...asEditor() })
    await settle()
    expect((await get(`/dien-hinh/${honouree.slug}/`)).status).toBe(404)
    expect(await html('/dien-hinh/')).not.toContain('ZQXRENAMED')
    expect(await html('/sitemap-0.xml')).not.toContain(`/dien-hinh/${honouree.slug}/`)
    expect(await search('zqxrenamed')).toEqual([])
  }, 180_000)
})

describe('a failed build never takes the portal down', () => {
  test('content the portal cannot render fails the build; the previous site stays and staff see the error', async () => {
    const before = portal.liveRelease()
    // Saving such content is refused (cms/fields/richText.ts); it can still be in the database,
    // written before that check existed or straight into the database, and the build must stop it.
    process.env.PORTAL_AUTO_REBUILD = '0'
    const broken = await payload.create({ collection: 'news', data: { title: 'Tin lỗi ZQXBROKEN', _status: 'published' }, ...asEditor() })
    await payload.db.updateOne({
      collection: 'news',
      id: broken.id,
      data: { body: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'video-embed', version: 1 }] } } },
    })
    process.env.PORTAL_AUTO_REBUILD = '1'
    await queue.request('Tin tức: Tin lỗi ZQXBROKEN (xuất bản)')
    await settle()
    const s = await status()
    expect(s.lastOutcome).toBe('failure')
    expect(s.lastError).toContain('video-embed')
    // Staff see Astro's error itself, not the page line the log printed before it.
    expect(s.lastError).toMatch(/^astro build thất bại \(mã 1\): \[build\] Caught error rendering \/tin-tuc\/tin-loi-zqxbroken/)
    expect(s.lastLog).toBeTruthy()
    expect(s.lastFailureReasons).toContain('ZQXBROKEN')
    expect(portal.liveRelease()).toBe(before)
    expect((await get('/')).status).toBe(200)
    expect((await get(`/tin-tuc/${broken.slug}/`)).status).toBe(404)

    // Staff read the status over the API; anonymous readers cannot.
    const anonymous = await fetch(`${cmsApi.url}/api/globals/${PORTAL_BUILD_SLUG}`)
    expect(anonymous.status).toBeGreaterThanOrEqual(400)
    const { token } = await payload.login({ collection: 'users', data: { email: editor.email, password: editor.password } })
    const asStaff = await fetch(`${cmsApi.url}/api/globals/${PORTAL_BUILD_SLUG}`, { headers: { authorization: `JWT ${token}` } })
    expect((await asStaff.json()).lastError).toContain('video-embed')

    // Fixing the content and rebuilding by hand brings the site up to date.
    await payload.delete({ collection: 'news', id: broken.id, ...asEditor() })
    const refused = await fetch(`${cmsApi.url}/api/globals/${PORTAL_BUILD_SLUG}/rebuild`, { method: 'POST' })
    expect(refused.status).toBe(403)
    const accepted = await fetch(`${cmsApi.url}/api/globals/${PORTAL_BUILD_SLUG}/rebuild`, { method: 'POST', headers: { authorization: `JWT ${token}` } })
    expect(accepted.status).toBe(202)
    await settle()
    expect((await status()).lastOutcome).toBe('success')
    expect(portal.liveRelease()).not.toBe(before)
  }, 300_000)
})

describe('draft preview', () => {
  let draft: { id: number; slug?: string | null }

  beforeAll(async () => {
    // An image only this draft uses: not in any build, shown in the preview from the CMS.
    const data = await sharp({ create: { width: 1800, height: 900, channels: 3, background: '#2a6f97' } }).jpeg().toBuffer()
    const image = await uploadMedia(payload, { name: 'anh-nhap.jpg', mimetype: 'image/jpeg', data, alt: 'Ảnh nháp ZQXDRAFTIMAGE' })
    draft = await payload.create({
      collection: 'news',
      data: { title: 'Bản nháp xem trước ZQXPREVIEW', heroImage: image.id, _status: 'draft' },
      draft: true,
      ...asEditor(),
    })
  })

  const previewPath = (id: number | string, token?: string) => `/xem-truoc/news/${id}/${token ? `?token=${encodeURIComponent(token)}` : ''}`

  test('the admin’s “Xem trước” link shows the draft with the public page components, never indexed or cached', async () => {
    const preview = payload.collections.news.config.admin.preview as (doc: unknown, options: unknown) => string
    const link = new URL(await preview(draft, { req: { user: editor, payload }, locale: 'vi', token: null }))
    expect(link.pathname).toBe(`/xem-truoc/news/${draft.id}/`)
    const response = await get(`${link.pathname}${link.search}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toContain('no-store')
    expect(response.headers.get('x-robots-tag')).toContain('noindex')
    const page = await response.text()
    expect(page).toContain('Bản nháp xem trước ZQXPREVIEW')
    expect(page).toContain('Bản xem trước')
    expect(page).toMatch(/<meta name="robots" content="noindex/)
    expect(page).not.toContain('data-pagefind-body')
    // The draft's own image, in the size the CMS made for heroes, straight from the CMS.
    expect(page).toMatch(/<img src="http:\/\/localhost:3000\/api\/media\/file\/anh-nhap-1600x800\.webp" alt="Ảnh nháp ZQXDRAFTIMAGE" width="1600" height="800"/)
  })

  test('an information page’s draft edit previews the same way; the live page is unchanged', async () => {
    const { docs: [about] } = await payload.find({ collection: 'pages', where: { slug: { equals: 'gioi-thieu' } }, overrideAccess: true })
    await payload.update({ collection: 'pages', id: about.id, data: { summary: 'Tóm tắt mới ZQXPAGEDRAFT' }, draft: true, ...asEditor() })
    const preview = payload.collections.pages.config.admin.preview as (doc: unknown, options: unknown) => string
    const link = new URL(await preview(about, { req: { user: editor, payload }, locale: 'vi', token: null }))
    const response = await get(`${link.pathname}${link.search}`)
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toContain('ZQXPAGEDRAFT')
    expect(page).toContain('Bản xem trước')
    await settle()
    expect(await html('/trang/gioi-thieu/')).not.toContain('ZQXPAGEDRAFT')
  })

  test('a plan’s draft with a newly attached file links the CMS’s copy (staff only), not the portal', async () => {
    const { docs: [plan] } = await payload.find({ collection: 'plans', where: { slug: { exists: true } }, limit: 1, overrideAccess: true })
    const file = await uploadMedia(payload, { name: 'phu-luc-nhap.pdf', mimetype: 'application/pdf', data: pdfBytes('ZQXDRAFTATTACHMENT'), alt: 'Phụ lục nháp' })
    await payload.update({
      collection: 'plans',
      id: plan.id,
      data: { attachments: [...(plan.attachments ?? []), { title: 'Phụ lục nháp ZQXATTACH', file: file.id }] },
      draft: true,
      ...asEditor(),
    })
    const preview = payload.collections.plans.config.admin.preview as (doc: unknown, options: unknown) => string
    const link = new URL(await preview(plan, { req: { user: editor, payload }, locale: 'vi', token: null }))
    const page = await (await get(`${link.pathname}${link.search}`)).text()
    expect(page).toContain('<a href="http://localhost:3000/api/media/file/phu-luc-nhap.pdf">Phụ lục nháp ZQXATTACH</a>')
    expect(await html(`/van-ban/${plan.slug}/`)).not.toContain('ZQXATTACH')
  })

  test('anonymous, forged, expired and non-staff requests are refused', async () => {
    const anonymous = await get(previewPath(draft.id))
    expect(anonymous.status).toBe(401)
    const text = await anonymous.text()
    expect(text).toContain('chỉ dành cho cán bộ')
    expect(text).not.toContain('ZQXPREVIEW')

    const secret = payload.secret
    const other = createPreviewToken({ collection: 'news', id: draft.id + 1000, user: editor.id }, secret)
    const forged = createPreviewToken({ collection: 'news', id: draft.id, user: editor.id }, 'not-the-secret')
    const expired = createPreviewToken({ collection: 'news', id: draft.id, user: editor.id }, secret, Date.now() - 3 * 3600_000)
    const { docs: [organization] } = await payload.find({ collection: 'organizations', limit: 1, overrideAccess: true })
    const reporter = await makeUser(payload, 'data-reporter', organization.id)
    const nonStaff = createPreviewToken({ collection: 'news', id: draft.id, user: reporter.id }, secret)
    for (const [token, message] of [
      [other, 'không dành cho tài liệu này'],
      [forged, 'không hợp lệ'],
      [expired, 'hết hạn'],
      [nonStaff, 'không còn quyền'],
    ] as const) {
      const response = await get(previewPath(draft.id, token))
      expect(response.status, message).toBe(403)
      const body = await response.text()
      expect(body).toContain(message)
      expect(body).not.toContain('ZQXPREVIEW')
      expect(response.headers.get('cache-control')).toContain('no-store')
    }
  })
})

describe('scheduled publishing', () => {
  test('a document scheduled for a time goes live then, with nobody acting, and the portal follows', async () => {
    const news = await payload.create({ collection: 'news', data: { title: 'Tin hẹn giờ ZQXSCHEDULED', _status: 'draft' }, draft: true, ...asEditor() })
    const at = new Date(Date.now() + 4000)
    // What the admin's "Lên lịch xuất bản" drawer queues.
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(news.id) }, user: { relationTo: 'users', value: editor.id } },
      waitUntil: at,
    } as never)
    expect((await payload.findByID({ collection: 'news', id: news.id, overrideAccess: true }))._status).toBe('draft')
    const deadline = Date.now() + 120_000
    let live = false
    while (!live && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000))
      const doc = await payload.findByID({ collection: 'news', id: news.id, overrideAccess: true })
      if (doc._status === 'published') {
        expect(Date.now()).toBeGreaterThanOrEqual(at.getTime())
        await settle()
        const slug = doc.slug
        live = (await get(`/tin-tuc/${slug}/`)).status === 200
      }
    }
    expect(live).toBe(true)
  }, 180_000)
})

describe('framing policy', () => {
  test('embeds may be framed by any site; every other page refuses framing', async () => {
    const home = await get('/')
    expect(home.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(home.headers.get('x-content-type-options')).toBe('nosniff')
    const embed = await get('/nhung/')
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(embed.headers.get('x-frame-options')).toBeNull()
  })
})
