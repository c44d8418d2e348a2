/**
 * Editor → portal in a real browser, with the whole product running as `npm start` runs it
 * (scripts/start.ts: migrations, seed, admin build, portal build, CMS on Next and the
 * portal server) on a fresh database: the first account (the administrator) is created in
 * the admin and gives an editor an account; the editor signs in, writes and publishes a news
 * item there, and it appears on the portal with no other step; a
 * draft edit is seen through the admin's "Xem trước" link and nowhere public. Then the same
 * editor imports a Word plan (made here from a source document's text) in "Nhập văn bản từ tệp",
 * corrects it beside the source text and saves it as a draft with its tasks.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { docxFromText } from '../helpers/docx'
import { launchBrowser } from './browser'
import { startProduct, type RunningProduct } from './product'

const root = path.resolve(import.meta.dirname, '..', '..')
// Files the test writes; the product keeps its own directory.
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-start-'))
let product: RunningProduct
let browser: Browser
let cmsUrl: string
let portalUrl: string

beforeAll(async () => {
  product = await startProduct('start', { PAYLOAD_JOBS_AUTORUN: 'true' })
  cmsUrl = product.cmsUrl
  portalUrl = product.portalUrl
  browser = await launchBrowser()
}, 1_000_000)

afterAll(async () => {
  await browser?.close()
  await product?.stop()
  fs.rmSync(data, { recursive: true, force: true })
})

test('an editor publishes news in the admin and reads it on the portal', async () => {
  const page = await browser.newPage()
  page.setDefaultTimeout(60_000)

  // No default account: the first one is created on Payload's first-user screen (→ admin).
  await page.goto(`${cmsUrl}/admin`)
  await page.waitForURL(/create-first-user/)
  await page.locator('#field-email').fill('quantri@example.test')
  await page.locator('#field-password').fill('mat-khau-quan-tri-1')
  await page.locator('#field-confirm-password').fill('mat-khau-quan-tri-1')
  await page.locator('#field-name').fill('Quản trị viên')
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => !url.pathname.includes('create-first-user'))

  // The administrator gives the communications officer an editor account (with the admin's session)…
  // A fetch from the admin's own page: the session cookie counts only from the CMS's origin (csrf).
  const created = await page.evaluate(async () => {
    const response = await fetch('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bientap@example.test', password: 'mat-khau-bien-tap-1', name: 'Biên tập viên', role: 'editor' }),
    })
    return response.status
  })
  expect(created).toBe(201)
  // …who signs in on the admin's login screen.
  await page.goto(`${cmsUrl}/admin/logout`)
  await page.waitForURL(/\/admin\/login/)
  await page.locator('#field-email').fill('bientap@example.test')
  await page.locator('#field-password').fill('mat-khau-bien-tap-1')
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('login'))
  const me = await page.evaluate(() => fetch('/api/users/me').then((r) => r.json()))
  expect(me.user).toMatchObject({ email: 'bientap@example.test', role: 'editor' })

  const title = `Khai mạc Tháng khuyến học ${Date.now()}`
  await page.goto(`${cmsUrl}/admin/collections/news/create`)
  await page.locator('#field-title').fill(title)
  await page.locator('#field-summary').fill('Tin viết và xuất bản trong trang quản trị.')
  await page.locator('#action-save').click() // "Xuất bản" (publish)
  await page.waitForURL(/\/admin\/collections\/news\/\d+/)
  const editUrl = page.url()

  // The rebuild runs by itself; the portal shows the item within seconds of the build.
  await expect
    .poll(async () => (await fetch(`${portalUrl}/tin-tuc/`).then((r) => r.text())).includes(title), { timeout: 180_000, interval: 2000 })
    .toBe(true)
  await page.goto(`${portalUrl}/tin-tuc/`)
  await page.getByRole('link', { name: title }).click()
  await expect.poll(() => page.locator('h1').innerText()).toBe(title)

  // A draft edit stays private: "Xem trước" shows it, the public page does not change.
  await page.goto(editUrl)
  await page.locator('#field-title').fill(`${title} (bản nháp)`)
  await page.locator('#action-save-draft').click()
  await expect.poll(async () => (await page.locator('#preview-button').getAttribute('href')) ?? '', { timeout: 30_000 }).toContain('/xem-truoc/news/')
  const previewUrl = (await page.locator('#preview-button').getAttribute('href'))!
  expect(previewUrl.startsWith(portalUrl)).toBe(true)
  const preview = await browser.newPage()
  const response = await preview.goto(previewUrl)
  expect(response?.status()).toBe(200)
  expect(await preview.locator('h1').innerText()).toBe(`${title} (bản nháp)`)
  expect(await preview.locator('.preview-banner').innerText()).toContain('Bản xem trước')
  const anonymous = await preview.goto(previewUrl.split('?')[0])
  expect(anonymous?.status()).toBe(401)
  await preview.close()
  expect(await fetch(`${portalUrl}/tin-tuc/`).then((r) => r.text())).not.toContain('(bản nháp)')

  // Staff see the build that put it live.
  await page.goto(`${cmsUrl}/admin/globals/portal-build`)
  await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toContain('Xây dựng lại cổng thông tin ngay')
  await page.close()
}, 400_000)

// Runs after the test above, whose editor account it uses.
test('an editor imports a .docx plan, corrects it beside the source text and saves a draft with its tasks', async () => {
  // A seed's text as a Word file, renumbered: the seeded plan 38/KH-HĐTĐKT is already in the CMS.
  const source = fs.readFileSync(path.join(root, 'content', 'sources', '001_eae533dfa49a91b6.txt'), 'utf8').replace('Số: 38/KH-HĐTĐKT', 'Số: 97/KH-HĐTĐKT')
  const file = path.join(data, 'ke-hoach-97.docx')
  fs.writeFileSync(file, await docxFromText(source))

  const page = await browser.newPage()
  page.setDefaultTimeout(60_000)
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('#field-email').fill('bientap@example.test')
  await page.locator('#field-password').fill('mat-khau-bien-tap-1')
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('login'))

  // From the documents list to the importer.
  await page.goto(`${cmsUrl}/admin/collections/plans`)
  await page.getByRole('link', { name: /Nhập văn bản từ tệp/ }).click()
  await page.waitForURL(/\/admin\/nhap-van-ban/)
  await page.locator('input[name=file]').setInputFiles(file)
  await page.getByRole('button', { name: 'Đọc văn bản' }).click()
  await page.getByText('Nhận ra 1 văn bản').waitFor()

  // Each proposed field beside the source text; nothing saved yet.
  expect(await page.locator('input[name=number]').inputValue()).toBe('97/KH-HĐTĐKT')
  expect(await page.locator('select[name=type]').inputValue()).toBe('plan')
  expect(await page.locator('input[name=issueDate]').inputValue()).toBe('2023-04-04')
  expect(await page.locator('li[data-task]').count()).toBe(28)
  expect(await page.getByLabel('Văn bản gốc').innerText()).toContain('Số: 97/KH-HĐTĐKT')
  const before = await page.evaluate(() => fetch('/api/plans?draft=true&limit=0&where[documentNumber][equals]=97/KH-H%C4%90T%C4%90KT').then((r) => r.json()))
  expect(before.totalDocs).toBe(0)

  // The editor corrects the title, then saves the draft.
  const title = 'Công tác của Hội đồng Thi đua - Khen thưởng tỉnh năm 2023 (nhập từ tệp Word)'
  await page.locator('textarea[name=title]').fill(title)
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
  await page.getByText(/Đã lưu bản nháp/).waitFor({ timeout: 30_000 })

  const saved = await page.evaluate(() => fetch('/api/plans?draft=true&depth=0&where[documentNumber][equals]=97/KH-H%C4%90T%C4%90KT').then((r) => r.json()))
  expect(saved.totalDocs).toBe(1)
  const plan = saved.docs[0]
  expect(plan).toMatchObject({ title, _status: 'draft', documentType: 'plan', place: 'Thái Bình' })
  expect(plan.tasks).toHaveLength(28)
  expect(plan.tasks[0]).toMatchObject({ timeFrame: 'Quý I', content: expect.stringContaining('Tham mưu tổng kết công tác thi đua') })
  expect(typeof plan.tasks[0].lead).toBe('number')
  // A draft: not on the portal.
  expect((await fetch(`${cmsUrl}/api/plans/${plan.id}`)).status).not.toBe(200)
  await page.close()
}, 300_000)
