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
 * Writers in other processes (a seed run, a benchmark) still meet SQLite's own locking.
 */
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
  client.transaction = async (mode?: TransactionMode) => {
    if (mode === 'read') return transaction(mode)
    const release = await lock.acquire()
    let tx: Transaction
    try {
      tx = await transaction(mode)
    } catch (error) {
      release()
      throw error
    }
    // The transaction ends with commit, rollback or close; any of them frees the next writer.
    for (const end of ['commit', 'rollback'] as const) {
      const original = tx[end].bind(tx)
      tx[end] = async () => {
        try {
          return await original()
        } finally {
          if (tx.closed) release()
        }
      }
    }
    const close = tx.close.bind(tx)
    tx.close = () => {
      try {
        close()
      } finally {
        release()
      }
    }
    return tx
  }

  const execute = client.execute.bind(client) as (statement: InStatement) => ReturnType<Client['execute']>
  client.execute = (async (statementOrSql: InStatement, args?: unknown) => {
    const statement = typeof statementOrSql === 'string' && args !== undefined ? ({ sql: statementOrSql, args } as InStatement) : statementOrSql
    if (!isWrite(statement)) return execute(statement)
    const release = await lock.acquire()
    try {
      return await execute(statement)
    } finally {
      release()
    }
  }) as Client['execute']

  for (const name of ['batch', 'executeMultiple', 'migrate'] as const) {
    const original = (client[name] as (...args: unknown[]) => Promise<unknown>).bind(client)
    ;(client as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const release = await lock.acquire()
      try {
        return await original(...args)
      } finally {
        release()
      }
    }
  }
  return client
}
