/**
 * A rebuild-queue runner that keeps one build process alive between publishes
 * (site/scripts/release-worker.ts) instead of starting `node site/scripts/release.ts` each time:
 * a partial publish then starts with Node, Payload and the build modules loaded. Same outcome
 * and log excerpt as releaseScriptRunner; a worker that dies mid-build is a failed build (the
 * live site stays), and the next build starts a fresh one. A retired worker (after a full
 * build, a failure, or its share of publishes) is replaced at once, so the next publish finds
 * a warm one.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'

import type { BuildOutcome, BuildRunner } from './buildQueue'

const LOG_EXCERPT_LINES = 40

type Done = { type: 'done'; ok: boolean; summary?: Record<string, unknown>; error?: string; retire?: boolean }

export type WorkerRunner = BuildRunner & { close: () => void }

export function releaseWorkerRunner(root = process.env.PORTAL_ROOT ?? process.cwd(), env: NodeJS.ProcessEnv = process.env): WorkerRunner {
  let worker: { child: ChildProcess; ready: Promise<boolean>; lines: string[] } | undefined
  let closed = false

  const start = () => {
    // spawn with an IPC channel rather than fork(): Next's bundler (Turbopack) takes fork()'s
    // path for a module to bundle and fails the admin's build on it.
    const child = spawn(process.execPath, [path.join(root, 'site', 'scripts', 'release-worker.ts')], {
      cwd: root,
      env: { ...env, PAYLOAD_JOBS_AUTORUN: 'false', PORTAL_AUTO_REBUILD: '0' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    const current = {
      child,
      lines: [] as string[],
      ready: new Promise<boolean>((resolve) => {
        child.once('message', (message: { type?: string }) => resolve(message?.type === 'ready'))
        child.once('exit', () => resolve(false))
      }),
    }
    const collect = (chunk: Buffer) => {
      current.lines.push(...stripVTControlCharacters(chunk.toString()).split('\n').filter(Boolean))
      if (current.lines.length > 2000) current.lines.splice(0, current.lines.length - 2000)
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    child.on('exit', () => {
      if (worker === current) worker = undefined
    })
    // Not keeping the CMS (or a benchmark) alive on its own.
    child.unref()
    ;(child as unknown as { channel?: { unref(): void } }).channel?.unref()
    worker = current
    return current
  }

  const run: BuildRunner = async () => {
    const current = worker ?? start()
    if (!(await current.ready)) {
      worker = undefined
      return { ok: false, error: 'Tiến trình xây dựng không khởi động được.', log: current.lines.slice(-LOG_EXCERPT_LINES).join('\n') }
    }
    current.lines.length = 0
    const outcome = await new Promise<BuildOutcome & { retire?: boolean }>((resolve) => {
      const onMessage = (message: Done) => {
        if (message?.type !== 'done') return
        current.child.off('exit', onExit)
        current.child.off('message', onMessage)
        const log = current.lines.slice(-LOG_EXCERPT_LINES).join('\n')
        resolve(message.ok ? { ok: true, summary: message.summary ?? {}, log, retire: message.retire } : { ok: false, error: message.error ?? 'Lỗi không rõ.', log, retire: true })
      }
      const onExit = (code: number | null) => {
        current.child.off('message', onMessage)
        resolve({ ok: false, error: `Tiến trình xây dựng dừng với mã ${code}.`, log: current.lines.slice(-LOG_EXCERPT_LINES).join('\n'), retire: true })
      }
      current.child.on('message', onMessage)
      current.child.once('exit', onExit)
      current.child.send({ type: 'build' })
    })
    if (outcome.retire) {
      if (worker === current) worker = undefined
      // The next publish finds a warm worker.
      if (!closed) start()
    }
    const { retire: _, ...result } = outcome
    return result
  }
  return Object.assign(run, {
    close: () => {
      closed = true
      worker?.child.kill()
      worker = undefined
    },
  })
}
