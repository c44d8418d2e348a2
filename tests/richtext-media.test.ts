/**
 * Images inserted in rich text (Lexical `upload` nodes) count as media a published document
 * uses, exactly like a hero image or an honouree's photo (cms/lib/mediaUses.ts, through the
 * hidden `bodyMedia` field each versioned collection computes from its rich text):
 * - anonymous REST and GraphQL read an image only a published body shows, never one only a
 *   draft body shows (a consent photo stays private until its page is published);
 * - an author cannot change (REST, GraphQL) an image a published body shows; an editor can;
 * - a draft saved after the publish changes nothing of this until it is published;
 * - every versioned collection with rich text (plans, campaigns, honourees, news, pages).
 * - the portal renders such an image only from the images the page prepared (astro:assets
 *   files of a published image), escaped, never from a CMS URL.
 * The built portal showing such an image is tested in tests/images.test.ts (one build).
 */
import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { backfillBodyMedia } from '../cms/lib/mediaUses'
import { RICH_TEXT_IMAGE_SIZES } from '../cms/lib/richTextSchema'
import { richTextToHtml, type RichTextImage } from '../site/lib/richtext'
import { uploadMedia } from './helpers/files'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'
import { bodyWithImage } from './helpers/richtext'

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const headersOf: Record<'author' | 'editor', Record<string, string>> = {} as never

let counter = 0
let organizationId: number | string
const image = async (label: string) =>
  uploadMedia(payload, {
    name: `anh-noi-dung-${++counter}.png`,
    mimetype: 'image/png',
    data: await sharp({ create: { width: 40, height: 30, channels: 3, background: `#${(counter * 2654435).toString(16).slice(-6).padStart(6, '0')}` } })
      .png()
      .toBuffer(),
    alt: `Ảnh trong nội dung ${label}`,
  })


/** The smallest valid document of each versioned collection, with `body` as its rich text. */
const documentWith: Record<string, (body: unknown) => Record<string, unknown>> = {
  news: (body) => ({ title: `Tin ${counter}`, body }),
  pages: (body) => ({ title: `Trang ${counter}`, body }),
  campaigns: (body) => ({ name: `Phong trào ${counter}`, kind: 'learning-month', startDate: '2026-08-15', endDate: '2026-09-15', body }),
  honourees: (body) => ({
    name: `Điển hình ${counter}`,
    kind: 'individual',
    award: 'certificate-of-merit',
    year: 2025,
    consent: { recorded: true, date: '2025-09-01' },
    story: body,
  }),
  plans: (body) => ({ title: `Văn bản ${counter}`, documentType: 'plan', issuers: [organizationId], year: 2025, body }),
}

async function create(collection: string, body: unknown, status: 'published' | 'draft') {
  return payload.create({
    collection: collection as CollectionSlug,
    data: { ...documentWith[collection](body), _status: status } as never,
    draft: status === 'draft',
    overrideAccess: true,
  })
}

const anonymousRead = async (id: number | string) => (await http.rest('GET', `/media/${id}`)).status
const anonymousGraphql = async (id: number | string) => (await http.gql(`{ Media(id: ${id}) { id alt } }`)).json?.data?.Media?.id ?? null
const patchAlt = (id: number | string, as: 'author' | 'editor', alt: string) => http.rest('PATCH', `/media/${id}`, { alt }, headersOf[as])
const graphqlAlt = async (id: number | string, as: 'author' | 'editor', alt: string) =>
  (await http.gql(`mutation { updateMedia(id: ${id}, data: { alt: ${JSON.stringify(alt)} }) { id alt } }`, headersOf[as])).json
const altOf = async (id: number | string) => (await payload.findByID({ collection: 'media', id, overrideAccess: true })).alt

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  http = await import('./helpers/http')
  organizationId = (await payload.create({ collection: 'organizations', data: { name: 'Hội Khuyến học tỉnh A', kind: 'study-promotion-association' }, overrideAccess: true })).id
  for (const role of ['author', 'editor'] as const) {
    const user = await makeUser(payload, role)
    const { token } = await payload.login({ collection: 'users', data: { email: user.email, password: user.password } })
    headersOf[role] = { authorization: `JWT ${token}` }
  }
})
afterAll(async () => cms?.cleanup())

describe.each(Object.keys(documentWith))('an image inserted in the rich text of %s', (collection) => {
  test('is readable anonymously (REST and GraphQL) once the document is published', async () => {
    const img = await image(`${collection} đã xuất bản`)
    expect(await anonymousRead(img.id)).not.toBe(200)
    await create(collection, bodyWithImage(img.id), 'published')
    expect(await anonymousRead(img.id)).toBe(200)
    expect(String(await anonymousGraphql(img.id))).toBe(String(img.id))
  })

  test('stays private while only a draft shows it', async () => {
    const img = await image(`${collection} bản nháp`)
    await create(collection, bodyWithImage(img.id), 'draft')
    expect(await anonymousRead(img.id)).not.toBe(200)
    expect(await anonymousGraphql(img.id)).toBeNull()
    const list = (await http.rest('GET', `/media?where[id][equals]=${img.id}`)).json
    expect(list.docs ?? []).toEqual([])
  })
})

describe('changing an image a published body shows', () => {
  test('an author cannot change it over REST or GraphQL; an editor can', async () => {
    const img = await image('khóa với tác giả')
    await create('news', bodyWithImage(img.id), 'published')
    expect((await patchAlt(img.id, 'author', 'Tác giả sửa qua REST')).status).toBe(403)
    const gqlResult = await graphqlAlt(img.id, 'author', 'Tác giả sửa qua GraphQL')
    expect(gqlResult.errors?.length, JSON.stringify(gqlResult)).toBeGreaterThan(0)
    expect(await altOf(img.id)).toBe('Ảnh trong nội dung khóa với tác giả')

    expect((await patchAlt(img.id, 'editor', 'Biên tập viên sửa qua REST')).status).toBe(200)
    expect((await graphqlAlt(img.id, 'editor', 'Biên tập viên sửa qua GraphQL')).data?.updateMedia?.alt).toBe('Biên tập viên sửa qua GraphQL')
  })

  test('an author can still change an image only a draft body shows', async () => {
    const img = await image('nháp của tác giả')
    await create('news', bodyWithImage(img.id), 'draft')
    expect((await patchAlt(img.id, 'author', 'Tác giả sửa ảnh nháp')).status).toBe(200)
  })
})

describe('the published version decides, not the latest draft', () => {
  test('an image added in a draft after the publish stays private until that draft is published', async () => {
    const [kept, added] = [await image('giữ nguyên'), await image('thêm vào bản nháp')]
    const news = await create('news', bodyWithImage(kept.id), 'published')
    // A draft that drops the published image and inserts another one.
    await payload.update({ collection: 'news', id: news.id, data: { body: bodyWithImage(added.id) } as never, draft: true, overrideAccess: true })
    expect(await anonymousRead(kept.id)).toBe(200)
    expect(await anonymousRead(added.id)).not.toBe(200)
    expect((await patchAlt(kept.id, 'author', 'Sửa khi nháp bỏ ảnh')).status).toBe(403)

    await payload.update({ collection: 'news', id: news.id, data: { _status: 'published' } as never, overrideAccess: true })
    expect(await anonymousRead(added.id)).toBe(200)
    expect(await anonymousRead(kept.id)).not.toBe(200)
  })

  test('a value sent for the computed field is ignored: it always follows the rich text', async () => {
    const [shown, claimed] = [await image('trong nội dung'), await image('chỉ khai báo')]
    const news = await payload.create({
      collection: 'news',
      data: { title: 'Tin khai báo sai', body: bodyWithImage(shown.id), bodyMedia: [claimed.id], _status: 'published' } as never,
      overrideAccess: true,
    })
    expect((news as any).bodyMedia.map((m: any) => (typeof m === 'object' ? m.id : m))).toEqual([shown.id])
    expect(await anonymousRead(claimed.id)).not.toBe(200)
  })

  test('an upload node naming a file that does not exist saves (it renders as nothing); only existing files are listed', async () => {
    // Found by the rich-text fuzzer: the missing id used to fail the save on the relation's foreign key.
    const shown = await image('có thật')
    const missing = 987_654
    const news = await http.rest('POST', '/news?draft=true', { title: 'Tin có ảnh đã xoá', body: { root: { ...bodyWithImage(shown.id).root, children: [...bodyWithImage(missing).root.children, ...bodyWithImage(shown.id).root.children] } }, _status: 'draft' }, headersOf.author)
    expect(news.status, JSON.stringify(news.json)).toBe(201)
    const stored = await payload.findByID({ collection: 'news', id: news.json.doc.id, draft: true, depth: 0, overrideAccess: true })
    expect((stored as any).bodyMedia).toEqual([shown.id])
  })
})

describe('documents saved before bodyMedia existed (the rich_text_media migration)', () => {
  test('get it from their stored rich text; nothing else of them changes', async () => {
    const [inBody, hero] = [await image('bài cũ'), await image('ảnh đại diện bài cũ')]
    const topic = await payload.create({ collection: 'topics', data: { name: 'Chủ đề cũ' }, overrideAccess: true })
    const news = await payload.create({
      collection: 'news',
      data: { title: 'Tin lưu trước khi có bodyMedia', heroImage: hero.id, topics: [topic.id], body: bodyWithImage(inBody.id), _status: 'published' } as never,
      overrideAccess: true,
    })
    // As a database from before the migration holds it: the column is empty.
    await payload.db.updateOne({ collection: 'news', id: news.id, data: { bodyMedia: [] }, returning: false })
    expect(await anonymousRead(inBody.id)).not.toBe(200)
    const before = await payload.findByID({ collection: 'news', id: news.id, depth: 0, overrideAccess: true })

    expect(await backfillBodyMedia(payload)).toBeGreaterThanOrEqual(1)
    expect(await anonymousRead(inBody.id)).toBe(200)
    expect((await patchAlt(inBody.id, 'author', 'Sửa ảnh bài cũ')).status).toBe(403)
    const after = await payload.findByID({ collection: 'news', id: news.id, depth: 0, overrideAccess: true })
    expect({ ...after, bodyMedia: undefined, updatedAt: undefined }).toEqual({ ...before, bodyMedia: undefined, updatedAt: undefined })
    expect(after.bodyMedia).toEqual([inBody.id])
    // Run again, nothing to do.
    expect(await backfillBodyMedia(payload)).toBe(0)
  })
})

describe('rendering an image inserted in rich text', () => {
  const prepared = (alt: string): RichTextImage => ({
    src: '/_astro/anh.abc.webp',
    srcset: '/_astro/anh.a.webp 320w, /_astro/anh.b.webp 960w',
    width: 960,
    height: 720,
    alt,
    sizes: RICH_TEXT_IMAGE_SIZES,
    sources: [
      { type: 'image/avif', srcset: '/_astro/anh.a.avif 320w, /_astro/anh.b.avif 960w' },
      { type: 'image/webp', srcset: '/_astro/anh.a.webp 320w, /_astro/anh.b.webp 960w' },
    ],
  })
  /** The upload as the Local API populates it for a reader who may see the file. */
  const populated = (id: number) => {
    const body = bodyWithImage(id) as any
    body.root.children[1].value = { id, url: `/api/media/file/anh-${id}.png`, filename: `anh-${id}.png`, mimeType: 'image/png', alt: 'Ảnh CMS', width: 40, height: 30 }
    return body
  }

  test('a prepared image: AVIF and WebP sources with sizes, a lazy <img> with width, height and the CMS alt, escaped', () => {
    const { html } = richTextToHtml(populated(7), 'tin', { images: new Map([['7', prepared('Lễ "tuyên dương" <b>')]]) })
    expect(html).toContain(`<source type="image/avif" srcset="/_astro/anh.a.avif 320w, /_astro/anh.b.avif 960w" sizes="${RICH_TEXT_IMAGE_SIZES}" />`)
    expect(html).toContain(`<source type="image/webp" srcset="/_astro/anh.a.webp 320w, /_astro/anh.b.webp 960w" sizes="${RICH_TEXT_IMAGE_SIZES}" />`)
    expect(html).toContain(
      `<img alt="Lễ &quot;tuyên dương&quot; &lt;b&gt;" src="/_astro/anh.abc.webp" srcset="/_astro/anh.a.webp 320w, /_astro/anh.b.webp 960w" sizes="${RICH_TEXT_IMAGE_SIZES}" width="960" height="720" loading="lazy" decoding="async" />`,
    )
    expect(html).not.toContain('/api/media/')
  })

  test('an image the page did not prepare (not public, or unknown) renders nothing, not a CMS URL', () => {
    const { html } = richTextToHtml(populated(8), 'tin', { images: new Map([['7', prepared('Ảnh khác')]]) })
    expect(html).not.toContain('<img')
    expect(html).not.toContain('/api/media/')
    expect(html).toContain('Lễ tuyên dương')
  })
})
