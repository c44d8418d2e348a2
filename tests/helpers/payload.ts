/**
 * A real Payload on a fresh temporary SQLite file, with the committed migrations applied —
 * the same path `npm start` takes. No mocks.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

export type TestCms = { payload: Payload; dbFile: string; cleanup: () => Promise<void> }

/** `cron: true` runs Payload's jobs queue in this process, as the server does (scheduled publishing). */
export async function startTestCms({ cron = false }: { cron?: boolean } = {}): Promise<TestCms> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'))
  const dbFile = path.join(dir, 'test.db')
  process.env.DATABASE_URL = `file:${dbFile}`
  process.env.PAYLOAD_SECRET ??= 'test-secret-not-used-outside-tests'
  process.env.MEDIA_DIR = path.join(dir, 'media')
  const { default: config } = await import('../../cms/payload.config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config, cron })
  await payload.db.migrate()
  return {
    payload,
    dbFile,
    cleanup: async () => {
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

type Role = 'admin' | 'editor' | 'author' | 'data-reporter'

/** A signed-in user of each role, as Payload's access functions see it. */
export async function makeUser(payload: Payload, role: Role, organization?: number | string) {
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.test`
  const password = `pw-${Math.random()}`
  const user = await payload.create({
    collection: 'users',
    data: { email, password, name: `Người dùng ${role}`, role, organization } as never,
    overrideAccess: true,
  })
  // The first account always becomes admin; set the wanted role explicitly afterwards.
  const updated = await payload.update({ collection: 'users', id: user.id, data: { role } as never, overrideAccess: true })
  return { ...updated, password, collection: 'users' as const }
}
