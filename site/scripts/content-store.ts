/**
 * The content store a release's bundles read (Astro's `astro:data-layer-content` chunk), as a
 * partial publish reads, changes and writes it (partial-release.ts).
 *
 * A full build writes the store in devalue's flattened form, inside a string literal of the
 * chunk. A partial publish writes it as a JSON file beside the chunk, which the chunk reads and
 * makes into Maps, which Astro's runtime takes as is (ImmutableDataStore.fromModule accepts a
 * Map): at 10,000 items (10 MB) well under a second to write and to load, where escaping the
 * text into a string literal and parsing it back took about 0.5 s and 1.4 s. JSON is used only
 * when the store holds nothing JSON would change (no undefined, Date, Map or other class below
 * the two top levels); otherwise it stays devalue, as Astro writes it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import * as devalue from 'devalue'

import { PARTIAL_DIR } from '../integrations/keep-prerender.ts'
import { replaceFile } from './replace-file.ts'

export type Entry = { id: string; data: Record<string, unknown> & { id?: number | string; updatedAt?: string }; digest: string }
/** Collection name → entry id → entry. */
export type Store = Map<string, Map<string, Entry>>

/** Whether JSON gives `value` back unchanged: plain objects and arrays of strings, finite numbers, booleans and null. */
export function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !jsonSafe(value[i])) return false
    return true
  }
  if (typeof value !== 'object') return false
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return false
  for (const key in value) if (key === '__proto__' || !jsonSafe((value as Record<string, unknown>)[key])) return false
  return true
}

const storeJsonSafe = (store: Store) => [...store.values()].every((entries) => [...entries.values()].every(jsonSafe))

/** The data chunk's file name in a bundle (`chunks/_astro_data-layer-content_<hash>.mjs`). */
export function dataChunkName(bundle: string): string | undefined {
  return fs.readdirSync(path.join(bundle, 'chunks')).find((file) => file.startsWith('_astro_data-layer-content'))
}

/** A store as written in `file`; `json` tells whether it may be written back as JSON. */
export async function readStore(file: string): Promise<{ store: Store; json: boolean }> {
  const { default: data } = (await import(pathToFileURL(file).href)) as { default: unknown }
  if (data instanceof Map) return { store: data as Store, json: true }
  const store = devalue.unflatten(data as unknown[]) as Store
  return { store, json: storeJsonSafe(store) }
}

/**
 * Each entry's JSON, kept with the entry: a publish replaces the entries it changes (new
 * objects) and keeps the others, so only the changed ones are serialised again.
 */
const entryJson = new WeakMap<Entry, { key: string; text: string }>()
const entryText = (key: string, entry: Entry) => {
  // Astro's own entries (`meta::meta`) may be plain values.
  if (typeof entry !== 'object' || entry === null) return JSON.stringify([key, entry])
  const known = entryJson.get(entry)
  if (known?.key === key) return known.text
  const text = JSON.stringify([key, entry])
  entryJson.set(entry, { key, text })
  return text
}

const HEAD = '// \0astro:data-layer-content\n'
/** The JSON file beside a chunk (bundles are not public: they are outside `client/`). */
export const storeDataFile = (chunk: string) => `${chunk}.json`

/**
 * Writes `store` as the chunk `file` (and its JSON beside it), each a new file renamed over the
 * old name (releases share files as hard links); returns the files written.
 */
export function writeStore(file: string, store: Store, json: boolean): string[] {
  if (!json) {
    fs.rmSync(storeDataFile(file), { force: true })
    replaceFile(file, `${HEAD}var _astro_data_layer_content_default = JSON.parse(${JSON.stringify(devalue.stringify(store))});\nexport { _astro_data_layer_content_default as default };\n`)
    return [file]
  }
  const data = storeDataFile(file)
  replaceFile(data, `[${[...store].map(([name, entries]) => `[${JSON.stringify(name)},[${[...entries].map(([key, entry]) => entryText(key, entry)).join(',')}]]`).join(',')}]`)
  replaceFile(
    file,
    `${HEAD}import { readFileSync } from 'node:fs';\n` +
      `var _astro_data_layer_content_default = new Map(JSON.parse(readFileSync(new URL(${JSON.stringify(`./${path.basename(data)}`)}, import.meta.url), 'utf8')).map(([name, entries]) => [name, new Map(entries)]));\n` +
      'export { _astro_data_layer_content_default as default };\n',
  )
  return [data, file]
}

/**
 * The store this process last wrote into a release, with the identity of the file it wrote: a
 * release is never written once made, so a live release whose data chunk is that very file
 * holds exactly this store, and a long-lived worker need not read and decode it again. Taken
 * (not shared) by the publish that uses it: a failed publish leaves nothing half-changed behind.
 */
let kept: { dev: number; ino: number; store: Store; json: boolean } | undefined

/** The store in `file`: the one kept when it is that very file, else read from it. */
export async function takeStore(file: string): Promise<{ store: Store; json: boolean }> {
  const mine = kept
  kept = undefined
  const stat = fs.statSync(file)
  if (mine && mine.dev === stat.dev && mine.ino === stat.ino) return mine
  return readStore(file)
}

/** Remember `store` as the content of `file`, just written. */
export function keepStore(file: string, store: Store, json: boolean) {
  const { dev, ino } = fs.statSync(file)
  kept = { dev, ino, store, json }
}

/** Reads a live release's content store ahead (a build worker's start), for its first publish. */
export async function preloadStore(liveDir: string): Promise<void> {
  const bundle = path.join(liveDir, PARTIAL_DIR, 'prerender')
  const name = dataChunkName(bundle)
  if (!name) return
  const file = path.join(bundle, 'chunks', name)
  const { store, json } = await readStore(file)
  keepStore(file, store, json)
  // Each entry's JSON, ready for the first publish.
  if (json) for (const [, entries] of store) for (const [key, entry] of entries) entryText(key, entry)
}
