/**
 * The staff home in a real browser, with the whole product started as `npm start` starts it
 * (fresh database seeded from content/): after signing in, each role's first screen is
 * "Việc cần làm" with that role's sections — an editor's include scheduled publications and the
 * portal's build, an author's do not include scheduled publications, a data reporter of the
 * Hưng Yên study-promotion association sees the figures their association owes (it answers
 * for the Thái Bình association merged into it, per KH 29's "trước ngày 01 tháng 12 hằng năm")
 * and nothing of other organisations. Once the reporter sends those figures, their home shows
 * the deadline met. Each step of a review shows on the homes as it happens: an author's
 * submitted draft appears under the editor's "Chờ duyệt"; returned with a comment, it appears
 * under the author's "Bị trả lại cho tôi" with the comment; approved, it leaves both. axe-core
 * finds no serious or critical problem in the home's content.
 */
import axe from 'axe-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { launchBrowser } from './browser'
import { startProduct, type RunningProduct } from './product'

let product: RunningProduct
let browser: Browser
let cmsUrl: string
let adminToken: string

const api: RunningProduct['api'] = (...args) => product.api(...args)

const accounts = {
  editor: { email: 'bientap@example.test', password: 'bien-tap-vien-viec-can-lam', name: 'Biên tập viên Hà', role: 'editor' },
  author: { email: 'tacgia@example.test', password: 'tac-gia-viec-can-lam-2026', name: 'Tác giả Lan', role: 'author' },
  reporter: { email: 'baocao.hungyen@example.test', password: 'so-lieu-hung-yen-2026-12', name: 'Cán bộ số liệu Hưng Yên', role: 'data-reporter' },
} as const

const HUNG_YEN = 'Hội Khuyến học tỉnh Hưng Yên'
const THAI_BINH = 'Hội Khuyến học tỉnh Thái Bình'
let hungYenId: number

const orgId = async (name: string) => (await api('GET', `/organizations?where[name][equals]=${encodeURIComponent(name)}&depth=0`)).json.docs[0].id as number

beforeAll(async () => {
  product = await startProduct('staff-home')
  cmsUrl = product.cmsUrl
  const admin = await api('POST', '/users/first-register', { email: 'quantri@example.test', password: 'quan-tri-viec-can-lam-2026', name: 'Quản trị viên' })
  expect(admin.status).toBe(200)
  adminToken = admin.json.token
  hungYenId = await orgId(HUNG_YEN)
  for (const account of Object.values(accounts)) {
    const created = await api('POST', '/users', { ...account, ...(account.role === 'data-reporter' ? { organization: hungYenId } : {}) }, adminToken)
    expect(created.status, JSON.stringify(created.json)).toBe(201)
  }
  browser = await launchBrowser()
}, 1_000_000)

afterAll(async () => {
  await browser?.close()
  await product?.stop()
})

async function signIn(account: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  page.setDefaultTimeout(60_000)
  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(account.email)
  await page.locator('#field-password').fill(account.password)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('login'))
  // The first screen after signing in.
  await page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor()
  return page
}

const sectionTitles = async (page: Page) =>
  (await page.locator('.staff-home section h2').allInnerTexts()).map((title) => title.replace(/\s*\(\d+\)$/, ''))

/** Serious and critical axe violations inside the staff home's own content. */
async function violations(page: Page) {
  await page.evaluate(axe.source)
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run({ include: [['.staff-home']] }, { resultTypes: ['violations'] }),
  )
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
}

test('an editor’s first screen: figures owed, overdue tasks, scheduled publications, the last build', async () => {
  const page = await signIn(accounts.editor)
  expect(new URL(page.url()).pathname).toBe('/admin')
  expect(await sectionTitles(page)).toEqual(
    expect.arrayContaining(['Số liệu chưa báo cáo kỳ này', 'Nhiệm vụ quá hạn chưa hoàn thành', 'Đã lên lịch xuất bản', 'Lần xây dựng cổng thông tin gần nhất']),
  )
  const figures = page.locator('[data-home-section="so-lieu-thieu"]')
  // The association merged into Hưng Yên's answers for KH 29's deadline; QĐ 1315's lists the provinces.
  expect(await figures.innerText()).toContain(`${HUNG_YEN} (thay cho ${THAI_BINH})`)
  expect(await figures.innerText()).toContain('Ủy ban nhân dân tỉnh Bắc Ninh (thay cho Ủy ban nhân dân tỉnh Bắc Giang)')
  // Links lead to the documents in the admin.
  const link = figures.getByRole('link', { name: '29/KH-KHKH' })
  expect(await link.getAttribute('href')).toMatch(/^\/admin\/collections\/plans\/\d+$/)
  const tasks = page.locator('[data-home-section="nhiem-vu-qua-han"]')
  expect(await tasks.getByRole('listitem').count()).toBeGreaterThan(0)
  expect(await violations(page)).toEqual([])
  await page.close()
})

test('an author’s first screen has no scheduled publications and no figures to report', async () => {
  const page = await signIn(accounts.author)
  const titles = await sectionTitles(page)
  expect(titles).toContain('Nhiệm vụ quá hạn chưa hoàn thành')
  expect(titles).toContain('Lần xây dựng cổng thông tin gần nhất')
  expect(titles).not.toContain('Đã lên lịch xuất bản')
  expect(titles).not.toContain('Số liệu chưa báo cáo kỳ này')
  await page.close()
})

test('a data reporter sees their own organisation’s figures only, and the deadline met once they report', async () => {
  const page = await signIn(accounts.reporter)
  const titles = await sectionTitles(page)
  expect(titles).toContain('Số liệu chưa báo cáo kỳ này')
  expect(titles).not.toContain('Đã lên lịch xuất bản')
  expect(titles).not.toContain('Lần xây dựng cổng thông tin gần nhất')
  const home = page.locator('.staff-home')
  const figures = page.locator('[data-home-section="so-lieu-thieu"]')
  expect(await figures.innerText()).toContain(`Của cơ quan: ${HUNG_YEN}`)
  expect(await figures.innerText()).toContain('còn thiếu: Tỷ lệ gia đình đạt danh hiệu “Gia đình học tập”')
  expect(await home.innerText()).not.toContain('Ủy ban nhân dân tỉnh Bắc Ninh')
  expect(await violations(page)).toEqual([])

  // The reporter sends this year's figures of the five indicators KH 29 asks for.
  const login = await api('POST', '/users/login', { email: accounts.reporter.email, password: accounts.reporter.password })
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()))
  for (const code of ['GĐHT', 'DHHT', 'CĐHT', 'ĐVHT', 'QL-TTHTCĐ']) {
    const indicator = (await api('GET', `/indicators?where[code][equals]=${encodeURIComponent(code)}&depth=0`)).json.docs[0].id
    // Reporters save drafts (public once an editor approves them); a draft counts as reported.
    const sent = await api(
      'POST',
      '/indicator-reports?draft=true',
      { indicator, year, periodLabel: `Năm ${year}`, locality: 'Tỉnh Hưng Yên', value: 70, reportingOrganization: hungYenId, _status: 'draft' },
      login.json.token,
    )
    expect(sent.status, JSON.stringify(sent.json)).toBe(201)
  }
  await page.reload()
  await page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor()
  expect(await figures.innerText()).toContain('Tất cả 1 cơ quan đã báo cáo.')
  expect(await figures.innerText()).not.toContain('còn thiếu')
  await page.close()
})

test('each review step shows on the homes as it happens', async () => {
  const token = async (account: { email: string; password: string }) => (await api('POST', '/users/login', account)).json.token as string
  const [authorToken, editorToken] = [await token(accounts.author), await token(accounts.editor)]
  const title = 'Tin tuyên truyền Tháng khuyến học chờ duyệt'
  const created = await api('POST', '/news?draft=true', { title, _status: 'draft' }, authorToken)
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  const id = created.json.doc.id

  const editor = await signIn(accounts.editor)
  const author = await signIn(accounts.author)
  const section = (page: Page, id: string) => page.locator(`[data-home-section="${id}"]`)
  const refresh = async (page: Page) => {
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor()
  }
  expect(await section(editor, 'cho-duyet').innerText()).not.toContain(title)

  // Submitted: the editor's "Chờ duyệt" lists it, linked to the draft; the author's "Tôi đã gửi".
  expect((await api('POST', `/news/${id}/review/submit`, { comment: 'Nhờ biên tập xem giúp.' }, authorToken)).status).toBe(200)
  await refresh(editor)
  const awaiting = section(editor, 'cho-duyet').getByRole('link', { name: title })
  expect(await awaiting.getAttribute('href')).toBe(`/admin/collections/news/${id}`)
  await refresh(author)
  expect(await section(author, 'da-gui').innerText()).toContain(title)
  expect(await author.locator('[data-home-section="cho-duyet"]').count()).toBe(0)

  // Returned with a comment: it leaves the editor's list and is the author's to fix.
  const comment = 'Cần thêm thời gian, địa điểm tổ chức.'
  expect((await api('POST', `/news/${id}/review/return`, { comment }, editorToken)).status).toBe(200)
  await refresh(editor)
  expect(await section(editor, 'cho-duyet').innerText()).not.toContain(title)
  await refresh(author)
  const returned = section(author, 'tra-lai')
  expect(await returned.innerText()).toContain(title)
  expect(await returned.innerText()).toContain(`Nhận xét: ${comment}`)
  expect(await violations(author)).toEqual([])

  // The author opens it from the home, fixes and sends it again; the editor approves it.
  await returned.getByRole('link', { name: title }).click()
  await author.waitForURL((url) => url.pathname === `/admin/collections/news/${id}`)
  expect((await api('PATCH', `/news/${id}?draft=true`, { title: `${title} (đã sửa)`, _status: 'draft' }, authorToken)).status).toBe(200)
  expect((await api('POST', `/news/${id}/review/submit`, {}, authorToken)).status).toBe(200)
  await refresh(editor)
  expect(await section(editor, 'cho-duyet').innerText()).toContain(`${title} (đã sửa)`)
  expect((await api('POST', `/news/${id}/review/approve`, {}, editorToken)).status).toBe(200)
  await refresh(editor)
  expect(await section(editor, 'cho-duyet').innerText()).not.toContain(title)
  await author.goto(`${cmsUrl}/admin`)
  await author.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor()
  expect(await section(author, 'tra-lai').innerText()).not.toContain(title)
  await editor.close()
  await author.close()
})
