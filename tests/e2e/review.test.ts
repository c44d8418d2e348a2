/**
 * Review before publishing (cms/review/) in a real browser, with the whole product running as
 * `npm start` runs it on a fresh seeded database: an author writes a page and sends it for review
 * in the admin ("Gửi duyệt"); an editor returns it with a comment ("Trả lại" — refused without
 * one); the author sees the comment on the page, fixes it and sends it again; the editor approves
 * it ("Duyệt và xuất bản") and the page appears on the portal, with every step in the panel's
 * history. Then a data reporter's figure stays off the portal's downloads until an editor
 * approves it in the admin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { launchBrowser } from './browser'
import { startProduct, type RunningProduct } from './product'

let product: RunningProduct
let browser: Browser
let cmsUrl: string
let portalUrl: string
let adminToken: string

const api: RunningProduct['api'] = (...args) => product.api(...args)

const accounts = {
  author: { email: 'tacgia@example.test', password: 'tac-gia-viet-bai-2026', name: 'Tác giả Lan', role: 'author' },
  editor: { email: 'bientap.duyet@example.test', password: 'bien-tap-duyet-bai-2026', name: 'Biên tập viên Minh', role: 'editor' },
  reporter: { email: 'baocao.duyet@example.test', password: 'bao-cao-so-lieu-2026!', name: 'Cán bộ số liệu Hà', role: 'data-reporter' },
} as const

beforeAll(async () => {
  product = await startProduct('review')
  cmsUrl = product.cmsUrl
  portalUrl = product.portalUrl
  const admin = await api('POST', '/users/first-register', { email: 'quantri.duyet@example.test', password: 'quan-tri-duyet-2026!', name: 'Quản trị viên' })
  expect(admin.status).toBe(200)
  adminToken = admin.json.token
  const orgs = await api('GET', `/organizations?where[name][equals]=${encodeURIComponent('Hội Khuyến học tỉnh Thái Bình')}&depth=0`)
  const organization = orgs.json.docs[0].id
  for (const account of Object.values(accounts)) {
    const created = await api('POST', '/users', { ...account, ...(account.role === 'data-reporter' ? { organization } : {}) }, adminToken)
    expect(created.status, JSON.stringify(created.json)).toBe(201)
  }
  browser = await launchBrowser()
}, 1_000_000)

afterAll(async () => {
  await browser?.close()
  await product?.stop()
})

async function signedIn(who: keyof typeof accounts): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(accounts[who].email)
  await page.locator('#field-password').fill(accounts[who].password)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('login'))
  return { context, page }
}

const panel = (page: Page) => page.locator('section.review-panel')
const statusOf = (page: Page) => panel(page).locator('[data-review-status]').getAttribute('data-review-status')
/** Clicks a review button; the panel reloads the page once the step is saved. */
async function step(page: Page, button: string) {
  await Promise.all([page.waitForEvent('load'), panel(page).getByRole('button', { name: button }).click()])
  await panel(page).waitFor()
}

test('an author submits, an editor returns with a comment, the author fixes and resubmits, the editor publishes', async () => {
  const title = `Hướng dẫn đăng ký Gia đình học tập ${Date.now()}`
  const author = await signedIn('author')
  let page = author.page
  await page.goto(`${cmsUrl}/admin/collections/pages/create`)
  await page.locator('#field-title').fill(title)
  await page.locator('#field-summary').fill('Bản đầu, còn thiếu thời hạn nộp hồ sơ.')
  await page.locator('#action-save-draft').click()
  await page.waitForURL(/\/admin\/collections\/pages\/\d+/)
  const editUrl = page.url()
  const id = editUrl.match(/pages\/(\d+)/)![1]
  await panel(page).waitFor()
  expect(await statusOf(page)).toBe('editing')
  // An author has no "Trả lại" or "Duyệt và xuất bản".
  expect(await panel(page).getByRole('button', { name: 'Duyệt và xuất bản' }).count()).toBe(0)
  await panel(page).getByLabel('Ghi chú gửi kèm (không bắt buộc)').fill('Nhờ anh xem giúp.')
  await step(page, 'Gửi duyệt')
  expect(await statusOf(page)).toBe('submitted')
  expect(await panel(page).getByText('Chờ duyệt').count()).toBeGreaterThan(0)

  // The editor returns it: without a comment the panel refuses, with one it is returned.
  const editor = await signedIn('editor')
  await editor.page.goto(editUrl)
  await panel(editor.page).waitFor()
  expect(await statusOf(editor.page)).toBe('submitted')
  await panel(editor.page).getByRole('button', { name: 'Trả lại' }).click()
  await expect.poll(() => panel(editor.page).getByRole('status').innerText()).toBe('Cần ghi nhận xét cho người gửi trước khi trả lại.')
  expect(await statusOf(editor.page)).toBe('submitted')
  const comment = 'Bổ sung thời hạn nộp hồ sơ (trước ngày 15/11) rồi gửi lại.'
  await panel(editor.page).getByLabel('Nhận xét (bắt buộc khi trả lại)').fill(comment)
  await step(editor.page, 'Trả lại')
  expect(await statusOf(editor.page)).toBe('returned')

  // The author sees the comment on the page, fixes it and sends it again.
  await page.goto(editUrl)
  await panel(page).waitFor()
  expect(await statusOf(page)).toBe('returned')
  expect(await panel(page).getByRole('note').innerText()).toContain(comment)
  await page.locator('#field-summary').fill('Hồ sơ nộp trước ngày 15/11 tại Hội Khuyến học xã.')
  await page.locator('#action-save-draft').click()
  await expect.poll(async () => (await api('GET', `/pages/${id}?draft=true&depth=0`, undefined, adminToken)).json.summary).toContain('15/11')
  await page.reload()
  await panel(page).waitFor()
  // Still returned until sent again.
  expect(await statusOf(page)).toBe('returned')
  await step(page, 'Gửi duyệt')
  expect(await statusOf(page)).toBe('submitted')
  expect((await fetch(`${cmsUrl}/api/pages/${id}`)).status).not.toBe(200)

  // The editor approves: published, and on the portal after the rebuild.
  await editor.page.goto(editUrl)
  await panel(editor.page).waitFor()
  await step(editor.page, 'Duyệt và xuất bản')
  expect(await statusOf(editor.page)).toBe('approved')
  const published = await api('GET', `/pages/${id}?depth=0`)
  expect(published.status).toBe(200)
  const slug = published.json.slug
  await expect
    .poll(async () => (await fetch(`${portalUrl}/trang/${slug}/`).then((r) => (r.ok ? r.text() : ''))).includes('Hồ sơ nộp trước ngày 15/11'), { timeout: 240_000, interval: 2000 })
    .toBe(true)

  // Every step, in order, with who and the comments, in the panel's history.
  const history = await panel(editor.page).locator('.review-panel__history li').evaluateAll((items) => items.map((li) => li.getAttribute('data-review-action')))
  expect(history).toEqual(['submitted', 'returned', 'submitted', 'approved'])
  const text = await panel(editor.page).locator('.review-panel__history').innerText()
  expect(text).toContain('Tác giả Lan')
  expect(text).toContain('Biên tập viên Minh')
  expect(text).toContain(comment)
  await author.context.close()
  await editor.context.close()
}, 600_000)

test("a data reporter's figure is not public until an editor approves it", async () => {
  const reporter = await signedIn('reporter')
  const value = 73.19
  // The reporter's own session from the admin page (the cookie counts only from the CMS's origin).
  const created = await reporter.page.evaluate(async (value) => {
    const indicators = await fetch('/api/indicators?where[code][equals]=G%C4%90HT&depth=0').then((r) => r.json())
    const me = await fetch('/api/users/me').then((r) => r.json())
    const response = await fetch('/api/indicator-reports?draft=true', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        indicator: indicators.docs[0].id,
        year: 2025,
        periodLabel: 'Năm 2025',
        locality: 'Tỉnh Thái Bình',
        value,
        reportingOrganization: me.user.organization.id ?? me.user.organization,
        _status: 'draft',
      }),
    })
    const body = await response.json()
    const submitted = await fetch(`/api/indicator-reports/${body.doc?.id}/review/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    return { status: response.status, id: body.doc?.id, submitted: submitted.status }
  }, value)
  expect(created).toMatchObject({ status: 201, submitted: 200 })

  const isPublic = async () => {
    const anonymous = await api('GET', `/indicator-reports?where[value][equals]=${value}&depth=0`)
    return anonymous.json.totalDocs > 0
  }
  const onPortal = async () => {
    const json = await fetch(`${portalUrl}/tien-do/du-lieu.json`).then((r) => r.json())
    return json.du_lieu.some((r: any) => r.gia_tri === value && r.nam === 2025 && r.loai === 'thuc_hien')
  }
  expect(await isPublic()).toBe(false)
  expect(await onPortal()).toBe(false)

  // The editor's home lists the figure under "Chờ duyệt"; the editor opens it and approves it.
  const editor = await signedIn('editor')
  const awaitingOnHome = async () => {
    await editor.page.goto(`${cmsUrl}/admin`)
    await editor.page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor()
    return editor.page.locator(`[data-home-section="cho-duyet"] a[href="/admin/collections/indicator-reports/${created.id}"]`).count()
  }
  expect(await awaitingOnHome()).toBe(1)
  await editor.page.goto(`${cmsUrl}/admin/collections/indicator-reports/${created.id}`)
  await panel(editor.page).waitFor()
  expect(await statusOf(editor.page)).toBe('submitted')
  await step(editor.page, 'Duyệt và xuất bản')
  expect(await statusOf(editor.page)).toBe('approved')
  expect(await isPublic()).toBe(true)
  expect(await awaitingOnHome()).toBe(0)
  await expect.poll(onPortal, { timeout: 240_000, interval: 2000 }).toBe(true)
  await reporter.context.close()
  await editor.context.close()
}, 600_000)
