/**
 * The embedded SQLite database under concurrent saves, on a real Payload and a real file:
 * saves made at the same moment (two editors, autosave, the jobs queue, build status) all
 * land, one after another, instead of failing with SQLITE_BUSY; a failed save frees the way;
 * reads never wait for a writer; a write the lock holder makes outside its own transaction
 * (Payload's forgot-password does) does not wait for itself.
 */
import { AsyncResource } from 'node:async_hooks'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { WriteLock, WriteQueueTimeoutError } from '../cms/lib/sqliteWriteQueue'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
let payload: Payload

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
}, 120_000)

afterAll(async () => cms?.cleanup())

const countTopics = async (prefix: string) =>
  (await payload.count({ collection: 'topics', where: { name: { like: prefix } }, overrideAccess: true })).totalDocs

describe('saves at the same time', () => {
  test('twenty creates and updates started together all succeed', async () => {
    const first = await payload.create({ collection: 'topics', data: { name: 'ZQXCONC gốc' }, overrideAccess: true })
    const results = await Promise.allSettled([
      ...Array.from({ length: 16 }, (_, i) => payload.create({ collection: 'topics', data: { name: `ZQXCONC chủ đề ${i}` }, overrideAccess: true })),
      ...Array.from({ length: 4 }, (_, i) =>
        payload.update({ collection: 'topics', id: first.id, data: { name: `ZQXCONC gốc, sửa lần ${i}` }, overrideAccess: true }),
      ),
    ])
    const failures = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))
    expect(failures).toEqual([])
    expect(await countTopics('ZQXCONC')).toBe(17)
  }, 60_000)

  test('a save waits while another transaction is open, then lands', async () => {
    const holder = await payload.db.beginTransaction()
    expect(holder).toBeTruthy()
    await payload.db.create({ collection: 'topics', data: { name: 'ZQXHELD', slug: 'zqxheld' }, req: { transactionID: holder! } as never })
    let landed = false
    const waiting = payload.create({ collection: 'topics', data: { name: 'ZQXWAITED' }, overrideAccess: true }).then(() => (landed = true))
    await new Promise((r) => setTimeout(r, 300))
    expect(landed).toBe(false)
    // Reads are not queued behind the open transaction.
    expect(await countTopics('ZQXCONC')).toBe(17)
    await payload.db.commitTransaction(holder!)
    await waiting
    expect(await countTopics('ZQXHELD')).toBe(1)
    expect(await countTopics('ZQXWAITED')).toBe(1)
  })

  test('a save the CMS rejects frees the way for the next ones and leaves nothing behind', async () => {
    const results = await Promise.allSettled([
      payload.create({ collection: 'topics', data: { name: 'ZQXAFTER 1' }, overrideAccess: true }),
      payload.create({ collection: 'topics', data: {} as never, overrideAccess: true }),
      payload.create({ collection: 'topics', data: { name: 'ZQXAFTER 2' }, overrideAccess: true }),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await countTopics('ZQXAFTER')).toBe(2)
    expect((await payload.count({ collection: 'topics', where: { name: { exists: false } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A save by someone else, started now but let through only when `go` is called. */
function otherSaveAfter(gate: Promise<void>, name: string) {
  const state = { landed: false, done: Promise.resolve() }
  // Its context is taken here, before the test opens its transaction: it is another writer.
  state.done = (async () => {
    await gate
    await payload.create({ collection: 'topics', data: { name }, overrideAccess: true })
    state.landed = true
  })()
  return state
}

describe('a write made outside its transaction by the operation that holds the lock', () => {
  // Payload's forgot-password: begins a transaction, then reserves its rate limit with
  // `db.updateOne` without `req.transactionID`. Before the fix that write waited 60 s for the
  // transaction of its own operation, and every other save waited behind both.
  test('runs on that transaction instead of waiting for itself, while other writers still wait', async () => {
    let go!: () => void
    const other = otherSaveAfter(new Promise<void>((resolve) => (go = resolve)), 'ZQXOTHER')
    const reader = new AsyncResource('another-request')
    const holder = await payload.db.beginTransaction()
    try {
      const own = await payload.db.create({ collection: 'topics', data: { name: 'ZQXOWN', slug: 'zqxown' }, req: { transactionID: holder! } as never })
      go()
      await sleep(50)
      const updated = await payload.db.updateOne({
        collection: 'topics',
        where: { id: { equals: own.id } },
        data: { name: 'ZQXOWN, đã sửa' },
        options: { atomic: true },
        req: {} as never,
      })
      expect((updated as { name?: string } | null)?.name).toBe('ZQXOWN, đã sửa')
      // Part of the open transaction: seen from here, not yet from another request; the other writer still waits.
      expect(await countTopics('ZQXOWN, đã sửa')).toBe(1)
      expect(await reader.runInAsyncScope(() => countTopics('ZQXOWN'))).toBe(0)
      await sleep(300)
      expect(other.landed).toBe(false)
    } finally {
      await payload.db.commitTransaction(holder!)
    }
    await other.done
    expect(await countTopics('ZQXOWN, đã sửa')).toBe(1)
    expect(await countTopics('ZQXOTHER')).toBe(1)
  }, 20_000)

  test('is rolled back with it; once it has ended, the next write goes through the queue again', async () => {
    const holder = await payload.db.beginTransaction()
    try {
      // An insert and the read of the row it made: both on the open transaction.
      const created = await payload.db.create({ collection: 'topics', data: { name: 'ZQXROLLED', slug: 'zqxrolled' }, req: {} as never })
      expect(created.name).toBe('ZQXROLLED')
    } finally {
      await payload.db.rollbackTransaction(holder!)
    }
    expect(await countTopics('ZQXROLLED')).toBe(0)
    await payload.db.create({ collection: 'topics', data: { name: 'ZQXAFTERROLLBACK', slug: 'zqxafterrollback' }, req: {} as never })
    expect(await countTopics('ZQXAFTERROLLBACK')).toBe(1)
  }, 20_000)

  test('a separate save started from inside it (a status write asked for by a hook) still waits for it, then lands', async () => {
    const holder = await payload.db.beginTransaction()
    let landed = false
    const nested = payload.updateGlobal({ slug: 'portal-build', data: { queuedReasons: 'ZQXNESTED' } as never, overrideAccess: true }).then(() => (landed = true))
    try {
      await sleep(300)
      expect(landed).toBe(false)
    } finally {
      await payload.db.commitTransaction(holder!)
    }
    await nested
    expect(((await payload.findGlobal({ slug: 'portal-build', overrideAccess: true })) as { queuedReasons?: string }).queuedReasons).toBe('ZQXNESTED')
  }, 20_000)
})

describe('the write lock', () => {
  test('writers go in the order they asked', async () => {
    const lock = new WriteLock()
    const order: number[] = []
    await Promise.all(
      [0, 1, 2, 3].map(async (n) => {
        const release = await lock.acquire()
        await new Promise((r) => setTimeout(r, 10 * (4 - n)))
        order.push(n)
        release()
      }),
    )
    expect(order).toEqual([0, 1, 2, 3])
    expect(lock.queued).toBe(0)
  })

  test('a writer stuck too long makes the next one fail with a clear Vietnamese message, and the one after still runs', async () => {
    const lock = new WriteLock(200)
    const stuck = await lock.acquire()
    const second = lock.acquire()
    await expect(second).rejects.toBeInstanceOf(WriteQueueTimeoutError)
    await expect(second).rejects.toThrow(/Cơ sở dữ liệu đang bận .* không có gì bị thay đổi, hãy thử lại/)
    const third = lock.acquire()
    stuck()
    const release = await third
    release()
    expect(lock.queued).toBe(0)
  })
})
