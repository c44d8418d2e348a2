/**
 * The persisted rebuild queue across CMS processes: two (then three) real child processes,
 * each running Payload with the real hooks and queue on the SAME database (a temporary SQLite
 * file; MongoDB too when MONGODB_TEST_URL is set), only the build being a fast stand-in that
 * records what it did (tests/helpers/build-queue-worker.ts). Checked from those records:
 * never two builds at once, every publish taken by exactly one build that could see it, a
 * killed builder's lease taken over and its build done again, a request left by a killed
 * process built by another one, and a request left before every process stopped built at
 * the next start.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const mongoUrl = process.env.MONGODB_TEST_URL
if (!mongoUrl) console.warn('⚠ Build queue on MongoDB SKIPPED: set MONGODB_TEST_URL=mongodb://… to run it against a real server.')

const workerScript = path.join(import.meta.dirname, 'helpers', 'build-queue-worker.ts')
const LEASE_MS = 3000
const FAKE_BUILD_MS = 600
const DEBOUNCE_MS = 300

type Reply = { ok: boolean; error?: string; counts?: Record<string, number>; lease?: { holder: string; expiresAt: string } | null }
type Worker = {
  pid: number
  /** Its queue's name as a lease holder. */
  holder: string
  send: (command: Record<string, unknown>) => Promise<Reply>
  publish: (title: string) => Promise<void>
  kill: () => Promise<number>
  stop: () => Promise<void>
  stderr: () => string
}
type Build = { build: string; pid: number; start: number; end?: number; reasons: string[]; titles?: string[] }

const reasonOf = (title: string) => `Tin tức: ${title} (xuất bản)`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await sleep(50)
  }
}

function startWorker(env: NodeJS.ProcessEnv, { migrate = false } = {}): Promise<Worker> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    env: { ...env, BUILD_WORKER_MIGRATE: migrate ? '1' : '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let errors = ''
  child.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-20_000)))
  const waiting: Array<(reply: Reply) => void> = []
  let ready: ((holder: string) => void) | undefined
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return
    const message = JSON.parse(line)
    if (message.ready) ready?.(message.holder)
    else waiting.shift()?.(message)
  })
  const worker: Worker = {
    pid: child.pid!,
    holder: '',
    send: (command) =>
      new Promise((resolve) => {
        waiting.push(resolve)
        child.stdin.write(`${JSON.stringify(command)}\n`)
      }),
    publish: async (title) => {
      const reply = await worker.send({ cmd: 'publish', title })
      if (!reply.ok) throw new Error(`publish ${title} failed in ${child.pid}: ${reply.error}`)
    },
    kill: async () => {
      child.kill('SIGKILL')
      await exited
      return Date.now()
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode) return
      child.stdin.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
    stderr: () => errors,
  }
  return new Promise((resolve, reject) => {
    ready = (holder) => resolve(Object.assign(worker, { holder }))
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${errors}`)))
  })
}

const backends: Array<{ name: string; skip: boolean; databaseUrl: (dir: string) => string }> = [
  { name: 'SQLite (one temporary file)', skip: false, databaseUrl: (dir) => `file:${path.join(dir, 'shared.db')}` },
  {
    name: 'MongoDB (MONGODB_TEST_URL)',
    skip: !mongoUrl,
    databaseUrl: () => {
      const url = new URL(mongoUrl!)
      url.pathname = `/${url.pathname.replace(/^\//, '') || 'portal-test'}-queue-${Date.now().toString(36)}`
      return url.toString()
    },
  },
]

describe.each(backends)('build queue shared by several CMS processes — $name', ({ skip, databaseUrl }) => {
  let dir: string
  let recordFile: string
  let env: NodeJS.ProcessEnv
  const workers: Worker[] = []
  /** When each killed worker died: its unfinished build ends there. */
  const killedAt = new Map<number, number>()

  const builds = (): Build[] => {
    const byId = new Map<string, Build>()
    const text = fs.existsSync(recordFile) ? fs.readFileSync(recordFile, 'utf8') : ''
    for (const line of text.split('\n').filter(Boolean)) {
      const entry = JSON.parse(line)
      if (entry.phase === 'start') byId.set(entry.build, { build: entry.build, pid: entry.pid, start: entry.at, reasons: entry.reasons })
      else if (entry.phase === 'seen') byId.get(entry.build)!.titles = entry.titles
      else if (entry.phase === 'end') byId.get(entry.build)!.end = entry.at
    }
    return [...byId.values()].sort((a, b) => a.start - b.start)
  }
  const buildsTaking = (title: string) => builds().filter((b) => b.reasons.includes(reasonOf(title)))
  /** A finished build took the request and saw the published title. */
  const builtBy = (title: string) => buildsTaking(title).find((b) => b.end !== undefined && b.titles?.includes(title))
  const settled = async (worker: Worker) => {
    const { counts } = await worker.send({ cmd: 'status' })
    return counts!.pending === 0 && counts!.building === 0 ? counts : undefined
  }

  beforeAll(async () => {
    if (skip) return
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-queue-'))
    recordFile = path.join(dir, 'builds.jsonl')
    env = {
      ...process.env,
      DATABASE_URL: databaseUrl(dir),
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'test-secret-not-used-outside-tests',
      MEDIA_DIR: path.join(dir, 'media'),
      PAYLOAD_JOBS_AUTORUN: 'false',
      PORTAL_AUTO_REBUILD: '0',
      PORTAL_BUILD_LEASE_MS: String(LEASE_MS),
      PORTAL_BUILD_POLL_MS: '200',
      PORTAL_REBUILD_DEBOUNCE_MS: String(DEBOUNCE_MS),
      FAKE_BUILD_MS: String(FAKE_BUILD_MS),
      BUILD_RECORD_FILE: recordFile,
    }
    // The first migrates the database; the second starts on it.
    workers.push(await startWorker(env, { migrate: true }))
    workers.push(await startWorker(env))
  }, 600_000)

  afterAll(async () => {
    await workers[0]?.send({ cmd: 'drop' })
    await Promise.all(workers.map((w) => w.stop()))
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  }, 60_000)

  test.skipIf(skip)('publishes in both processes: one build at a time, each request taken by exactly one build that saw it', async () => {
    const [a, b] = workers
    const titles: string[] = []
    await Promise.all(
      [a, b].map(async (worker, w) => {
        for (let i = 0; i < 6; i++) {
          const title = `Tin hàng đợi ${w ? 'B' : 'A'}${i} ZQXQUEUE`
          titles.push(title)
          await worker.publish(title)
          await sleep(120 + 80 * ((i + w) % 3))
        }
      }),
    )
    await waitFor('every publish built', () => titles.every((t) => builtBy(t)))
    await waitFor('the queue empty', () => settled(a))
    for (const title of titles) expect(buildsTaking(title), title).toHaveLength(1)
    const all = builds()
    // Debounced and coalesced: fewer builds than publishes, and builds from both processes' requests.
    expect(all.length).toBeLessThan(titles.length)
    expect(all.length).toBeGreaterThan(0)
    expect((await settled(b))!.done).toBe(titles.length)
  }, 400_000)

  test.skipIf(skip)('a builder killed mid-build: its lease expires, another process takes it over and builds the same changes', async () => {
    const title = 'Tin bị gián đoạn ZQXKILLED'
    const [a] = workers
    await a.publish(title)
    const first = await waitFor('a build taking the request', () => buildsTaking(title)[0])
    const victim = workers.find((w) => w.pid === first.pid)!
    expect(first.end).toBeUndefined()
    const killed = await victim.kill()
    killedAt.set(victim.pid, killed)
    workers.splice(workers.indexOf(victim), 1)
    const survivor = workers[0]
    // The dead holder's lease as it stands (it renewed it while building, and renews no more).
    const { lease } = await survivor.send({ cmd: 'lease' })
    const second = await waitFor('the build taken over', () => builtBy(title))
    expect(second.pid).toBe(survivor.pid)
    expect(second.build).not.toBe(first.build)
    // Not before the dead holder's lease ran out (unless it had already run out when asked).
    if (lease?.holder === victim.holder) expect(second.start).toBeGreaterThanOrEqual(Date.parse(lease.expiresAt))
    else expect(lease?.holder).toBe(survivor.holder)
    await waitFor('the queue empty', () => settled(survivor))
    workers.push(await startWorker(env))
  }, 400_000)

  test.skipIf(skip)('a request stored just before its process is killed is built by the other process', async () => {
    const [a, b] = workers
    const title = 'Tin trước sự cố ZQXBEFORECRASH'
    await a.publish(title)
    // Killed at once: well within its debounce, so it never started that build.
    killedAt.set(a.pid, await a.kill())
    workers.splice(workers.indexOf(a), 1)
    const built = await waitFor('the orphaned request built', () => builtBy(title))
    expect(built.pid).toBe(b.pid)
    await waitFor('the queue empty', () => settled(b))
  }, 400_000)

  test.skipIf(skip)('a request left when every process stopped is built by the next one to start', async () => {
    const [b] = workers
    const title = 'Tin trước khi khởi động lại ZQXRESTART'
    await b.publish(title)
    killedAt.set(b.pid, await b.kill())
    workers.splice(0, workers.length)
    expect(buildsTaking(title)).toEqual([])
    const next = await startWorker(env)
    workers.push(next)
    const built = await waitFor('the request built after the restart', () => builtBy(title))
    expect(built.pid).toBe(next.pid)
  }, 400_000)

  test.skipIf(skip)('over the whole run, no two builds ever overlapped', () => {
    const all = builds()
    expect(all.length).toBeGreaterThan(3)
    for (const build of all) build.end ??= killedAt.get(build.pid)
    for (let i = 1; i < all.length; i++) {
      const [previous, current] = [all[i - 1], all[i]]
      expect(previous.end, `build ${previous.build} never ended`).toBeDefined()
      expect(current.start, `${current.build} started before ${previous.build} ended`).toBeGreaterThanOrEqual(previous.end!)
    }
  })
})
