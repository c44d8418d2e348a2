/**
 * One CMS process for tests/build-queue.test.ts, run as a child process: Payload on
 * DATABASE_URL (the same database as the other workers), the real rebuild hooks and the real
 * persisted queue, started as the server starts it — only the build itself is a fast stand-in
 * that appends what it did to BUILD_RECORD_FILE (one JSON line per start and end: this pid,
 * the build, the changes it took and the published news titles it could see at its start).
 *
 * Commands on stdin, one JSON object a line; answers on stdout, one JSON object a line:
 * - {"cmd":"publish","title":"…"} publishes a news item through the Local API (its hooks store
 *   the rebuild request in the save's transaction) → {"cmd":"publish","ok":true,"title":"…"};
 * - {"cmd":"status"} → {"cmd":"status","ok":true,"counts":{"pending":n,"building":n,…}};
 * - {"cmd":"drop"} drops a MongoDB database (after the test).
 * Prints {"ready":true} once the queue has started. BUILD_WORKER_MIGRATE=1 migrates first.
 */
import fs from 'node:fs'
import readline from 'node:readline'

import { getPayload } from 'payload'

import config from '../../cms/payload.config'
import { BuildQueue, setPortalBuildQueue } from '../../cms/publishing/buildQueue'

const recordFile = process.env.BUILD_RECORD_FILE!
const buildMs = Number(process.env.FAKE_BUILD_MS ?? 500)

const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(message)}\n`)
// One short line per write, appended: lines of several processes never interleave.
const record = (entry: Record<string, unknown>) => fs.appendFileSync(recordFile, `${JSON.stringify({ pid: process.pid, ...entry })}\n`)

const payload = await getPayload({ config, cron: false })
payload.logger.level = 'warn'
if (process.env.BUILD_WORKER_MIGRATE === '1') await payload.db.migrate()

const queue = new BuildQueue(payload, {
  run: async ({ id, reasons }) => {
    record({ phase: 'start', build: id, at: Date.now(), reasons })
    // What a real build would publish: the published content at its start.
    const { docs } = await payload.find({ collection: 'news', where: { _status: { equals: 'published' } }, pagination: false, depth: 0, overrideAccess: true })
    record({ phase: 'seen', build: id, titles: docs.map((d) => d.title) })
    await new Promise((resolve) => setTimeout(resolve, buildMs))
    record({ phase: 'end', build: id, at: Date.now() })
    return { ok: true, summary: { release: id, pages: docs.length, renderedPages: docs.length }, log: '' }
  },
})
setPortalBuildQueue(queue)
// As `npm start` runs the CMS (the config's onInit would start the same, with the real build).
process.env.PORTAL_AUTO_REBUILD = '1'
queue.start()
say({ ready: true, pid: process.pid, holder: queue.holder })

for await (const line of readline.createInterface({ input: process.stdin })) {
  const command = JSON.parse(line) as { cmd: string; title?: string }
  try {
    if (command.cmd === 'publish') {
      await payload.create({ collection: 'news', data: { title: command.title!, summary: 'Tin thử hàng đợi.', _status: 'published' }, overrideAccess: true })
      say({ cmd: 'publish', ok: true, title: command.title })
    } else if (command.cmd === 'status') {
      const counts: Record<string, number> = {}
      for (const state of ['pending', 'building', 'done', 'failed'] as const) {
        counts[state] = (await payload.count({ collection: 'portal-build-requests', where: { state: { equals: state } }, overrideAccess: true })).totalDocs
      }
      say({ cmd: 'status', ok: true, counts })
    } else if (command.cmd === 'lease') {
      // The lease as stored: who holds it and until when.
      const { docs } = await payload.find({ collection: 'portal-build-leases' as never, limit: 1, depth: 0, overrideAccess: true })
      const lease = docs[0] as { holder?: string; expiresAt?: string } | undefined
      say({ cmd: 'lease', ok: true, lease: lease ? { holder: lease.holder, expiresAt: lease.expiresAt } : null })
    } else if (command.cmd === 'drop') {
      // A MongoDB test database is dropped afterwards (the SQLite file goes with its folder).
      if (payload.db.name === 'mongoose') await (payload.db as unknown as { connection: { dropDatabase: () => Promise<unknown> } }).connection.dropDatabase()
      say({ cmd: 'drop', ok: true })
    }
  } catch (error) {
    say({ cmd: command.cmd, ok: false, title: command.title, error: (error as Error).message })
  }
}
await queue.stop()
await payload.destroy()
process.exit(0)
