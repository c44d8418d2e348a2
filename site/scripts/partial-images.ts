/**
 * Image URLs in a partial publish, as Astro's build gives them. During `astro build`,
 * astro:assets' getImage asks `globalThis.astroAsset.addStaticImage` for the final
 * `/_astro/<name>_<hash>.<format>` path of each transform (and the build writes those files);
 * without it a page would point at the on-demand `/_image` endpoint instead. This is the
 * same naming (Astro's own hash and file-name helpers), for a base of `/` and no assets
 * prefix; the files themselves must already be in the live release (partial-release.ts checks
 * every `/_astro/` path a page uses, and builds in full when one is missing).
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const astroDist = path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'astro', 'dist')
const internal = <T>(file: string) => import(pathToFileURL(path.join(astroDist, file)).href) as Promise<T>

type Transform = { src: string | { src: string }; format?: string }

export async function installStaticImages(image: { service: string; assets: string }) {
  const { hashTransform, propsToFilename } = await internal<{
    hashTransform: (t: Transform, service: string, props: string[]) => string
    propsToFilename: (file: string, t: Transform, hash: string) => string
  }>('assets/utils/hash.js')
  const isImported = (src: Transform['src']): src is { src: string } => typeof src === 'object' || (typeof src === 'function' && 'src' in (src as object))
  const slash = (p: string) => (p.startsWith('/') ? p : `/${p}`)
  const join = (...parts: string[]) => parts.filter(Boolean).join('/').replace(/\/{2,}/g, '/')
  const cache = new Map<string, string>()
  const global = globalThis as unknown as { astroAsset?: Record<string, unknown> }
  global.astroAsset ??= {}
  global.astroAsset.addStaticImage = (options: Transform, hashProperties: string[]) => {
    const src = isImported(options.src) ? options.src.src : options.src
    const hash = hashTransform(options, image.service, hashProperties)
    const key = `${src}\0${hash}`
    let finalPath = cache.get(key)
    if (!finalPath) {
      finalPath = slash(join(isImported(options.src) ? '' : image.assets, slash(propsToFilename(src, options, hash))))
      cache.set(key, finalPath)
    }
    return new URL(encodeURI(slash(join('/', finalPath))), 'astro://placeholder').href.replace('astro://placeholder', '')
  }
}
