/**
 * The public portal, built for real (astro build + Pagefind) from a freshly seeded
 * temporary database with drafts in it: every published document has its page with its
 * facts, no draft or private detail is in any output file, and search answers Vietnamese
 * typed without marks — đ included — word by word.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { Payload } from 'payload'
import { decodeHTML } from 'entities'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { ENGLISH_PAGE_PATH } from '../cms/lib/portal'
import { formatDate } from '../cms/lib/vietnamese'
import { seed } from '../cms/seed'
import { loadContent, type Rec } from '../cms/seed/content'
import { legacyRedirects } from '../site/lib/routes'
import { mainText } from '../site/lib/search-records'
import { excerptHtml, restoreDStroke } from '../site/lib/search-text'
import { pdfBytes, uploadMedia } from './helpers/files'
import { startTestCms, type TestCms } from './helpers/payload'
import { buildPortal, filesAsText, pagePath, serveStatic, sitemapUrls, type PortalBuild } from './helpers/portal'
import { freePort, serveBuild, type Served } from './helpers/serve-build'

const content = loadContent()
let cms: TestCms
let payload: Payload
let build: PortalBuild

const secrets = {
  draftNews: 'Tin nháp tuyệt mật ZQXNEWS',
  draftPlanEdit: 'Sửa đổi chưa duyệt ZQXPLAN',
  draftHonourees: content.honourees.filter((h) => h.status === 'draft').map((h) => h.name as string),
  privateContact: content.honourees.flatMap((h) => Object.values(h.privateContact ?? {}) as string[]),
  consentNotes: content.honourees.map((h) => h.consent?.note as string | undefined).filter((n): n is string => Boolean(n)),
  draftPdfName: 'phu-luc-zqx-ban-nhap.pdf',
  draftTaskUpdate: 'Tiến độ nháp chưa duyệt ZQXTASK',
  draftChangeNote: 'Ghi chú thay đổi của bản nháp ZQXNOTEDRAFT',
}
// A change note published with a document, listed under "Lịch sử cập nhật".
const publishedChangeNote = 'Bổ sung nơi nhận ZQXNOTE'
const historyPlanKey = 'cv-6418-vp-ubnd-soc-trang-2023'
let attachedPdf: { id: number; filename?: string | null }
const fullTextPlanKey = 'kh-thi-dua-khen-thuong-hkh-thai-binh-2023'
const fullTextMarkup = 'Đoạn thử <script>alert("zqx")</script> và <b>đậm</b> & hết'
// The office's contacts in the site settings, with characters that must be escaped.
const office = { operator: 'Hội Khuyến học <tỉnh> & "Thái Bình"', contactEmail: 'vanphong@khuyenhoc.example.vn', contactPhone: '(0227) 3 831 234' }

const uploadPdf = (name: string, marker: string) =>
  uploadMedia(payload, { name, mimetype: 'application/pdf', data: pdfBytes(marker), alt: `Tệp ${name}` })

const planByKey = async (key: string) =>
  (await payload.find({ collection: 'plans', where: { seedKey: { equals: key } }, overrideAccess: true, limit: 1 })).docs[0]

const published = (list: Rec[]) => list.filter((r) => r.status !== 'draft')
const page = (urlPath: string) => fs.readFileSync(pagePath(build.clientDir, urlPath), 'utf8')
const text = (urlPath: string) => mainText(page(urlPath)) ?? ''
const slugOf = async (collection: 'plans' | 'campaigns' | 'honourees' | 'news' | 'pages', key: string) =>
  (await payload.find({ collection, where: { seedKey: { equals: key } }, overrideAccess: true, draft: true, limit: 1 })).docs[0]?.slug as string

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  await seed(payload)
  await payload.create({ collection: 'news', data: { title: secrets.draftNews, _status: 'draft' }, draft: true, overrideAccess: true })
  // A PDF attached to a published plan is published with it; one attached only in a draft edit is not.
  attachedPdf = await uploadPdf('phu-luc-zqx-cong-khai.pdf', 'ZQXPUBLICPDF')
  const draftPdf = await uploadPdf(secrets.draftPdfName, 'ZQXDRAFTPDF')
  const withPdf = await planByKey('kh-29-hkh-thai-binh-2022-chuong-trinh-387')
  await payload.update({
    collection: 'plans',
    id: withPdf.id,
    data: { attachments: [...(withPdf.attachments ?? []), { title: 'Phụ lục ZQX bản PDF', file: attachedPdf.id }] },
    overrideAccess: true,
  })
  const plan = await planByKey('kh-38-hdtdkt-thai-binh-2023')
  await payload.update({
    collection: 'plans',
    id: plan.id,
    data: { summary: secrets.draftPlanEdit, attachments: [...(plan.attachments ?? []), { title: 'Phụ lục nháp', file: draftPdf.id }], _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
  // Markup typed into a full text is shown as text.
  const withMarkup = await planByKey(fullTextPlanKey)
  await payload.update({ collection: 'plans', id: withMarkup.id, data: { fullText: `${withMarkup.fullText}\n\n${fullTextMarkup}\nDòng hai ZQXFULLTEXT` }, overrideAccess: true })
  await payload.updateGlobal({ slug: 'site-settings', data: office, overrideAccess: true })
  // A task update not yet approved (a draft) stays off the portal; a published change note is listed, a draft's is not.
  const taskPlan = await planByKey('kh-38-hdtdkt-thai-binh-2023')
  await payload.create({
    collection: 'task-updates',
    data: { plan: taskPlan.id, task: taskPlan.tasks![3]!.id!, reportedAt: '2023-03-25T00:00:00.000Z', status: 'completed', note: secrets.draftTaskUpdate, _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
  const historyPlan = await planByKey(historyPlanKey)
  await payload.update({ collection: 'plans', id: historyPlan.id, data: { changeNote: publishedChangeNote, _status: 'published' }, overrideAccess: true })
  await payload.update({ collection: 'plans', id: historyPlan.id, data: { changeNote: secrets.draftChangeNote, _status: 'draft' }, draft: true, overrideAccess: true })
  build = await buildPortal(cms.dbFile, { PORTAL_NOW: '2026-11-22' })
}, 600_000)

afterAll(async () => {
  build?.remove()
  await cms?.cleanup()
})

describe('every published document has its page with its facts', () => {
  test.each(content.plans.map((p) => [p.key, p] as const))('plan %s', async (key, plan) => {
    const t = text(`/van-ban/${await slugOf('plans', key)}/`)
    if (plan.documentNumber) expect(t).toContain(plan.documentNumber)
    expect(t).toContain(plan.title)
    if (plan.issueDate) expect(t).toContain(formatDate(plan.issueDate))
    if (plan.signer?.name) expect(t).toContain(plan.signer.name)
    for (const task of plan.tasks ?? []) expect(t).toContain(String(task.content).replace(/\s+/g, ' ').trim())
    for (const r of plan.recipients ?? []) expect(t).toContain(r.name)
    for (const c of plan.legalBasis ?? []) if (c.citedNumber) expect(t).toContain(c.citedNumber)
  })

  test('campaigns, honourees and news', async () => {
    for (const c of content.campaigns) expect(text(`/phong-trao/${await slugOf('campaigns', c.key)}/`)).toContain(c.name)
    for (const h of published(content.honourees)) expect(text(`/dien-hinh/${await slugOf('honourees', h.key)}/`)).toContain(h.name)
    for (const n of content.news) expect(text(`/tin-tuc/${await slugOf('news', n.key)}/`)).toContain(n.title)
  })

  test('information pages, linked from every page’s footer', async () => {
    for (const p of content.pages) {
      const slug = await slugOf('pages', p.key)
      expect(text(`/trang/${slug}/`)).toContain(p.title)
      expect(text(`/trang/${slug}/`)).toContain(p.summary)
      expect(page('/')).toContain(`href="/trang/${slug}/"`)
    }
    expect(page('/van-ban/')).toMatch(/<nav aria-label="Điều hướng chính"[\s\S]*href="\/van-ban\/" aria-current="page">Văn bản</)
  })

  test('a page in English (Decree 42/2022, art. 7), linked from the footer of every page', () => {
    const english = page(ENGLISH_PAGE_PATH)
    const seeded = content.pages.find((p) => p.language === 'en')!
    expect(english).toMatch(/<html lang="en"/)
    expect(text(ENGLISH_PAGE_PATH)).toContain(seeded.title)
    expect(text(ENGLISH_PAGE_PATH)).toContain('What the portal publishes')
    // The portal's own Vietnamese parts say so; the office's contacts are the footer's own.
    expect(english).toMatch(/<header class="site-header" lang="vi">/)
    expect(english).toMatch(/<footer class="site-footer" lang="vi">/)
    const operator = 'Hội Khuyến học &lt;tỉnh&gt; &amp; &quot;Thái Bình&quot;'
    const contacts = `<a href="mailto:${office.contactEmail}">${office.contactEmail}</a> · <a href="tel:02273831234">${office.contactPhone}</a>`
    expect(english).toContain(`<h2 id="office-contact">Contact</h2><p>Operator: <span lang="vi">${operator}</span></p><p>Contact: ${contacts}</p>`)
    expect(page('/')).toContain(`<p>Cơ quan quản lý: <span>${operator}</span></p><p>Liên hệ: ${contacts}</p>`)
    let pages = 0
    // Every page but the embeds and the small pages left at retired paths (they only redirect).
    const redirectPages = new Set(Object.keys(legacyRedirects()).map((from) => pagePath(build.clientDir, from)))
    for (const [file, body] of filesAsText(build.clientDir)) {
      if (!file.endsWith('.html') || file.includes(`${path.sep}nhung${path.sep}`) || redirectPages.has(file)) continue
      pages++
      expect(body, file).toContain(`<a href="${ENGLISH_PAGE_PATH}" lang="en" hreflang="en">English</a>`)
    }
    expect(pages).toBeGreaterThan(100)
  })

  test('illustrative honourees say so', async () => {
    const h = published(content.honourees)[0]
    expect(text(`/dien-hinh/${await slugOf('honourees', h.key)}/`)).toContain('Dữ liệu minh họa')
  })

  test('a file attached to a published plan is served by the portal, linked from the plan', async () => {
    const slug = await slugOf('plans', 'kh-29-hkh-thai-binh-2022-chuong-trinh-387')
    const href = `/tai-lieu/${attachedPdf.filename}`
    expect(page(`/van-ban/${slug}/`)).toMatch(new RegExp(`<a href="${href}">Phụ lục ZQX bản PDF</a>\\s*<span class="meta"> \\(PDF, 1 KB\\)`))
    expect(fs.readFileSync(path.join(build.clientDir, href))).toEqual(pdfBytes('ZQXPUBLICPDF'))
    // Never a link to the CMS.
    expect(page(`/van-ban/${slug}/`)).not.toContain('/api/media/')
  })

  test('each plan with its original text shows it under “Toàn văn”: collapsed, escaped, in the table of contents, not searched', async () => {
    for (const plan of content.plans) {
      const html = page(`/van-ban/${await slugOf('plans', plan.key)}/`)
      if (!plan.fullTextSource) {
        expect(html, plan.key).not.toContain('id="vb-toan-van"')
        continue
      }
      const section = html.match(/<section aria-labelledby="vb-toan-van"[^>]*>([\s\S]*?)<\/section>/)?.[1]
      expect(section, plan.key).toBeDefined()
      expect(section).toMatch(/^<h2 id="vb-toan-van"[^>]*>Toàn văn<\/h2>\s*<details class="full-text"[^>]*data-pagefind-ignore/)
      // Its entry closes the table of contents, shown when the body has a heading of its own too.
      const toc = html.match(/<nav class="toc"[\s\S]*?<\/nav>/)?.[0]
      if (/^#{2,4} /m.test(plan.body)) expect(toc, plan.key).toMatch(/<li><a href="#vb-toan-van"[^>]*>Toàn văn<\/a><\/li><\/ol><\/nav>$/)
      else expect(toc, plan.key).toBeUndefined()
      // Every paragraph of the source file, in order, as the text of one <p>.
      const paragraphs = [...section!.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map(([, p]) => decodeHTML(p))
      const original = fs.readFileSync(plan.fullTextSource, 'utf8').normalize('NFC')
      const expected = original.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
      if (plan.key === fullTextPlanKey) expected.push(`${fullTextMarkup}\nDòng hai ZQXFULLTEXT`)
      expect(paragraphs).toEqual(expected)
    }
    const html = page(`/van-ban/${await slugOf('plans', fullTextPlanKey)}/`)
    expect(html).toContain('Đoạn thử &lt;script&gt;alert(&quot;zqx&quot;)&lt;/script&gt; và &lt;b&gt;đậm&lt;/b&gt; &amp; hết')
    expect(html).not.toMatch(/<script>alert|<b>đậm/)
    // Indexed once: the body is, the full text is not.
    expect(text(`/van-ban/${await slugOf('plans', fullTextPlanKey)}/`)).not.toContain('ZQXFULLTEXT')
    for (const [file, body] of filesAsText(path.join(build.clientDir, 'pagefind'))) expect(body, file).not.toContain('ZQXFULLTEXT')
  })

  test('sitemap and RSS list the published pages', async () => {
    const sitemap = sitemapUrls(build.clientDir).join('\n')
    for (const p of content.plans) expect(sitemap).toContain(`/van-ban/${await slugOf('plans', p.key)}/`)
    for (const h of published(content.honourees)) expect(sitemap).toContain(`/dien-hinh/${await slugOf('honourees', h.key)}/`)
    for (const p of content.pages) expect(sitemap).toContain(`/trang/${await slugOf('pages', p.key)}/`)
    expect(sitemap).toContain(ENGLISH_PAGE_PATH)
    const rss = fs.readFileSync(path.join(build.clientDir, 'tin-tuc', 'rss.xml'), 'utf8')
    for (const n of content.news) expect(rss).toContain(n.title)
  })
})

test('no draft, unpublished or private content is in any output file', () => {
  const needles = [
    secrets.draftNews,
    secrets.draftPlanEdit,
    secrets.draftPdfName,
    'ZQXDRAFTPDF',
    secrets.draftTaskUpdate,
    secrets.draftChangeNote,
    ...secrets.draftHonourees,
    ...secrets.privateContact,
    ...secrets.consentNotes,
  ]
  expect(needles.length).toBeGreaterThan(4)
  let files = 0
  for (const dir of [build.outDir, build.cacheDir]) {
    if (!fs.existsSync(dir)) continue
    for (const [file, body] of filesAsText(dir)) {
      files++
      for (const needle of needles) expect(body.includes(needle), `${needle} found in ${file}`).toBe(false)
    }
  }
  expect(files).toBeGreaterThan(50)
})

test('every page is Vietnamese with exactly one h1, but the page in English', () => {
  const english = pagePath(build.clientDir, ENGLISH_PAGE_PATH)
  for (const [file, body] of filesAsText(build.clientDir)) {
    if (!file.endsWith('.html')) continue
    expect(body, file).toMatch(file === english ? /<html lang="en"/ : /<html lang="vi"/)
    expect(body.match(/<h1[\s>]/g)?.length ?? 0, file).toBe(1)
  }
})

describe('search without diacritics (đ → d included), word by word', () => {
  let pagefind: any
  let server: Awaited<ReturnType<typeof serveStatic>>
  beforeAll(async () => {
    server = await serveStatic(build.clientDir)
    pagefind = await import(/* @vite-ignore */ pathToFileURL(path.join(build.clientDir, 'pagefind', 'pagefind.js')).href)
    await pagefind.options({ basePath: `${server.url}/pagefind/` })
  })
  afterAll(async () => server?.close())

  /** Restored texts of the pages a query finds. */
  const find = async (query: string) => {
    const { foldDStroke } = await import('../cms/lib/vietnamese')
    const search = await pagefind.search(foldDStroke(query))
    const data = await Promise.all(search.results.map((r: any) => r.data()))
    return data.map((d: any) => ({ ...d, text: restoreDStroke(d.content, d.meta.d, d.meta.D) }))
  }

  test.each([
    ['dong ho hoc tap', ['Dòng', 'họ', 'học', 'tập'], 'Dòng họ học tập'],
    ['don vi', ['đơn', 'vị'], 'đơn vị'],
    ['khuyen hoc', ['khuyến', 'học'], 'khuyến học'],
    ['dong bang song hong', ['Đồng', 'bằng', 'sông', 'Hồng'], 'Đồng bằng sông Hồng'],
    ['dat', ['đạt'], 'đạt'],
  ])('“%s” finds “%s”', async (query, words, phrase) => {
    const queryWords = query.split(' ')
    for (const [i, word] of queryWords.entries()) {
      const results = await find(word)
      expect(results.some((r) => r.text.includes(words[i])), `${word} → ${words[i]}`).toBe(true)
    }
    const results = await find(query)
    expect(results.some((r) => r.text.includes(phrase))).toBe(true)
  })

  test('the page in English is found by its English words', async () => {
    const urls = (await find('honourees publishes')).map((r) => new URL(r.url, 'http://x').pathname)
    expect(urls).toContain(ENGLISH_PAGE_PATH)
  })

  test('excerpts and titles are in proper Vietnamese', async () => {
    const [hit] = (await find('don vi')).filter((r) => r.text.includes('đơn vị'))
    expect(hit.meta.title.length).toBeGreaterThan(3)
    const excerpt = excerptHtml(hit.text, hit.locations)
    expect(excerpt).toMatch(/<mark>đơn<\/mark>|<mark>Đơn<\/mark>/)
    expect(hit.text).not.toContain(' dơn ')
  })

  test('filter counts by section', async () => {
    const filters = await pagefind.filters()
    expect(filters['Mục']['Văn bản']).toBe(content.plans.length)
    expect(filters['Mục']['Điển hình']).toBe(published(content.honourees).length)
  })
})

describe('search without JavaScript: /tim-kiem/ answers on the server', () => {
  let served: Served
  beforeAll(async () => {
    served = await serveBuild(build.outDir, await freePort())
  })
  afterAll(async () => served?.close())

  test('a no-marks query gets results in proper Vietnamese, with section counts', async () => {
    const response = await fetch(`${served.url}/tim-kiem/?q=${encodeURIComponent('dong ho hoc tap')}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/Tìm thấy \d+ kết quả cho “dong ho hoc tap”/)
    expect(html).toMatch(/<li[^>]*><h2[^>]*><a href="\/[^"]+\/"/)
    expect(html).toMatch(/<mark>Dòng họ học tập<\/mark>|<mark>dòng họ học tập<\/mark>/)
    expect(html).toMatch(/name="muc" value="Điển hình"/)
    expect(html).toContain('<meta name="robots" content="noindex')
  })

  test('a section filter narrows the results; an empty query shows the form only', async () => {
    const all = await (await fetch(`${served.url}/tim-kiem/?q=don+vi`)).text()
    const plansOnly = await (await fetch(`${served.url}/tim-kiem/?q=don+vi&muc=${encodeURIComponent('Văn bản')}`)).text()
    const count = (html: string) => (html.match(/<li[^>]*><h2/g) ?? []).length
    expect(count(plansOnly)).toBeGreaterThan(0)
    expect(count(plansOnly)).toBeLessThan(count(all))
    expect([...plansOnly.matchAll(/<li[^>]*><h2[^>]*><a href="([^"]+)"/g)].every(([, href]) => href.startsWith('/van-ban/'))).toBe(true)
    const empty = await (await fetch(`${served.url}/tim-kiem/`)).text()
    expect(count(empty)).toBe(0)
    expect(empty).toContain('id="q"')
  })
})

describe('search ranking on the real index, the same in browser and server (search-rank.ts)', () => {
  let served: Served
  beforeAll(async () => {
    served = await serveBuild(build.outDir, await freePort())
  })
  afterAll(async () => served?.close())

  const ask = async (query: string, extra = '') => {
    const response = await fetch(`${served.url}/tim-kiem/?q=${encodeURIComponent(query)}${extra}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const list = /<ol id="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? ''
    const items = [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1])
    return { html, items, urls: items.map((i) => /<a href="([^"]+)"/.exec(i)?.[1]) }
  }
  const planUrl = async (key: string) => `/van-ban/${await slugOf('plans', key)}/`

  test.each(['38/KH-HĐTĐKT', '38/KH-HDTDKT', 'kh 38', 'ke hoach 38', 'Kế hoạch số 38'])('the number “%s” shows Kế hoạch 38/KH-HĐTĐKT first, labelled', async (query) => {
    const { items, urls } = await ask(query)
    expect(urls[0]).toBe(await planUrl('kh-38-hdtdkt-thai-binh-2023'))
    expect(items[0]).toContain('Số, ký hiệu 38/KH-HĐTĐKT')
    // Section, date, number and issuer of the document.
    expect(items[0]).toMatch(/Văn bản · 04\/4\/2023 · Số 38\/KH-HĐTĐKT · Hội đồng Thi đua - Khen thưởng tỉnh Thái Bình/)
  })

  test.each(['1315', 'qd 1315', 'quyết định số 1315', '1315/QĐ-TTg'])('the number “%s” shows Quyết định 1315/QĐ-TTg first', async (query) => {
    expect((await ask(query)).urls[0]).toBe(await planUrl('qd-1315-ttg-2023'))
  })

  test('a signer’s name typed without marks finds the document; an honouree’s name finds the honouree', async () => {
    const signer = await ask('tran hong ha')
    expect(signer.urls[0]).toBe(await planUrl('qd-1315-ttg-2023'))
    expect(signer.items[0]).toContain('Người ký: Trần Hồng Hà')
    expect(signer.items[0]).toContain('<mark>Trần Hồng Hà</mark>')
    const nhan = content.honourees.find((h) => h.name === 'Bà Vũ Thị Thanh Nhàn')!
    expect((await ask('vu thi thanh nhan')).urls[0]).toBe(`/dien-hinh/${await slugOf('honourees', nhan.key)}/`)
  })

  test('“gia dinh hoc tap” puts the learning-family indicator first', async () => {
    expect((await ask('gia dinh hoc tap')).urls[0]).toBe('/tien-do/ty-le-gia-dinh-dat-danh-hieu-gia-dinh-hoc-tap/')
  })

  test('“dai hoi bieu duong”: pages holding the phrase first, the phrase highlighted as a phrase, never folded', async () => {
    const { items, html } = await ask('dai hoi bieu duong')
    const holding = items.filter((i) => i.includes('<mark>Đại hội biểu dương</mark>'))
    expect(holding.length).toBeGreaterThanOrEqual(3)
    // Every page showing the phrase ranks above every page that does not.
    const last = items.findLastIndex((i) => i.includes('<mark>Đại hội biểu dương</mark>'))
    expect(items.slice(0, last + 1).every((i) => i.includes('<mark>Đại hội biểu dương</mark>'))).toBe(true)
    // On the pages holding it, the phrase is marked, not lone syllables that fold the same.
    for (const item of holding) expect(item).not.toMatch(/<mark>(dài|Hội|hội|Đại|đại)<\/mark>/)
    // The index text has đ folded to d: what is shown has it back.
    expect(html).not.toMatch(/Dại hội|dại hội/)
  })

  test('filters by section, year, type and organisation combine, with counts, kept in the URL', async () => {
    const all = await ask('hoc tap')
    expect(all.html).toMatch(/name="nam" value="2023"/)
    expect(all.html).toMatch(/name="loai" value="Kế hoạch"/)
    expect(all.html).toMatch(/name="co-quan" value="Hội Khuyến học tỉnh Thái Bình"/)
    const narrowed = await ask('hoc tap', `&muc=${encodeURIComponent('Văn bản')}&nam=2023&loai=${encodeURIComponent('Kế hoạch')}`)
    expect(narrowed.urls.length).toBeGreaterThan(0)
    expect(narrowed.urls.length).toBeLessThan(all.urls.length + 1)
    const plansOf2023 = content.plans.filter((p) => p.year === 2023 && p.documentType === 'plan')
    expect(narrowed.urls.length).toBe(plansOf2023.length)
    expect(narrowed.urls.every((u) => u?.startsWith('/van-ban/'))).toBe(true)
    // Ticked boxes stay ticked; counts are shown.
    expect(narrowed.html).toMatch(/name="nam" value="2023" checked> 2023 \(\d+\)/)
    expect(narrowed.html).toMatch(/name="muc" value="Văn bản" checked> Văn bản \(\d+\)/)
    // A filter nothing matches: no results, a way on.
    const none = await ask('hoc tap', '&nam=1999')
    expect(none.urls).toEqual([])
    expect(none.html).toContain('Xem theo mục')
  })

  test('a mistyped word is corrected and said so; nothing found still leads somewhere', async () => {
    const typo = await ask('gia dinh hoc tapp')
    expect(typo.urls[0]).toBe('/tien-do/ty-le-gia-dinh-dat-danh-hieu-gia-dinh-hoc-tap/')
    expect(typo.html).toMatch(/bạn đã gõ “gia dinh hoc tapp”/)
    const nothing = await ask('wqjfy')
    expect(nothing.urls).toEqual([])
    expect(nothing.html).toMatch(/Không tìm thấy kết quả cho “wqjfy”/)
    expect(nothing.html).toMatch(/Xem theo mục: <a href="\/van-ban\/">Văn bản<\/a>/)
  })

  test('bad input answers a page, never an error', async () => {
    for (const extra of ['&trang=-5', '&trang=abc', '&trang=99999', '&nam=%3Cscript%3E', `&co-quan=${'x'.repeat(5000)}`]) {
      const { html } = await ask('hoc', extra)
      expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<script>')
    }
    const { html } = await ask('<script>alert(1)</script>')
    // Inside quoted attribute values (the search box, og:title) "<" is text; anywhere else it is escaped.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})

describe('dashboard numbers are the CMS numbers', () => {
  const key = (r: { code: string; year: number; scope: string; kind: string; value: number }) =>
    `${r.code}|${r.year}|${r.scope}|${r.kind}|${r.value}`

  const fromCms = async () => {
    const indicators = (await payload.find({ collection: 'indicators', pagination: false, overrideAccess: false })).docs
    const reports = (await payload.find({ collection: 'indicator-reports', pagination: false, depth: 1, overrideAccess: false })).docs
    return [
      ...indicators.flatMap((i) => (i.targets ?? []).map((t) => ({ code: i.code, year: t.year, scope: t.scope, kind: 'muc_tieu', value: t.value }))),
      ...reports.map((r: any) => ({ code: r.indicator.code, year: r.year, scope: r.locality, kind: 'thuc_hien', value: r.value })),
    ]
      .map(key)
      .sort()
  }

  test('JSON download', async () => {
    const json = JSON.parse(fs.readFileSync(path.join(build.clientDir, 'tien-do', 'du-lieu.json'), 'utf8'))
    const published = json.du_lieu
      .map((r: any) => key({ code: r.ma_chi_tieu, year: r.nam, scope: r.pham_vi, kind: r.loai, value: r.gia_tri }))
      .sort()
    expect(published).toEqual(await fromCms())
  })

  test('CSV download', async () => {
    const csv = fs.readFileSync(path.join(build.clientDir, 'tien-do', 'du-lieu.csv'), 'utf8')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, ...lines] = csv.slice(1).trim().split(/\r?\n/)
    const cols = header.split(',')
    // Quoted fields may contain commas: parse RFC 4180 minimally.
    const parse = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, cols.length)
    const rows = lines.map(parse).map((f) => Object.fromEntries(cols.map((c, i) => [c, f[i]])))
    const published = rows.map((r) => key({ code: r.ma_chi_tieu, year: Number(r.nam), scope: r.pham_vi, kind: r.loai, value: Number(r.gia_tri) })).sort()
    expect(published).toEqual(await fromCms())
  })

  test('pages show the figures in Vietnamese format', async () => {
    const bhyt = (await payload.find({ collection: 'indicators', where: { code: { equals: 'BHYT' } }, overrideAccess: false })).docs[0]
    expect(bhyt, 'indicator BHYT').toBeDefined()
    expect(text(`/tien-do/${bhyt.slug}/`)).toContain('99,32%')
    expect(text('/tien-do/')).toContain('99,32%')
  })
})

describe('task progress and history (published updates and versions only)', () => {
  const planPage = async (key: string) => page(`/van-ban/${await slugOf('plans', key)}/`)
  /** The table row of task number `order` of a seeded plan. */
  const taskRow = async (key: string, order: number) => {
    const plan = await planByKey(key)
    const task = plan.tasks!.find((t) => t.order === order)!
    const html = await planPage(key)
    const row = new RegExp(`<tr id="nv-${task.id}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)
    expect(row, `row of task ${order}`).not.toBeNull()
    return decodeHTML(row![1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '))
  }

  test('each task shows its latest published status with its date, its history, and "Quá hạn" when past due and not done', async () => {
    const done = await taskRow('kh-38-hdtdkt-thai-binh-2023', 2)
    expect(done).toContain('Đã hoàn thành')
    expect(done).toContain('Cập nhật 30/3/2023')
    expect(done).toContain('Các lần cập nhật tiến độ (2)')
    expect(done).toMatch(/Các lần cập nhật tiến độ \(2\)\s*30\/3\/2023\s*:\s*Đã hoàn thành[\s\S]*15\/2\/2023\s*:\s*Đang thực hiện/)
    expect(done).not.toContain('Quá hạn')
    // In progress at 70% on 20/3/2023, due 31/3/2023; the portal's day is 22/11/2026.
    const late = await taskRow('kh-38-hdtdkt-thai-binh-2023', 3)
    expect(late).toContain('Đang thực hiện')
    expect(late).toContain('Quá hạn')
    expect(late).toContain('70%')
    // The draft update of task 4 is not shown: it is still "Chưa cập nhật" (and overdue).
    const unapproved = await taskRow('kh-38-hdtdkt-thai-binh-2023', 4)
    expect(unapproved).toContain('Chưa cập nhật')
    expect(unapproved).not.toContain('Các lần cập nhật')
  })

  test('the dashboard counts tasks from the published updates; the task files carry them', async () => {
    const { taskStatistics, taskRecords } = await import('../site/lib/progress')
    const plans = (await payload.find({ collection: 'plans', pagination: false, depth: 1, overrideAccess: false })).docs
    const updates = (await payload.find({ collection: 'task-updates', pagination: false, depth: 0, overrideAccess: false })).docs
    expect(updates.length).toBe(content.taskUpdates.length)
    const stats = taskStatistics(plans, { updates, today: '2026-11-22' })
    expect(stats.totals.completed).toBeGreaterThan(0)
    const dashboard = page('/tien-do/')
    const foot = /<tfoot[^>]*>([\s\S]*?)<\/tfoot>/.exec(dashboard.slice(dashboard.indexOf('id="nhiem-vu-theo-quy"')))![1]
    const cells = [...foot.matchAll(/<td class="num"[^>]*>(?:<strong[^>]*>)?(\d+)/g)].map((m) => Number(m[1]))
    expect(cells).toEqual([...stats.statuses.map((s) => stats.totals[s.value]), stats.total])

    const json = JSON.parse(fs.readFileSync(path.join(build.clientDir, 'tien-do', 'nhiem-vu.json'), 'utf8'))
    expect(json.du_lieu).toEqual(JSON.parse(JSON.stringify(taskRecords(plans, updates, '2026-11-22'))))
    const late = json.du_lieu.find((r: any) => r.van_ban === '38/KH-HĐTĐKT' && r.stt === 3)
    expect([late.qua_han, late.ty_le_hoan_thanh, late.ngay_cap_nhat, late.minh_hoa]).toEqual([true, 70, '2023-03-20', true])
    const csv = fs.readFileSync(path.join(build.clientDir, 'tien-do', 'nhiem-vu.csv'), 'utf8')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.trim().split('\r\n').length).toBe(json.du_lieu.length + 1)
  })

  test('a document page lists its publications under "Lịch sử cập nhật", with published change notes only', async () => {
    const t = text(`/van-ban/${await slugOf('plans', historyPlanKey)}/`)
    const html = await planPage(historyPlanKey)
    expect(html).toMatch(/<h2 id="vb-lich-su"[^>]*>Lịch sử cập nhật<\/h2>/)
    const section = decodeHTML(/<section aria-labelledby="vb-lich-su"[\s\S]*?<\/section>/.exec(html)![0].replace(/<[^>]+>/g, ' '))
    expect(section).toContain(publishedChangeNote)
    expect(section).toContain('Đăng lần đầu')
    expect(t).not.toContain(secrets.draftChangeNote)
    for (const n of content.news) expect(page(`/tin-tuc/${await slugOf('news', n.key)}/`)).toContain('Lịch sử cập nhật')
  })
})
