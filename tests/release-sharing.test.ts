/**
 * What a new release takes from the live one (real files in a temporary folder): unchanged
 * files as hard links with their brotli/gzip copies (site/scripts/link-unchanged.ts), and
 * those pages' search records (site/scripts/search-record-cache.ts). The whole pipeline with
 * them is tested in `publishing` (a publish through the served site and its search).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, describe, expect, test } from 'vitest'

import { recordFromHtml } from '../site/lib/search-records'
import { compressRelease } from '../site/scripts/compress'
import { linkUnchanged } from '../site/scripts/link-unchanged'
import { searchRecordCache } from '../site/scripts/search-record-cache'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'release-sharing-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="vi"><head><meta property="og:title" content="${title}"></head><body><main><h1>${title}</h1><p>${body} ${'Phong trào khuyến học, khuyến tài. '.repeat(20)}</p></main></body></html>`

function write(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
}

const inode = (file: string) => fs.statSync(file).ino

describe('a new release shares unchanged files with the live one', () => {
  const live = path.join(work, 'live')
  const next = path.join(work, 'next')
  const liveClient = path.join(live, 'client')
  const nextClient = path.join(next, 'client')

  test('identical files become links with their compressed copies; changed and new files are compressed again', async () => {
    write(liveClient, {
      'tin-tuc/a/index.html': page('Tin A', 'Đơn vị học tập'),
      'tin-tuc/b/index.html': page('Tin B', 'Gia đình học tập'),
      'tin-tuc/gone/index.html': page('Tin cũ', 'sẽ gỡ'),
    })
    await compressRelease(liveClient)
    write(nextClient, {
      'tin-tuc/a/index.html': page('Tin A', 'Đơn vị học tập'),
      'tin-tuc/b/index.html': page('Tin B', 'Gia đình học tập ĐÃ SỬA'),
      'tin-tuc/c/index.html': page('Tin C', 'Tin mới'),
    })
    const { linked } = linkUnchanged(nextClient, liveClient)
    expect([...linked]).toEqual(['tin-tuc/a/index.html'])
    await compressRelease(nextClient, linked)

    for (const suffix of ['', '.br', '.gz']) {
      expect(inode(path.join(nextClient, `tin-tuc/a/index.html${suffix}`))).toBe(inode(path.join(liveClient, `tin-tuc/a/index.html${suffix}`)))
      expect(inode(path.join(nextClient, `tin-tuc/b/index.html${suffix}`))).not.toBe(inode(path.join(liveClient, `tin-tuc/b/index.html${suffix}`)))
    }
    // Every compressed copy decodes to its own page, not the live one's.
    for (const name of ['a', 'b', 'c']) {
      const file = path.join(nextClient, `tin-tuc/${name}/index.html`)
      expect(zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`))).toEqual(fs.readFileSync(file))
      expect(zlib.gunzipSync(fs.readFileSync(`${file}.gz`))).toEqual(fs.readFileSync(file))
    }
    expect(fs.existsSync(path.join(nextClient, 'tin-tuc/gone/index.html'))).toBe(false)
  })

  test('without a live release nothing is linked', () => {
    const { linked } = linkUnchanged(nextClient, path.join(work, 'missing'))
    expect(linked.size).toBe(0)
  })

  test('unchanged pages take the live release’s search records; changed ones are read again, never the old text', () => {
    const first = searchRecordCache(liveClient, undefined, new Set())
    for (const name of ['a', 'b', 'gone']) first.recordOf(`/tin-tuc/${name}/`, path.join(liveClient, `tin-tuc/${name}/index.html`))
    expect(first.reused).toBe(0)
    first.save(live)

    const cache = searchRecordCache(nextClient, live, new Set(['tin-tuc/a/index.html']))
    const records = Object.fromEntries(['a', 'b', 'c'].map((name) => [name, cache.recordOf(`/tin-tuc/${name}/`, path.join(nextClient, `tin-tuc/${name}/index.html`))]))
    expect(cache.reused).toBe(1)
    for (const name of ['a', 'b', 'c']) {
      expect(records[name]).toEqual(recordFromHtml(`/tin-tuc/${name}/`, fs.readFileSync(path.join(nextClient, `tin-tuc/${name}/index.html`), 'utf8')))
    }
    expect(records.b!.content).toContain('DÃ SỬA')
    cache.save(next)
    const saved = JSON.parse(fs.readFileSync(path.join(next, 'search-records.json'), 'utf8'))
    expect(Object.keys(saved.records).sort()).toEqual(['/tin-tuc/a/', '/tin-tuc/b/', '/tin-tuc/c/'])
  })

  test('records made by other code are not reused', () => {
    const stored = JSON.parse(fs.readFileSync(path.join(live, 'search-records.json'), 'utf8'))
    // A record the current code would never make: taken only if the version matched.
    stored.records['/tin-tuc/a/'].content = 'nội dung cũ'
    fs.writeFileSync(path.join(live, 'search-records.json'), JSON.stringify({ ...stored, version: 'older-code' }))
    const cache = searchRecordCache(nextClient, live, new Set(['tin-tuc/a/index.html']))
    const record = cache.recordOf('/tin-tuc/a/', path.join(nextClient, 'tin-tuc/a/index.html'))
    expect(cache.reused).toBe(0)
    expect(record!.content).not.toBe('nội dung cũ')
  })
})
