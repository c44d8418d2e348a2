/** axe-core in Chromium: no serious or critical violation on the main kinds of page. */
import axe from 'axe-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'

import { launchBrowser } from './browser'

const portal = inject('portalUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

/** The first link on `listPath` to a page of that section (e.g. a plan from /van-ban/). */
async function firstDetail(page: Page, listPath: string) {
  await page.goto(`${portal}${listPath}`)
  const hrefs = await page.locator(`main a[href^="${listPath}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
  const href = hrefs.find((h) => h.split('/').filter(Boolean).length === 2)
  expect(href, `a page linked from ${listPath}`).toBeDefined()
  return href!
}

/** Serious and critical violations on the page as loaded. */
async function violations(page: Page) {
  // Evaluated by the test driver, not as a <script> tag: the portal's CSP refuses unknown inline scripts.
  await page.evaluate(axe.source)
  const result = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }))
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).join('; ')}`)
}

test('home, a plan, a campaign, the dashboard, an indicator, an honouree, an information page, the page in English, search results and the embeds', async () => {
  const page = await browser.newPage()
  const plan = await firstDetail(page, '/van-ban/')
  const campaign = await firstDetail(page, '/phong-trao/')
  const indicator = await firstDetail(page, '/tien-do/')
  const honouree = await firstDetail(page, '/dien-hinh/')
  const paths = ['/', plan, campaign, '/tien-do/', indicator, honouree, '/trang/bao-ve-du-lieu-ca-nhan/', '/trang/english/', '/tim-kiem/?q=khuyen+hoc', `/nhung${campaign}`, `/nhung${indicator}`, `/nhung${honouree}`]
  const found: Record<string, string[]> = {}
  for (const path of paths) {
    await page.goto(`${portal}${path}`)
    const list = await violations(page)
    if (list.length) found[path] = list
  }
  expect(found).toEqual({})
  await page.close()
})

test('control: axe does report a serious problem when there is one', async () => {
  const page = await browser.newPage()
  await page.setContent('<!doctype html><html lang="vi"><head><title>x</title></head><body><main><img src="x.png"></main></body></html>')
  expect((await violations(page)).join('\n')).toContain('image-alt')
  await page.close()
})
