/**
 * Build benchmark: `npm run bench:build -- --pages 1000` (or 10000).
 * Seeds a temporary database with content/ plus N synthetic published items (half
 * honourees, half news), builds the portal and its search index, and prints pages,
 * seconds, pages per second, peak memory of the build and the index size.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { seed } from '../cms/seed/index.ts'
import { buildSearchIndex } from '../site/scripts/search-index.ts'
import { startTestCms } from '../tests/helpers/payload.ts'
import { seedSynthetic } from './synthetic.ts'

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

/** Resident memory of a process tree, from /proc (Linux). */
function treeRss(pid: number): number {
  let total = 0
  const children = (p: number) => {
    try {
      return fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    } catch {
      return []
    }
  }
  const visit = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))
      total += m ? Number(m[1]) * 1024 : 0
    } catch {}
    children(p).forEach(visit)
  }
  visit(pid)
  return total
}

const cms = await startTestCms()
const { payload } = cms
await seed(payload)
const t0 = Date.now()
await seedSynthetic(payload, extra)
console.log(`seeded ${extra} synthetic items in ${((Date.now() - t0) / 1000).toFixed(1)} s`)

const name = `bench-${Date.now().toString(36)}`
const outDir = path.join(root, '.build', name)
const cacheDir = path.join(root, '.build', `${name}-cache`)
const start = Date.now()
let peak = 0
const child = spawn('npx', ['astro', 'build'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: `file:${cms.dbFile}`, ASTRO_OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const poll = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 200)
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
clearInterval(poll)
if (code !== 0) throw new Error(`astro build failed (${code})`)
const built = Date.now()
const { pages: indexed } = await buildSearchIndex(path.join(outDir, 'client'))
const done = Date.now()

const pages = countPages(path.join(outDir, 'client'))
const seconds = (done - start) / 1000
console.log(
  [
    `synthetic items:   ${extra}`,
    `pages built:       ${pages}`,
    `pages indexed:     ${indexed}`,
    `astro build:       ${((built - start) / 1000).toFixed(1)} s`,
    `search index:      ${((done - built) / 1000).toFixed(1)} s`,
    `total:             ${seconds.toFixed(1)} s`,
    `pages per second:  ${(pages / seconds).toFixed(1)}`,
    `peak memory:       ${(peak / 1024 / 1024).toFixed(0)} MB (astro build process tree)`,
    `search index size: ${(dirSize(path.join(outDir, 'client', 'pagefind')) / 1024 / 1024).toFixed(2)} MB`,
    `site size:         ${(dirSize(path.join(outDir, 'client')) / 1024 / 1024).toFixed(2)} MB`,
  ].join('\n'),
)
fs.rmSync(outDir, { recursive: true, force: true })
fs.rmSync(cacheDir, { recursive: true, force: true })
await cms.cleanup()
process.exit(0)
