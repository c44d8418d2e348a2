/**
 * A long-lived build process for the rebuild queue (cms/publishing/releaseWorker.ts): the same
 * `buildRelease()` as `node site/scripts/release.ts`, but Node, Payload (opened here from the
 * live release's own kept bundle, before the first publish) and the build modules stay loaded
 * between publishes, so a partial publish does not pay for starting them (seconds on a loaded
 * machine). It retires — the queue starts a fresh one — after a full build (the code may have
 * changed), a failure, or PORTAL_WORKER_BUILDS publishes (each partial publish loads its
 * release's bundle anew). Messages: parent → `{ type: 'build' }`; worker → `{ type: 'ready' }`,
 * `{ type: 'done', ok, summary | error, retire }`. Logs go to stdout/stderr as release.ts's do.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { PARTIAL_DIR } from '../integrations/keep-prerender.ts'
import { removeInBackground } from './background-remove.ts'
import { preloadStore } from './content-store.ts'
import { prepareNext } from './partial-release.ts'
import { buildRelease, defaultPaths } from './release.ts'

const MAX_BUILDS = Number(process.env.PORTAL_WORKER_BUILDS ?? 20)
let builds = 0

const send = (message: Record<string, unknown>) => new Promise<void>((resolve) => process.send!(message, () => resolve()))

/** Payload opened as a partial publish will open it (Payload keeps one instance per process). */
async function warmUp() {
  try {
    const chunks = path.join(fs.realpathSync(defaultPaths.current), PARTIAL_DIR, 'prerender', 'chunks')
    const config = fs.readdirSync(chunks).find((file) => file.startsWith('payload.config'))
    if (!config) return
    process.env.PAYLOAD_JOBS_AUTORUN = 'false'
    const { default: loaded } = (await import(pathToFileURL(path.join(chunks, config)).href)) as { default: unknown }
    const { getPayload } = await import('payload')
    await getPayload({ config: loaded as never, cron: false })
    // And the live content, which the first partial publish compares with Payload's.
    await preloadStore(fs.realpathSync(defaultPaths.current))
  } catch {
    // No live release or no kept bundle yet: the first build opens what it needs.
  }
}


process.on('disconnect', () => process.exit(0))
process.on('message', async (message: { type?: string }) => {
  if (message?.type !== 'build') return
  builds++
  try {
    const { renderedPaths: _, prune, ...summary } = await buildRelease({ deferPrune: true })
    console.log(`PORTAL_RELEASE ${JSON.stringify(summary)}`)
    const retire = summary.mode !== 'partial' || builds >= MAX_BUILDS
    await send({ type: 'done', ok: true, summary, retire })
    // The next publish's copy, made now: a publish arriving meanwhile waits for it (partial-release.ts).
    const copied = retire ? Promise.resolve() : prepareNext(defaultPaths.releasesDir, summary.dir).catch(() => undefined)
    // Old releases are renamed out of the way at once and deleted in the background
    // (background-remove.ts) once that copy is made: both are work for the file system.
    prune?.((dirs) => void removeInBackground(defaultPaths.releasesDir, dirs, copied))
    if (retire) process.exit(0)
  } catch (error) {
    console.error(`✖ ${(error as Error).message}`)
    await send({ type: 'done', ok: false, error: (error as Error).message, retire: true })
    process.exit(1)
  }
})
await warmUp()
if (fs.existsSync(defaultPaths.current)) void prepareNext(defaultPaths.releasesDir, fs.realpathSync(defaultPaths.current)).catch(() => undefined)
await send({ type: 'ready' })
