/**
 * Figures from Excel in a real browser, with the whole product started as `npm start` starts it
 * (scripts/start.ts on a fresh database seeded from content/): a data reporter of the Thái Bình
 * study-promotion association signs in to the admin, downloads the template from the indicator
 * reports list, fills it with exceljs, uploads it, sees the one row's error (a percentage above
 * 100) with "Áp dụng" disabled, fixes it, uploads again and applies; the reports are then there,
 * as drafts sent for review: not public until an editor approves them (tests/e2e/review.test.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'

import { endpointMessages } from '../../cms/figures/endpoints'
import { ruleMessages } from '../../cms/figures/rules'
import { launchBrowser } from './browser'
import { startProduct, type RunningProduct } from './product'

// Files the test writes; the product keeps its own directory.
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-figures-'))
let product: RunningProduct
let browser: Browser
let cmsUrl: string

const api: RunningProduct['api'] = (...args) => product.api(...args)

const reporter = { email: 'baocao.thaibinh@example.test', password: 'so-lieu-thai-binh-2026' }

beforeAll(async () => {
  product = await startProduct('figures')
  cmsUrl = product.cmsUrl

  // The first account is the administrator; it gives the association's officer a data reporter account.
  const admin = await api('POST', '/users/first-register', { email: 'quantri@example.test', password: 'quan-tri-so-lieu-2026', name: 'Quản trị viên' })
  expect(admin.status).toBe(200)
  const orgs = await api('GET', `/organizations?where[name][equals]=${encodeURIComponent('Hội Khuyến học tỉnh Thái Bình')}&depth=0`)
  const organization = orgs.json.docs[0].id
  const created = await api('POST', '/users', { ...reporter, name: 'Cán bộ số liệu Thái Bình', role: 'data-reporter', organization }, admin.json.token)
  expect(created.status).toBe(201)
  browser = await launchBrowser()
}, 1_000_000)

afterAll(async () => {
  await browser?.close()
  await product?.stop()
  fs.rmSync(data, { recursive: true, force: true })
})

/** The data sheet's row of an indicator code and locality. */
function rowOf(sheet: ExcelJS.Worksheet, code: string, locality: string): ExcelJS.Row {
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    if (row.getCell(1).value === code && row.getCell(6).value === locality) return row
  }
  throw new Error(`no row for ${code} / ${locality}`)
}

async function upload(page: Page, file: string) {
  await page.getByLabel('Tệp số liệu đã điền (.xlsx hoặc CSV)').setInputFiles(file)
}

test('a data reporter fills the template, sees one row’s error, fixes it and applies', async () => {
  const context = await browser.newContext({ acceptDownloads: true })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)

  await page.goto(`${cmsUrl}/admin/login`)
  await page.locator('#field-email').fill(reporter.email)
  await page.locator('#field-password').fill(reporter.password)
  await page.locator('button[type=submit]').click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.includes('login'))

  await page.goto(`${cmsUrl}/admin/collections/indicator-reports`)
  await page.getByRole('heading', { name: 'Nhập số liệu từ Excel' }).waitFor()
  // Their own organisation only, and it cannot be changed.
  const organization = page.getByLabel('Cơ quan báo cáo')
  expect(await organization.isDisabled()).toBe(true)
  expect(await organization.locator('option').allInnerTexts()).toEqual(['Hội Khuyến học tỉnh Thái Bình'])
  await page.getByLabel('Bộ chỉ tiêu').selectOption({ label: 'Mô hình học tập' })
  await page.getByLabel('Năm').fill('2025')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải biểu mẫu (.xlsx)' }).click()])
  expect(download.suggestedFilename()).toBe('bieu-mau-so-lieu-2025-hoi-khuyen-hoc-tinh-thai-binh.xlsx')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await download.path())
  const sheet = workbook.getWorksheet('Số liệu')!
  const family = rowOf(sheet, 'GĐHT', 'Tỉnh Thái Bình')
  const clan = rowOf(sheet, 'DHHT', 'Tỉnh Thái Bình')
  expect(family.getCell(8).value).toBe('Hội Khuyến học tỉnh Thái Bình')
  expect(family.getCell(7).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] })

  // One mistake: 168 instead of 68 for a percentage.
  family.getCell(7).value = 66.5
  clan.getCell(7).value = 168
  const withError = path.join(data, 'so-lieu-loi.xlsx')
  await workbook.xlsx.writeFile(withError)
  await upload(page, withError)
  const status = page.getByTestId('figures-status')
  const statusText = (text: string) => expect.poll(() => status.innerText(), { timeout: 60_000, interval: 500 }).toBe(text)
  await statusText('Tệp có 1 lỗi: sửa các dòng được báo rồi tải lại tệp.')
  const errors = page.getByTestId('figures-errors')
  const errorRows = await errors.locator('tbody tr').allInnerTexts()
  expect(errorRows).toEqual([`${clan.number}\tGiá trị thực hiện\t${ruleMessages.percentRange}`])
  expect(await page.getByRole('button', { name: 'Áp dụng' }).isDisabled()).toBe(true)

  // Fixed and uploaded again: the preview lists two new figures and "Áp dụng" is enabled.
  clan.getCell(7).value = 68
  const fixed = path.join(data, 'so-lieu.xlsx')
  await workbook.xlsx.writeFile(fixed)
  await upload(page, fixed)
  await statusText(`Kiểm tra xong: 2 mới, 0 thay đổi, 0 không đổi, ${sheet.actualRowCount - 3} dòng để trống giá trị được bỏ qua.`)
  const preview = page.getByTestId('figures-preview')
  expect(await errors.count()).toBe(0)
  const previewRows = await preview.locator('tbody tr').allInnerTexts()
  expect(previewRows.map((r) => r.split('\t').slice(1, 3))).toEqual(
    [family, clan].sort((a, b) => a.number - b.number).map((row) => ['Mới', row === family ? 'GĐHT' : 'DHHT']),
  )
  expect(previewRows.join('\n')).toContain('66,5 %')
  const apply = page.getByRole('button', { name: 'Áp dụng' })
  expect(await apply.isDisabled()).toBe(false)
  await apply.click()
  await statusText(endpointMessages.submitted(2, 0, 0))

  // The figures are stored, as the data reporter's organisation's.
  const stored = await page.evaluate(async () => {
    const response = await fetch('/api/indicator-reports?where[year][equals]=2025&depth=1&limit=100&draft=true')
    const body = await response.json()
    return body.docs.map((d: any) => [d.indicator.code, d.locality, d.value, d.reportingOrganization.name, d.reviewStatus])
  })
  expect(stored).toEqual(
    expect.arrayContaining([
      ['GĐHT', 'Tỉnh Thái Bình', 66.5, 'Hội Khuyến học tỉnh Thái Bình', 'submitted'],
      ['DHHT', 'Tỉnh Thái Bình', 68, 'Hội Khuyến học tỉnh Thái Bình', 'submitted'],
    ]),
  )
  // Waiting for review: not public.
  const anonymous = await api('GET', `/indicator-reports?where[year][equals]=2025&where[locality][equals]=${encodeURIComponent('Tỉnh Thái Bình')}&limit=100&depth=0`)
  expect(anonymous.status).toBe(200)
  expect(anonymous.json.docs.map((d: any) => d.value)).not.toContain(66.5)
  expect(anonymous.json.docs.map((d: any) => d.value)).not.toContain(68)
  await context.close()
}, 300_000)
