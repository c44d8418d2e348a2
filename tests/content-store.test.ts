/**
 * The content store as a partial publish writes it (site/scripts/content-store.ts): read back
 * by Node's own import, as Astro's runtime reads the chunk, it is the store that was written —
 * as JSON when JSON keeps every value, as devalue when not (a Date, an undefined field), with
 * Astro's own plain-value entries (`meta::meta`) and entries changed between two writes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as devalue from 'devalue'
import { afterAll, describe, expect, test } from 'vitest'

import { jsonSafe, readStore, type Store, storeDataFile, writeStore } from '../site/scripts/content-store'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-store-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
let n = 0
/** A chunk file of its own (modules are cached by path). */
const chunkFile = () => {
  const folder = path.join(dir, String(n++))
  fs.mkdirSync(folder)
  return path.join(folder, '_astro_data-layer-content_x.mjs')
}
/** Writes `store` as a partial publish does, and reads it back. */
const roundTrip = (store: Store, json: boolean) => {
  const file = chunkFile()
  writeStore(file, store, json)
  return readStore(file)
}

const sample = (): Store =>
  new Map([
    ['news', new Map([['tin-a', { id: 'tin-a', data: { id: 1, title: 'Tin “đầu” \u2028 tiên', tags: ['a', 'b'], nested: { n: 1.5, no: null } }, digest: 'd1' }]])],
    ['meta::meta', new Map([['content-config-digest', 'abc' as never], ['count', 3 as never]])],
  ])

describe('content store chunk', () => {
  test('JSON form: read back equal, as a Map Astro takes as is', async () => {
    const store = sample()
    const file = chunkFile()
    expect(writeStore(file, store, true)).toEqual([storeDataFile(file), file])
    // Plain JSON beside the chunk: no text escaped into a string literal.
    expect(JSON.parse(fs.readFileSync(storeDataFile(file), 'utf8'))[0][0]).toBe('news')
    const back = await readStore(file)
    expect(back.json).toBe(true)
    expect(back.store).toBeInstanceOf(Map)
    expect(devalue.stringify(back.store)).toBe(devalue.stringify(store))
  })

  test('an entry replaced between two writes is written anew; the others as before', async () => {
    const store = sample()
    await roundTrip(store, true)
    store.get('news')!.set('tin-a', { id: 'tin-a', data: { id: 1, title: 'Tin đã sửa' }, digest: 'd2' })
    store.get('news')!.set('tin-b', { id: 'tin-b', data: { id: 2, title: 'Tin mới' }, digest: 'd3' })
    const back = await roundTrip(store, true)
    expect(back.store.get('news')!.get('tin-a')!.data.title).toBe('Tin đã sửa')
    expect(back.store.get('news')!.get('tin-b')!.digest).toBe('d3')
    expect(devalue.stringify(back.store)).toBe(devalue.stringify(store))
  })

  test('a store JSON would change stays devalue, and is read back as it was', async () => {
    const store = sample()
    store.get('news')!.set('tin-c', { id: 'tin-c', data: { id: 3, at: new Date('2026-12-03T00:00:00Z'), gone: undefined }, digest: 'd4' })
    expect(jsonSafe(store.get('news')!.get('tin-c'))).toBe(false)
    // A full build's chunk: devalue's flattened form.
    const fullFile = chunkFile()
    fs.writeFileSync(fullFile, `export default JSON.parse(${JSON.stringify(devalue.stringify(store))});\n`)
    const full = await readStore(fullFile)
    expect(full.json).toBe(false)
    expect(full.store.get('news')!.get('tin-c')!.data.at).toBeInstanceOf(Date)
    const file = chunkFile()
    fs.writeFileSync(storeDataFile(file), '[]')
    expect(writeStore(file, full.store, full.json)).toEqual([file])
    // No stale JSON left beside a devalue chunk.
    expect(fs.existsSync(storeDataFile(file))).toBe(false)
    const back = await readStore(file)
    expect(devalue.stringify(back.store)).toBe(devalue.stringify(store))
    expect('gone' in back.store.get('news')!.get('tin-c')!.data).toBe(true)
  })

  test('jsonSafe refuses what JSON would not give back', () => {
    expect(jsonSafe({ a: [1, 'x', null, true, { b: 2 }] })).toBe(true)
    for (const value of [{ a: undefined }, [1, , 2], { a: NaN }, { a: -0 }, new Map(), { a: new Date() }, { a: 1n }, { a: () => 1 }]) expect(jsonSafe(value)).toBe(false)
  })
})
