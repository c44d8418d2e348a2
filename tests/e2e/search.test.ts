/** The search page in a real browser: Pagefind finds Vietnamese typed without marks, đ included. */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'

import { launchBrowser } from './browser'

const portal = inject('portalUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

test.each([
  ['khuyen hoc', 'khuyến học'],
  ['don vi', 'đơn vị'],
])('typing “%s” finds “%s”', async (query, expected) => {
  const page = await browser.newPage()
  await page.goto(`${portal}/tim-kiem/`)
  await page.getByLabel(/Từ khóa/).fill(query)
  await page.getByLabel(/Từ khóa/).press('Enter')
  const results = page.locator('#search-results > li')
  await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0)
  const texts = (await results.allInnerTexts()).map((t) => t.toLowerCase())
  expect(texts.some((t) => t.includes(expected))).toBe(true)
  expect(new URL(page.url()).searchParams.get('q')).toBe(query)
  await page.close()
})

test('a link with ?q= runs the search on arrival', async () => {
  const page = await browser.newPage()
  await page.goto(`${portal}/tim-kiem/?q=${encodeURIComponent('don vi hoc tap')}`)
  await expect.poll(() => page.locator('#search-results > li').count(), { timeout: 15_000 }).toBeGreaterThan(0)
  expect((await page.locator('#search-results').innerText()).toLowerCase()).toContain('đơn vị học tập')
  await page.close()
})

test('with JavaScript off, the header search box and the section filter still work', async () => {
  const page = await browser.newPage({ javaScriptEnabled: false })
  await page.goto(`${portal}/`)
  await page.locator('#header-q').fill('dong ho hoc tap')
  await page.locator('#header-q').press('Enter')
  await page.waitForURL(/\/tim-kiem\/\?q=/)
  const results = page.locator('#search-results > li')
  expect(await results.count()).toBeGreaterThan(0)
  expect((await page.locator('#search-results').innerText()).toLowerCase()).toContain('dòng họ')
  await page.getByLabel(/Điển hình \(\d+\)/).check()
  await page.getByRole('button', { name: 'Lọc' }).click()
  await page.waitForURL(/muc=/)
  const hrefs = await page.locator('#search-results > li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  expect(hrefs.length).toBeGreaterThan(0)
  expect(hrefs.every((href) => href?.startsWith('/dien-hinh/'))).toBe(true)
  await page.close()
})

/** Result links of the page as it stands. */
const links = (page: import('playwright-core').Page) =>
  page.locator('#search-results > li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))

async function typeQuery(page: import('playwright-core').Page, query: string) {
  await page.evaluate(() => (document.getElementById('search-status')!.textContent = ''))
  await page.getByLabel(/Từ khóa/).fill(query)
  await page.getByLabel(/Từ khóa/).press('Enter')
  await expect
    .poll(async () => {
      const status = await page.locator('#search-status').innerText()
      return status.includes(`“${query}”`) && !status.includes('Đang tìm')
    }, { timeout: 15_000 })
    .toBe(true)
}

test('the browser ranks as the server does: numbers and names first, labelled, the same order', async () => {
  const page = await browser.newPage()
  await page.goto(`${portal}/tim-kiem/`)
  for (const query of ['kh 38', 'quyết định số 1315', 'tran hong ha', 'gia dinh hoc tap', 'dai hoi bieu duong', 'khuyen hoc']) {
    await typeQuery(page, query)
    const server = await (await fetch(`${portal}/tim-kiem/?q=${encodeURIComponent(query)}`)).text()
    const serverLinks = [...(/<ol id="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(server)?.[1] ?? '').matchAll(/<h2><a href="([^"]+)"/g)].map((m) => m[1])
    expect(await links(page), query).toEqual(serverLinks)
  }
  await typeQuery(page, 'kh 38')
  expect(await page.locator('#search-results > li').first().innerText()).toContain('Số, ký hiệu 38/KH-HĐTĐKT')
  await typeQuery(page, 'dai hoi bieu duong')
  expect(await page.locator('#search-results mark').first().innerText()).toBe('Đại hội biểu dương')
  await page.close()
})

test('filters in the browser combine, show counts and stay in the URL', async () => {
  const page = await browser.newPage()
  await page.goto(`${portal}/tim-kiem/`)
  await typeQuery(page, 'hoc tap')
  const before = (await links(page)).length
  await page.getByLabel(/^\s*Văn bản \(\d+\)/).check()
  await expect.poll(() => new URL(page.url()).searchParams.getAll('muc')).toEqual(['Văn bản'])
  await page.getByLabel(/^\s*2023 \(\d+\)/).check()
  await expect.poll(() => new URL(page.url()).searchParams.get('nam')).toBe('2023')
  await expect.poll(async () => (await links(page)).every((href) => href?.startsWith('/van-ban/'))).toBe(true)
  expect((await links(page)).length).toBeLessThanOrEqual(before)
  // The same address without JavaScript gives the same results.
  const noScript = await browser.newPage({ javaScriptEnabled: false })
  await noScript.goto(page.url())
  expect(await links(noScript)).toEqual(await links(page))
  await noScript.close()
  await page.close()
})

test('a portal whose catalogue is too big for a first query: the browser shows the server’s answers, same order, filters too, without fetching the index', async () => {
  const { freePort, serveBuild } = await import('../helpers/serve-build')
  // The same release, served with a limit every catalogue exceeds (as at 10,000 items and more).
  const served = await serveBuild(inject('portalOutDir'), await freePort(), undefined, { ...process.env, SEARCH_BROWSER_CATALOG_BYTES: '1' })
  const page = await browser.newPage()
  const fetched: string[] = []
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname))
  try {
    await page.goto(`${served.url}/tim-kiem/`)
    expect(await page.locator('#search-form').getAttribute('data-search')).toBe('server')
    for (const query of ['kh 38', 'tran hong ha', 'gia dinh hoc tap', 'khuyen hco']) {
      await typeQuery(page, query)
      const server = await (await fetch(`${served.url}/tim-kiem/?q=${encodeURIComponent(query)}`)).text()
      const serverLinks = [...(/<ol id="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(server)?.[1] ?? '').matchAll(/<h2><a href="([^"]+)"/g)].map((m) => m[1])
      expect(serverLinks.length, query).toBeGreaterThan(0)
      expect(await links(page), query).toEqual(serverLinks)
    }
    await typeQuery(page, 'kh 38')
    expect(await page.locator('#search-results > li').first().innerText()).toContain('Số, ký hiệu 38/KH-HĐTĐKT')
    await typeQuery(page, 'hoc tap')
    await page.getByLabel(/^\s*Văn bản \(\d+\)/).check()
    await expect.poll(() => new URL(page.url()).searchParams.getAll('muc')).toEqual(['Văn bản'])
    await expect.poll(async () => (await links(page)).every((href) => href?.startsWith('/van-ban/'))).toBe(true)
    expect(fetched.filter((p) => p.startsWith('/pagefind/'))).toEqual([])
    // The release served as usual keeps searching in the browser.
    const local = await browser.newPage()
    await local.goto(`${portal}/tim-kiem/`)
    expect(await local.locator('#search-form').getAttribute('data-search')).toBe('browser')
    await local.close()
  } finally {
    await page.close()
    await served.close()
  }
})
