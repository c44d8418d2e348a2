/**
 * The portal rebuild queue, living in the CMS server process. Changes ask for a rebuild;
 * requests are debounced, one build runs at a time, and everything asked for while a build
 * runs is coalesced into one next build. Each build is `site/scripts/release.ts` in a child
 * process, which swaps the new release in only when it is complete; a failure leaves the
 * live site as it was. Progress and failures are recorded in the `portal-build` global,
 * which staff see in the admin.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'

import type { Payload } from 'payload'

import type { PortalBuild } from '../payload-types'

export const PORTAL_BUILD_SLUG = 'portal-build'

/** Automatic rebuilds are on only where a portal is served (`npm start` sets this). */
export const autoRebuildEnabled = () => process.env.PORTAL_AUTO_REBUILD === '1'

export type BuildOutcome = { ok: true; summary: Record<string, unknown>; log: string } | { ok: false; error: string; log: string }

export type BuildRunner = () => Promise<BuildOutcome>

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

export type BuildQueueOptions = { debounceMs?: number; run?: BuildRunner }

export class BuildQueue {
  readonly #payload: Payload
  readonly #debounceMs: number
  readonly #run: BuildRunner
  #timer: NodeJS.Timeout | undefined
  #running: Promise<void> | undefined
  #pending: string[] = []
  #idle: Array<() => void> = []

  constructor(payload: Payload, options: BuildQueueOptions = {}) {
    this.#payload = payload
    this.#debounceMs = options.debounceMs ?? Number(process.env.PORTAL_REBUILD_DEBOUNCE_MS ?? 1000)
    this.#run = options.run ?? releaseScriptRunner()
  }

  /** Ask for a rebuild; `reason` is shown to staff ("Tin tức: … (xuất bản)"). */
  request(reason: string) {
    if (!this.#pending.includes(reason)) this.#pending.push(reason)
    void this.#record({ state: this.#running ? 'running' : 'queued', queuedReasons: this.#pending.join('\n') })
    if (this.#running) return // coalesced: the running build's end starts the next one
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.#startNext(), this.#debounceMs)
  }

  get busy() {
    return Boolean(this.#running || this.#timer || this.#pending.length)
  }

  /** Resolves once nothing is queued or running (for tests and the benchmark). */
  whenIdle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.#idle.push(resolve)) : Promise.resolve()
  }

  #startNext() {
    this.#timer = undefined
    if (this.#running || this.#pending.length === 0) return
    const reasons = this.#pending
    this.#pending = []
    this.#running = this.#build(reasons).finally(() => {
      this.#running = undefined
      if (this.#pending.length) this.#timer = setTimeout(() => this.#startNext(), this.#debounceMs)
      else this.#idle.splice(0).forEach((resolve) => resolve())
    })
  }

  async #build(reasons: string[]) {
    const startedAt = new Date()
    await this.#record({ state: 'running', currentStartedAt: startedAt.toISOString(), currentReasons: reasons.join('\n'), queuedReasons: '' })
    const outcome = await this.#run().catch((error: Error): BuildOutcome => ({ ok: false, error: error.message, log: '' }))
    const finished = new Date()
    const seconds = Math.round((finished.getTime() - startedAt.getTime()) / 100) / 10
    const after = { state: this.#pending.length ? 'queued' : 'idle', queuedReasons: this.#pending.join('\n') } as const
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
