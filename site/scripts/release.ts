/**
 * Build one release of the portal and make it live:
 *   astro build (incremental, cache shared between releases) → Pagefind index →
 *   brotli and gzip copies of its text files →
 *   check the essential files → point the `dist` symlink at it (an atomic rename) →
 *   keep the last few releases, delete older ones (and at once any older release that still
 *   shows an honouree the new one took down, e.g. after a withdrawal of consent).
 * A failure at any step leaves `dist` on the previous release. One release at a time: a
 * lock file refuses a second concurrent build.
 *
 * `node site/scripts/release.ts` — used by `npm run build`, `npm start` and the CMS's
 * rebuild queue. Prints a final line `PORTAL_RELEASE {json}` for the queue.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'

import { oneBuildAtATime, takeLock } from './build-lock.ts'
import { embedPath, honoureesPath } from '../lib/routes.ts'
import { compressRelease } from './compress.ts'
import { linkUnchanged, liveClientDir } from './link-unchanged.ts'
import { NotPartial, partialRelease } from './partial-release.ts'
import { searchRecordCache } from './search-record-cache.ts'
import { buildSearchIndex, WORDS_FILE } from './search-index.ts'

export const root = path.resolve(import.meta.dirname, '..', '..')

export type ReleaseOptions = {
  /** The live-release symlink. */
  current?: string
  /** Where releases are kept: inside the repository, so server chunks resolve node_modules. */
  releasesDir?: string
  cacheDir?: string
  keep?: number
  env?: NodeJS.ProcessEnv
  /** Leave deleting old releases to the caller (`prune` of the result), after the build is reported: the worker does it in the background (background-remove.ts). */
  deferPrune?: boolean
}

/** Seconds spent in each step of a build (printed by bench:publish). */
export type ReleasePhases = { astro: number; index: number; compress: number; switch: number }

export type ReleaseSummary = {
  release: string
  dir: string
  seconds: number
  pages: number
  renderedPages: number
  phases?: ReleasePhases
  /** `partial`: only the pages a change touched were rendered (partial-release.ts); `full`: astro build. */
  mode?: 'full' | 'partial'
  /** Why a partial publish was not possible, when the build fell back to a full one. */
  fallback?: string
}

/** A release and the pages this build rendered (the others were copied from the last build). */
export type ReleaseResult = ReleaseSummary & { renderedPaths: string[]; prune?: (remove?: (dirs: Set<string>) => void) => void }

// Overridable so tests and the benchmark keep their releases apart from the real portal's.
export const defaultPaths = {
  current: path.resolve(root, process.env.PORTAL_CURRENT ?? 'dist'),
  releasesDir: path.resolve(root, process.env.PORTAL_RELEASES_DIR ?? '.build/releases'),
  cacheDir: path.resolve(root, process.env.PORTAL_CACHE_DIR ?? '.build/astro-cache'),
}

/** The environment that keeps a portal's live link, releases and cache all inside `dir`. */
export const releaseEnvIn = (dir: string) => ({
  PORTAL_CURRENT: path.join(dir, 'live'),
  PORTAL_RELEASES_DIR: path.join(dir, 'releases'),
  PORTAL_CACHE_DIR: path.join(dir, 'cache'),
})

/** Runs `astro build` into `outDir`; resolves with its log, colours removed. */
function runAstroBuild(outDir: string, cacheDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: root,
      env: { ...env, ASTRO_OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const collect = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString()
      stream.write(chunk)
    }
    child.stdout.on('data', collect(process.stdout))
    child.stderr.on('data', collect(process.stderr))
    child.on('error', reject)
    child.on('exit', (code) => {
      // Astro colours its log when the terminal (or FORCE_COLOR, as on CI) asks for it.
      const plain = stripVTControlCharacters(output)
      if (code === 0) return resolve(plain)
      // The first error Astro reports says what went wrong (e.g. content it cannot render).
      // A page's log line has no line break before an error, so take the error from where it starts.
      const cause = plain
        .split('\n')
        .map((line) => /\[ERROR\]\s*(.*)|(\w*Error:.*)|^\s*(error\b.*)/i.exec(line))
        .find(Boolean)
        ?.slice(1)
        .find(Boolean)
      reject(new Error(`astro build thất bại (mã ${code})${cause ? `: ${cause.trim()}` : ''}`))
    })
  })
}

/** Atomically point `link` at `target` (rename over the old symlink). */
export function swapSymlink(link: string, target: string) {
  const stat = fs.lstatSync(link, { throwIfNoEntry: false })
  if (stat && !stat.isSymbolicLink()) {
    // A plain directory from an older layout: move it aside once.
    fs.renameSync(link, `${link}.old-${Date.now()}`)
  }
  const temporary = `${link}.next-${process.pid}`
  fs.rmSync(temporary, { force: true })
  fs.symlinkSync(path.relative(path.dirname(link), target), temporary)
  fs.renameSync(temporary, link)
}

/** Where a release has one page per honouree: its page and its press embed. */
const HONOUREE_PAGE_DIRS = [`client${honoureesPath()}`, `client${embedPath('honouree', '')}`].map((dir) => dir.replace(/\/+$/, ''))

/** Every HTML file of a release's honouree pages, relative to the release. */
export function honoureePages(releaseDir: string): Set<string> {
  const pages = new Set<string>()
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(releaseDir, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name)
      if (entry.isDirectory()) walk(child)
      else if (entry.name.endsWith('.html')) pages.add(child)
    }
  }
  for (const dir of HONOUREE_PAGE_DIRS) if (fs.existsSync(path.join(releaseDir, dir))) walk(dir)
  return pages
}

/**
 * Older releases showing an honouree page the live release no longer has. A person who
 * withdrew consent (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15) — or any honouree taken
 * down — must not stay on disk in a kept release, ready to be served again by a rollback.
 */
export function releasesShowingRemovedHonourees(releasesDir: string, liveDir: string): string[] {
  const live = honoureePages(liveDir)
  return fs
    .readdirSync(releasesDir)
    .filter((name) => /^\d/.test(name))
    .map((name) => path.join(releasesDir, name))
    .filter((dir) => dir !== liveDir && [...honoureePages(dir)].some((page) => !live.has(page)))
}

/**
 * Keep the last few releases (the live one always) and delete older ones; delete at once,
 * whatever their age, every older release that still shows an honouree the live one took down.
 */
export function prune(releasesDir: string, liveDir: string, keep: number, remove: (dirs: Set<string>) => void = deleteNow) {
  const releases = fs
    .readdirSync(releasesDir)
    .filter((name) => /^\d/.test(name))
    .sort()
  const doomed = new Set(releases.slice(0, Math.max(0, releases.length - keep)).map((name) => path.join(releasesDir, name)))
  for (const dir of releasesShowingRemovedHonourees(releasesDir, liveDir)) doomed.add(dir)
  doomed.delete(liveDir)
  remove(doomed)
}

const deleteNow = (dirs: Set<string>) => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))

export async function buildRelease(options: ReleaseOptions = {}): Promise<ReleaseResult> {
  const current = options.current ?? defaultPaths.current
  const releasesDir = options.releasesDir ?? defaultPaths.releasesDir
  const cacheDir = options.cacheDir ?? defaultPaths.cacheDir
  const started = performance.now()
  const lock = await takeLock(path.join(releasesDir, '.lock'), { wait: false })
  if ('heldBy' in lock) throw new Error(`Đang có một lần xây dựng cổng thông tin khác (tiến trình ${lock.heldBy}); hãy đợi nó xong.`)
  const release = new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 20) + `-${process.pid}`
  const dir = path.join(releasesDir, release)
  // Astro bakes its outDir into the server bundle and hence into every page's dependency
  // hash: building each release in the same place keeps unchanged pages reusable. The
  // finished build is then moved to its own directory (the server resolves its files
  // relative to itself).
  const staging = path.join(releasesDir, '.staging')
  const phases: ReleasePhases = { astro: 0, index: 0, compress: 0, switch: 0 }
  const since = (from: number) => Math.round((performance.now() - from) / 100) / 10
  const goLive = (built = staging) => {
    for (const essential of ['client/index.html', 'client/404.html', 'client/pagefind/pagefind.js', 'server/entry.mjs']) {
      if (!fs.existsSync(path.join(built, essential))) throw new Error(`Bản dựng thiếu tệp ${essential}`)
    }
    fs.renameSync(built, dir)
    swapSymlink(current, dir)
    if (!options.deferPrune) prune(releasesDir, dir, options.keep ?? 3)
  }
  const deferred = options.deferPrune ? { prune: (remove?: (dirs: Set<string>) => void) => prune(releasesDir, dir, options.keep ?? 3, remove) } : {}
  let fallback: string | undefined
  // What a crashed partial publish left behind.
  for (const name of fs.readdirSync(releasesDir)) if (name.startsWith('.partial-')) fs.rmSync(path.join(releasesDir, name), { recursive: true, force: true })
  try {
    // Only the pages a change touched, when the live release allows it (partial-release.ts).
    const liveClient = liveClientDir(current)
    if ((options.env ?? process.env).PORTAL_PARTIAL !== '0' && liveClient) {
      // A folder of its own: a long-lived worker (release-worker.ts) imports each partial
      // release's bundle from where it was written, and modules are cached by their path.
      const partialStaging = path.join(releasesDir, `.partial-${release}`)
      try {
        const partial = await partialRelease(path.dirname(liveClient), partialStaging, (line) => console.log(`[partial] ${line}`))
        const from = performance.now()
        goLive(partialStaging)
        // Astro's cache still holds the last full build's pages and content store. Once a
        // publish has taken pages down (an unpublished item, a withdrawn consent) or changed
        // what is shown of a person, it would be the only copy left of the old text: it goes,
        // at the price of the next full build rendering everything.
        if (partial.removed.length > 0 || partial.changedCollections.includes('honourees')) fs.rmSync(cacheDir, { recursive: true, force: true })
        return {
          renderedPaths: partial.rendered,
          release,
          dir,
          seconds: Math.round((performance.now() - started) / 100) / 10,
          pages: partial.pages,
          renderedPages: partial.rendered.length,
          phases: { astro: Math.round((partial.phases.content + partial.phases.render) * 10) / 10, index: partial.phases.index, compress: partial.phases.compress, switch: since(from) },
          mode: 'partial',
          ...deferred,
        }
      } catch (error) {
        fs.rmSync(partialStaging, { recursive: true, force: true })
        fallback = error instanceof NotPartial ? error.message : `lỗi: ${(error as Error).message}`
        console.log(`[partial] dựng toàn bộ: ${fallback}`)
      }
    }
    fs.rmSync(staging, { recursive: true, force: true })
    let from = performance.now()
    const log = await oneBuildAtATime(() => runAstroBuild(staging, cacheDir, { ...(options.env ?? process.env), PORTAL_KEEP_PRERENDER: '1' }))
    phases.astro = since(from)
    from = performance.now()
    // Files unchanged since the live release become links to it, with their compressed copies.
    const live = liveClientDir(current)
    const { linked } = linkUnchanged(path.join(staging, 'client'), live)
    phases.compress = since(from)
    from = performance.now()
    // Their search records are the live release's too.
    const records = searchRecordCache(path.join(staging, 'client'), live && path.dirname(live), linked)
    const { words } = await buildSearchIndex(path.join(staging, 'client'), records.recordOf)
    records.save(staging)
    words.save(path.join(staging, WORDS_FILE))
    phases.index = since(from)
    from = performance.now()
    // Brotli and gzip copies of every other text file, served by content negotiation.
    await compressRelease(path.join(staging, 'client'), linked)
    phases.compress = Math.round((phases.compress + since(from)) * 10) / 10
    from = performance.now()
    goLive()
    phases.switch = since(from)
    // Astro logs one line per page; "(cached)" or "(restored)" marks pages it copied.
    const pageLines = log.split('\n').filter((line) => /[└├]─ \//.test(line))
    const reused = pageLines.filter((line) => /\((restored|cached)\)/.test(line)).length
    const renderedPaths = pageLines.filter((line) => !/\((restored|cached)\)/.test(line)).map((line) => /[└├]─ (\S+)/.exec(line)![1])
    return {
      renderedPaths,
      release,
      dir,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      pages: pageLines.length,
      renderedPages: pageLines.length - reused,
      phases,
      mode: 'full',
      ...(fallback ? { fallback } : {}),
      ...deferred,
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true })
    throw error
  } finally {
    lock.release()
  }
}

if (import.meta.main) {
  buildRelease()
    // The counts only: the queue records them for staff.
    .then(({ renderedPaths: _, ...summary }) => {
      console.log(`PORTAL_RELEASE ${JSON.stringify(summary)}`)
      // A partial publish opened Payload (a database connection) in this process.
      process.exit(0)
    })
    .catch((error: Error) => {
      console.error(`✖ ${error.message}`)
      process.exit(1)
    })
}
