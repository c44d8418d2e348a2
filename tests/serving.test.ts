/**
 * What the portal server sends around pages, on a real build from a seeded database served by
 * site/server/serve.ts: a Content-Security-Policy with script-src covering every inline script
 * on every page (static, on demand, embeds, errors); headers decided on the normalised path;
 * only GET and HEAD; a charset on on-demand pages; attachments with their stored type.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { seed } from '../cms/seed'
import { attachmentDisposition, readAttachmentTypes } from '../site/lib/attachment-types'
import { attachmentHeaders, normalisePath, securityHeaders } from '../site/server/headers'
import { cspProblems, parsePolicy } from './helpers/csp'
import { pdfBytes, uploadMedia } from './helpers/files'
import { startTestCms, type TestCms } from './helpers/payload'
import { buildPortal, type PortalBuild } from './helpers/portal'
import { raw } from './helpers/http-raw'
import { freePort, serveBuild, type Served } from './helpers/serve-build'
import { expectCaching, expectNegotiated, expectValidatorsHeadAndRange } from './helpers/static-checks'
import { swapSymlink } from '../site/scripts/release'

const policiesOf = (headers: http.IncomingHttpHeaders | Headers): string[] => {
  const value = headers instanceof Headers ? headers.get('content-security-policy') : headers['content-security-policy']
  if (!value) return []
  // Node joins repeated headers with ", "; a policy itself never contains one.
  return [value].flat().flatMap((v) => v.split(/,\s*(?=[a-z-]+-src|frame-ancestors|object-src|base-uri|form-action|default-src)/))
}

describe('headers decided on the normalised path (unit)', () => {
  test.each([
    ['/nhung/..%2ftin-tuc/', '/tin-tuc/'],
    ['/nhung/..%2Ftin-tuc/', '/tin-tuc/'],
    ['/nhung/%2e%2e/tin-tuc/', '/tin-tuc/'],
    ['/nhung/..%252ftin-tuc/', '/tin-tuc/'],
    ['/nhung\\..\\tin-tuc/', '/tin-tuc/'],
    ['/nhung/..%5ctin-tuc/', '/tin-tuc/'],
    ['/nhung/phong-trao/x/../../../van-ban/', '/van-ban/'],
    ['//nhung//phong-trao/', '/nhung/phong-trao/'],
  ])('%s is read as %s and is not framable by other sites', (rawPath, expected) => {
    expect(normalisePath(rawPath)?.path).toBe(expected)
    const headers = securityHeaders(rawPath)
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'")
    expect(headers['content-security-policy']).not.toContain('frame-ancestors *')
    expect(headers['x-frame-options']).toBe('SAMEORIGIN')
  })

  test('a real embed path may be framed anywhere; an undecodable path is refused', () => {
    expect(securityHeaders('/nhung/phong-trao/thang-khuyen-hoc/')['content-security-policy']).toContain('frame-ancestors *')
    expect(normalisePath('/nhung/%zz/')).toBeUndefined()
    expect(normalisePath('/nhung/%00/')).toBeUndefined()
    expect(securityHeaders('/xem-truoc/../xem-truoc/news/1/')['cache-control']).toBe('private, no-store')
    expect(securityHeaders('/x/..%2fxem-truoc/news/1/')['cache-control']).toBe('private, no-store')
  })

  test('attachments: the stored type; only PDFs and raster images are shown inline', () => {
    for (const type of ['application/pdf', 'image/png', 'image/jpeg', 'image/webp']) expect(attachmentDisposition(type)).toBe('inline')
    for (const type of ['text/html', 'image/svg+xml', 'application/xml', 'text/xml', 'text/javascript', 'application/javascript', 'application/octet-stream', 'text/plain']) {
      expect(attachmentDisposition(type), type).toBe('attachment')
      const headers = attachmentHeaders('/tai-lieu/x.bin', { 'x.bin': type })!
      expect(headers['content-type']).toBe(type)
      expect(headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''x\.bin$/)
      expect(headers['content-security-policy']).toContain('sandbox')
    }
    expect(attachmentHeaders('/tai-lieu/khong-co.pdf', {})!['content-type']).toBe('application/octet-stream')
    expect(attachmentHeaders('/van-ban/', {})).toBeUndefined()
  })
})

describe('a real build served by the portal server', () => {
  let cms: TestCms
  let payload: Payload
  let build: PortalBuild
  let served: Served
  /** A valid PDF uploaded under an .html name and attached to a published plan. */
  let disguised: string

  beforeAll(async () => {
    cms = await startTestCms()
    payload = cms.payload
    await seed(payload)
    const media = await uploadMedia(payload, { name: 'phu-luc-gia-trang.html', mimetype: 'application/pdf', data: pdfBytes('ZQXDISGUISED'), alt: 'Phụ lục' })
    disguised = media.filename!
    const plan = (await payload.find({ collection: 'plans', limit: 1, overrideAccess: true, where: { _status: { equals: 'published' } } })).docs[0]
    await payload.update({
      collection: 'plans',
      id: plan.id,
      data: { attachments: [...(plan.attachments ?? []), { title: 'Phụ lục', file: media.id }] },
      overrideAccess: true,
    })
    const port = await freePort()
    build = await buildPortal(cms.dbFile, { PORTAL_NOW: '2026-08-20', SITE_URL: `http://127.0.0.1:${port}` })
    served = await serveBuild(build.outDir, port)
  }, 600_000)

  afterAll(async () => {
    await served?.close()
    build?.remove()
    await cms?.cleanup()
  })

  function* htmlFiles(dir: string): Generator<string> {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      // Attached files are not pages: they go out with their stored type (tested below).
      if (entry.isDirectory()) {
        if (full !== path.join(build.clientDir, 'tai-lieu')) yield* htmlFiles(full)
      }
      else if (entry.name.endsWith('.html')) yield full
    }
  }

  test('every built page has a policy whose script-src hashes every inline script', () => {
    const files = [...htmlFiles(build.clientDir)]
    expect(files.length).toBeGreaterThan(50)
    let inlineScripts = 0
    for (const file of files) {
      const html = fs.readFileSync(file, 'utf8')
      inlineScripts += (html.match(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/g) ?? []).length
      expect(cspProblems(html), path.relative(build.clientDir, file)).toEqual([])
    }
    // The check is not vacuous: the pages do have inline scripts (embeds, copy button, search).
    expect(inlineScripts).toBeGreaterThan(0)
  })

  test('the check fails on a page whose inline script is not in its policy', () => {
    const html = fs.readFileSync(path.join(build.clientDir, 'index.html'), 'utf8')
    expect(cspProblems(html.replace('</body>', '<script>alert(1)</script></body>'))).toEqual([expect.stringContaining('inline script')])
  })

  test.each([
    ['/', 200],
    ['/tim-kiem/', 200],
    ['/tim-kiem/?q=don+vi', 200],
    // No CMS to ask in this test: the preview answers its refusal page.
    ['/xem-truoc/news/1/?token=gia', 503],
    ['/khong-co-trang-nay/', 404],
  ])('served %s has a covering policy and a charset', async (urlPath, status) => {
    const response = await raw(served.url, 'GET', urlPath)
    expect(response.status, urlPath).toBe(status)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(cspProblems(response.body, policiesOf(response.headers)), urlPath).toEqual([])
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  })

  test('an embed page: a covering policy, framable anywhere, with its resize script allowed', async () => {
    const embeds = path.join(build.clientDir, 'nhung', 'phong-trao')
    const slug = fs.readdirSync(embeds)[0]
    const response = await raw(served.url, 'GET', `/nhung/phong-trao/${slug}/`)
    expect(response.status).toBe(200)
    expect(policiesOf(response.headers).join(';')).toContain('frame-ancestors *')
    expect(cspProblems(response.body, policiesOf(response.headers))).toEqual([])
    expect(response.body).toContain('embed-size')
  })

  test('on-demand pages get their script policy as a header; search may compile Pagefind’s WebAssembly', async () => {
    const response = await fetch(`${served.url}/tim-kiem/`)
    const policies = policiesOf(response.headers).map(parsePolicy)
    const scripts = policies.find((p) => p.has('script-src'))
    expect(scripts?.get('script-src')).toContain("'wasm-unsafe-eval'")
    expect(scripts?.get('script-src')).not.toContain("'unsafe-inline'")
    expect(policies.some((p) => p.get('frame-ancestors')?.includes("'self'"))).toBe(true)
  })

  test.each([
    '/nhung/..%2ftin-tuc/',
    '/nhung/..%2Fphong-trao/',
    '/nhung/%2e%2e/tin-tuc/',
    '/nhung\\..\\tin-tuc/',
    '/nhung/phong-trao/..%252f..%252ftin-tuc/',
  ])('%s is not framable by other sites', async (rawPath) => {
    const response = await raw(served.url, 'GET', rawPath)
    expect(policiesOf(response.headers).join(';')).not.toContain('frame-ancestors *')
    if (response.headers['content-type']?.startsWith('text/html')) expect(cspProblems(response.body, policiesOf(response.headers))).toEqual([])
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
  })

  test('an undecodable path: 400, not framable', async () => {
    const response = await raw(served.url, 'GET', '/nhung/%c0%af/')
    expect(response.status).toBe(400)
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(response.body).toContain('Địa chỉ không hợp lệ')
  })

  test.each(['PUT', 'DELETE', 'PATCH', 'POST', 'OPTIONS'])('%s on portal paths: 405 with Allow', async (method) => {
    for (const urlPath of ['/', '/tin-tuc/', '/tim-kiem/', '/oembed?url=x', '/robots.txt', `/tai-lieu/${disguised}`]) {
      const response = await raw(served.url, method, urlPath)
      expect(response.status, `${method} ${urlPath}`).toBe(405)
      expect(response.headers.allow).toBe('GET, HEAD')
      expect(response.body).toContain('Phương thức không được hỗ trợ')
    }
    expect((await raw(served.url, 'HEAD', '/')).status).toBe(200)
  })

  test('an attachment is served with the type stored in the CMS, never one from its name', async () => {
    expect(disguised).toMatch(/\.html$|\.pdf$/)
    const response = await fetch(`${served.url}/tai-lieu/${disguised}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const stored = (await payload.find({ collection: 'media', where: { filename: { equals: disguised } }, overrideAccess: true })).docs[0]
    expect(stored.mimeType).toBe('application/pdf')
    expect(readAttachmentTypes(build.outDir)[disguised]).toBe('application/pdf')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename\*=UTF-8''/)
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdfBytes('ZQXDISGUISED'))
  })

  const asset = () => `/_astro/${fs.readdirSync(path.join(build.clientDir, '_astro')).find((f) => f.endsWith('.css'))}`

  test('files come precompressed by content negotiation (brotli, gzip, none), with Vary', async () => {
    await expectNegotiated(served.url, build.clientDir, '/', 'index.html', ['br', 'gzip'])
    await expectNegotiated(served.url, build.clientDir, '/tien-do/', 'tien-do/index.html', ['br', 'gzip'])
    await expectNegotiated(served.url, build.clientDir, asset(), asset(), ['br', 'gzip'])
    await expectNegotiated(served.url, build.clientDir, '/tien-do/du-lieu.json', 'tien-do/du-lieu.json', ['br', 'gzip'])
    // Every text file of the release has both copies; attachments are left as stored.
    expect(fs.existsSync(path.join(build.clientDir, 'sitemap-0.xml.br'))).toBe(true)
    expect(fs.readdirSync(path.join(build.clientDir, 'tai-lieu')).some((f) => /\.(br|gz)$/.test(f))).toBe(false)
  })

  test('ETag and 304, HEAD, byte ranges; hashed assets immutable, pages revalidated — the second read from memory too', async () => {
    for (let i = 0; i < 2; i++) {
      await expectValidatorsHeadAndRange(served.url, build.clientDir, '/tien-do/', 'tien-do/index.html')
      await expectCaching(served.url, '/tien-do/', asset())
    }
    // A range sirv cannot read right is ignored: the whole file, as RFC 9110 allows.
    const suffix = await raw(served.url, 'GET', '/robots.txt', { range: 'bytes=-5' })
    expect(suffix.status).toBe(200)
    expect(suffix.bytes.equals(fs.readFileSync(path.join(build.clientDir, 'robots.txt')))).toBe(true)
  })

  test('files are sent without the release’s Node process; only on-demand routes need it', async () => {
    const server = await serveBuild(build.outDir, await freePort())
    try {
      const child = server.server.liveProcess()!
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
      for (const urlPath of ['/', '/van-ban/', asset(), '/pagefind/pagefind.js', '/tien-do/du-lieu.csv', `/tai-lieu/${disguised}`]) {
        expect((await fetch(`${server.url}${urlPath}`)).status, urlPath).toBe(200)
      }
      expect((await fetch(`${server.url}/khong-co-trang-nay/`)).status).toBe(404)
      // A query not asked before (answers already given are kept by the front server, per release).
      expect((await fetch(`${server.url}/tim-kiem/?q=chua+hoi+${Date.now()}`)).status).toBe(502)
    } finally {
      await server.close()
    }
  })

  test('hidden files of a release are never sent (files are looked up per request)', async () => {
    const hidden = path.join(build.clientDir, '.an-hidden-file')
    fs.writeFileSync(hidden, 'ZQXHIDDEN')
    try {
      const response = await fetch(`${served.url}/.an-hidden-file`)
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('ZQXHIDDEN')
    } finally {
      fs.rmSync(hidden)
    }
  })

  test('a release switch under load loses no request', async () => {
    // Two releases and a live link, switched back and forth while 50 readers keep asking.
    const second = `${build.outDir}-b`
    fs.cpSync(build.outDir, second, { recursive: true })
    const link = `${build.outDir}-live`
    swapSymlink(link, build.outDir)
    const server = await serveBuild(link, await freePort(), 50)
    const failures: string[] = []
    let answered = 0
    let stop = false
    const reader = async (i: number) => {
      const paths = ['/', '/van-ban/', asset(), '/tim-kiem/?q=don+vi', '/khong-co/']
      for (let n = i; !stop; n++) {
        const urlPath = paths[n % paths.length]
        try {
          const response = await fetch(`${server.url}${urlPath}`)
          await response.arrayBuffer()
          if (response.status !== (urlPath === '/khong-co/' ? 404 : 200)) failures.push(`${urlPath} ${response.status}`)
          answered++
        } catch (error) {
          failures.push(`${urlPath} ${(error as Error).message}`)
        }
      }
    }
    try {
      const readers = Array.from({ length: 50 }, (_, i) => reader(i))
      const seen = new Set<string>()
      for (const target of [second, build.outDir, second]) {
        await new Promise((r) => setTimeout(r, 1500))
        swapSymlink(link, target)
        await server.server.refresh()
        seen.add(server.server.liveRelease()!)
      }
      await new Promise((r) => setTimeout(r, 1500))
      stop = true
      await Promise.all(readers)
      expect(seen.size).toBe(2)
      expect(answered).toBeGreaterThan(100)
      expect(failures.slice(0, 10)).toEqual([])
    } finally {
      stop = true
      await server.close()
      fs.rmSync(link, { force: true })
      fs.rmSync(second, { recursive: true, force: true })
    }
  }, 180_000)

  test('search answers after a new release are the new release’s, asked of it before it goes live', async () => {
    // A second release whose catalogue titles differ: its search pages say so, the first one's do not.
    const second = `${build.outDir}-titles`
    fs.cpSync(build.outDir, second, { recursive: true })
    const catalogFile = path.join(second, 'client', 'pagefind', 'danh-muc.json')
    const catalog = JSON.parse(fs.readFileSync(catalogFile, 'utf8'))
    for (const entry of catalog.entries) entry.title = `Bản dựng mới: ${entry.title}`
    fs.writeFileSync(catalogFile, JSON.stringify(catalog))
    const link = `${build.outDir}-search-live`
    swapSymlink(link, build.outDir)
    const server = await serveBuild(link, await freePort(), 60_000)
    const asked = `/tim-kiem/?q=${encodeURIComponent('gia đình học tập')}&nam=2023`
    const text = async (urlPath: string) => {
      const response = await fetch(`${server.url}${urlPath}`)
      return { status: response.status, body: await response.text() }
    }
    try {
      // Many readers asking one new query at once share one answer.
      const together = await Promise.all(Array.from({ length: 30 }, () => text(asked)))
      expect(new Set(together.map((t) => `${t.status} ${t.body.length}`))).toEqual(new Set([`200 ${together[0].body.length}`]))
      expect(together[0].body).toMatch(/<ol id="search-results"[^>]*>\s*<li/)
      expect(together[0].body).not.toContain('Bản dựng mới')
      // A kept answer goes out compressed to a reader that accepts it (the copy is made once, shortly after).
      const encoded = async (acceptEncoding: string) =>
        new Promise<{ encoding?: string; vary?: string; body: Buffer }>((resolve, reject) => {
          http.get(`${server.url}${asked}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => resolve({ encoding: res.headers['content-encoding'], vary: res.headers.vary, body: Buffer.concat(chunks) }))
          }).on('error', reject)
        })
      let br = await encoded('gzip, deflate, br')
      for (let i = 0; i < 40 && br.encoding !== 'br'; i++) br = ((await new Promise((r) => setTimeout(r, 50))), await encoded('gzip, deflate, br'))
      const gz = await encoded('gzip')
      const plain = await encoded('identity')
      expect([br.encoding, gz.encoding, plain.encoding]).toEqual(['br', 'gzip', undefined])
      expect(br.vary).toMatch(/accept-encoding/i)
      expect(zlib.brotliDecompressSync(br.body).toString()).toBe(together[0].body)
      expect(zlib.gunzipSync(gz.body).toString()).toBe(together[0].body)
      expect(plain.body.toString()).toBe(together[0].body)
      expect(br.body.length).toBeLessThan(plain.body.length / 2)

      swapSymlink(link, second)
      await server.server.refresh()
      expect(server.server.liveRelease()).toBe(fs.realpathSync(second))
      const after = await text(asked)
      expect(after.status).toBe(200)
      expect(after.body).toContain('Bản dựng mới: ')

      // The new release answered that query before it went live: without its process it is still answered.
      const child = server.server.liveProcess()!
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
      expect((await text(asked)).body).toContain('Bản dựng mới: ')
      expect((await text(`/tim-kiem/?q=chua+hoi+${Date.now()}`)).status).toBe(502)
    } finally {
      await server.close()
      fs.rmSync(link, { force: true })
      fs.rmSync(second, { recursive: true, force: true })
    }
  }, 120_000)

  test('a partial publish (same server code): its files are served at once, search waits for its own process; one that never starts is rolled back', async () => {
    /** A release made as a partial publish makes it: hard links to `from`, changed files renamed over their link. */
    const partialCopy = (target: string, marker: string) => {
      expect(spawnSync('cp', ['-al', build.outDir, target]).status).toBe(0)
      const replace = (file: string, text: string) => {
        fs.writeFileSync(`${file}.tmp`, text)
        fs.renameSync(`${file}.tmp`, file)
        for (const suffix of ['.br', '.gz']) fs.rmSync(file + suffix, { force: true })
      }
      const home = path.join(target, 'client', 'index.html')
      replace(home, fs.readFileSync(home, 'utf8').replace('</body>', `<p>${marker}</p></body>`))
      const catalogFile = path.join(target, 'client', 'pagefind', 'danh-muc.json')
      const catalog = JSON.parse(fs.readFileSync(catalogFile, 'utf8'))
      for (const entry of catalog.entries) entry.title = `${marker}: ${entry.title}`
      replace(catalogFile, JSON.stringify(catalog))
    }
    const slow = `${build.outDir}-slow`
    const broken = `${build.outDir}-broken`
    partialCopy(slow, 'ZQXSLOW')
    partialCopy(broken, 'ZQXBROKEN')
    // The new releases' processes start late (the slow one) or die at start (the broken one).
    const hook = path.join(path.dirname(build.outDir), 'delay-start.mjs')
    fs.writeFileSync(
      hook,
      `const entry = process.argv[1] ?? ''\n` +
        `if (entry.startsWith(${JSON.stringify(slow + path.sep)})) await new Promise((r) => setTimeout(r, 4000))\n` +
        `if (entry.startsWith(${JSON.stringify(broken + path.sep)})) process.exit(3)\n`,
    )
    const link = `${build.outDir}-partial-live`
    swapSymlink(link, build.outDir)
    const server = await serveBuild(link, await freePort(), 60_000, { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` })
    const text = async (urlPath: string) => (await fetch(`${server.url}${urlPath}`)).text()
    const asked = `/tim-kiem/?q=${encodeURIComponent('gia đình học tập')}`
    try {
      expect(await text('/')).not.toContain('ZQXSLOW')
      expect(await text(asked)).not.toContain('ZQXSLOW')
      const oldProcess = server.server.liveProcess()
      swapSymlink(link, slow)
      const swapped = performance.now()
      const switched = server.server.refresh()
      // The page is the new release's well before its process answers…
      let home = await text('/')
      while (!home.includes('ZQXSLOW') && performance.now() - swapped < 10_000) home = await text('/')
      expect(home).toContain('ZQXSLOW')
      const servedAfter = performance.now() - swapped
      expect(servedAfter).toBeLessThan(3000)
      // …and a search asked meanwhile is answered by the new release's process, not the old one's.
      const searched = performance.now()
      const answer = await text(asked)
      expect(answer).toContain('ZQXSLOW: ')
      expect(performance.now() - searched).toBeGreaterThan(4000 - servedAfter - 500)
      await switched
      expect(server.server.liveRelease()).toBe(fs.realpathSync(slow))
      // The old process retires (once it has nothing in flight).
      await new Promise((resolve) => (oldProcess!.exitCode !== null || oldProcess!.signalCode !== null ? resolve(undefined) : oldProcess!.once('exit', resolve)))

      // A release whose process dies at start: the files go back to the previous release.
      swapSymlink(link, broken)
      await server.server.refresh()
      expect(server.server.liveRelease()).toBe(fs.realpathSync(slow))
      expect(await text('/')).toContain('ZQXSLOW')
      expect(await text('/')).not.toContain('ZQXBROKEN')
      expect(await text(asked)).toContain('ZQXSLOW: ')
    } finally {
      await server.close()
      for (const dir of [link, slow, broken, hook]) fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)

  test('an attachment whose stored type is not a PDF or an image is downloaded, sandboxed', async () => {
    // The manifest is what the server trusts: say the same file is stored as SVG, as HTML.
    const manifest = path.join(build.clientDir, 'tai-lieu.json')
    const original = fs.readFileSync(manifest, 'utf8')
    try {
      for (const type of ['image/svg+xml', 'text/html']) {
        fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(original), [disguised]: type }))
        const server = await serveBuild(build.outDir, await freePort())
        const response = await fetch(`${server.url}/tai-lieu/${disguised}`)
        await server.close()
        expect(response.headers.get('content-type')).toBe(type)
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; /)
        expect(response.headers.get('content-security-policy')).toContain('sandbox')
      }
    } finally {
      fs.writeFileSync(manifest, original)
    }
  })
})
