/**
 * Build benchmark: `npm run bench:build -- --pages 1000` (or 10000, 100000).
 * Seeds a temporary database with content/ plus N synthetic published items (half
 * honourees, half news), builds the portal and its search index as a release does, and
 * prints pages, seconds, pages per second, the peak memory of the whole process tree
 * (this process, astro build and Pagefind; per step), the index size, and — served by the
 * portal's own server, asked by Debian's Chromium — the bytes a reader's first query
 * transfers and whether the server's and the browser's search find the same pages.
 * BENCH_KEEP=1 keeps the build (its path is printed); BENCH_BROWSER=0 skips the browser.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import zlib from 'node:zlib'

import { CATALOG_FILE } from '../site/lib/search-catalog.ts'
import { buildSearchIndex } from '../site/scripts/search-index.ts'
import { firstQueryBytes } from './search-probe.ts'
import { mb, treeMemory } from './memory.ts'

const extra = Number(process.env.BENCH_PAGES ?? 1000)
const root = path.resolve(import.meta.dirname, '..')

const dirSize = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const full = path.join(dir, e.name)
    return sum + (e.isDirectory() ? dirSize(full) : fs.statSync(full).size)
  }, 0)

const countPages = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => {
    if (e.isDirectory()) return n + countPages(path.join(dir, e.name))
    return n + (e.name.endsWith('.html') ? 1 : 0)
  }, 0)

const memory = treeMemory()
// Seeding runs in a process of its own, which ends before the build starts.
const seeding = spawnSync('npx', ['payload', 'run', path.join('bench', 'seed-synthetic.ts')], { cwd: root, env: process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
const dbFile = /^BENCH_DB (.+)$/m.exec(seeding.stdout ?? '')?.[1]
if (seeding.status !== 0 || !dbFile) throw new Error(`seeding failed (${seeding.status}): ${seeding.stdout}`)
console.log(/^seeded .*$/m.exec(seeding.stdout)?.[0])
memory.phase('seed (a process of its own: Payload)')

const name = `bench-${Date.now().toString(36)}`
const outDir = path.join(root, '.build', name)
const cacheDir = path.join(root, '.build', `${name}-cache`)
const start = Date.now()
const child = spawn(process.execPath, [path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: `file:${dbFile}`, MEDIA_DIR: path.join(path.dirname(dbFile), 'media'), PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'test-secret-not-used-outside-tests', ASTRO_OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
if (code !== 0) throw new Error(`astro build failed (${code})`)
memory.phase('astro build')
const built = Date.now()
const { pages: indexed } = await buildSearchIndex(path.join(outDir, 'client'))
const done = Date.now()
memory.phase('search index')

const pages = countPages(path.join(outDir, 'client'))
const seconds = (done - start) / 1000
const pagefindDir = path.join(outDir, 'client', 'pagefind')
const [load1] = os.loadavg()
const catalog = fs.readFileSync(path.join(pagefindDir, CATALOG_FILE))
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
console.log(
  [
    `synthetic items:   ${extra}`,
    `pages built:       ${pages}`,
    `pages indexed:     ${indexed}`,
    `astro build:       ${((built - start) / 1000).toFixed(1)} s`,
    `search index:      ${((done - built) / 1000).toFixed(1)} s`,
    `total:             ${seconds.toFixed(1)} s`,
    `pages per second:  ${(pages / seconds).toFixed(1)}`,
    `peak memory:       ${mb(memory.peak)} (whole process tree: this process, astro build, Pagefind)`,
    ...memory.phases.map(([step, tree, children]) => `  ${step}: ${mb(tree)} (its child processes: ${mb(children)})`),
    `search index size: ${(dirSize(pagefindDir) / 1024 / 1024).toFixed(2)} MB, of which catalogue ${kb(catalog.length)} (${kb(zlib.brotliCompressSync(catalog).length)} brotli)`,
    `site size:         ${(dirSize(path.join(outDir, 'client')) / 1024 / 1024).toFixed(2)} MB`,
    `load average:      ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores, shared) — was ${load1.toFixed(2)} at the end of the build`,
  ].join('\n'),
)
if (process.env.BENCH_BROWSER !== '0') {
  for (const line of await firstQueryBytes(outDir, extra)) console.log(line)
}
memory.stop()
if (process.env.BENCH_KEEP) console.log(`kept: ${outDir}`)
else {
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.rmSync(cacheDir, { recursive: true, force: true })
}
fs.rmSync(path.dirname(dbFile), { recursive: true, force: true })
process.exit(0)
