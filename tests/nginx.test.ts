/**
 * nginx in front (site/server/nginx.ts, deploy/nginx.conf): Debian's nginx, unprivileged, serves
 * a real build's files directly — precompressed copies included — with the portal's headers,
 * and proxies only the on-demand routes (search `?q=`, oEmbed) to the portal server.
 * nginx is needed: on CI a missing nginx fails the suite, locally the suite is skipped and says why.
 */
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { seed } from '../cms/seed'
import { embedPath, oembedPath } from '../site/lib/routes'
import { DEPLOY_FILE, deployOptions, nginxServerBlock } from '../site/server/nginx'
import { raw } from './helpers/http-raw'
import { nginxVersion, type RunningNginx, startNginx } from './helpers/nginx'
import { startTestCms, type TestCms } from './helpers/payload'
import { buildPortal, type PortalBuild } from './helpers/portal'
import { freePort, serveBuild, type Served } from './helpers/serve-build'
import { expectCaching, expectNegotiated, expectValidatorsHeadAndRange } from './helpers/static-checks'

const nginx = nginxVersion()
const missing = 'nginx is not installed (apt-get install nginx-light)'
if (!nginx && !process.env.CI) console.warn(`tests/nginx.test.ts skipped — ${missing}`)

test.runIf(!nginx && process.env.CI)('nginx is installed for the nginx tests on CI', () => {
  expect.fail(missing)
})

test('deploy/nginx.conf is the one generated from the header and route rules (npm run deploy:nginx)', () => {
  expect(fs.readFileSync(DEPLOY_FILE, 'utf8')).toBe(nginxServerBlock(deployOptions))
})

describe.runIf(nginx)('nginx in front of the portal server, on a real build', () => {
  let cms: TestCms
  let build: PortalBuild
  let node: Served
  let front: RunningNginx
  let site: string

  beforeAll(async () => {
    cms = await startTestCms()
    await seed(cms.payload)
    const port = await freePort()
    site = `http://127.0.0.1:${port}`
    build = await buildPortal(cms.dbFile, { PORTAL_NOW: '2026-08-20', SITE_URL: site })
    node = await serveBuild(build.outDir, await freePort())
    front = await startNginx({ root: build.clientDir, upstream: new URL(node.url).host, port })
  }, 600_000)

  afterAll(async () => {
    await front?.close()
    await node?.close()
    build?.remove()
    await cms?.cleanup()
  })

  const embedSlug = () => fs.readdirSync(path.join(build.clientDir, 'nhung', 'phong-trao'))[0]
  const asset = () => `/_astro/${fs.readdirSync(path.join(build.clientDir, '_astro')).find((f) => f.endsWith('.css'))}`

  test('pages and files from the release, with the portal’s headers', async () => {
    for (const urlPath of ['/', '/van-ban/', '/van-ban', '/tien-do/', '/robots.txt']) {
      const response = await raw(front.url, 'GET', urlPath)
      expect(response.status, urlPath).toBe(200)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'")
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
    }
    expect((await raw(front.url, 'GET', '/')).headers['content-type']).toBe('text/html; charset=utf-8')
    expect((await raw(front.url, 'GET', '/tien-do/du-lieu.csv')).headers['content-type']).toMatch(/^text\/csv/)
    const missingPage = await raw(front.url, 'GET', '/khong-co-trang-nay/')
    expect(missingPage.status).toBe(404)
    expect(missingPage.body).toContain('<html lang="vi"')
    expect(missingPage.headers['x-frame-options']).toBe('SAMEORIGIN')
  })

  test('precompressed copies by content negotiation; validators, HEAD, ranges; caching', async () => {
    await expectNegotiated(front.url, build.clientDir, '/', 'index.html', ['gzip'])
    await expectNegotiated(front.url, build.clientDir, '/tien-do/', 'tien-do/index.html', ['gzip'])
    await expectNegotiated(front.url, build.clientDir, asset(), asset(), ['gzip'])
    await expectValidatorsHeadAndRange(front.url, build.clientDir, '/tien-do/', 'tien-do/index.html')
    await expectCaching(front.url, '/tien-do/', asset())
  })

  test('embeds may be framed by any site; the same path read another way may not', async () => {
    const embed = await raw(front.url, 'GET', embedPath('campaign', embedSlug()))
    expect(embed.status).toBe(200)
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *')
    expect(embed.headers['x-frame-options']).toBeUndefined()
    for (const rawPath of [
      '/nhung/..%2ftin-tuc/',
      '/nhung/%2e%2e/tin-tuc/',
      '/nhung\\..\\tin-tuc/',
      '/nhung/phong-trao/..%252f..%252ftin-tuc/',
      `//nhung//phong-trao/${embedSlug()}/`,
      `/nhung/phong-trao/x/..%2f${embedSlug()}/`,
      `/nhung/phong-trao/${embedSlug()}/./`,
    ]) {
      const response = await raw(front.url, 'GET', rawPath)
      expect(response.headers['content-security-policy'], rawPath).not.toContain('frame-ancestors *')
      expect(response.headers['x-frame-options'], rawPath).toBe('SAMEORIGIN')
    }
  })

  test('search ?q= and oEmbed are answered by the portal server behind nginx', async () => {
    const search = await raw(front.url, 'GET', `/tim-kiem/?q=${encodeURIComponent('dong ho hoc tap')}`, { 'accept-encoding': 'gzip' })
    expect(search.status).toBe(200)
    // Proxied answers are compressed on the fly; Node's own script policy is kept beside the portal's.
    expect(search.headers['content-encoding']).toBe('gzip')
    const html = (await import('node:zlib')).gunzipSync(search.bytes).toString('utf8')
    expect(html).toMatch(/Tìm thấy \d+ kết quả cho “dong ho hoc tap”/)
    expect([search.headers['content-security-policy']].flat().join(';')).toContain('script-src')
    const slug = embedSlug()
    const oembed = await fetch(`${front.url}${oembedPath()}?${new URLSearchParams({ url: `${site}/phong-trao/${slug}/`, format: 'json' })}`)
    expect(oembed.status).toBe(200)
    expect(await oembed.json()).toMatchObject({ type: 'rich', version: '1.0' })
  })

  test('retired paths answer 301; only GET and HEAD', async () => {
    const moved = await raw(front.url, 'GET', '/van-ban/loai/plan/?a=1')
    expect(moved.status).toBe(301)
    expect(new URL(String(moved.headers.location)).pathname + new URL(String(moved.headers.location)).search).toBe('/van-ban/loai/ke-hoach/?a=1')
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await raw(front.url, method, '/')
      expect(response.status, method).toBe(405)
      expect(response.headers.allow).toBe('GET, HEAD')
      expect(response.body).toContain('Phương thức không được hỗ trợ')
    }
  })
})
