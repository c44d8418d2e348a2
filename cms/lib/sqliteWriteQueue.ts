/**
 * One writer at a time for the embedded SQLite database, queued in this process.
 *
 * SQLite has a single writer. @libsql/client runs statements synchronously and gives each
 * transaction its own connection, opened without the busy timeout set at connect
 * (tursodatabase/libsql-client-ts#288). So two saves at once in the CMS — two editors, the
 * admin's autosave, the jobs queue, the build-status update — made all but one fail with
 * SQLITE_BUSY, and a busy timeout would not help: its wait blocks the event loop that the
 * first transaction needs in order to commit. Writes therefore wait their turn here,
 * asynchronously, before they reach SQLite. Reads are not queued (WAL: readers never wait).
 *
 * A write issued without a transaction by the operation that holds the lock — Payload's
 * forgot-password reserves its rate limit with `db.updateOne` outside the transaction it has
 * just opened — would wait for itself until the timeout. So each transaction Payload begins
 * marks the async context that began it (`beginTransactionInWriteScope`), and a statement from
 * that context while its transaction is open runs on that transaction's connection: still
 * one writer, no wait for itself, and its reads see its own writes (see `heldTransaction`).
 *
 * Writers in other processes (a second CMS process, a seed run, a benchmark) meet SQLite's own
 * lock. A write refused with SQLITE_BUSY because another process holds it — at once, on the
 * connections opened without the busy timeout — is tried again after a short asynchronous
 * pause (`whileBusy`) on a fresh connection, never by blocking the event loop, until the
 * same 60 s limit. Only
 * statements that change nothing when refused are retried: BEGIN, a single statement, a batch
 * or a migration (both roll back as a whole).
 */
import { AsyncLocalStorage } from 'node:async_hooks'

import type { Client, InStatement, Transaction, TransactionMode } from '@libsql/client'

/** How long a write waits for the one before it; past this it fails with a clear message. */
export const WRITE_WAIT_MS = 60_000

export class WriteQueueTimeoutError extends Error {
  constructor(waitedMs: number) {
    super(
      `Cơ sở dữ liệu đang bận ghi dữ liệu khác quá ${Math.round(waitedMs / 1000)} giây nên thao tác này chưa được lưu; ` +
        'không có gì bị thay đổi, hãy thử lại sau ít phút.',
    )
    this.name = 'WriteQueueTimeoutError'
  }
}

const isBusy = (error: unknown) => /^SQLITE_BUSY/.test(String((error as { code?: unknown })?.code ?? ''))

/**
 * Runs `attempt` again while another process holds SQLite's write lock, pausing a little longer
 * each time (with jitter, so that two waiting processes do not retry in step).
 */
export async function whileBusy<T>(attempt: () => Promise<T>, onBusy?: () => Promise<void>, maxWaitMs = WRITE_WAIT_MS): Promise<T> {
  const started = Date.now()
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      return await attempt()
    } catch (error) {
      if (!isBusy(error)) throw error
      await onBusy?.()
      if (Date.now() - started > maxWaitMs) throw new WriteQueueTimeoutError(Date.now() - started)
      await new Promise((resolve) => setTimeout(resolve, pause / 2 + Math.random() * pause))
    }
  }
}

/** A FIFO lock: `acquire()` resolves with the function that releases it. */
export class WriteLock {
  #tail: Promise<void> = Promise.resolve()
  #queued = 0

  constructor(private readonly maxWaitMs = WRITE_WAIT_MS) {}

  /** Writers holding or waiting for the lock. */
  get queued() {
    return this.#queued
  }

  acquire(): Promise<() => void> {
    let release!: () => void
    const turn = new Promise<void>((resolve) => (release = resolve))
    const previous = this.#tail
    this.#tail = previous.then(() => turn)
    this.#queued++
    let released = false
    const releaseOnce = () => {
      if (released) return
      released = true
      this.#queued--
      release()
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // Give up our place: whoever follows must not wait for a writer that never ran.
        releaseOnce()
        reject(new WriteQueueTimeoutError(this.maxWaitMs))
      }, this.maxWaitMs)
      timer.unref?.()
      void previous.then(() => {
        clearTimeout(timer)
        if (released) return
        resolve(releaseOnce)
      })
    })
  }
}

/**
 * The write transaction an async context has begun. `claimed` once the queue has opened it, so
 * that a transaction opened later by a descendant (a nested save, a status write started from
 * a hook) is never taken for it.
 */
type WriteScope = { claimed: boolean; transaction?: Transaction }

const writeScopes = new AsyncLocalStorage<WriteScope>()

/**
 * Calls `begin` (the adapter's `beginTransaction`) as the owner of the transaction it opens.
 *
 * `enterWith`, not `run`: the scope has to reach the caller's continuation — the operation that
 * awaits `initTransaction` and then writes — not only `begin`'s own callbacks. It must therefore
 * be called synchronously from `beginTransaction`, as `cms/database.ts` wires it. Other work started
 * in the same synchronous turn after it would share the scope; Payload starts no such work
 * (every Local API and REST call awaits before its operation begins a transaction).
 */
export function beginTransactionInWriteScope<T>(begin: () => Promise<T>): Promise<T> {
  writeScopes.enterWith({ claimed: false })
  return begin()
}

/**
 * Runs `fn` outside any save's write scope: timers it sets (the rebuild queue's) must not
 * run their own writes inside the save that happened to schedule them.
 */
export function detachedFromWrites<T>(fn: () => T): T {
  return writeScopes.exit(fn)
}

/**
 * The open transaction the current async context holds the lock for, if any: a statement from
 * here without a transaction runs on it (it is committed or rolled back with it). Writes from
 * anywhere else — another request, or a nested transaction that is its own save — still wait
 * their turn.
 */
function heldTransaction(): Transaction | undefined {
  const transaction = writeScopes.getStore()?.transaction
  return transaction && !transaction.closed ? transaction : undefined
}

/**
 * Statements outside a transaction that change data. Reads must never be queued: a read made
 * while the same operation holds the lock (Payload without `req`) would wait for itself.
 */
const isWrite = (statement: InStatement) =>
  !/^\s*(select|with|pragma|explain)\b/i.test(typeof statement === 'string' ? statement : statement.sql)

/** Routes every write of `client` through `lock`. Idempotent. */
export function queueWrites(client: Client, lock = new WriteLock()): Client {
  const marked = client as Client & { __writeQueue?: WriteLock }
  if (marked.__writeQueue) return client
  marked.__writeQueue = lock

  const transaction = client.transaction.bind(client)
  // After SQLITE_BUSY, the next attempt gets a new connection: a connection whose view of the
  // file is older than another process's last write can never take the write lock (BEGIN
  // IMMEDIATE kept failing in the two-process test). Handing the current connection to a
  // transaction and closing it makes the client open a fresh one (@libsql/client opens a new
  // connection after every transaction()).
  const freshConnection = async () => {
    try {
      ;(await transaction('deferred')).close()
    } catch {
      // Nothing to recycle; the next attempt says what is wrong.
    }
  }
  client.transaction = async (mode?: TransactionMode) => {
    if (mode === 'read') return transaction(mode)
    // Taken now, before waiting: only the transaction its context asked for first is its own.
    const scope = writeScopes.getStore()
    const owner = scope && !scope.claimed ? scope : undefined
    if (owner) owner.claimed = true
    const release = await lock.acquire()
    let tx: Transaction
    try {
      // BEGIN IMMEDIATE: refused as a whole while another process writes.
      tx = await whileBusy(() => transaction(mode), freshConnection)
    } catch (error) {
      release()
      throw error
    }
    if (owner) owner.transaction = tx
    const end = () => {
      if (owner?.transaction === tx) owner.transaction = undefined
      release()
    }
    // The transaction ends with commit, rollback or close; any of them frees the next writer.
    for (const finish of ['commit', 'rollback'] as const) {
      const original = tx[finish].bind(tx)
      tx[finish] = async () => {
        try {
          return await original()
        } finally {
          if (tx.closed) end()
        }
      }
    }
    const close = tx.close.bind(tx)
    tx.close = () => {
      try {
        close()
      } finally {
        end()
      }
    }
    return tx
  }

  const execute = client.execute.bind(client) as (statement: InStatement) => ReturnType<Client['execute']>
  client.execute = (async (statementOrSql: InStatement, args?: unknown) => {
    const statement = typeof statementOrSql === 'string' && args !== undefined ? ({ sql: statementOrSql, args } as InStatement) : statementOrSql
    const held = heldTransaction()
    if (held) return held.execute(statement)
    if (!isWrite(statement)) return execute(statement)
    const release = await lock.acquire()
    try {
      return await whileBusy(() => execute(statement), freshConnection)
    } finally {
      release()
    }
  }) as Client['execute']

  const batch = client.batch.bind(client)
  client.batch = (async (statements: InStatement[], mode?: TransactionMode) => {
    const held = heldTransaction()
    if (!held) {
      const release = await lock.acquire()
      try {
        return await whileBusy(() => batch(statements, mode), freshConnection)
      } finally {
        release()
      }
    }
    // All or nothing, as a batch is on its own, inside the transaction it joins.
    await held.execute('SAVEPOINT queued_batch')
    try {
      const results = await held.batch(statements)
      await held.execute('RELEASE queued_batch')
      return results
    } catch (error) {
      if (!held.closed) await held.executeMultiple('ROLLBACK TO queued_batch; RELEASE queued_batch')
      throw error
    }
  }) as Client['batch']

  const executeMultiple = client.executeMultiple.bind(client)
  client.executeMultiple = async (sql: string) => {
    const held = heldTransaction()
    if (held) return held.executeMultiple(sql)
    const release = await lock.acquire()
    try {
      return await executeMultiple(sql)
    } finally {
      release()
    }
  }

  // Migrations switch foreign keys off around their own transaction: never inside another one.
  const migrate = client.migrate.bind(client)
  client.migrate = async (statements: InStatement[]) => {
    const release = await lock.acquire()
    try {
      return await whileBusy(() => migrate(statements), freshConnection)
    } finally {
      release()
    }
  }
  return client
}
