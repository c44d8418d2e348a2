/**
 * Search inside the portal's server process (for /tim-kiem/ without JavaScript). Pagefind's
 * runtime is the release's own `pagefind.js`; it and the catalogue and fragments are read
 * from this release's files on disk. Answers are cached per (query, filters, page): the
 * server process serves one release only, so a publish (a new release, a new process)
 * starts with an empty cache.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { LRUCache } from 'lru-cache'

import type { Catalog } from './search-catalog'
import { BROWSER_CATALOG_BYTES, CATALOG_FILE, fragmentFile } from './search-catalog'
import { decodeFragment, mergeDelta, runSearch, type Fragment, type PagefindApi, type SearchAnswer, type SearchSource } from './search'
import type { ChosenFilters } from './search-rank'

// This process runs <release>/server/entry.mjs; the static files are in <release>/client.
const clientDir = () => path.resolve(path.dirname(process.argv[1] ?? ''), '..', 'client')

let loaded: Promise<SearchSource> | undefined

/**
 * A release's search read from its files: its own Pagefind runtime (pagefind.js) fetching the
 * index from `indexUrl` (this release served over HTTP), the catalogue and fragments read from
 * disk. The portal's server searches with it; tests compare releases with it.
 */
export async function diskSource(client: string, indexUrl: string): Promise<SearchSource> {
  const pagefindDir = path.join(client, 'pagefind')
  const pagefind = (await import(/* @vite-ignore */ pathToFileURL(path.join(pagefindDir, 'pagefind.js')).href)) as PagefindApi
  await pagefind.options({ basePath: indexUrl })
  const catalog = JSON.parse(await fs.readFile(path.join(pagefindDir, CATALOG_FILE), 'utf8')) as Catalog
  // After a partial publish: the delta index of the pages changed since the base one.
  await mergeDelta(pagefind, catalog, indexUrl)
  const fragments = new Map<string, Promise<Fragment>>()
  return {
    pagefind,
    catalog: async () => catalog,
    fragment: (entry) => {
      if (!/^[\w-]+$/.test(entry.id)) return Promise.reject(new Error(`fragment id ${entry.id}`))
      const file = fragmentFile(entry)
      let f = fragments.get(file)
      if (!f) fragments.set(file, (f = fs.readFile(path.join(pagefindDir, file)).then(decodeFragment)))
      return f
    },
  }
}

function serverSource(): Promise<SearchSource> {
  loaded ??= diskSource(clientDir(), `http://127.0.0.1:${process.env.PORT ?? 4321}/pagefind/`)
  loaded.catch(() => (loaded = undefined))
  return loaded
}

/**
 * Where readers' searches run: in the browser (Pagefind and the catalogue fetched once, then
 * instant) while the catalogue is small, on this server (the browser asks this page for its
 * answer) when it is too big for a reader's first query — at 10,000 items and more.
 */
export async function searchRunsOn(): Promise<'browser' | 'server'> {
  // SEARCH_BROWSER_CATALOG_BYTES: another limit for this server (tests try the server's way on a small portal).
  const limit = Number(process.env.SEARCH_BROWSER_CATALOG_BYTES || BROWSER_CATALOG_BYTES)
  runsOn ??= fs.stat(path.join(clientDir(), 'pagefind', CATALOG_FILE)).then(({ size }) => (size > limit ? 'server' : 'browser'))
  runsOn.catch(() => (runsOn = undefined))
  return runsOn
}
let runsOn: Promise<'browser' | 'server'> | undefined

const answers = new LRUCache<string, Promise<SearchAnswer>>({ max: 2000 })

export async function serverSearch(query: string, chosen: ChosenFilters, page: number): Promise<SearchAnswer> {
  const key = JSON.stringify([query, chosen, page])
  let answer = answers.get(key)
  if (!answer) {
    answer = serverSource().then((source) => runSearch(source, query, chosen, page))
    answers.set(key, answer)
    // A failure is not kept: the next request tries again.
    answer.catch(() => answers.delete(key))
  }
  return answer
}
