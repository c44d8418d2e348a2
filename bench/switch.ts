/**
 * `node bench/switch.ts [files]`: how long the portal server (site/server/serve.ts) takes to
 * serve a new release's page after the live link is swapped, for a partial publish's release
 * (a hard-linked copy of the live one: same server code) of `files` files (56,000 by default,
 * as at 10,000 items). The release's server is a stand-in that answers /robots.txt after 3 s (a
 * real one loads its bundle and content data). Prints the seconds and the load average.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { swapSymlink } from '../site/scripts/release.ts'
import { startPortalServer } from '../site/server/serve.ts'

const count = Number(process.argv[2] ?? 56_000)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'switch-bench-'))
const first = path.join(work, 'releases', 'a')
fs.mkdirSync(path.join(first, 'server'), { recursive: true })
fs.writeFileSync(
  path.join(first, 'server', 'entry.mjs'),
  `import http from 'node:http'\nawait new Promise((r) => setTimeout(r, 3000))\nhttp.createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), process.env.HOST)\n`,
)
for (let i = 0; i < count; i++) {
  const dir = path.join(first, 'client', 'p', String(i % 1000), String(i))
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'index.html'), `<p>${i}</p>`)
}
fs.writeFileSync(path.join(first, 'client', 'index.html'), 'release a')
fs.writeFileSync(path.join(first, 'client', '404.html'), 'not found')
const second = path.join(work, 'releases', 'b')
spawnSync('cp', ['-al', first, second])
fs.rmSync(path.join(second, 'client', 'index.html'))
fs.writeFileSync(path.join(second, 'client', 'index.html'), 'release b')

const link = path.join(work, 'live')
swapSymlink(link, first)
const portal = await startPortalServer({ current: link, port: 0, host: '127.0.0.1', log: () => {} })
const home = () => fetch(`${portal.url}/`).then((r) => r.text()).catch(() => '')
if ((await home()) !== 'release a') throw new Error('release a not served')
const swapped = performance.now()
swapSymlink(link, second)
while ((await home()) !== 'release b') await new Promise((r) => setTimeout(r, 20))
console.log(`${count} files: new page served ${((performance.now() - swapped) / 1000).toFixed(2)} s after the swap; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
await portal.close()
fs.rmSync(work, { recursive: true, force: true })
process.exit(0)
