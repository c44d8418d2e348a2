/**
 * One routes module (site/lib/routes.ts), Vietnamese paths and the libraries behind the
 * sitemap and RSS, checked on a real build of the seeded content: every built page is in the
 * sitemap except embeds, redirects and the 404 page; no page links to an English filter path;
 * every retired English path answers 301 (portal server) and has a redirect page; the feed is
 * well-formed XML with the published news, their titles, dates and links.
 */
import fs from 'node:fs'
import path from 'node:path'

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { awardKinds, awardKindSlugs, documentTypes, documentTypeSlugs, honoureeKinds, honoureeKindSlugs, type Option } from '../cms/fields/options'
import { defaultFooterLinks, defaultNavigation } from '../cms/lib/portal'
import { slugify, SLUG_PATTERN } from '../cms/lib/vietnamese'
import { previewableCollections, previewPath as cmsPreviewPath } from '../cms/publishing/preview'
import { seed } from '../cms/seed'
import type { News } from '../cms/payload-types'
import { sortNews } from '../site/lib/news'
import { readRedirects } from '../site/lib/redirects'
import { honoureeFilterPath, isListedInSitemap, legacyRedirects, newsPath, planPath, planTypePath, previewPath, searchPath } from '../site/lib/routes'
import { startTestCms, type TestCms } from './helpers/payload'
import { buildPortal, sitemapUrls, type PortalBuild } from './helpers/portal'
import { freePort, serveBuild, type Served } from './helpers/serve-build'

describe('option slugs', () => {
  test.each([
    ['documentTypes', documentTypes, documentTypeSlugs],
    ['honoureeKinds', honoureeKinds, honoureeKindSlugs],
    ['awardKinds', awardKinds, awardKindSlugs],
  ] as [string, readonly Option[], Record<string, string>][])('%s: one unique Vietnamese slug per option, made of its label’s words', (_, options, slugs) => {
    expect(Object.keys(slugs).sort()).toEqual(options.map((o) => o.value).sort())
    expect(new Set(Object.values(slugs)).size).toBe(options.length)
    for (const o of options) {
      const slug = slugs[o.value]
      expect(slug).toMatch(SLUG_PATTERN)
      expect(slug).not.toBe(o.value)
      const words = slugify(o.label.vi).split('-')
      for (const word of slug.split('-')) expect(words, `${o.value}: “${word}” is not in “${o.label.vi}”`).toContain(word)
    }
  })

  test('filter paths use the Vietnamese slug; each English one redirects to it', () => {
    expect(planTypePath('plan')).toBe('/van-ban/loai/ke-hoach/')
    expect(honoureeFilterPath('award', 'pm-certificate')).toBe('/dien-hinh/danh-hieu/bang-khen-thu-tuong-chinh-phu/')
    expect(honoureeFilterPath('kind', 'learning-family')).toBe('/dien-hinh/loai/gia-dinh-hoc-tap/')
    expect(honoureeFilterPath('province', 'thai-binh')).toBe('/dien-hinh/dia-phuong/thai-binh/')
    const redirects = legacyRedirects()
    expect(redirects['/dien-hinh/danh-hieu/certificate-of-merit/']).toBe('/dien-hinh/danh-hieu/giay-khen/')
    expect(redirects['/van-ban/loai/dispatch/']).toBe('/van-ban/loai/cong-van/')
    expect(Object.keys(redirects)).toHaveLength(documentTypes.length + honoureeKinds.length + awardKinds.length)
  })
})

test('the CMS’s preview links open the portal’s preview route', () => {
  for (const collection of previewableCollections) expect(cmsPreviewPath(collection, 42)).toBe(previewPath(collection, 42))
})

describe('a real build', () => {
  let cms: TestCms
  let payload: Payload
  let build: PortalBuild
  let served: Served

  /** Every built HTML page as its URL path (/van-ban/, /404.html …). */
  const builtPages = () => {
    const out: string[] = []
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) {
          if (entry.name !== '_astro' && entry.name !== 'pagefind') walk(full)
        } else if (entry.name.endsWith('.html')) {
          const rel = `/${path.relative(build.clientDir, full).split(path.sep).join('/')}`
          out.push(entry.name === 'index.html' ? rel.slice(0, -'index.html'.length) : rel)
        }
      }
    }
    walk(build.clientDir)
    return out.sort()
  }
  const html = (urlPath: string) => fs.readFileSync(path.join(build.clientDir, urlPath, 'index.html'), 'utf8')

  beforeAll(async () => {
    cms = await startTestCms()
    payload = cms.payload
    await seed(payload)
    build = await buildPortal(cms.dbFile, { PORTAL_NOW: '2026-11-22' })
    served = await serveBuild(build.outDir, await freePort())
  }, 600_000)

  afterAll(async () => {
    await served?.close()
    build?.remove()
    await cms?.cleanup()
  })

  test('the sitemap lists every built page except embeds, redirects and the 404 page, and nothing else', () => {
    const site = 'http://localhost:4321'
    const listed = sitemapUrls(build.clientDir).map((u) => {
      expect(u.startsWith(`${site}/`), u).toBe(true)
      return u.slice(site.length)
    })
    const redirects = readRedirects(build.outDir)
    const expected = builtPages().filter((p) => !p.startsWith('/nhung/') && p !== '/404.html' && !(p in redirects))
    // The document filters the hand-written sitemap left out are there.
    expect(expected.filter((p) => /^\/van-ban\/(nam|loai|co-quan|chu-de)\//.test(p)).length).toBeGreaterThan(10)
    // The search page is rendered on demand (no file) but is a public page.
    expect(listed.sort()).toEqual([...expected, '/tim-kiem/'].sort())
    expect(listed.every(isListedInSitemap)).toBe(true)
    expect(new Set(listed).size).toBe(listed.length)
  })

  test('sitemap entries carry each document’s last change; the file it came from is not published', async () => {
    const xml = fs.readFileSync(path.join(build.clientDir, 'sitemap-0.xml'), 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const entries = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml).urlset.url as { loc: string; lastmod?: string }[]
    const lastmodOf = (p: string) => entries.find((e) => e.loc === `http://localhost:4321${p}`)?.lastmod
    const plans = (await payload.find({ collection: 'plans', where: { _status: { equals: 'published' } }, limit: 0, overrideAccess: true })).docs
    for (const plan of plans) expect(lastmodOf(planPath(plan)), plan.slug ?? '').toBe(new Date(plan.updatedAt).toISOString())
    expect(lastmodOf('/van-ban/')).toBe(plans.map((p) => new Date(p.updatedAt).toISOString()).sort().at(-1))
    expect(lastmodOf('/')).toBeDefined()
    expect(fs.existsSync(path.join(build.clientDir, 'sitemap-lastmod.json'))).toBe(false)
  })

  test('the default menu and footer links (cms/lib/portal.ts) lead to built pages', () => {
    for (const { link } of [...defaultNavigation, ...defaultFooterLinks]) {
      expect(fs.existsSync(path.join(build.clientDir, link, 'index.html')) || link === searchPath(), link).toBe(true)
    }
  })

  test('robots.txt points at the sitemap index, and /sitemap.xml is that index', () => {
    const robots = fs.readFileSync(path.join(build.clientDir, 'robots.txt'), 'utf8')
    expect(robots).toContain('Sitemap: http://localhost:4321/sitemap-index.xml')
    const index = fs.readFileSync(path.join(build.clientDir, 'sitemap.xml'), 'utf8')
    expect(XMLValidator.validate(index)).toBe(true)
    expect(index).toBe(fs.readFileSync(path.join(build.clientDir, 'sitemap-index.xml'), 'utf8'))
    expect(index).toContain('<sitemapindex')
  })

  test('no built page links to an English filter path or a redirect', () => {
    const redirects = legacyRedirects()
    const english = new RegExp(
      `href="(?:http://localhost:4321)?/(?:van-ban/loai/(?:${documentTypes.map((o) => o.value).join('|')})|dien-hinh/(?:loai|danh-hieu)/(?:${[...honoureeKinds, ...awardKinds].map((o) => o.value).join('|')}))/?"`,
    )
    const pages = builtPages().filter((p) => !(p in redirects))
    expect(pages.length).toBeGreaterThan(100)
    for (const p of pages) {
      const text = fs.readFileSync(path.join(build.clientDir, p.endsWith('/') ? `${p}index.html` : p), 'utf8')
      expect(english.exec(text)?.[0], p).toBeUndefined()
    }
    // The Vietnamese filter pages are the ones built and linked.
    expect(html('/dien-hinh/')).toContain('href="/dien-hinh/loai/gia-dinh-hoc-tap/"')
    expect(fs.existsSync(path.join(build.clientDir, 'van-ban', 'loai', 'ke-hoach', 'index.html'))).toBe(true)
    expect(fs.existsSync(path.join(build.clientDir, 'van-ban', 'loai', 'plan', 'index.html'))).toBe(true) // the redirect page
  })

  test('every retired English path answers 301 to its Vietnamese one, with or without the slash, keeping the query', async () => {
    const redirects = legacyRedirects()
    expect(readRedirects(build.outDir)).toEqual(redirects)
    for (const [from, to] of Object.entries(redirects)) {
      for (const asked of [from, from.slice(0, -1)]) {
        const response = await fetch(`${served.url}${asked}`, { redirect: 'manual' })
        expect(response.status, asked).toBe(301)
        expect(response.headers.get('location'), asked).toBe(to)
        await response.body?.cancel()
      }
      // The page left at the old path sends browsers on too (static hosting, cached links).
      const page = html(from)
      expect(page).toContain(`<meta http-equiv="refresh" content="0; url=${to}">`)
      expect(page).toContain('<meta name="robots" content="noindex">')
    }
    const withQuery = await fetch(`${served.url}/dien-hinh/loai/learning-family/?trang=2`, { redirect: 'manual' })
    expect(withQuery.headers.get('location')).toBe('/dien-hinh/loai/gia-dinh-hoc-tap/?trang=2')
    // The new paths answer.
    const landed = await fetch(`${served.url}/dien-hinh/loai/learning-family/`)
    expect(landed.status).toBe(200)
    expect(landed.url).toBe(`${served.url}/dien-hinh/loai/gia-dinh-hoc-tap/`)
  })

  test('RSS is well-formed XML with the latest published news: titles, links, guids and dates', async () => {
    const xml = fs.readFileSync(path.join(build.clientDir, 'tin-tuc', 'rss.xml'), 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml)
    const channel = feed.rss.channel
    expect(channel.link).toBe('http://localhost:4321/tin-tuc/')
    expect(channel.language).toBe('vi')
    expect(channel['atom:link']['@_href']).toBe('http://localhost:4321/tin-tuc/rss.xml')
    const news = sortNews<News>((await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, limit: 0, overrideAccess: true })).docs).slice(0, 50)
    expect(news.length).toBeGreaterThan(0)
    expect(channel.item.map((i: { title: string }) => String(i.title))).toEqual(news.map((n) => n.title))
    channel.item.forEach((item: Record<string, any>, i: number) => {
      const n = news[i]
      const link = `http://localhost:4321${newsPath(n)}`
      expect(item.link).toBe(link)
      expect(item.guid['#text']).toBe(link)
      expect(item.guid['@_isPermaLink']).toBe('true')
      expect(item.pubDate).toBe(new Date(n.publishedAt ?? n.createdAt).toUTCString())
      if (n.summary) expect(item.description).toBe(n.summary)
    })
  })
})
