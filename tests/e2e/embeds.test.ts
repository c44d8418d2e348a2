/**
 * A news site on another origin embeds a campaign with the portal's own snippet: with the
 * optional script the iframe takes its content's height (and follows it when the width
 * changes); without it the plain iframe still shows the campaign.
 */
import fs from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'

import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { launchBrowser } from './browser'

const portal = inject('portalUrl')
const require = createRequire(import.meta.url)
/** The resizers news sites already run, as published on npm (dev dependencies). */
const resizerLibraries: Record<string, string> = {
  '/pym.v1.min.js': require.resolve('pym.js/dist/pym.v1.min.js'),
  '/iframeResizer.min.js': require.resolve('iframe-resizer/js/iframeResizer.min.js'),
}
let browser: Browser
let news: { url: string; close: () => void }
let campaignPath: string
let snippet: { iframe: string; script: string }

const article = (body: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Báo thử</title></head><body style="margin:0;font-family:sans-serif">` +
  `<div style="max-width:640px;margin:0 auto">${body}<p>Hết bài.</p></div></body></html>`

beforeAll(async () => {
  browser = await launchBrowser()
  const page = await browser.newPage()
  await page.goto(`${portal}/phong-trao/`)
  campaignPath = (await page.getByRole('link', { name: 'Tháng khuyến học', exact: true }).first().getAttribute('href'))!
  await page.goto(`${portal}${campaignPath}`)
  snippet = { iframe: await page.locator('#ma-nhung').inputValue(), script: await page.locator('#ma-co-gian').inputValue() }
  await page.close()

  const pages: Record<string, string> = {
    '/co-script.html': article(`<h1>Bài có khung tự co giãn</h1>${snippet.iframe}\n${snippet.script}`),
    '/khong-script.html': article(`<h1>Bài chỉ có khung</h1>${snippet.iframe}`),
    // Pym.js builds the iframe itself (adding ?childId=…) and sizes it from the child's messages.
    '/pym.html': article(
      `<h1>Bài dùng Pym.js</h1><div id="nhung-pym"></div><script src="/pym.v1.min.js"></script>` +
        `<script>new pym.Parent('nhung-pym', '${portal}/nhung${campaignPath}', { title: 'Tháng khuyến học' })</script>`,
    ),
    // iframe-resizer v4 on a plain iframe: handshake, then height messages; origin checked.
    '/iframe-resizer.html': article(
      `<h1>Bài dùng iframe-resizer</h1><iframe id="nhung-ir" src="${portal}/nhung${campaignPath}" title="Tháng khuyến học" width="100%" height="150"></iframe>` +
        `<script src="/iframeResizer.min.js"></script><script>iFrameResize({ checkOrigin: ['${new URL(portal).origin}'], warningTimeout: 0 }, '#nhung-ir')</script>`,
    ),
    '/trang-day-du.html': article(`<h1>Khung trang đầy đủ</h1><iframe src="${portal}${campaignPath}" title="Trang đầy đủ" width="100%" height="400"></iframe>`),
  }
  const server = http.createServer((req, res) => {
    const library = resizerLibraries[req.url ?? '']
    if (library) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
      return res.end(fs.readFileSync(library))
    }
    const body = pages[req.url ?? '']
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    res.end(body ?? '')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  news = { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() }
  expect(new URL(news.url).origin).not.toBe(new URL(portal).origin)
})

afterAll(async () => {
  await browser?.close()
  news?.close()
})

async function frameOf(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe').elementHandle())!.contentFrame()
  await frame!.waitForLoadState()
  return frame!
}

/** The height of the iframe's viewport (inside any border) and of the page shown in it. */
const heights = async (page: Page, frame: Frame) => ({
  iframe: await page.locator('iframe').evaluate((el) => el.clientHeight),
  content: await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
})

describe('embedding a campaign on another site', () => {
  test('the snippet is a plain lazy iframe of the embed page', () => {
    expect(snippet.iframe).toMatch(new RegExp(`^<iframe src="${portal}/nhung${campaignPath}" title="[^"]+" width="100%" height="\\d+" [^>]*loading="lazy"></iframe>$`))
    expect(snippet.script).toBe(`<script async src="${portal}/nhung/tu-dong-co-gian.js"></script>`)
  })

  test('with the resize script, the iframe takes its content’s height and follows it', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
    await page.goto(`${news.url}/co-script.html`)
    const frame = await frameOf(page)
    expect(await frame.locator('h1').innerText()).toBe('Tháng khuyến học')
    await expect.poll(async () => { const h = await heights(page, frame); return Math.abs(h.iframe - h.content) }, { timeout: 10_000 }).toBeLessThanOrEqual(1)
    const wide = await heights(page, frame)
    const initial = Number(/height="(\d+)"/.exec(snippet.iframe)![1])
    expect(wide.iframe).not.toBe(initial)

    // A phone: the text wraps, the content grows, the iframe follows.
    await page.setViewportSize({ width: 340, height: 800 })
    await expect.poll(async () => (await heights(page, frame)).content, { timeout: 10_000 }).toBeGreaterThan(wide.content)
    await expect.poll(async () => { const h = await heights(page, frame); return Math.abs(h.iframe - h.content) }, { timeout: 10_000 }).toBeLessThanOrEqual(1)
    await page.close()
  })

  test.each([
    ['Pym.js', '/pym.html'],
    ['iframe-resizer v4', '/iframe-resizer.html'],
  ])('a news site’s own %s resizer sizes the embed to its content', async (_, pagePath) => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
    await page.goto(`${news.url}${pagePath}`)
    const frame = await frameOf(page)
    expect(await frame.locator('h1').innerText()).toBe('Tháng khuyến học')
    await expect.poll(async () => { const h = await heights(page, frame); return Math.abs(h.iframe - h.content) }, { timeout: 10_000 }).toBeLessThanOrEqual(1)
    expect((await heights(page, frame)).content).toBeGreaterThan(150)
    await page.close()
  })

  test('without any script, the plain iframe still shows the campaign', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${news.url}/khong-script.html`)
    const frame = await frameOf(page)
    const text = await frame.locator('main').innerText()
    expect(text).toContain('Tháng khuyến học')
    expect(text).toContain('Đang diễn ra')
    expect(text).toContain('Còn 26 ngày')
    expect(text).toContain('Hội Khuyến học tỉnh Thái Bình')
    const initial = Number(/height="(\d+)"/.exec(snippet.iframe)![1])
    expect(await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height)).toBe(initial)
    await page.close()
  })

  test('the full page itself refuses to be framed by another site', async () => {
    const page = await browser.newPage()
    await page.goto(`${news.url}/trang-day-du.html`)
    const frame = await (await page.locator('iframe').elementHandle())!.contentFrame()
    await page.waitForTimeout(500)
    const shown = await frame!.evaluate(() => document.body?.innerText ?? '').catch(() => '')
    expect(shown).not.toContain('Nhúng vào trang của bạn')
    await page.close()
  })
})
