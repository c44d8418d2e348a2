/**
 * The static export (site/scripts/export.ts) served by nginx alone — no Node process answers
 * anything: pages, search in Chromium (Pagefind in the browser, `?q=` links too), oEmbed from
 * the JSON file each discovery link names, framing headers from the export's nginx config, and
 * the `_headers` file for static hosts. Needs nginx: fails on CI without it, skipped locally.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { embedPath } from '../../site/lib/routes'
import { exportRelease, type ExportSummary } from '../../site/scripts/export'
import { freePort } from '../../site/server/serve'
import { raw } from '../helpers/http-raw'
import { nginxVersion, type RunningNginx, startNginx } from '../helpers/nginx'
import { launchBrowser } from './browser'

const nginx = nginxVersion()
if (!nginx && !process.env.CI) console.warn('tests/e2e/export.test.ts skipped — nginx is not installed (apt-get install nginx-light)')
test.runIf(!nginx && process.env.CI)('nginx is installed for the export test on CI', () => {
  expect.fail('nginx is not installed (apt-get install nginx-light)')
})

describe.runIf(nginx)('the static export served by nginx alone', () => {
  let exported: ExportSummary
  let front: RunningNginx
  let browser: Browser

  beforeAll(async () => {
    exported = await exportRelease(inject('portalOutDir'), fs.mkdtempSync(path.join(os.tmpdir(), 'portal-export-')))
    front = await startNginx({ root: exported.site, port: await freePort(), attachmentTypes: {} })
    browser = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await front?.close()
    if (exported) fs.rmSync(exported.dir, { recursive: true, force: true })
  })

  const campaignSlug = () => fs.readdirSync(path.join(exported.site, 'nhung', 'phong-trao'))[0]

  test('pages, compressed, with the portal’s headers; embeds framable, the rest not', async () => {
    for (const urlPath of ['/', '/van-ban/', '/tien-do/', '/tim-kiem/']) {
      const response = await raw(front.url, 'GET', urlPath, { 'accept-encoding': 'gzip' })
      expect(response.status, urlPath).toBe(200)
      expect(response.headers['content-encoding']).toBe('gzip')
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'")
    }
    const embed = await raw(front.url, 'GET', embedPath('campaign', campaignSlug()))
    expect(embed.status).toBe(200)
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *')
    expect(embed.headers['x-frame-options']).toBeUndefined()
    expect((await raw(front.url, 'GET', '/nhung/..%2ftin-tuc/')).headers['x-frame-options']).toBe('SAMEORIGIN')
    // Nothing on demand: preview and the oEmbed endpoint are not there.
    expect((await raw(front.url, 'GET', '/xem-truoc/news/1/')).status).toBe(404)
    expect((await raw(front.url, 'GET', '/oembed?url=x')).status).toBe(404)
  })

  test('oEmbed: each discovery link names a static JSON file that answers for its page', async () => {
    const page = fs.readFileSync(path.join(exported.site, 'phong-trao', campaignSlug(), 'index.html'), 'utf8')
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)![1]
    expect(href).not.toContain('?')
    expect(exported.oembedFiles).toBeGreaterThan(3)
    const response = await fetch(`${front.url}${new URL(href).pathname}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const json = await response.json()
    expect(json).toMatchObject({ type: 'rich', version: '1.0' })
    expect(json.html).toContain(embedPath('campaign', campaignSlug()))
  })

  test('search runs in Chromium: typed, and from a ?q= link', async () => {
    const page = await browser.newPage()
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
    })
    await page.goto(`${front.url}/tim-kiem/?q=${encodeURIComponent('don vi hoc tap')}`)
    await expect.poll(() => page.locator('#search-results > li').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    expect((await page.locator('#search-results').innerText()).toLowerCase()).toContain('đơn vị học tập')
    await page.goto(`${front.url}/tim-kiem/`)
    await page.getByLabel(/Từ khóa/).fill('khuyen hoc')
    await page.getByLabel(/Từ khóa/).press('Enter')
    await expect.poll(() => page.locator('#search-results > li').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    expect(violations).toEqual([])
    await page.close()
  })

  test('_headers for static hosts: the same rules', () => {
    const headers = fs.readFileSync(path.join(exported.site, '_headers'), 'utf8')
    expect(headers).toMatch(/^\/\*\n(.*\n)*  x-frame-options: SAMEORIGIN/m)
    expect(headers).toMatch(/\/nhung\/\*\n  ! content-security-policy\n  ! x-frame-options\n  content-security-policy: .*frame-ancestors \*/)
    expect(headers).toMatch(/\/_astro\/\*\n  ! cache-control\n  cache-control: public, max-age=31536000, immutable/)
    expect(fs.readFileSync(path.join(exported.dir, 'nginx.conf'), 'utf8')).toContain(`root ${exported.site};`)
  })
})
