/**
 * The rebuild queue's state in the database, shared by every CMS process using it: the
 * requests (`portal-build-requests`) and the build lease (`portal-build-leases`, one
 * document). Only Payload's database adapter API is used, so SQLite and MongoDB behave alike.
 *
 * The lease is taken by ONE conditional update — "set holder = me where the lease has expired
 * or is already mine" — and whoever the update returned as holder has it. On MongoDB that is
 * `findOneAndUpdate`, atomic by itself; on SQLite the adapter's `atomic` option makes it one
 * `UPDATE … WHERE … RETURNING` statement (otherwise it reads the id first, then writes).
 */
import type { Payload, PayloadRequest, Where } from 'payload'

export const BUILD_REQUESTS_SLUG = 'portal-build-requests'
export const BUILD_LEASES_SLUG = 'portal-build-leases'
const LEASE_NAME = 'portal-build'

export type RequestState = 'pending' | 'building' | 'done' | 'failed'

type StoredRequest = { id: number | string; reason: string; requestedAt: string; state: RequestState; build?: string | null }
type StoredLease = { id: number | string; name: string; holder: string; expiresAt: string }

export type QueueSnapshot = {
  /** Requests no build has taken yet, newest first (at most 50). */
  pending: StoredRequest[]
  pendingCount: number
  /** Requests taken by a build that has not finished (or whose process stopped). */
  buildingCount: number
}

const iso = (ms: number) => new Date(ms).toISOString()

export class QueueStore {
  readonly #payload: Payload

  constructor(payload: Payload) {
    this.#payload = payload
  }

  get #db() {
    return this.#payload.db
  }

  /** SQL adapters: one conditional UPDATE statement. MongoDB's updateOne is findOneAndUpdate already. */
  get #atomic(): { options?: Record<string, unknown> } {
    return this.#db.name === 'mongoose' ? {} : { options: { atomic: true } }
  }

  /**
   * Stores a request. With the `req` of a save, inside that save's transaction: the publish
   * and its request are committed together, so no publish is ever left without one.
   */
  async add(reason: string, req?: Partial<PayloadRequest>): Promise<void> {
    const now = iso(Date.now())
    await this.#db.create({
      collection: BUILD_REQUESTS_SLUG as never,
      data: { reason, requestedAt: now, state: 'pending', createdAt: now, updatedAt: now },
      req,
    })
  }

  async snapshot(): Promise<QueueSnapshot> {
    const state = (s: RequestState): Where => ({ state: { equals: s } })
    const [pending, building] = await Promise.all([
      this.#db.find({ collection: BUILD_REQUESTS_SLUG as never, where: state('pending'), sort: '-requestedAt', limit: 50, pagination: true }),
      this.#db.count({ collection: BUILD_REQUESTS_SLUG as never, where: state('building') }),
    ])
    return { pending: pending.docs as unknown as StoredRequest[], pendingCount: pending.totalDocs, buildingCount: building.totalDocs }
  }

  /** Takes the lease for `ms` if it has expired or is already `holder`'s; true when held. */
  async takeLease(holder: string, ms: number): Promise<boolean> {
    const now = Date.now()
    const taken = (await this.#db.updateOne({
      collection: BUILD_LEASES_SLUG as never,
      where: { and: [{ name: { equals: LEASE_NAME } }, { or: [{ expiresAt: { less_than: iso(now) } }, { holder: { equals: holder } }] }] },
      data: { holder, expiresAt: iso(now + ms), updatedAt: iso(now) },
      ...this.#atomic,
    })) as unknown as StoredLease | null
    if (taken) return taken.holder === holder
    // No lease document yet (a new database): the first to create it holds it; `name` is
    // unique, so a process creating it at the same moment fails and waits its turn.
    if (await this.#db.findOne({ collection: BUILD_LEASES_SLUG as never, where: { name: { equals: LEASE_NAME } } })) return false
    try {
      await this.#db.create({
        collection: BUILD_LEASES_SLUG as never,
        data: { name: LEASE_NAME, holder, expiresAt: iso(now + ms), createdAt: iso(now), updatedAt: iso(now) },
      })
      return true
    } catch {
      return false
    }
  }

  /** Extends `holder`'s lease; false when it is no longer theirs (it expired and was taken). */
  async renewLease(holder: string, ms: number): Promise<boolean> {
    const now = Date.now()
    const renewed = await this.#db.updateOne({
      collection: BUILD_LEASES_SLUG as never,
      where: { and: [{ name: { equals: LEASE_NAME } }, { holder: { equals: holder } }] },
      data: { expiresAt: iso(now + ms), updatedAt: iso(now) },
      ...this.#atomic,
    })
    return Boolean(renewed)
  }

  /** Gives the lease up at once (expired now), if still `holder`'s. */
  async releaseLease(holder: string): Promise<void> {
    await this.#db.updateOne({
      collection: BUILD_LEASES_SLUG as never,
      where: { and: [{ name: { equals: LEASE_NAME } }, { holder: { equals: holder } }] },
      data: { expiresAt: iso(0), updatedAt: iso(Date.now()) },
      ...this.#atomic,
    })
  }

  /**
   * Called with the lease held: every request waiting now is taken by build `build`, and so
   * are those of a build whose process stopped (nothing else can be building, since the lease
   * is ours). Returns the reasons, oldest first.
   */
  async claim(build: string): Promise<string[]> {
    const collection = BUILD_REQUESTS_SLUG as never
    const now = iso(Date.now())
    await this.#db.updateMany({ collection, where: { state: { equals: 'building' } }, data: { state: 'pending', build: null, updatedAt: now } })
    await this.#db.updateMany({ collection, where: { state: { equals: 'pending' } }, data: { state: 'building', build, updatedAt: now } })
    const taken = await this.#db.find({ collection, where: { build: { equals: build } }, sort: 'requestedAt', pagination: false, limit: 0 })
    return (taken.docs as unknown as StoredRequest[]).map((r) => r.reason)
  }

  /** Marks the requests of `build` as built (or failed), and forgets finished ones older than `keepMs`. */
  async finish(build: string, state: 'done' | 'failed', keepMs: number): Promise<void> {
    const collection = BUILD_REQUESTS_SLUG as never
    const now = Date.now()
    await this.#db.updateMany({ collection, where: { build: { equals: build } }, data: { state, builtAt: iso(now), updatedAt: iso(now) } })
    await this.#db.deleteMany({
      collection,
      where: { and: [{ state: { in: ['done', 'failed'] } }, { builtAt: { less_than: iso(now - keepMs) } }] },
    })
  }
}
