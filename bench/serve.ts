/**
 * Serving benchmark: `npm run bench:serve [-- --seconds 5 --rounds 2 --switch-seconds 60]`.
 * The portal server (site/server/serve.ts) against Debian's nginx (site/server/nginx.ts config)
 * on the same live release and machine, with wrk: a document page, a hashed CSS file and the
 * home page, uncompressed and compressed, A/B alternated (the order flips every round); prints
 * requests per second, the ratio to nginx, p99 latency and errors. Then 200 readers on pages
 * through the portal server for --switch-seconds while the live release is switched every
 * 5 seconds: errors must be 0. Uses `dist` (runs `npm run build` first when there is none).
 * Figures are noisy when other work shares the machine; run it on a quiet one to compare.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { swapSymlink } from '../site/scripts/release.ts'
import { freePort, startPortalServer } from '../site/server/serve.ts'
import { nginxVersion, startNginx } from '../tests/helpers/nginx.ts'

const root = path.resolve(import.meta.dirname, '..')
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  const value = Number(i > -1 ? process.argv[i + 1] : fallback)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} expects a positive number`)
  return value
}
const seconds = arg('seconds', 5)
const rounds = arg('rounds', 2)
const switchSeconds = arg('switch-seconds', 30)
const connections = arg('connections', 50)

if (!nginxVersion()) throw new Error('nginx is not installed (apt-get install nginx-light)')
if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is not installed (apt-get install wrk)')

const current = path.join(root, 'dist')
if (!fs.existsSync(path.join(current, 'server', 'entry.mjs'))) {
  console.log('no release in dist/: npm run build')
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
}
const release = fs.realpathSync(current)
const client = path.join(release, 'client')
if (!fs.existsSync(path.join(client, 'index.html.br'))) throw new Error(`${release} has no precompressed files: build it again (npm run build)`)

const portal = await startPortalServer({ current, port: await freePort(), host: '127.0.0.1', log: () => {}, pollMs: 100 })
// nginx reads the live release through the same `dist` link, so a switch needs no reload.
const nginx = await startNginx({ root: path.join(current, 'client'), upstream: new URL(portal.url).host, port: await freePort() })

const documents = fs.readdirSync(path.join(client, 'van-ban')).filter((name) => fs.existsSync(path.join(client, 'van-ban', name, 'index.html')) && /\d/.test(name))
const css = fs.readdirSync(path.join(client, '_astro')).find((name) => name.endsWith('.css'))
const urls = { 'document page': `/van-ban/${documents[0]}/`, 'hashed CSS': `/_astro/${css}`, 'home page': '/' }

type Result = { rps: number; p99: string; errors: number }

/** Parse wrk's report. */
function parseWrk(out: string): Result {
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p99: /99%\s+(\S+)/.exec(out)?.[1] ?? '?',
    errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  }
}

/** wrk in a child process, waited for asynchronously: this process is the portal server and must keep answering. */
function wrk(url: string, headers: string[], extra: string[] = [], duration = seconds, conns = connections): Promise<Result> {
  const args = ['-t2', `-c${conns}`, `-d${duration}s`, '--latency', '--timeout', '10s', ...headers.flatMap((h) => ['-H', h]), ...extra, url]
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args)
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(parseWrk(out)) : reject(new Error(`wrk failed (${code}): ${err}`))))
  })
}

const modes = { uncompressed: [], compressed: ['Accept-Encoding: br, gzip'] } satisfies Record<string, string[]>
console.log(`portal server vs nginx (${nginxVersion()}), wrk ${connections} connections, ${seconds} s per run, ${rounds} rounds A/B alternated, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`)
console.log('nginx sends gzip (Debian nginx-light has no brotli module); the portal server sends brotli when asked for "br, gzip".\n')
console.log(['url', 'mode', 'portal req/s', 'nginx req/s', 'ratio', 'portal p99', 'nginx p99', 'errors (portal/nginx)'].join('\t'))
let worst = Infinity
let totalErrors = 0
for (const [label, url] of Object.entries(urls)) {
  for (const [mode, headers] of Object.entries(modes)) {
    const runs: Record<'portal' | 'nginx', Result[]> = { portal: [], nginx: [] }
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['portal', 'nginx'] as const) : (['nginx', 'portal'] as const)
      for (const who of order) runs[who].push(await wrk(`${who === 'portal' ? portal.url : nginx.url}${url}`, headers))
    }
    const mean = (rs: Result[]) => rs.reduce((sum, r) => sum + r.rps, 0) / rs.length
    const errors = (rs: Result[]) => rs.reduce((sum, r) => sum + r.errors, 0)
    const ratio = mean(runs.portal) / mean(runs.nginx)
    worst = Math.min(worst, ratio)
    totalErrors += errors(runs.portal) + errors(runs.nginx)
    console.log(
      [label, mode, mean(runs.portal).toFixed(0), mean(runs.nginx).toFixed(0), `${ratio.toFixed(2)}×`, runs.portal.map((r) => r.p99).join('/'), runs.nginx.map((r) => r.p99).join('/'), `${errors(runs.portal)}/${errors(runs.nginx)}`].join('\t'),
    )
  }
}
console.log(`\nlowest ratio ${worst.toFixed(2)}× nginx (target ≥ 0.50×), errors ${totalErrors}`)

// 200 readers on pages (every document page and the home page, in turn) while the release switches.
const pages = ['/', ...documents.map((d) => `/van-ban/${d}/`)]
const script = path.join(os.tmpdir(), `bench-serve-${process.pid}.lua`)
fs.writeFileSync(script, `local paths = {${pages.map((p) => JSON.stringify(p)).join(', ')}}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`)
const copy = `${release}-bench-copy`
fs.cpSync(release, copy, { recursive: true })
let switches = 0
const switcher = setInterval(() => {
  swapSymlink(current, switches % 2 === 0 ? copy : release)
  switches++
}, 5000)
const load = await wrk(portal.url, ['Accept-Encoding: br, gzip'], ['-s', script], switchSeconds, 200)
clearInterval(switcher)
swapSymlink(current, release)
await portal.refresh()
console.log(`200 readers on ${pages.length} pages for ${switchSeconds} s through the portal server, ${switches} release switches: ${load.rps.toFixed(0)} req/s, p99 ${load.p99}, errors ${load.errors}`)

await nginx.close()
await portal.close()
fs.rmSync(copy, { recursive: true, force: true })
fs.rmSync(script, { force: true })
