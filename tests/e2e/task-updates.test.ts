/**
 * A task's progress, reported by its lead organisation and approved by an editor, in a real
 * browser with the whole product running (`npm start` on a fresh database, tests/e2e/product.ts):
 * the data reporter of Ban Thi đua - Khen thưởng Thái Bình (lead of the tasks of Kế hoạch
 * 38/KH-HĐTĐKT) saves a progress update in the admin as a draft and sends it for review — not
 * public; the editor's staff home lists it as awaiting review; the editor approves it; the task
 * leaves the home's overdue list, and after the rebuild the document page shows the task's new
 * status with its date and history, and the dashboard counts it.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { launchBrowser } from './browser'
import { startProduct, type RunningProduct } from './product'

let product: RunningProduct
let browser: Browser
const note = `Đã gửi thông báo cho các cụm, khối thi đua ${Date.now()}`
const accounts = {
  admin: { email: 'quantri@example.test', password: 'mat-khau-quan-tri-tien-do-1' },
  editor: { email: 'bientap-tiendo@example.test', password: 'mat-khau-bien-tap-tien-do-1' },
  reporter: { email: 'baocao-tdkt@example.test', password: 'mat-khau-bao-cao-tien-do-1' },
}

beforeAll(async () => {
  product = await startProduct('tasks', { PORTAL_NOW: '2026-11-22' })
  browser = await launchBrowser()
}, 1_000_000)

afterAll(async () => {
  await browser?.close()
  await product?.stop()
})

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${product.cmsUrl}/admin/logout`)
  await page.goto(`${product.cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(who.email)
  await page.locator('#field-password').fill(who.password)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('login'))
}

/** Payload's select and relationship inputs (react-select): open, type, pick the option. */
async function choose(page: Page, field: string, typed: string, option: string | RegExp) {
  await page.locator(`#field-${field} .rs__control`).click()
  if (typed) await page.keyboard.type(typed)
  await page.locator('.rs__option', { hasText: option }).first().click()
}

const panel = (page: Page) => page.locator('section.review-panel')
/** Clicks a review button; the panel reloads the page once the step is saved. */
async function step(page: Page, button: string) {
  await Promise.all([page.waitForEvent('load'), panel(page).getByRole('button', { name: button }).click()])
  await panel(page).waitFor()
}

/** The staff home ("Việc cần làm"), the admin's first screen. */
async function home(page: Page) {
  await page.goto(`${product.cmsUrl}/admin`)
  await page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor()
}
const TASK_FIVE = '38/KH-HĐTĐKT, nhiệm vụ 5:'
const overdueOnHome = async (page: Page) => {
  await home(page)
  return page.locator('[data-home-section="nhiem-vu-qua-han"]').innerText()
}

const planPage = async () => {
  const list = await fetch(`${product.portalUrl}/van-ban/`).then((r) => r.text())
  const href = /href="(\/van-ban\/38-kh-hdtdkt-2023\/)"/.exec(list)?.[1] ?? '/van-ban/38-kh-hdtdkt-2023/'
  return fetch(`${product.portalUrl}${href}`).then((r) => r.text())
}
const taskFive = async () => {
  const json = await fetch(`${product.portalUrl}/tien-do/nhiem-vu.json`).then((r) => r.json())
  return json.du_lieu.find((r: any) => r.van_ban === '38/KH-HĐTĐKT' && r.stt === 5)
}

test('a lead organisation’s reporter sends a task update for review; after an editor approves it, the plan page and the dashboard show it', async () => {
  const page = await browser.newPage()
  page.setDefaultTimeout(60_000)

  // Before: task 5 (due 31/3/2023) has no update — "Chưa cập nhật", overdue on 22/11/2026.
  expect(await taskFive()).toMatchObject({ tinh_trang: 'qua-han', qua_han: true, ngay_cap_nhat: null })

  // The first account (administrator) gives an editor and the lead organisation's data reporter their accounts.
  await page.goto(`${product.cmsUrl}/admin`)
  await page.waitForURL(/create-first-user/)
  await page.locator('#field-email').fill(accounts.admin.email)
  await page.locator('#field-password').fill(accounts.admin.password)
  await page.locator('#field-confirm-password').fill(accounts.admin.password)
  await page.locator('#field-name').fill('Quản trị viên')
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => !url.pathname.includes('create-first-user'))
  const statuses = await page.evaluate(async (a) => {
    const orgs = await fetch('/api/organizations?where[seedKey][equals]=ban-thi-dua-khen-thuong-thai-binh&depth=0').then((r) => r.json())
    const post = (body: unknown) => fetch('/api/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status)
    return [
      await post({ ...a.editor, name: 'Biên tập viên', role: 'editor' }),
      await post({ ...a.reporter, name: 'Cán bộ Ban Thi đua - Khen thưởng', role: 'data-reporter', organization: orgs.docs[0].id }),
    ]
  }, accounts)
  expect(statuses).toEqual([201, 201])

  // The data reporter reports progress on task 5 in the admin, as a draft.
  await signIn(page, accounts.reporter)
  await page.goto(`${product.cmsUrl}/admin/collections/task-updates/create`)
  await choose(page, 'plan', 'Công tác của Hội đồng', 'Công tác của Hội đồng Thi đua - Khen thưởng tỉnh năm 2023')
  await expect.poll(() => page.locator('#field-task option').count(), { timeout: 30_000 }).toBeGreaterThan(5)
  await page.locator('#field-task').selectOption({ label: (await page.locator('#field-task option', { hasText: /^5\. Thông báo Trưởng/ }).innerText()).trim() })
  await choose(page, 'status', '', 'Đã hoàn thành')
  await page.locator('#field-percent').fill('100')
  await page.locator('#field-note').fill(note)
  await page.locator('#action-save-draft').click()
  await page.waitForURL(/\/admin\/collections\/task-updates\/\d+/)
  const editUrl = page.url()
  // A data reporter has no "Xuất bản"; they send the draft for review.
  await expect.poll(() => page.locator('#action-save').count()).toBe(0)
  await step(page, 'Gửi duyệt')
  expect(await panel(page).locator('[data-review-status]').getAttribute('data-review-status')).toBe('submitted')
  // Not public before approval.
  expect(await fetch(`${product.cmsUrl}/api/task-updates?where[note][equals]=${encodeURIComponent(note)}&draft=true`).then((r) => r.json())).toMatchObject({ totalDocs: 0 })
  // The reporter's home still lists the task as overdue, under their organisation.
  expect(await overdueOnHome(page)).toContain(TASK_FIVE)

  // The editor's home lists the update as awaiting review; the editor approves it in the panel.
  await signIn(page, accounts.editor)
  await home(page)
  const awaiting = page.locator('[data-home-section="cho-duyet"] a', { hasText: 'Thông báo Trưởng, Phó Cụm, Khối thi đua' })
  expect(await awaiting.getAttribute('href')).toBe(new URL(editUrl).pathname)
  expect(await overdueOnHome(page)).toContain(TASK_FIVE)
  await page.goto(editUrl)
  await expect.poll(() => page.locator('#field-note').inputValue()).toBe(note)
  await step(page, 'Duyệt và xuất bản')
  const publicUpdates = () => fetch(`${product.cmsUrl}/api/task-updates?where[note][equals]=${encodeURIComponent(note)}`).then((r) => r.json())
  await expect.poll(async () => (await publicUpdates()).totalDocs, { timeout: 30_000 }).toBe(1)
  // Approved: no longer awaiting, and the task is done, so no longer overdue.
  await home(page)
  expect(await page.locator('[data-home-section="cho-duyet"] a', { hasText: 'Thông báo Trưởng, Phó Cụm, Khối thi đua' }).count()).toBe(0)
  expect(await overdueOnHome(page)).not.toContain(TASK_FIVE)

  // The rebuild follows by itself: the plan page and the dashboard show it.
  await expect.poll(async () => (await planPage()).includes(note), { timeout: 300_000, interval: 3000 }).toBe(true)
  expect(await taskFive()).toMatchObject({ tinh_trang: 'completed', qua_han: false, ty_le_hoan_thanh: 100 })
  await page.goto(`${product.portalUrl}/van-ban/38-kh-hdtdkt-2023/`)
  const row = page.locator('tr', { hasText: 'Thông báo Trưởng, Phó Cụm, Khối thi đua' }).first()
  expect(await row.innerText()).toContain('Đã hoàn thành')
  expect(await row.innerText()).not.toContain('Quá hạn')
  await row.getByText(/Các lần cập nhật tiến độ \(1\)/).click()
  await expect.poll(() => row.innerText()).toContain(note)
  await page.close()
}, 900_000)
