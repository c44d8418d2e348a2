/**
 * Pagefind's runtime inside the portal's server process (for /tim-kiem/ without
 * JavaScript). It is the release's own `pagefind.js`; its index files are fetched from this
 * same server over loopback, exactly as a browser would.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import type { PagefindApi } from './search'

let loaded: Promise<PagefindApi> | undefined

export function serverPagefind(): Promise<PagefindApi> {
  loaded ??= (async () => {
    // This process runs <release>/server/entry.mjs; the static files are in <release>/client.
    const clientDir = path.resolve(path.dirname(process.argv[1] ?? ''), '..', 'client')
    const pagefind = (await import(/* @vite-ignore */ pathToFileURL(path.join(clientDir, 'pagefind', 'pagefind.js')).href)) as PagefindApi
    await pagefind.options({ basePath: `http://127.0.0.1:${process.env.PORT ?? 4321}/pagefind/` })
    return pagefind
  })()
  loaded.catch(() => (loaded = undefined))
  return loaded
}
