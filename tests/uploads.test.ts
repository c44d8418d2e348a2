/**
 * Uploads to the media library through Payload's real REST handler (tests/helpers/http.ts
 * dispatch) with real multipart bodies, GraphQL where it applies, and the Local API:
 * - a file's type comes from its bytes: the stored MIME type and extension are the detected
 *   ones, and anything but a sharp-processable image or a PDF is refused (create and re-upload);
 * - one documented size limit (cms/lib/uploadLimits.ts), answered 413, also in front of Next.js;
 * - every upload error is in Vietnamese and saves nothing;
 * - media actions for each role: a file a published document shows is changed or deleted only
 *   by editors and admins; authors upload and change files nothing published uses.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { Readable } from 'node:stream'

import { NextRequest } from 'next/server'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from '../cms/lib/uploadLimits'
import { BROKEN_PDF_MESSAGE, EMPTY_UPLOAD_MESSAGE, UPLOAD_TYPE_MESSAGE, URL_UPLOAD_MESSAGE } from '../cms/lib/uploadTypes'
import { pdfBytes, uploadMedia } from './helpers/files'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const roles = ['admin', 'editor', 'author', 'data-reporter'] as const
type Role = (typeof roles)[number]
const headersOf: Record<Role | 'anonymous', Record<string, string>> = { anonymous: {} } as never

const png = () => sharp({ create: { width: 12, height: 9, channels: 3, background: '#2a7d4f' } }).png().toBuffer()
const jpeg = () => sharp({ create: { width: 12, height: 9, channels: 3, background: '#7d2a4f' } }).jpeg().toBuffer()
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')
/** Windows bitmap: an image file-type recognises, which Payload/sharp cannot resize. */
const bmp = () => {
  const b = Buffer.alloc(58)
  b.write('BM', 0, 'latin1')
  b.writeUInt32LE(58, 2)
  b.writeUInt32LE(54, 10)
  b.writeUInt32LE(40, 14)
  b.writeInt32LE(1, 18)
  b.writeInt32LE(1, 22)
  b.writeUInt16LE(1, 26)
  b.writeUInt16LE(24, 28)
  return b
}

type FilePart = { name: string; type: string; data: Buffer }

/**
 * A real multipart/form-data request, as the admin sends it: the file and `_payload` (JSON
 * fields), its body arriving in 64 KB chunks as from a network. (A FormData body cancelled
 * mid-way, as Payload does at a size limit, makes undici throw an unhandled rejection.)
 */
async function multipart(method: 'POST' | 'PATCH', path: string, file: FilePart | undefined, fields: unknown, headers: Record<string, string> = {}) {
  const form = new FormData()
  if (file) form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
  form.append('_payload', JSON.stringify(fields))
  const encoded = new Response(form)
  const bytes = new Uint8Array(await encoded.arrayBuffer())
  let offset = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.subarray(offset, (offset += 64 * 1024)))
    },
  })
  return new Request(`http://localhost:3000/api${path}`, {
    method,
    body,
    duplex: 'half',
    headers: { ...headers, 'content-type': encoded.headers.get('content-type')!, 'content-length': String(bytes.length) },
  } as RequestInit)
}

async function send(request: Request) {
  const response = await http.dispatch(request)
  const text = await response.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = { text }
  }
  return { status: response.status, json }
}

const upload = async (file: FilePart | undefined, as: Role | 'anonymous' = 'editor', alt = 'Ảnh thử nghiệm tải lên') =>
  send(await multipart('POST', '/media', file, { alt }, headersOf[as]))

const reupload = async (id: number | string, file: FilePart | undefined, fields: Record<string, unknown>, as: Role | 'anonymous') =>
  send(await multipart('PATCH', `/media/${id}`, file, fields, headersOf[as]))

/** Every message of an error answer, as Payload formats it (top-level and per field). */
const messagesOf = (json: any): string[] =>
  (json.errors ?? []).flatMap((e: any) => [e.message, ...(e.data?.errors ?? []).map((f: any) => f.message)])

const mediaCount = async () => (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs
const storedFiles = () => (fs.existsSync(process.env.MEDIA_DIR!) ? fs.readdirSync(process.env.MEDIA_DIR!).sort() : [])

/** The request is refused with `status`, in Vietnamese, and nothing reaches the database or the media folder. */
async function expectRefused(attempt: () => Promise<{ status: number; json: any }>, status: number, message: string) {
  const [count, files] = [await mediaCount(), storedFiles()]
  const { status: actual, json } = await attempt()
  expect(actual, JSON.stringify(json)).toBe(status)
  expect(messagesOf(json)).toContain(message)
  expect(JSON.stringify(json)).not.toMatch(/invalid|not allowed|limit has been reached|went wrong/i)
  expect(await mediaCount()).toBe(count)
  expect(storedFiles()).toEqual(files)
}

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  http = await import('./helpers/http')
  const org = await payload.create({ collection: 'organizations', data: { name: 'Hội Khuyến học tỉnh A', kind: 'study-promotion-association' }, overrideAccess: true })
  for (const role of roles) {
    const user = await makeUser(payload, role, role === 'data-reporter' ? org.id : undefined)
    const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: user.password } })
    headersOf[role] = { authorization: `JWT ${token}` }
  }
})
afterAll(async () => cms?.cleanup())

describe('the type comes from the content, never the name', () => {
  test.each([
    ['x.html', 'text/html'],
    ['x.html', 'application/pdf'],
    ['x.svg', 'image/svg+xml'],
    ['x.xml', 'application/xml'],
    ['x.js', 'text/javascript'],
    ['bien-ban', 'application/octet-stream'],
  ])('a valid PDF uploaded as %s (%s) is stored as a .pdf of type application/pdf', async (name, type) => {
    const { status, json } = await upload({ name, type, data: pdfBytes('ZQXPDF') })
    expect(status, JSON.stringify(json)).toBe(201)
    expect(json.doc.filename).toMatch(/^(x|bien-ban)(-\d+)?\.pdf$/)
    expect(json.doc.mimeType).toBe('application/pdf')
    expect(storedFiles()).toContain(json.doc.filename)
    expect(storedFiles().filter((f) => !/\.(pdf|png|jpe?g|webp)$/.test(f))).toEqual([])
  })

  test('bao-cao.html holding a PDF becomes bao-cao.pdf; Vietnamese names follow the slug rule', async () => {
    expect((await upload({ name: 'bao-cao.html', type: 'text/html', data: pdfBytes('A') })).json.doc.filename).toBe('bao-cao.pdf')
    expect((await upload({ name: 'Phụ lục số 1.PDF', type: 'application/pdf', data: pdfBytes('B') })).json.doc.filename).toBe('phu-luc-so-1.pdf')
  })

  test('anh.png holding a JPEG becomes anh.jpg, image/jpeg, with its sizes made', async () => {
    const { status, json } = await upload({ name: 'anh.png', type: 'image/png', data: await jpeg() })
    expect(status).toBe(201)
    expect(json.doc).toMatchObject({ filename: 'anh.jpg', mimeType: 'image/jpeg', width: 12, height: 9 })
  })

  test('an author uploads a new file the same way', async () => {
    const { status, json } = await upload({ name: 'tac-gia.svg', type: 'image/svg+xml', data: await png() }, 'author')
    expect(status).toBe(201)
    expect(json.doc).toMatchObject({ filename: 'tac-gia.png', mimeType: 'image/png' })
  })

  test('the Local API (seed, scripts) gets the same treatment', async () => {
    const doc = await uploadMedia(payload, { name: 'phu-luc.js', mimetype: 'text/javascript', data: pdfBytes('LOCAL'), alt: 'Phụ lục qua Local API' })
    expect(doc).toMatchObject({ filename: 'phu-luc.pdf', mimeType: 'application/pdf' })
  })

  test.each([
    ['an SVG image', { name: 'logo.svg', type: 'image/svg+xml', data: svg }],
    ['an SVG named .png', { name: 'logo.png', type: 'image/png', data: svg }],
    ['an HTML page named .pdf', { name: 'bao-cao.pdf', type: 'application/pdf', data: html }],
    ['an HTML page named .jpg', { name: 'anh.jpg', type: 'image/jpeg', data: html }],
    ['plain text', { name: 'ghi-chu.txt', type: 'text/plain', data: Buffer.from('Ghi chú') }],
    ['random bytes named .png', { name: 'rac.png', type: 'image/png', data: Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) }],
    ['a BMP (not processed by sharp)', { name: 'anh.bmp', type: 'image/bmp', data: bmp() }],
    ['a ZIP named .pdf', { name: 'tai-lieu.pdf', type: 'application/pdf', data: Buffer.from('504b0304140000000800', 'hex') }],
  ])('%s is refused in Vietnamese, nothing saved', async (_label, file) => {
    await expectRefused(() => upload(file), 400, UPLOAD_TYPE_MESSAGE)
  })

  test('a PDF cut short (no end) is refused in Vietnamese', async () => {
    const whole = pdfBytes('CUT')
    await expectRefused(() => upload({ name: 'cat.pdf', type: 'application/pdf', data: whole.subarray(0, whole.length - 40) }), 400, BROKEN_PDF_MESSAGE)
  })

  test('a create naming a web address ({ filename, url }) is refused before Payload fetches it under that name', async () => {
    // Payload would fetch the URL server-side and store it as `evil.html`, past the upload checks.
    await expectRefused(
      () => http.rest('POST', '/media', { alt: 'Tệp từ địa chỉ web', filename: 'evil.html', url: 'https://example.com/tai-lieu.pdf' }, headersOf.editor),
      400,
      URL_UPLOAD_MESSAGE,
    )
    const { json } = await http.gql(
      'mutation { createMedia(data: { alt: "Qua GraphQL", filename: "evil.html", url: "https://example.com/tai-lieu.pdf" }) { id filename } }',
      headersOf.editor,
    )
    expect(json.data?.createMedia ?? null).toBeNull()
    expect(json.errors?.map((e: any) => e.message)).toEqual([URL_UPLOAD_MESSAGE])
  })

  test('a duplicate keeps the detected type and its extension', async () => {
    const original = (await upload({ name: 'ban-sao.html', type: 'text/html', data: pdfBytes('COPY') })).json.doc
    const { status, json } = await http.rest('POST', `/media/${original.id}/duplicate`, {}, headersOf.editor)
    expect(status, JSON.stringify(json)).toBe(200)
    expect(json.doc).toMatchObject({ mimeType: 'application/pdf' })
    expect(json.doc.filename).toMatch(/^ban-sao-\d+\.pdf$/)
  })

  test('re-upload (update with a new file): same detection, same extension rule, same refusals', async () => {
    const original = (await upload({ name: 'thay-the.png', type: 'image/png', data: await png() })).json.doc
    const replaced = await reupload(original.id, { name: 'thay-the.html', type: 'text/html', data: pdfBytes('NEW') }, {}, 'editor')
    expect(replaced.status, JSON.stringify(replaced.json)).toBe(200)
    expect(replaced.json.doc).toMatchObject({ filename: 'thay-the.pdf', mimeType: 'application/pdf' })

    await expectRefused(() => reupload(original.id, { name: 'thay-the.pdf', type: 'application/pdf', data: html }, { alt: 'Không được lưu' }, 'editor'), 400, UPLOAD_TYPE_MESSAGE)
    const after = await payload.findByID({ collection: 'media', id: original.id, overrideAccess: true })
    expect(after).toMatchObject({ filename: 'thay-the.pdf', mimeType: 'application/pdf', alt: 'Ảnh thử nghiệm tải lên' })
  })
})

describe('size limit and upload errors, in Vietnamese', () => {
  const bigPdf = (bytes: number) => {
    const pdf = pdfBytes('BIG')
    return Buffer.concat([pdf.subarray(0, 9), Buffer.alloc(bytes - pdf.length, 0x20), pdf.subarray(9)])
  }

  test('the limit is documented in one constant: 20 MB', () => {
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024)
    expect(UPLOAD_TOO_LARGE_MESSAGE).toContain('20 MB')
  })

  test('a file just under the limit is accepted', async () => {
    const { status, json } = await upload({ name: 'ban-quet.pdf', type: 'application/pdf', data: bigPdf(MAX_UPLOAD_BYTES - 4096) })
    expect(status, JSON.stringify(json).slice(0, 300)).toBe(201)
  })

  test.each([
    ['just over the limit', MAX_UPLOAD_BYTES + 1024],
    ['60 MB', 60 * 1024 * 1024],
  ])('a file %s answers 413 in Vietnamese, nothing saved', async (_label, bytes) => {
    await expectRefused(() => upload({ name: 'qua-lon.pdf', type: 'application/pdf', data: bigPdf(bytes) }), 413, UPLOAD_TOO_LARGE_MESSAGE)
  })

  test('over the limit through the Local API: 413 in Vietnamese too', async () => {
    const count = await mediaCount()
    const attempt = uploadMedia(payload, { name: 'qua-lon.pdf', mimetype: 'application/pdf', data: bigPdf(MAX_UPLOAD_BYTES + 1024), alt: 'Quá lớn' })
    await expect(attempt).rejects.toMatchObject({ status: 413, message: UPLOAD_TOO_LARGE_MESSAGE })
    expect(await mediaCount()).toBe(count)
  })

  test('a body cut short (as Next.js cuts one over its proxy limit) answers 400 in Vietnamese, not 500', async () => {
    const request = await multipart('POST', '/media', { name: 'cat.pdf', type: 'application/pdf', data: bigPdf(200_000) }, { alt: 'Cắt ngang' }, headersOf.editor)
    const body = Buffer.from(await request.arrayBuffer())
    const cut = new Request(request.url, { method: 'POST', headers: { ...headersOf.editor, 'content-type': request.headers.get('content-type')! }, body: body.subarray(0, 100_000) })
    await expectRefused(() => send(cut), 400, 'Dữ liệu tải lên không trọn vẹn hoặc sai định dạng (multipart/form-data). Hãy tải lại tệp.')
  })

  /**
   * What Next.js does to a request body on a route its proxy (cms/proxy.ts) matches, with its
   * own code (next/dist/server/body-streams.js, as next-server.js calls it): the body is cloned
   * for the proxy up to `proxyClientMaxBodySize`, and the route handler gets that clone.
   */
  async function throughNextProxy(request: Request, proxyClientMaxBodySize: number | undefined) {
    const { getCloneableBody } = createRequire(import.meta.url)('next/dist/server/body-streams.js')
    const bytes = Buffer.from(await request.arrayBuffer())
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536))
    const incoming = Readable.from(chunks)
    const cloneable = getCloneableBody(incoming, proxyClientMaxBodySize)
    cloneable.cloneBodyStream().resume() // the proxy's copy; ours does not read it
    await cloneable.finalize()
    const received: Buffer[] = []
    for await (const chunk of incoming) received.push(chunk as Buffer)
    return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(received) })
  }

  test('through Next.js: a 19 MB upload arrives whole with our proxy limit and is saved; with the default 10 MB it was cut (400 now, 500 before)', async () => {
    const nextConfig = (await import('../cms/next.config.mjs')).default
    const { experimental } = (await nextConfig('phase-production-build')) as { experimental: { proxyClientMaxBodySize: number } }
    const file = { name: 'ban-quet-19mb.pdf', type: 'application/pdf', data: bigPdf(19 * 1024 * 1024) }
    const whole = await send(await throughNextProxy(await multipart('POST', '/media', file, { alt: 'Bản quét 19 MB' }, headersOf.editor), experimental.proxyClientMaxBodySize))
    expect(whole.status, JSON.stringify(whole.json).slice(0, 300)).toBe(201)
    await expectRefused(
      async () => send(await throughNextProxy(await multipart('POST', '/media', file, { alt: 'Bản quét 19 MB' }, headersOf.editor), undefined)),
      400,
      'Dữ liệu tải lên không trọn vẹn hoặc sai định dạng (multipart/form-data). Hãy tải lại tệp.',
    )
  })

  test('the CMS proxy refuses a request over the limit by its length, before Next.js cuts the body', async () => {
    const { proxy } = await import('../cms/proxy')
    const request = (length: number) =>
      new NextRequest('http://localhost:3000/api/media', { method: 'POST', headers: { 'content-length': String(length), 'content-type': 'multipart/form-data; boundary=x' } })
    const refused = proxy(request(60 * 1024 * 1024))
    expect(refused.status).toBe(413)
    expect(messagesOf(await refused.json())).toEqual([UPLOAD_TOO_LARGE_MESSAGE])
    const passed = proxy(request(MAX_UPLOAD_REQUEST_BYTES))
    expect(passed.headers.get('x-middleware-next')).toBe('1')
  })

  test('Next.js lets every allowed request through the proxy whole (proxyClientMaxBodySize)', async () => {
    // The config is a function of Next's phase (cms/next.config.mjs).
    const nextConfig = (await import('../cms/next.config.mjs')).default
    const config = (await nextConfig('phase-production-build')) as { experimental?: { proxyClientMaxBodySize?: number } }
    expect(config.experimental?.proxyClientMaxBodySize).toBeGreaterThanOrEqual(MAX_UPLOAD_REQUEST_BYTES)
  })

  test('an empty file is refused in Vietnamese', async () => {
    await expectRefused(() => upload({ name: 'rong.pdf', type: 'application/pdf', data: Buffer.alloc(0) }), 400, EMPTY_UPLOAD_MESSAGE)
  })

  test('no file at all is refused in Vietnamese', async () => {
    await expectRefused(() => upload(undefined), 400, 'Lỗi - File chưa được tải lên.')
  })
})

/** A file a published news item shows, or one nothing published uses (a draft's, or none). */
async function mediaFixture(kind: 'published' | 'draft' | 'unused') {
  const doc = await uploadMedia(payload, { name: `${kind}.png`, mimetype: 'image/png', data: await png(), alt: `Ảnh ${kind} ban đầu` })
  if (kind !== 'unused') {
    await payload.create({
      collection: 'news',
      data: { title: `Tin ${kind} ${doc.id}`, heroImage: doc.id, _status: kind },
      draft: kind === 'draft',
      overrideAccess: true,
    })
  }
  return doc
}

const unchanged = async (doc: { id: number | string; alt: string; filename?: string | null }) => {
  const now = await payload.findByID({ collection: 'media', id: doc.id, overrideAccess: true })
  expect({ alt: now.alt, filename: now.filename }).toEqual({ alt: doc.alt, filename: doc.filename })
}

const gqlAs = (as: Role | 'anonymous', query: string) => http.gql(query, headersOf[as])

/**
 * Who may do what with media, every role. `published`: a file a published document shows.
 * Authors upload, and change files nothing published uses; only editors and admins change or
 * delete a published one; data reporters and anonymous visitors change nothing.
 */
const can = {
  admin: { create: true, updateUnpublished: true, updatePublished: true, delete: true },
  editor: { create: true, updateUnpublished: true, updatePublished: true, delete: true },
  author: { create: true, updateUnpublished: true, updatePublished: false, delete: false },
  'data-reporter': { create: false, updateUnpublished: false, updatePublished: false, delete: false },
  anonymous: { create: false, updateUnpublished: false, updatePublished: false, delete: false },
} as const

describe.each(Object.keys(can) as (keyof typeof can)[])('media actions as %s', (as) => {
  const rights = can[as]
  const refusedStatus = as === 'anonymous' ? [401, 403] : [403]

  test(`upload a new file over REST: ${rights.create ? 'allowed' : 'refused'}`, async () => {
    const count = await mediaCount()
    const { status, json } = await upload({ name: `moi-${as}.png`, type: 'image/png', data: await png() }, as)
    if (rights.create) {
      expect(status).toBe(201)
      expect(json.doc.filename).toBe(`moi-${as}.png`)
    } else {
      expect(refusedStatus).toContain(status)
      expect(await mediaCount()).toBe(count)
    }
  })

  describe.each(['unused', 'draft', 'published'] as const)('a file %s', (kind) => {
    const allowed = kind === 'published' ? rights.updatePublished : rights.updateUnpublished

    test(`change alt text and caption over REST (JSON PATCH): ${allowed ? 'allowed' : 'refused'}`, async () => {
      const doc = await mediaFixture(kind)
      const { status } = await http.rest('PATCH', `/media/${doc.id}`, { alt: `Mô tả mới ${as}`, caption: 'Chú thích mới' }, headersOf[as])
      if (allowed) {
        expect(status).toBe(200)
        expect((await payload.findByID({ collection: 'media', id: doc.id, overrideAccess: true })).alt).toBe(`Mô tả mới ${as}`)
      } else {
        expect(refusedStatus).toContain(status)
        await unchanged(doc)
      }
    })

    test(`replace the file over REST (multipart PATCH): ${allowed ? 'allowed' : 'refused'}`, async () => {
      const doc = await mediaFixture(kind)
      const files = storedFiles()
      const { status, json } = await reupload(doc.id, { name: 'thay.jpg', type: 'image/jpeg', data: await jpeg() }, { alt: 'Ảnh đã thay' }, as)
      if (allowed) {
        expect(status, JSON.stringify(json)).toBe(200)
        expect(json.doc).toMatchObject({ mimeType: 'image/jpeg', alt: 'Ảnh đã thay' })
        expect(json.doc.filename).toMatch(/^thay(-\d+)?\.jpg$/)
      } else {
        expect(refusedStatus).toContain(status)
        await unchanged(doc)
        expect(storedFiles()).toEqual(files)
      }
    })

    test(`change it through a bulk PATCH (where id equals): ${allowed ? 'allowed' : 'refused'}`, async () => {
      const doc = await mediaFixture(kind)
      await http.rest('PATCH', `/media?where[id][equals]=${doc.id}`, { alt: `Hàng loạt ${as}` }, headersOf[as])
      const now = await payload.findByID({ collection: 'media', id: doc.id, overrideAccess: true })
      expect(now.alt).toBe(allowed ? `Hàng loạt ${as}` : doc.alt)
    })

    test(`change alt text over GraphQL (updateMedia): ${allowed ? 'allowed' : 'refused'}`, async () => {
      const doc = await mediaFixture(kind)
      const { json } = await gqlAs(as, `mutation { updateMedia(id: ${doc.id}, data: { alt: "GraphQL ${as}" }) { id alt } }`)
      if (allowed) {
        expect(json.errors).toBeUndefined()
        expect(json.data.updateMedia.alt).toBe(`GraphQL ${as}`)
      } else {
        expect(json.errors?.length).toBeGreaterThan(0)
        await unchanged(doc)
      }
    })

    test(`delete over REST and GraphQL: ${rights.delete ? 'allowed' : 'refused'}`, async () => {
      const [viaRest, viaGraphql] = [await mediaFixture(kind), await mediaFixture(kind)]
      const { status } = await http.rest('DELETE', `/media/${viaRest.id}`, undefined, headersOf[as])
      const { json } = await gqlAs(as, `mutation { deleteMedia(id: ${viaGraphql.id}) { id } }`)
      const remaining = async (id: number | string) => (await payload.count({ collection: 'media', where: { id: { equals: id } }, overrideAccess: true })).totalDocs
      if (rights.delete) {
        expect(status).toBe(200)
        expect(json.errors).toBeUndefined()
        expect(await remaining(viaRest.id)).toBe(0)
        expect(await remaining(viaGraphql.id)).toBe(0)
      } else {
        expect(refusedStatus).toContain(status)
        expect(json.errors?.length).toBeGreaterThan(0)
        expect(await remaining(viaRest.id)).toBe(1)
        expect(await remaining(viaGraphql.id)).toBe(1)
      }
    })
  })
})

describe('authors and published media', () => {
  test('a file becomes locked for authors once a published document uses it, and free again when unpublished', async () => {
    const doc = await mediaFixture('unused')
    const patch = (alt: string) => http.rest('PATCH', `/media/${doc.id}`, { alt }, headersOf.author)
    expect((await patch('Trước khi xuất bản')).status).toBe(200)
    const news = await payload.create({ collection: 'news', data: { title: 'Tin dùng ảnh', heroImage: doc.id, _status: 'published' }, overrideAccess: true })
    expect((await patch('Sau khi xuất bản')).status).toBe(403)
    await payload.update({ collection: 'news', id: news.id, data: { _status: 'draft' }, overrideAccess: true })
    expect((await patch('Sau khi gỡ xuất bản')).status).toBe(200)
  })

  test('the admin shows an author the published file as read-only (document permissions)', async () => {
    const [published, unused] = [await mediaFixture('published'), await mediaFixture('unused')]
    const access = async (id: number | string) => (await http.rest('POST', `/media/access/${id}`, {}, headersOf.author)).json
    // Payload leaves `update` out when it is denied for that document.
    const canUpdate = (permissions: any) => permissions.update === true || permissions.update?.permission === true
    expect(canUpdate(await access(published.id))).toBe(false)
    expect(canUpdate(await access(unused.id))).toBe(true)
  })
})
