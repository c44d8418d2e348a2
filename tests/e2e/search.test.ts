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
