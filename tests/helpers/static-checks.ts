/**
 * What any front server of the portal must do with the release's files (the portal server and
 * nginx are checked with the same functions): the precompressed copy by content negotiation
 * with `Vary: Accept-Encoding`, validators and 304, HEAD, byte ranges, and caching — hashed
 * assets `immutable`, pages revalidated.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { expect } from 'vitest'

import { raw } from './http-raw'

export async function expectNegotiated(base: string, clientDir: string, urlPath: string, file: string, encodings: ('br' | 'gzip')[]) {
  const original = fs.readFileSync(path.join(clientDir, file))
  for (const encoding of encodings) {
    const response = await raw(base, 'GET', urlPath, { 'accept-encoding': `${encoding}` })
    expect(response.status, `${urlPath} ${encoding}`).toBe(200)
    expect(response.headers['content-encoding'], `${urlPath} ${encoding}`).toBe(encoding)
    expect(String(response.headers.vary).toLowerCase()).toContain('accept-encoding')
    const decoded = encoding === 'br' ? zlib.brotliDecompressSync(response.bytes) : zlib.gunzipSync(response.bytes)
    expect(decoded.equals(original), `${urlPath} ${encoding} decodes to the file`).toBe(true)
    expect(response.bytes.length).toBeLessThan(original.length / 2)
  }
  const plain = await raw(base, 'GET', urlPath, { 'accept-encoding': 'identity' })
  expect(plain.headers['content-encoding']).toBeUndefined()
  expect(plain.bytes.equals(original)).toBe(true)
}

export async function expectValidatorsHeadAndRange(base: string, clientDir: string, urlPath: string, file: string) {
  const original = fs.readFileSync(path.join(clientDir, file))
  const first = await raw(base, 'GET', urlPath, { 'accept-encoding': 'gzip' })
  expect(first.headers.etag).toBeTruthy()
  expect(first.headers['last-modified']).toBeTruthy()
  const again = await raw(base, 'GET', urlPath, { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) })
  expect(again.status).toBe(304)
  expect(again.bytes.length).toBe(0)
  const head = await raw(base, 'HEAD', urlPath, {})
  expect(head.status).toBe(200)
  expect(Number(head.headers['content-length'])).toBe(original.length)
  expect(head.bytes.length).toBe(0)
  const range = await raw(base, 'GET', urlPath, { range: 'bytes=10-19' })
  expect(range.status).toBe(206)
  expect(range.headers['content-range']).toBe(`bytes 10-19/${original.length}`)
  expect(range.bytes.equals(original.subarray(10, 20))).toBe(true)
}

export async function expectCaching(base: string, pagePath: string, assetPath: string) {
  expect((await raw(base, 'GET', assetPath, {})).headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect((await raw(base, 'GET', pagePath, {})).headers['cache-control']).toBe('public, max-age=0, must-revalidate')
}
