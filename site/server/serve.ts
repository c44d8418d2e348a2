/**
 * The portal's front server. Each build is a complete release directory (`client/` static
 * files, `server/entry.mjs` for on-demand routes); `dist` is a symlink to the live one.
 * For each release a child process serves it on a private loopback port, and this server
 * proxies to whichever child is live. A new release takes over only once its child answers,
 * so a reader gets the whole old site or the whole new one — never a half-written one — and
 * a release that does not start leaves the previous one serving. Children run in their own
 * processes so that an old release's code and data are freed when it retires.
 *
 * Files of the live release (every page but the on-demand routes of site/lib/routes.ts, and
 * every asset) are sent from here directly by sirv, with their brotli or gzip copy when the
 * reader accepts it (written at build time, site/scripts/compress.ts), ETag/Last-Modified and
 * 304, HEAD and byte ranges; only search `?q=`, oEmbed and preview reach the release's process.
 *
 * Security headers are set here for every response (site/server/headers.ts), decided on the
 * normalised path: embeds under /nhung/ may be framed by any site, every other page refuses
 * framing; each page's script policy comes from Astro and this server adds the rest. Only GET
 * and HEAD are answered; files under /tai-lieu/ go out with the type stored in the CMS.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import sirv from 'sirv'

import { cachedFiles, type FileHandler } from './file-cache.ts'
import { readAttachmentTypes } from '../lib/attachment-types.ts'
import { answerFor, answerInFlight, answerKey, beginFlight, cachedAnswer, recentUrls, type Answer } from './answer-cache.ts'
import { warmRelease } from './warm-release.ts'
import { readRedirects, redirectTarget } from '../lib/redirects.ts'
import { isOnDemand, searchPath } from '../lib/routes.ts'
import { ALLOWED_METHODS, attachmentHeaders, cacheControl, normalisePath, OWN_PAGE_POLICY, ownPage, securityHeaders, withCharset } from './headers.ts'

export type PortalServerOptions = {
  /** Symlink (or directory) holding the live release, e.g. `dist`. */
  current: string
  port?: number
  host?: string
  /** How often to look for a new release (ms). */
  pollMs?: number
  env?: NodeJS.ProcessEnv
  log?: (message: string) => void
}

type Release = {
  dir: string
  port: number
  child: ChildProcess
  inFlight: number
  stderr: string[]
  /** Stored type of each file under /tai-lieu/ (the release's manifest). */
  attachmentTypes: Record<string, string>
  /** Retired paths → their new ones (the release's redirects.json), answered 301 here. */
  redirects: Record<string, string>
  /** sirv over the release's client/ folder (looked up per request), hot files kept in memory. */
  files: FileHandler
  /** The release's 404 page, as is and precompressed. */
  notFound: { raw: Buffer; br?: Buffer; gzip?: Buffer }
  /** Settles when the release's process answers (rejects if it does not start). */
  started: Promise<void>
  /** Its process answers: on-demand requests may go to it. */
  up: boolean
}

const readIfPresent = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : undefined)

/** The release's 404 page in the encoding the reader accepts. */
function sendNotFound(req: http.IncomingMessage, res: http.ServerResponse, page: Release['notFound']) {
  const accepts = req.headers['accept-encoding'] ?? ''
  // Not an attachment after all: no download, the page's own policy.
  res.removeHeader('content-disposition')
  if (res.getHeader('content-security-policy')?.toString().includes('sandbox')) res.setHeader('content-security-policy', securityHeaders(req.url ?? '/')['content-security-policy'])
  const [body, encoding] = page.br && /\bbr\b/.test(accepts) ? [page.br, 'br'] : page.gzip && /\bgzip\b/.test(accepts) ? [page.gzip, 'gzip'] : [page.raw, undefined]
  res.writeHead(404, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-cache',
    vary: 'Accept-Encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** A byte range sirv reads right (`bytes=a-` or `bytes=a-b`); any other is ignored and the whole file sent, as RFC 9110 allows. */
const SIMPLE_RANGE = /^bytes=\d+-\d*$/


export { EMBED_PREFIX, normalisePath, PREVIEW_PREFIX, securityHeaders } from './headers.ts'

const unavailablePage = (message: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng thông tin tạm thời chưa sẵn sàng</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>Cổng thông tin tạm thời chưa sẵn sàng</h1><p>${message}</p><p>Vui lòng tải lại trang sau ít phút.</p></body></html>`

const refusalPage = ownPage

/** A page this server writes itself: the path's headers, no script allowed at all. */
function answerOwn(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...headers, 'content-security-policy': OWN_PAGE_POLICY, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extra })
  res.end(body)
}

/** Upstream's own policy (Astro's script-src on on-demand pages) is kept beside ours: browsers enforce both. */
function withPolicies(upstream: string | string[] | undefined, ours: string): string | string[] {
  return upstream ? [...[upstream].flat(), ours] : ours
}

/** The release's response headers with this server's: both script policies, charset, caching. */
function answerHeaders(response: http.IncomingMessage, headers: Record<string, string>, normalisedPath: string, release: Release): http.OutgoingHttpHeaders {
  const merged: Record<string, http.OutgoingHttpHeader | undefined> = { ...response.headers, ...headers }
  merged['content-security-policy'] = withPolicies(response.headers['content-security-policy'], headers['content-security-policy'])
  const type = withCharset(response.headers['content-type'])
  if (type) merged['content-type'] = type
  if (response.statusCode === 200) Object.assign(merged, attachmentHeaders(normalisedPath, release.attachmentTypes))
  // Pages may be cached briefly by browsers, but must be revalidated after a publish.
  if (!merged['cache-control']) merged['cache-control'] = cacheControl(normalisedPath)
  return merged
}

function sendAnswer(req: http.IncomingMessage, res: http.ServerResponse, answer: Answer) {
  const { headers, body } = answerFor(answer, req.headers['accept-encoding'])
  res.writeHead(answer.status, headers)
  res.end(body)
}

/** Ask a release that is not live yet for a search page, keeping the answer for when it is (warm-release.ts). */
function askAhead(release: Release, url: string): Promise<boolean> {
  const key = answerKey(release.dir, 'GET', searchPath(), url)
  if (!key || cachedAnswer(key)) return Promise.resolve(false)
  const flight = beginFlight(key)
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port: release.port, path: url, timeout: 10_000 }, (response) => {
      flight.keep(response.statusCode ?? 502, answerHeaders(response, securityHeaders(searchPath()), searchPath(), release), response)
      response.resume()
      response.on('close', () => resolve(response.statusCode === 200 && response.complete))
    })
    request.on('timeout', () => request.destroy())
    request.on('error', () => {
      flight.fail()
      resolve(false)
    })
  })
}

/** A free loopback port (for a release's process; tests use it too). */
export async function freePort(): Promise<number> {
  const probe = http.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

function resolveRelease(current: string): string | undefined {
  try {
    const dir = fs.realpathSync(current)
    return fs.existsSync(path.join(dir, 'server', 'entry.mjs')) ? dir : undefined
  } catch {
    return undefined
  }
}

/** Every release process started here and not yet ended, whichever server started it: killed when this process exits. */
const releaseProcesses = new Set<ChildProcess>()
process.on('exit', () => releaseProcesses.forEach((child) => child.kill()))

/**
 * A release's files at once, and its process starting: `started` settles when the process
 * answers (or fails to within 30 s). Static files need only the former.
 */
async function openRelease(dir: string, env: NodeJS.ProcessEnv): Promise<Release> {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(dir, 'server', 'entry.mjs')], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  // A release's process ends with this one: on exit, as well as when retired or closed.
  releaseProcesses.add(child)
  child.on('exit', () => releaseProcesses.delete(child))
  const client = path.join(dir, 'client')
  const page404 = path.join(client, '404.html')
  const release = {
    dir,
    port,
    child,
    inFlight: 0,
    stderr: [],
    attachmentTypes: readAttachmentTypes(dir),
    redirects: readRedirects(dir),
    // Looked up per request (sirv's `dev`: a stat of each candidate name), not listed up front:
    // listing 56,000 files at 10,000 items blocked this server for 5–15 s at every switch on a
    // loaded machine. Releases never change, so nothing is lost but the listing; hot files are
    // answered from memory (file-cache.ts), and caching headers are set by serveFile.
    files: cachedFiles(sirv(client, { dev: true, etag: true, brotli: true, gzip: true, extensions: ['html'], dotfiles: false })),
    notFound: { raw: readIfPresent(page404) ?? Buffer.from('<!doctype html><title>404</title>'), br: readIfPresent(`${page404}.br`), gzip: readIfPresent(`${page404}.gz`) },
    up: false,
  } as Omit<Release, 'started'> as Release
  child.stderr!.on('data', (chunk: Buffer) => {
    release.stderr.push(chunk.toString())
    if (release.stderr.length > 50) release.stderr.shift()
  })
  release.started = untilAnswering(release).then(() => {
    release.up = true
  })
  // Awaited by whoever needs the process; never an unhandled rejection meanwhile.
  release.started.catch(() => undefined)
  return release
}

async function untilAnswering(release: Release): Promise<void> {
  const { child, port, dir } = release
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bản dựng ${dir} dừng khi khởi động (mã ${child.exitCode}): ${release.stderr.join('').slice(-2000)}`)
    const status = await new Promise<number>((resolve) => {
      const probe = http.get({ host: '127.0.0.1', port, path: '/robots.txt', timeout: 2000 }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      probe.on('error', () => resolve(0))
      probe.on('timeout', () => probe.destroy())
    })
    if (status === 200) return
    // Checked often: a partial publish's readers wait for this only on search, oEmbed and preview.
    await new Promise((r) => setTimeout(r, 50))
  }
  child.kill()
  throw new Error(`bản dựng ${dir} không trả lời sau 30 giây`)
}

/** The release and its process answering (the whole switch for a release whose server code is new). */
async function startRelease(dir: string, env: NodeJS.ProcessEnv): Promise<Release> {
  const release = await openRelease(dir, env)
  await release.started
  return release
}

/**
 * Whether `next` runs the very server code `previous` runs: a partial publish copies the live
 * release as hard links and rewrites only the content data, so its entry.mjs is the same file.
 * Such a process has started before, so its static files may go live before it answers.
 */
export function sameServerCode(previous: string, next: string): boolean {
  try {
    const [a, b] = [previous, next].map((dir) => fs.statSync(path.join(dir, 'server', 'entry.mjs')))
    return a.dev === b.dev && a.ino === b.ino
  } catch {
    return false
  }
}

/** Stop a retired release once its last in-flight request is answered (at most a minute later). */
function retire(release: Release) {
  const started = Date.now()
  const timer = setInterval(() => {
    if (release.inFlight === 0 || Date.now() - started > 60_000) {
      clearInterval(timer)
      release.child.kill()
    }
  }, 200)
  timer.unref()
}

/** A file of the release, straight from disk (no second process); the 404 page when there is none. */
function serveFile(req: http.IncomingMessage, res: http.ServerResponse, release: Release, normalisedPath: string, headers: Record<string, string>) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.setHeader('cache-control', headers['cache-control'] ?? cacheControl(normalisedPath))
  // A page: the type as on-demand pages and nginx send it (sirv keeps a type set beforehand).
  if (!path.posix.extname(normalisedPath) || normalisedPath.endsWith('.html')) res.setHeader('content-type', 'text/html; charset=utf-8')
  const attachment = attachmentHeaders(normalisedPath, release.attachmentTypes)
  if (attachment) for (const [name, value] of Object.entries(attachment)) res.setHeader(name, value)
  if (req.headers.range && (!SIMPLE_RANGE.test(req.headers.range) || req.headers['if-range'])) delete req.headers.range
  // sirv reads the path from req.url: give it the normalised one (the same the headers were decided on).
  req.url = normalisedPath
  // Hidden files are never sent (sirv's listing left them out; its per-request lookup does not).
  if (/\/\./.test(normalisedPath) && !normalisedPath.startsWith('/.well-known/')) return sendNotFound(req, res, release.notFound)
  release.files(req, res, () => sendNotFound(req, res, release.notFound))
}

export async function startPortalServer(options: PortalServerOptions) {
  const log = options.log ?? ((m: string) => console.log(`[cổng thông tin] ${m}`))
  const env = options.env ?? process.env
  let live: Release | undefined
  let switching: Promise<void> | undefined
  const failed = new Set<string>()
  /** This server's release processes not yet ended, a retiring one included. */
  const releaseChildren = new Set<ChildProcess>()
  const track = (child: ChildProcess) => {
    releaseChildren.add(child)
    child.on('exit', () => releaseChildren.delete(child))
  }

  async function follow(): Promise<void> {
    const dir = resolveRelease(options.current)
    if (!dir || dir === live?.dir || failed.has(dir)) return
    const previous = live
    let next: Release | undefined
    try {
      const warmUrls = previous ? recentUrls(previous.dir, Number(process.env.PORTAL_WARM_QUERIES ?? 200)) : []
      if (previous && sameServerCode(previous.dir, dir)) {
        // A partial publish: its files go live now (every static response is wholly the new
        // release's); search, oEmbed and preview wait for its process, never the old one's.
        next = await openRelease(dir, env)
        track(next.child)
        live = next
        log(`đang phục vụ tệp của bản dựng ${path.basename(dir)}; tiến trình của nó đang khởi động`)
        await next.started
        retire(previous)
        log(`tiến trình của bản dựng ${path.basename(dir)} đã trả lời`)
        // Readers' queries already reach it; the recent ones are asked ahead meanwhile, without
        // holding up the next switch (a publish right after this one).
        const started = next
        void warmRelease((url) => askAhead(started, url), warmUrls).then((warmed) => log(`bản dựng ${path.basename(dir)}: ${warmed} câu tìm kiếm đã trả lời sẵn`))
        return
      }
      next = await startRelease(dir, env)
      track(next.child)
      // Before readers reach it: the queries asked of the live release, answered by the new one.
      const warmed = await warmRelease((url) => askAhead(next!, url), warmUrls)
      live = next
      log(`đang phục vụ bản dựng ${path.basename(dir)} (${warmed} câu tìm kiếm đã trả lời sẵn)`)
      if (previous) retire(previous)
    } catch (error) {
      // Keep (or go back to) the previous release; try this one again only if it changes.
      if (live === next) live = previous
      next?.child.kill()
      failed.add(dir)
      log(`không chuyển được sang bản dựng mới, giữ bản đang chạy: ${(error as Error).message}`)
    }
  }
  const check = () => (switching ??= follow().finally(() => (switching = undefined)))
  await check()
  const poller = setInterval(check, options.pollMs ?? 250)
  poller.unref()
  // The live link is swapped by a rename in its folder: look at once rather than at the next poll.
  let watcher: fs.FSWatcher | undefined
  try {
    watcher = fs.watch(path.dirname(path.resolve(options.current)), (_, name) => {
      if (name === path.basename(options.current)) void check()
    })
    watcher.on('error', () => watcher?.close())
    watcher.unref()
  } catch {
    // Polling alone.
  }

  const server = http.createServer((req, res) => handle(req, res))

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const pathname = (req.url ?? '/').split('?')[0]
    const headers = securityHeaders(pathname)
    const normalised = normalisePath(pathname)
    if (!normalised) return answerOwn(res, 400, headers, refusalPage('Địa chỉ không hợp lệ', 'Đường dẫn này không đọc được.'))
    if (!(ALLOWED_METHODS as readonly string[]).includes(req.method ?? '')) {
      const allow = ALLOWED_METHODS.join(', ')
      return answerOwn(res, 405, headers, refusalPage('Phương thức không được hỗ trợ', `Cổng thông tin chỉ nhận yêu cầu ${allow}.`), { allow })
    }
    const release = live
    if (!release) {
      return answerOwn(res, 503, headers, unavailablePage('Cổng thông tin đang được xây dựng lần đầu.'), { 'retry-after': '10' })
    }
    const moved = redirectTarget(release.redirects, normalised.path)
    if (moved) {
      const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : ''
      return answerOwn(res, 301, headers, refusalPage('Trang đã chuyển địa chỉ', 'Trang này đã chuyển sang địa chỉ mới.'), { location: `${moved}${query}`, 'cache-control': 'public, max-age=3600' })
    }
    if (!isOnDemand(normalised.path)) return serveFile(req, res, release, normalised.path, headers)
    // Its process is still starting (a partial publish's files went live first): the request
    // is handled again once it answers — or by the previous release, if it never does.
    if (!release.up) {
      const again = () => handle(req, res)
      return void release.started.then(again, again)
    }
    const key = answerKey(release.dir, req.method, normalised.path, req.url ?? '')
    const kept = cachedAnswer(key)
    if (kept) return sendAnswer(req, res, kept)
    // Another reader is fetching this very answer: wait for it instead of asking again.
    const flying = answerInFlight(key)
    if (flying) {
      return void flying.then((answer) => (answer ? sendAnswer(req, res, answer) : proxy(req, res, release, normalised.path, headers)))
    }
    proxy(req, res, release, normalised.path, headers, key)
  }

  /** Ask the release's process; the answer goes to the reader as it comes (and is kept when `key` says so). */
  function proxy(req: http.IncomingMessage, res: http.ServerResponse, release: Release, normalisedPath: string, headers: Record<string, string>, key?: string) {
    const pathname = (req.url ?? '/').split('?')[0]
    const flight = beginFlight(key)
    release.inFlight++
    let done = false
    const finish = () => {
      if (!done) release.inFlight--
      done = true
      flight.fail()
    }
    res.on('close', finish)
    const upstream = http.request(
      { host: '127.0.0.1', port: release.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-host': req.headers.host ?? '' } },
      (response) => {
        const merged = answerHeaders(response, headers, normalisedPath, release)
        res.writeHead(response.statusCode ?? 502, merged)
        flight.keep(response.statusCode ?? 502, merged, response)
        response.pipe(res)
      },
    )
    upstream.on('error', (error) => {
      log(`lỗi khi chuyển tiếp ${pathname}: ${error.message}`)
      flight.fail()
      if (!res.headersSent) answerOwn(res, 502, headers, unavailablePage('Máy chủ cổng thông tin không trả lời.'))
      else res.destroy()
    })
    req.pipe(upstream)
  }
  await new Promise<void>((resolve) => server.listen(options.port ?? 4321, options.host ?? '0.0.0.0', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    /** The release being served right now. */
    liveRelease: () => live?.dir,
    /** The process answering the live release's on-demand routes. */
    liveProcess: () => live?.child,
    /** Look for a new release now instead of at the next poll. */
    refresh: check,
    close: async () => {
      clearInterval(poller)
      watcher?.close()
      await switching
      await new Promise((resolve) => server.close(resolve))
      server.closeAllConnections()
      live?.child.kill()
      // Retiring ones too: their timer does not keep this process alive.
      for (const child of releaseChildren) child.kill()
    },
  }
}
