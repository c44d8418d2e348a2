/**
 * The portal's Content-Security-Policy in a real browser: on the main pages, with their
 * scripts at work (search as you type, the copy and print buttons, an embed in another
 * site's page), Chromium reports no violation — and does report one for a script the policy
 * does not list.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'

import { launchBrowser } from './browser'

const portal = inject('portalUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

/** A page that records every CSP violation: console messages and `securitypolicyviolation` events. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage()
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => violations.push(`${page.url()}: ${error.message}`))
  // Injected by the driver (not subject to the page's policy), in every frame.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`))
  })
  return { page, violations }
}

async function firstDetail(page: Page, listPath: string) {
  await page.goto(`${portal}${listPath}`)
  const hrefs = await page.locator(`main a[href^="${listPath}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
  return hrefs.find((h) => h.split('/').filter(Boolean).length === 2)!
}

test('the main pages and their scripts run with no CSP violation', async () => {
  const { page, violations } = await watchedPage()
  const plan = await firstDetail(page, '/van-ban/')
  const campaign = await firstDetail(page, '/phong-trao/')
  const indicator = await firstDetail(page, '/tien-do/')
  const honouree = await firstDetail(page, '/dien-hinh/')
  for (const path of ['/', '/van-ban/', '/phong-trao/', '/tien-do/', indicator, honouree, '/tin-tuc/', '/trang/bao-ve-du-lieu-ca-nhan/', `/nhung${campaign}`, `/nhung${indicator}`, '/khong-co-trang-nay/']) {
    await page.goto(`${portal}${path}`)
    await page.waitForLoadState('load')
  }

  // The print button is shown by its script.
  await page.goto(`${portal}${plan}`)
  await expect.poll(() => page.locator('[data-print-button]').isVisible()).toBe(true)

  // The copy button: shown by its script, and clicking it reports back.
  await page.goto(`${portal}${campaign}`)
  const copy = page.locator('.embed-snippet button[data-copy]').first()
  await expect.poll(() => copy.isVisible()).toBe(true)
  await copy.click()
  await expect.poll(() => page.locator('[data-copy-status]').first().innerText()).not.toBe('')

  // Search as you type: Pagefind's script and WebAssembly.
  await page.goto(`${portal}/tim-kiem/`)
  await page.getByLabel(/Từ khóa/).fill('khuyen hoc')
  await page.getByLabel(/Từ khóa/).press('Enter')
  await expect.poll(() => page.locator('#search-results > li').count(), { timeout: 15_000 }).toBeGreaterThan(0)

  expect(violations).toEqual([])
  await page.close()
})

test('control: a script the policy does not list is blocked and reported', async () => {
  const { page, violations } = await watchedPage()
  await page.goto(`${portal}/`)
  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__ran = true'
    document.body.append(script)
  })
  await expect.poll(() => violations.length).toBeGreaterThan(0)
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined()
  await page.close()
})
