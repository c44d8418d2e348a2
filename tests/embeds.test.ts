/**
 * Press embeds, built for real from a freshly seeded database with drafts in it: an embed
 * page for every published campaign, indicator and honouree (facts, attribution, no drafts,
 * the dashboard's own numbers), the snippet and oEmbed discovery on the full pages, and the
 * /oembed route answering over HTTP from the built server.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { seed } from '../cms/seed'
import { loadContent } from '../cms/seed/content'
import { PORTAL_NAME, type EmbedKind } from '../site/lib/embeds'
import { embeddablePath as fullPath, embedPath } from '../site/lib/routes'
import { startTestCms, type TestCms } from './helpers/payload'
import { buildPortal, filesAsText, pagePath, type PortalBuild } from './helpers/portal'
import { freePort, serveBuild, type Served } from './helpers/serve-build'
import { norm } from './helpers/text'

const content = loadContent()
let cms: TestCms
let payload: Payload
let build: PortalBuild
let served: Served
let site: string

const secrets = {
  draftCampaign: 'Phong trào nháp tuyệt mật ZQXEMBED',
  draftHonourees: content.honourees.filter((h) => h.status === 'draft').map((h) => h.name as string),
  privateContact: content.honourees.flatMap((h) => Object.values(h.privateContact ?? {}) as string[]),
  consentNotes: content.honourees.map((h) => h.consent?.note as string | undefined).filter((n): n is string => Boolean(n)),
}

type Doc = { slug: string; name: string; _status?: string; [key: string]: any }
let campaigns: Doc[] = []
let honourees: Doc[] = []
let draftHonourees: Doc[] = []
let indicators: Doc[] = []
let draftCampaign: Doc

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
/** Visible text of an HTML fragment. */
const textOf = (html: string) =>
  norm(decode(html.replace(/<(script|style|title)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ')))
const html = (urlPath: string) => fs.readFileSync(pagePath(build.clientDir, urlPath), 'utf8')
const exists = (urlPath: string) => fs.existsSync(pagePath(build.clientDir, urlPath))
const orgNames = (value: unknown) => (Array.isArray(value) ? value : value ? [value] : []).map((o: any) => o.name as string)

const oembed = async (params: Record<string, string>) => {
  const response = await fetch(`${served.url}/oembed?${new URLSearchParams(params)}`)
  return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as any }
}

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  await seed(payload)
  draftCampaign = (await payload.create({
    collection: 'campaigns',
    data: { name: secrets.draftCampaign, kind: 'learning-month', startDate: '2026-08-15', endDate: '2026-09-15', _status: 'draft' } as never,
    draft: true,
    overrideAccess: true,
  })) as unknown as Doc
  const find = async (collection: 'campaigns' | 'honourees' | 'indicators', draft = false) =>
    (await payload.find({ collection, pagination: false, depth: 1, draft, overrideAccess: draft })).docs as unknown as Doc[]
  campaigns = await find('campaigns')
  honourees = await find('honourees')
  indicators = await find('indicators')
  draftHonourees = (await find('honourees', true)).filter((h) => h._status === 'draft')

  const port = await freePort()
  site = `http://127.0.0.1:${port}`
  build = await buildPortal(cms.dbFile, { PORTAL_NOW: '2026-08-20', SITE_URL: site })
  served = await serveBuild(build.outDir, port)
}, 600_000)

afterAll(async () => {
  await served?.close()
  build?.remove()
  await cms?.cleanup()
})

const all = (): [EmbedKind, Doc][] => [
  ...campaigns.map((d) => ['campaign', d] as [EmbedKind, Doc]),
  ...indicators.map((d) => ['indicator', d] as [EmbedKind, Doc]),
  ...honourees.map((d) => ['honouree', d] as [EmbedKind, Doc]),
]

describe('embed pages', () => {
  test('there is one for every published campaign, indicator and honouree, and for nothing else', () => {
    expect(campaigns.length).toBeGreaterThan(5)
    expect(indicators.length).toBeGreaterThan(5)
    expect(honourees.length).toBeGreaterThan(5)
    for (const [kind, doc] of all()) expect(exists(embedPath(kind, doc.slug)), `${kind} ${doc.slug}`).toBe(true)
    const count = (section: string) => fs.readdirSync(path.join(build.clientDir, 'nhung', section)).length
    expect(count('phong-trao')).toBe(campaigns.length)
    expect(count('tien-do')).toBe(indicators.length)
    expect(count('dien-hinh')).toBe(honourees.length)
  })

  test('minimal layout: Vietnamese, one h1, noindex, canonical to the full page, no navigation or search index, links in a new tab', () => {
    for (const [kind, doc] of all()) {
      const page = html(embedPath(kind, doc.slug))
      expect(page).toMatch(/<html lang="vi"/)
      expect(page.match(/<h1[\s>]/g)?.length).toBe(1)
      expect(page).toContain('<meta name="robots" content="noindex"')
      expect(page).toContain(`<link rel="canonical" href="${site}${fullPath(kind, doc.slug)}"`)
      expect(page).toContain('<base target="_blank"')
      expect(page).not.toContain('data-pagefind-body')
      expect(page).not.toMatch(/<nav[\s>]/)
      expect(page).not.toMatch(/<link[^>]+rel="stylesheet"[^>]+global/)
      for (const [a] of page.matchAll(/<a [^>]*target="_blank"[^>]*>/g)) expect(a).toContain('rel="noopener"')
      expect(page).toContain(`href="${site}${fullPath(kind, doc.slug)}" target="_blank" rel="noopener"`)
      expect(textOf(page)).toContain(PORTAL_NAME)
    }
  })

  test('campaigns: name, dates, status, days remaining, organisers', () => {
    const now = '20/8/2026'
    for (const c of campaigns) {
      const t = textOf(html(embedPath('campaign', c.slug)))
      expect(t).toContain(c.name)
      expect(t).toMatch(/Sắp diễn ra|Đang diễn ra|Đã kết thúc/)
      expect(t).toContain(`Tính đến ngày ${now}`)
      for (const name of orgNames(c.organizers)) expect(t).toContain(name)
    }
    // Tháng khuyến học 15/8–15/9, on 20/8/2026: under way, 26 days left.
    const month = campaigns.find((c) => c.name === 'Tháng khuyến học')!
    const t = textOf(html(embedPath('campaign', month.slug)))
    expect(t).toContain('15/8 – 15/9/2026')
    expect(t).toContain('Đang diễn ra')
    expect(t).toContain('Còn 26 ngày')
  })

  test('honourees: public facts and the deciding organisation, never private or consent data', () => {
    for (const h of honourees) {
      const t = textOf(html(embedPath('honouree', h.slug)))
      expect(t).toContain(h.name)
      expect(t).toContain(String(h.year))
      if (h.decisionNumber) expect(t).toContain(h.decisionNumber)
      for (const name of orgNames(h.decisionIssuer)) expect(t).toContain(name)
      if (h.illustrative) expect(t).toContain('Dữ liệu minh họa')
    }
  })

  test('indicators: the dashboard’s own numbers (cards, charts and tables)', () => {
    const dashboardCards = new Set(
      [...html('/tien-do/').matchAll(/<li class="card progress-card[\s\S]*?<\/li>\s*(?=<li class="card progress-card|<\/ul>)/g)].map((m) => textOf(m[0])),
    )
    expect(dashboardCards.size).toBeGreaterThan(5)
    let cards = 0
    let charts = 0
    for (const i of indicators) {
      const embed = html(embedPath('indicator', i.slug))
      const full = html(fullPath('indicator', i.slug))
      expect(textOf(embed)).toContain(i.name)
      for (const [card] of embed.matchAll(/<li class="card progress-card[\s\S]*?<\/li>\s*(?=<\/ul>)/g)) {
        expect(dashboardCards.has(textOf(card)), `${i.code}: ${textOf(card)}`).toBe(true)
        cards++
      }
      // Every chart and table of the embed is the indicator page's, figure for figure.
      for (const [figure] of embed.matchAll(/<figure class="progress-chart[\s\S]*?<\/figure>/g)) {
        const title = /<title id="[^"]*">([^<]*)<\/title>/.exec(figure)![1]
        const svgText = (s: string) => [...s.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => textOf(m[1])).join(' | ')
        const same = [...full.matchAll(/<figure class="progress-chart[\s\S]*?<\/figure>/g)].find((m) => m[0].includes(`>${title}</title>`))
        expect(same, `${i.code}: chart ${title}`).toBeDefined()
        expect(svgText(figure)).toBe(svgText(same![0]))
        charts++
      }
      const tables = (s: string) => [...s.matchAll(/<table class="comparison-table[\s\S]*?<\/table>/g)].map((m) => textOf(m[0]))
      const fullTables = tables(full)
      for (const table of tables(embed)) expect(fullTables).toContain(table)
    }
    expect(cards).toBeGreaterThan(5)
    expect(charts).toBeGreaterThan(5)
    // And the CMS's figure in Vietnamese format.
    const bhyt = indicators.find((i) => i.code === 'BHYT')!
    expect(textOf(html(embedPath('indicator', bhyt.slug)))).toContain('99,32%')
  })

  test('no draft, unpublished or private content in any embed', () => {
    expect(exists(embedPath('campaign', draftCampaign.slug))).toBe(false)
    expect(draftHonourees.length).toBeGreaterThan(0)
    for (const h of draftHonourees) expect(exists(embedPath('honouree', h.slug))).toBe(false)
    const needles = [secrets.draftCampaign, ...secrets.draftHonourees, ...secrets.privateContact, ...secrets.consentNotes]
    for (const [file, body] of filesAsText(path.join(build.clientDir, 'nhung'))) {
      for (const needle of needles) expect(body.includes(needle), `${needle} in ${file}`).toBe(false)
    }
  })
})

describe('snippet and discovery on the full pages', () => {
  test('every embeddable page offers a plain iframe, the resize script and oEmbed discovery', () => {
    for (const [kind, doc] of all()) {
      const page = html(fullPath(kind, doc.slug))
      expect(page).toContain('Nhúng vào trang của bạn')
      const code = decode(/<textarea id="ma-nhung"[^>]*>([\s\S]*?)<\/textarea>/.exec(page)?.[1] ?? '')
      expect(code).toMatch(new RegExp(`^<iframe src="${site}${embedPath(kind, doc.slug)}" title="[^"]+" width="100%" height="\\d+" style="[^"]*" loading="lazy"></iframe>$`))
      expect(/<textarea id="ma-nhung"[^>]*>/.exec(page)![0]).toContain('readonly')
      expect(decode(/<textarea id="ma-co-gian"[^>]*>([\s\S]*?)<\/textarea>/.exec(page)![1])).toBe(`<script async src="${site}/nhung/tu-dong-co-gian.js"></script>`)
      const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)"/.exec(page)
      expect(link, `${kind} ${doc.slug}`).not.toBeNull()
      const href = new URL(decode(link![1]))
      expect(href.origin + href.pathname).toBe(`${site}/oembed`)
      expect(href.searchParams.get('url')).toBe(`${site}${fullPath(kind, doc.slug)}`)
      expect(href.searchParams.get('format')).toBe('json')
    }
    expect(fs.existsSync(path.join(build.clientDir, 'nhung', 'tu-dong-co-gian.js'))).toBe(true)
  })

  test('the snippet is not part of the search index', () => {
    const page = html(fullPath('campaign', campaigns[0].slug))
    expect(/<section class="embed-snippet[^"]*"[^>]*>/.exec(page)![0]).toContain('data-pagefind-ignore')
  })
})

describe('oEmbed', () => {
  test('answers for every embeddable page', async () => {
    for (const [kind, doc] of all()) {
      const { status, type, json } = await oembed({ url: `${site}${fullPath(kind, doc.slug)}`, format: 'json' })
      expect(status, `${kind} ${doc.slug}`).toBe(200)
      expect(type).toMatch(/^application\/json/)
      expect(json).toMatchObject({ type: 'rich', version: '1.0', title: doc.name, provider_name: PORTAL_NAME, provider_url: `${site}/` })
      expect(typeof json.author_name).toBe('string')
      expect(json.width).toBeGreaterThan(0)
      expect(json.height).toBeGreaterThan(0)
      expect(json.html).toContain(`<iframe src="${site}${embedPath(kind, doc.slug)}"`)
      expect(json.html).toContain('loading="lazy"')
      expect(json.html).toContain(`height="${json.height}"`)
    }
  })

  test('author is the organising or issuing organisation', async () => {
    const month = campaigns.find((c) => c.name === 'Tháng khuyến học')!
    const { json } = await oembed({ url: `${site}${fullPath('campaign', month.slug)}`, format: 'json' })
    expect(json.author_name).toBe(orgNames(month.organizers).join(', '))
    const h = honourees.find((x) => x.decisionIssuer)!
    expect((await oembed({ url: `${site}${fullPath('honouree', h.slug)}` })).json.author_name).toBe(orgNames(h.decisionIssuer)[0])
  })

  test('maxwidth and maxheight are honoured', async () => {
    const url = `${site}${fullPath('indicator', indicators[0].slug)}`
    const { json } = await oembed({ url, format: 'json', maxwidth: '320', maxheight: '240' })
    expect(json.width).toBeLessThanOrEqual(320)
    expect(json.height).toBeLessThanOrEqual(240)
    expect(json.html).toContain('height="240"')
    expect(json.html).toContain('max-width:320px')
    const roomy = await oembed({ url, format: 'json', maxwidth: '5000', maxheight: '5000' })
    expect(roomy.json.width).toBeLessThanOrEqual(5000)
    expect(roomy.json.height).toBeLessThanOrEqual(5000)
    expect((await oembed({ url, maxwidth: 'abc' })).status).toBe(400)
  })

  test('the embed URL itself is accepted too', async () => {
    const { status, json } = await oembed({ url: `${site}${embedPath('honouree', honourees[0].slug)}`, format: 'json' })
    expect(status).toBe(200)
    expect(json.title).toBe(honourees[0].name)
  })

  test('unknown, draft and foreign URLs: 404 with a clear message', async () => {
    for (const url of [
      `${site}/phong-trao/khong-co-phong-trao-nay/`,
      `${site}${fullPath('campaign', draftCampaign.slug)}`,
      `${site}${fullPath('honouree', draftHonourees[0].slug)}`,
      `${site}/van-ban/`,
      `https://example.com${fullPath('campaign', campaigns[0].slug)}`,
    ]) {
      const { status, type, json } = await oembed({ url, format: 'json' })
      expect(status, url).toBe(404)
      expect(type).toMatch(/^application\/json/)
      expect(json.error).toMatch(/[ăâđêôơư]/)
      expect(json.detail).toContain(url)
    }
    expect((await oembed({ url: `https://example.com/phong-trao/x/` })).json.error).toContain('không thuộc cổng thông tin này')
    expect((await oembed({ format: 'json' })).status).toBe(400)
  })

  test('format=xml: 501', async () => {
    const { status, json } = await oembed({ url: `${site}${fullPath('campaign', campaigns[0].slug)}`, format: 'xml' })
    expect(status).toBe(501)
    expect(json.error).toContain('JSON')
  })
})

describe('framing policy (site/server/serve.ts)', () => {
  test('embeds may be framed anywhere, every other page only by the portal', async () => {
    const embed = await fetch(`${served.url}${embedPath('campaign', campaigns[0].slug)}`)
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *')
    expect(embed.headers.get('x-frame-options')).toBeNull()
    const page = await fetch(`${served.url}${fullPath('campaign', campaigns[0].slug)}`)
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })
})
