/**
 * The portal rebuild queue, shared by every CMS process using the same database. Changes ask
 * for a rebuild; each request is stored in the database (`portal-build-requests`, see
 * queueStore.ts), so it survives a crash and every process sees it. Requests are debounced,
 * one build runs at a time across all processes — the process holding the build lease, which
 * it renews while it builds and which another process takes over once it expires — and a
 * build takes every request waiting at its start; whatever arrives during a build makes one
 * next build. Each process looks for waiting requests now and then (and at start), so a
 * request made just before its process died is built by another one, or after a restart.
 *
 * Each build is `site/scripts/release.ts` in a child process, which swaps the new release in
 * only when it is complete; a failure leaves the live site as it was. Progress and failures
 * are recorded in the `portal-build` global, which staff see in the admin.
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'

import type { Payload, PayloadRequest } from 'payload'

import type { PortalBuild } from '../payload-types'
import { detachedFromWrites } from '../lib/sqliteWriteQueue'
import { QueueStore } from './queueStore'
import { releaseWorkerRunner } from './releaseWorker'

export const PORTAL_BUILD_SLUG = 'portal-build'

/** Automatic rebuilds are on only where a portal is served (`npm start` sets this). */
export const autoRebuildEnabled = () => process.env.PORTAL_AUTO_REBUILD === '1'

export type BuildOutcome = { ok: true; summary: Record<string, unknown>; log: string } | { ok: false; error: string; log: string }

/** Runs one build; `build` names it and lists the changes it takes (runners may ignore it). */
export type BuildRunner = (build: { id: string; reasons: string[] }) => Promise<BuildOutcome>

const LOG_EXCERPT_LINES = 40

/** Runs `node site/scripts/release.ts` and reports its summary or its error with the log tail. */
export function releaseScriptRunner(root = process.env.PORTAL_ROOT ?? process.cwd(), env: NodeJS.ProcessEnv = process.env): BuildRunner {
  return () =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'site', 'scripts', 'release.ts')], {
        cwd: root,
        env: { ...env, PAYLOAD_JOBS_AUTORUN: 'false', PORTAL_AUTO_REBUILD: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const lines: string[] = []
      const collect = (chunk: Buffer) => {
        // Colours make the admin's log excerpt unreadable.
        lines.push(...stripVTControlCharacters(chunk.toString()).split('\n').filter(Boolean))
        if (lines.length > 2000) lines.splice(0, lines.length - 2000)
      }
      child.stdout.on('data', collect)
      child.stderr.on('data', collect)
      child.on('error', (error) => resolve({ ok: false, error: error.message, log: lines.slice(-LOG_EXCERPT_LINES).join('\n') }))
      child.on('exit', (code) => {
        const summaryLine = lines.findLast((l) => l.startsWith('PORTAL_RELEASE '))
        if (code === 0 && summaryLine) {
          resolve({ ok: true, summary: JSON.parse(summaryLine.slice('PORTAL_RELEASE '.length)), log: lines.slice(-LOG_EXCERPT_LINES).join('\n') })
          return
        }
        const errorLine =
          lines.findLast((l) => /^✖|error|Error|lỗi/.test(l)) ?? `Tiến trình xây dựng dừng với mã ${code}.`
        resolve({ ok: false, error: errorLine.replace(/^✖\s*/, ''), log: lines.slice(-LOG_EXCERPT_LINES).join('\n') })
      })
    })
}

export type BuildQueueOptions = {
  /**
   * Wait after the newest request before building (PORTAL_REBUILD_DEBOUNCE_MS, 300 ms): a burst
   * (a bulk publish, saves one after another) keeps pushing it back and makes one build, while a
   * single publish loses little of its ≤ 5 s to it; what arrives during a build waits anyway.
   */
  debounceMs?: number
  run?: BuildRunner
  /** How long the build lease lasts without renewal (a crashed holder's build is taken over after it). */
  leaseMs?: number
  /** How often a started queue looks for waiting requests and expired leases. */
  pollMs?: number
}

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/** Finished requests are kept this long for staff to see, then deleted. */
const KEEP_FINISHED_MS = 30 * 86_400_000

export class BuildQueue {
  readonly #payload: Payload
  readonly #store: QueueStore
  readonly #debounceMs: number
  readonly #leaseMs: number
  readonly #pollMs: number
  readonly #run: BuildRunner
  /** This queue's name as a lease holder: host, process and a random part. */
  readonly holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  #timer: NodeJS.Timeout | undefined
  #poller: NodeJS.Timeout | undefined
  #ticking: Promise<void> | undefined
  #running: Promise<void> | undefined
  #writing = new Set<Promise<unknown>>()
  #stopped = false

  constructor(payload: Payload, options: BuildQueueOptions = {}) {
    this.#payload = payload
    this.#store = new QueueStore(payload)
    this.#debounceMs = options.debounceMs ?? envNumber('PORTAL_REBUILD_DEBOUNCE_MS', 300)
    this.#leaseMs = options.leaseMs ?? envNumber('PORTAL_BUILD_LEASE_MS', 60_000)
    this.#pollMs = options.pollMs ?? envNumber('PORTAL_BUILD_POLL_MS', 2000)
    // A long-lived build process (releaseWorker.ts) unless PORTAL_BUILD_WORKER=0: one process per build.
    this.#run = options.run ?? (process.env.PORTAL_BUILD_WORKER === '0' ? releaseScriptRunner() : releaseWorkerRunner())
  }

  /**
   * Ask for a rebuild; `reason` is shown to staff ("Tin tức: … (xuất bản)"). Pass the save's
   * `req` from a hook: the request is then written in the save's own transaction.
   */
  async request(reason: string, req?: PayloadRequest): Promise<void> {
    const write = this.#store.add(reason, req)
    this.#writing.add(write)
    try {
      await write
    } finally {
      this.#writing.delete(write)
    }
    // Not awaited: from inside a save, the status write waits for that save to commit.
    void this.#recordQueue(reason)
    this.#schedule(this.#debounceMs)
  }

  /** Looks for waiting requests every `pollMs` from now on, starting at once (the server's queue). */
  start(): this {
    this.#stopped = false
    clearInterval(this.#poller)
    this.#poller = setInterval(() => void this.#tick(), this.#pollMs)
    this.#poller.unref()
    void this.#tick()
    return this
  }

  /** Stops looking for work; a running build finishes (and gives its lease up). */
  async stop(): Promise<void> {
    this.#stopped = true
    clearInterval(this.#poller)
    clearTimeout(this.#timer)
    this.#poller = this.#timer = undefined
    await this.#ticking
    await this.#running
  }

  /** Whether this process is building, about to, or still writing a request. */
  get busy() {
    return Boolean(this.#running || this.#timer || this.#writing.size)
  }

  /**
   * Resolves once nothing is waiting or being built, in this process or any other sharing the
   * database (for tests and the benchmark).
   */
  async whenIdle(): Promise<void> {
    for (;;) {
      await Promise.allSettled([...this.#writing])
      if (this.#running) {
        await this.#running
        continue
      }
      const { pendingCount, buildingCount } = await this.#store.snapshot()
      if (pendingCount === 0 && buildingCount === 0 && !this.#running && !this.#writing.size) return
      // Work is waiting and nothing here will look at it soon (a queue that was not started).
      if (!this.#timer && !this.#poller) this.#schedule(0)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  #schedule(ms: number) {
    if (this.#stopped) return
    clearTimeout(this.#timer)
    // Often asked for from a hook, inside a save: the build must not join that save's transaction.
    this.#timer = detachedFromWrites(() =>
      setTimeout(() => {
        this.#timer = undefined
        void this.#tick()
      }, ms),
    )
  }

  /** One look at the queue: build if something waits, its debounce has passed and the lease is free. */
  #tick(): Promise<void> {
    if (this.#running || this.#ticking || this.#stopped) return this.#ticking ?? Promise.resolve()
    this.#ticking = this.#look()
      .catch((error: Error) => this.#payload.logger.error(`Hàng đợi xây dựng cổng thông tin gặp lỗi: ${error.message}`))
      .finally(() => (this.#ticking = undefined))
    return this.#ticking
  }

  async #look() {
    const { pending, pendingCount, buildingCount } = await this.#store.snapshot()
    if (pendingCount === 0 && buildingCount === 0) return
    const newest = pending[0] ? Date.parse(pending[0].requestedAt) : 0
    const wait = newest + this.#debounceMs - Date.now()
    if (pendingCount > 0 && wait > 0) {
      this.#schedule(wait)
      return
    }
    // Held by another process: its build takes these requests, or its lease runs out.
    if (!(await this.#store.takeLease(this.holder, this.#leaseMs))) {
      if (!this.#poller) this.#schedule(this.#pollMs)
      return
    }
    this.#running = this.#build().finally(() => {
      this.#running = undefined
      // Whatever came in during the build makes the next one (after its debounce).
      this.#schedule(0)
    })
  }

  async #build() {
    const startedAt = new Date()
    const build = `${this.holder}@${startedAt.toISOString()}`
    // Renewed while the build runs: a holder that dies stops renewing, and its lease expires.
    const renew = setInterval(() => {
      void this.#store
        .renewLease(this.holder, this.#leaseMs)
        .then((held) => held || this.#payload.logger.error('Quyền xây dựng cổng thông tin đã hết hạn khi đang xây dựng; tiến trình khác có thể đã nhận.'))
        .catch((error: Error) => this.#payload.logger.error(`Không gia hạn được quyền xây dựng: ${error.message}`))
    }, Math.max(50, Math.floor(this.#leaseMs / 3)))
    renew.unref()
    try {
      const reasons = unique(await this.#store.claim(build))
      if (reasons.length === 0) return
      await this.#record({ state: 'running', currentStartedAt: startedAt.toISOString(), currentReasons: reasons.join('\n'), queuedReasons: '' })
      const outcome = await Promise.resolve()
        .then(() => this.#run({ id: build, reasons }))
        .catch((error: Error): BuildOutcome => ({ ok: false, error: error.message, log: '' }))
      const finished = new Date()
      const seconds = Math.round((finished.getTime() - startedAt.getTime()) / 100) / 10
      await this.#store.finish(build, outcome.ok ? 'done' : 'failed', KEEP_FINISHED_MS)
      const { pending, pendingCount } = await this.#store.snapshot()
      const after = { state: pendingCount ? 'queued' : 'idle', queuedReasons: unique(pending.map((r) => r.reason)).join('\n') } as const
      if (outcome.ok) {
        const s = outcome.summary as { release?: string; pages?: number; renderedPages?: number }
        await this.#record({
          ...after,
          lastOutcome: 'success',
          lastSuccessAt: finished.toISOString(),
          lastSuccessSeconds: seconds,
          lastSuccessReasons: reasons.join('\n'),
          lastRelease: s.release ?? null,
          lastPages: s.pages ?? null,
          lastRenderedPages: s.renderedPages ?? null,
        })
        this.#payload.logger.info(`Cổng thông tin đã xây dựng lại (${seconds} giây): ${reasons.join('; ')}`)
      } else {
        await this.#record({
          ...after,
          lastOutcome: 'failure',
          lastFailureAt: finished.toISOString(),
          lastError: outcome.error,
          lastLog: outcome.log,
          lastFailureReasons: reasons.join('\n'),
        })
        this.#payload.logger.error(`Xây dựng lại cổng thông tin thất bại, bản đang chạy được giữ nguyên: ${outcome.error}`)
      }
    } finally {
      clearInterval(renew)
      await this.#store.releaseLease(this.holder).catch((error: Error) => this.#payload.logger.error(`Không trả được quyền xây dựng: ${error.message}`))
    }
  }

  /** The waiting changes as staff see them; `justAsked` may not be committed yet. */
  #recordQueue(justAsked: string) {
    return this.#store
      .snapshot()
      .then(({ pending, buildingCount }) =>
        this.#record({
          state: buildingCount ? 'running' : 'queued',
          queuedReasons: unique([justAsked, ...pending.map((r) => r.reason)]).join('\n'),
        }),
      )
      .catch((error: Error) => this.#payload.logger.error(`Không ghi được trạng thái xây dựng: ${error.message}`))
  }

  // Status writes are serialised so they land in order. On SQLite, one asked for from inside
  // a save waits in the write queue (cms/lib/sqliteWriteQueue.ts) until that save commits.
  #writes: Promise<unknown> = Promise.resolve()
  #record(data: Partial<PortalBuild>) {
    const write = () => this.#payload.updateGlobal({ slug: PORTAL_BUILD_SLUG, data: data as never, overrideAccess: true })
    this.#writes = this.#writes.then(write).catch((error: Error) => this.#payload.logger.error(`Không ghi được trạng thái xây dựng: ${error.message}`))
    return this.#writes
  }
}

const unique = (reasons: string[]) => [...new Set(reasons)]

// One queue per process, shared by every module instance that imports this file.
const globalQueues = globalThis as typeof globalThis & { __portalBuildQueue?: BuildQueue }

export function portalBuildQueue(payload: Payload): BuildQueue {
  globalQueues.__portalBuildQueue ??= new BuildQueue(payload)
  return globalQueues.__portalBuildQueue
}

/** Replace the process's queue (tests and the benchmark configure their own). */
export function setPortalBuildQueue(queue: BuildQueue | undefined) {
  globalQueues.__portalBuildQueue = queue
}
