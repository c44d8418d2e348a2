/**
 * CMS images on the built portal, for real: content/ seeded (its banners uploaded through
 * Payload and sharp), a phone-like photo with EXIF and GPS added to a published honouree and
 * another to a draft one, then one `astro build`. Pages show <picture> with AVIF and WebP
 * widths, width/height and the CMS alt text; every file they name is in the output; no
 * image anywhere carries EXIF; the draft honouree's photo is in no output file. Images
 * inserted in rich text too: one in a published news body is shown the same way, one only a
 * draft body shows is in no output file.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { ELEMENT_NODE, parse, walkSync, type Node } from 'ultrahtml'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { seed } from '../cms/seed'
import { loadContent } from '../cms/seed/content'
import { uploadMedia } from './helpers/files'
import { bodyWithImage } from './helpers/richtext'
import { startTestCms, type TestCms } from './helpers/payload'
import { buildPortal, filesAsText, pagePath, type PortalBuild } from './helpers/portal'

const content = loadContent()
let cms: TestCms
let payload: Payload
let build: PortalBuild

const photos = {
  published: { alt: 'Ảnh lễ tuyên dương điển hình ZQXPUBLISHEDPHOTO', name: 'tuyen-duong-zqxpublishedphoto.jpg' },
  draft: { alt: 'Ảnh chưa được công bố ZQXDRAFTPHOTO', name: 'chua-cong-bo-zqxdraftphoto.jpg' },
  body: { alt: 'Ảnh trong bài viết ZQXBODYPHOTO', name: 'trong-bai-viet-zqxbodyphoto.jpg' },
  draftBody: { alt: 'Ảnh trong bài nháp ZQXDRAFTBODYPHOTO', name: 'trong-bai-nhap-zqxdraftbodyphoto.jpg' },
}
let bodyNewsSlug: string

let gpsPhoto: Buffer
let publishedHonoureeSlug: string

const stem = (file: string) => path.basename(file, path.extname(file))
const page = (urlPath: string) => fs.readFileSync(pagePath(build.clientDir, urlPath), 'utf8')
const slugOf = async (collection: 'campaigns' | 'news', key: string) =>
  (await payload.find({ collection, where: { seedKey: { equals: key } }, overrideAccess: true, limit: 1 })).docs[0].slug as string

/** A camera-like JPEG: EXIF with the maker and GPS position where it was taken. */
function photoWithGps(background: string) {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background } })
    .withExif({
      IFD0: { Make: 'Điện thoại', Copyright: 'ZQXEXIF' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .jpeg()
    .toBuffer()
}

const upload = (photo: { alt: string; name: string }, data: Buffer) => uploadMedia(payload, { ...photo, mimetype: 'image/jpeg', data })

type Picture = { sources: Record<string, string>[]; img: Record<string, string> }

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

/** Every <picture> of a page: its <source> and <img> attributes, entities decoded. */
function pictures(html: string): Picture[] {
  const found: Picture[] = []
  walkSync(parse(html), (node: Node) => {
    if (node.type !== ELEMENT_NODE || node.name !== 'picture') return
    const attrs = (n: Node) => Object.fromEntries(Object.entries(n.attributes as Record<string, string>).map(([k, v]) => [k, decode(v)]))
    const children = (node.children as Node[]).filter((c) => c.type === ELEMENT_NODE)
    found.push({
      sources: children.filter((c) => c.name === 'source').map(attrs),
      img: attrs(children.find((c) => c.name === 'img') as Node),
    })
  })
  return found
}

const pictureWithAlt = (urlPath: string, alt: string) => {
  const match = pictures(page(urlPath)).find((p) => p.img.alt === alt)
  expect(match, `${urlPath}: <picture> with alt "${alt}"`).toBeDefined()
  return match as Picture
}

const urlsOf = (p: Picture) =>
  [p.img.src, p.img.srcset, ...p.sources.map((s) => s.srcset)].flatMap((set) => set.split(',').map((c) => c.trim().split(/\s+/)[0]))

const imageFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(avif|webp|png|jpe?g|gif|tiff?)$/i.test(f)).map((f) => path.join(dir, f))

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  await seed(payload)

  gpsPhoto = await photoWithGps('#2a7d4f')
  const honourees = await payload.find({ collection: 'honourees', overrideAccess: true, draft: true, pagination: false })
  const published = honourees.docs.find((h) => h._status === 'published')!
  const draft = honourees.docs.find((h) => h._status === 'draft')!
  publishedHonoureeSlug = published.slug as string
  const publishedPhoto = await upload(photos.published, gpsPhoto)
  const draftPhoto = await upload(photos.draft, await photoWithGps('#7d2a4f'))
  await payload.update({ collection: 'honourees', id: published.id, data: { photos: [publishedPhoto.id], _status: 'published' }, overrideAccess: true })
  await payload.update({ collection: 'honourees', id: draft.id, data: { photos: [draftPhoto.id], _status: 'draft' }, draft: true, overrideAccess: true })

  const bodyPhoto = await upload(photos.body, await photoWithGps('#4f2a7d'))
  const draftBodyPhoto = await upload(photos.draftBody, await photoWithGps('#7d4f2a'))
  const news = await payload.create({ collection: 'news', data: { title: 'Lễ tuyên dương có ảnh trong bài', body: bodyWithImage(bodyPhoto.id, 'Quang cảnh buổi lễ'), _status: 'published' } as never, overrideAccess: true })
  bodyNewsSlug = news.slug as string
  await payload.create({ collection: 'news', data: { title: 'Bài nháp có ảnh', body: bodyWithImage(draftBodyPhoto.id, 'Quang cảnh buổi lễ'), _status: 'draft' } as never, draft: true, overrideAccess: true })

  build = await buildPortal(cms.dbFile, { PORTAL_NOW: '2026-11-22' })
}, 600_000)

afterAll(async () => {
  build?.remove()
  await cms?.cleanup()
})

describe('content/ banners', () => {
  test('are uploaded once each, with their alt text, marked illustrative', async () => {
    const { docs } = await payload.find({ collection: 'media', where: { seedKey: { exists: true } }, overrideAccess: true, pagination: false })
    expect(docs.map((m) => [m.seedKey, m.alt, m.illustrative]).sort()).toEqual(content.media.map((m) => [m.key, m.alt, true]).sort())
    const report = await seed(payload)
    expect(report.media).toEqual({ created: 0, updated: 0, kept: content.media.length })
  })
})

describe('pages show CMS images through astro:assets', () => {
  const heroes = () => [
    ...content.campaigns.filter((c) => c.heroImage).map((c) => ['campaigns', c.key, c.heroImage] as const),
    ...content.news.filter((n) => n.heroImage).map((n) => ['news', n.key, n.heroImage] as const),
  ]
  const altOf = (key: string) => content.media.find((m) => m.key === key)!.alt as string

  test('campaign and news pages: hero <picture> with AVIF and WebP widths, size, CMS alt, caption and credit', async () => {
    expect(heroes().length).toBeGreaterThanOrEqual(3)
    for (const [collection, key, mediaKey] of heroes()) {
      const urlPath = collection === 'campaigns' ? `/phong-trao/${await slugOf('campaigns', key)}/` : `/tin-tuc/${await slugOf('news', key)}/`
      const picture = pictureWithAlt(urlPath, altOf(mediaKey))
      expect(picture.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp'])
      for (const source of picture.sources) {
        expect(source.srcset.split(',').length, urlPath).toBeGreaterThanOrEqual(2)
        expect(source.srcset).toMatch(/ \d+w(,|$)/)
        expect(source.sizes).toContain('100vw')
      }
      expect(Number(picture.img.width)).toBeGreaterThan(0)
      expect(Number(picture.img.height)).toBeGreaterThan(0)
      expect(picture.img.loading).toBe('eager') // the hero is not lazy
      const media = content.media.find((m) => m.key === mediaKey)!
      const html = page(urlPath)
      if (media.caption) expect(html).toContain(media.caption)
      expect(html).toContain(media.credit)
      expect(html).toContain('Ảnh minh họa')
    }
  })

  test('lists and cards: lazy pictures with the CMS alt', () => {
    const campaign = content.campaigns.find((c) => c.heroImage)!
    const news = content.news.find((n) => n.heroImage)!
    for (const [urlPath, alt] of [
      ['/phong-trao/', altOf(campaign.heroImage)],
      ['/tin-tuc/', altOf(news.heroImage)],
      ['/dien-hinh/', photos.published.alt],
    ]) {
      const picture = pictureWithAlt(urlPath, alt)
      expect(picture.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp'])
      expect(picture.img.loading).toBe('lazy')
      expect(Number(picture.img.width) * Number(picture.img.height)).toBeGreaterThan(0)
    }
  })

  test('a published honouree shows its photo', () => {
    const picture = pictureWithAlt(`/dien-hinh/${publishedHonoureeSlug}/`, photos.published.alt)
    expect(picture.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp'])
  })

  test('an image inserted in a published news body: a lazy <picture> with AVIF and WebP widths and the CMS alt', () => {
    const picture = pictureWithAlt(`/tin-tuc/${bodyNewsSlug}/`, photos.body.alt)
    expect(picture.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp'])
    for (const source of picture.sources) {
      expect(source.srcset.split(',').length).toBeGreaterThanOrEqual(2)
      expect(source.sizes).toContain('100vw')
    }
    expect(picture.img.loading).toBe('lazy')
    expect(Number(picture.img.width) * Number(picture.img.height)).toBeGreaterThan(0)
    for (const url of urlsOf(picture)) expect(url).toMatch(/^\/_astro\/trong-bai-viet-zqxbodyphoto\.[\w-]+\.(avif|webp)$/)
    // Nothing points readers at the CMS.
    expect(page(`/tin-tuc/${bodyNewsSlug}/`)).not.toContain('/api/media/')
  })

  test('every file a picture names is in the build output, optimised into _astro/', () => {
    let checked = 0
    for (const [file, html] of filesAsText(build.clientDir)) {
      if (!file.endsWith('.html')) continue
      for (const picture of pictures(html)) {
        for (const url of urlsOf(picture)) {
          expect(url, file).toMatch(/^\/_astro\/[^/]+\.(avif|webp)$/)
          expect(fs.existsSync(path.join(build.clientDir, url)), `${url} (${file})`).toBe(true)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(50)
  })
})

describe('privacy', () => {
  test('no image in the output or in the CMS media folder carries EXIF (GPS included)', async () => {
    expect((await sharp(gpsPhoto).metadata()).exif).toBeDefined() // the upload did have it
    const output = imageFiles(build.clientDir)
    expect(output.some((f) => path.basename(f).startsWith(stem(photos.published.name)))).toBe(true)
    const stored = imageFiles(process.env.MEDIA_DIR as string)
    expect(stored.some((f) => path.basename(f) === photos.published.name)).toBe(true)
    for (const file of [...output, ...stored]) {
      const meta = await sharp(file).metadata()
      expect(meta.exif, file).toBeUndefined()
      expect(meta.xmp, file).toBeUndefined()
      expect(meta.iptc, file).toBeUndefined()
    }
  })

  test("a draft honouree's photo and an image only a draft body shows are in no output file", () => {
    let files = 0
    for (const dir of [build.outDir, build.cacheDir]) {
      for (const [file, body] of filesAsText(dir)) {
        files++
        for (const photo of [photos.draft, photos.draftBody]) {
          expect(file.includes(stem(photo.name)), file).toBe(false)
          expect(body.includes(photo.alt), file).toBe(false)
          expect(body.includes(stem(photo.name)), file).toBe(false)
        }
      }
    }
    expect(files).toBeGreaterThan(50)
  })
})
