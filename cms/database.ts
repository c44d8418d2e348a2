/**
 * Database selection: an embedded SQLite file by default (nothing to install), MongoDB
 * when DATABASE_URL is a mongodb:// URL — same collections, same code.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { beginTransactionInWriteScope, queueWrites } from './lib/sqliteWriteQueue'

const cmsDir = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(cmsDir, '..')
export const defaultSqliteFile = path.join(repoRoot, '.data', 'portal.db')

export const isMongoUrl = (url: string | undefined): boolean => Boolean(url && /^mongodb(\+srv)?:\/\//.test(url))

/**
 * `push` only for tests whose own collections have no migrations (the SQLite adapter then
 * creates their tables outside production).
 */
export function databaseAdapter(url: string | undefined = process.env.DATABASE_URL, { push = false }: { push?: boolean } = {}) {
  if (isMongoUrl(url)) {
    return mongooseAdapter({ url: url as string, migrationDir: path.join(cmsDir, 'migrations', 'mongodb') })
  }
  return withQueuedWrites(sqliteAdapter({
    client: { url: url && url.startsWith('file:') ? url : `file:${defaultSqliteFile}` },
    migrationDir: path.join(cmsDir, 'migrations', 'sqlite'),
    // Schema changes go through committed migrations, in development as in production.
    push,
    // Off by default in the SQLite adapter; on here so that a failed save or seed run
    // leaves nothing half-written.
    transactionOptions: {},
    // Portal builds read this file from other processes while the CMS writes: in WAL mode
    // readers never block the writer, and a short wait absorbs brief write locks.
    wal: true,
    busyTimeout: 10_000,
  }))
}

/** Saves made at the same time in this process wait their turn instead of failing (see sqliteWriteQueue). */
function withQueuedWrites<T extends DatabaseAdapterObj>(adapterObj: T): T {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as ReturnType<T['init']> & { client?: Parameters<typeof queueWrites>[0] }
      const connect = adapter.connect
      adapter.connect = async function (this: typeof adapter, options) {
        await connect?.call(this, options)
        if (this.client) queueWrites(this.client)
      }
      // The operation that begins a transaction owns it: its own writes made without the
      // transaction (forgot-password's rate-limit reservation) join it instead of waiting for it.
      const beginTransaction = adapter.beginTransaction
      if (beginTransaction) {
        adapter.beginTransaction = function (this: typeof adapter, options) {
          return beginTransactionInWriteScope(() => beginTransaction.call(this, options))
        }
      }
      return adapter
    },
  }
}
