/**
 * The production database path: the same config on MongoDB. No MongoDB server can run on
 * the development machines, so the live tests run only when MONGODB_TEST_URL is given
 * (e.g. mongodb://127.0.0.1:27017/portal-test — the database is dropped afterwards) and say
 * so plainly when skipped.
 */
import { describe, expect, test } from 'vitest'

import { databaseAdapter, isMongoUrl } from '../cms/database'

const mongoUrl = process.env.MONGODB_TEST_URL

test('DATABASE_URL=mongodb://… selects the MongoDB adapter; anything else the embedded SQLite file', () => {
  expect(isMongoUrl('mongodb://127.0.0.1:27017/portal')).toBe(true)
  expect(isMongoUrl('mongodb+srv://cluster.example/portal')).toBe(true)
  expect(isMongoUrl('file:.data/portal.db')).toBe(false)
  expect(databaseAdapter('mongodb://127.0.0.1:27017/portal').name).toBe('mongoose')
  expect(databaseAdapter(undefined).name).toBe('sqlite')
  expect(databaseAdapter('file:/tmp/x.db').name).toBe('sqlite')
})

if (!mongoUrl) {
  console.warn('⚠ MongoDB tests SKIPPED: set MONGODB_TEST_URL=mongodb://… to run them against a real server.')
}

describe.skipIf(!mongoUrl)('on a real MongoDB server (MONGODB_TEST_URL)', () => {
  test('seeds content/, serves published documents only to anonymous readers, and reseeds without duplicates', async () => {
    // A database of its own for this run, dropped afterwards.
    const url = new URL(mongoUrl!)
    url.pathname = `/${url.pathname.replace(/^\//, '') || 'portal-test'}-${Date.now().toString(36)}`
    process.env.DATABASE_URL = url.toString()
    process.env.PAYLOAD_SECRET ??= 'test-secret-not-used-outside-tests'
    const { default: config } = await import('../cms/payload.config')
    const { getPayload } = await import('payload')
    const { seed } = await import('../cms/seed')
    const { loadContent } = await import('../cms/seed/content')
    const payload = await getPayload({ config, cron: false })
    try {
      const content = loadContent()
      await seed(payload)
      await seed(payload)
      expect((await payload.count({ collection: 'plans', overrideAccess: true })).totalDocs).toBe(content.plans.length)
      const draft = await payload.create({
        collection: 'news',
        data: { title: 'Bản nháp trên MongoDB', _status: 'draft' },
        draft: true,
        overrideAccess: true,
      })
      const visible = await payload.find({ collection: 'news', overrideAccess: false, pagination: false })
      expect(visible.docs.map((d) => d.id)).not.toContain(draft.id)
      expect(visible.totalDocs).toBe(content.news.length)

      // A report stored before reports had drafts (no _status, no version) is public again after
      // the review migration (cms/migrations/mongodb/20261203_150000_review_workflow.ts).
      const report = (await payload.find({ collection: 'indicator-reports', limit: 1, overrideAccess: true, depth: 0 })).docs[0]!
      const reports = (payload.db as any).collections['indicator-reports']
      await reports.updateOne({ _id: report.id }, { $unset: { _status: 1, reviewStatus: 1 } })
      await (payload.db as any).versions['indicator-reports'].deleteMany({ parent: report.id })
      const isPublic = async () => (await payload.find({ collection: 'indicator-reports', where: { id: { equals: report.id } }, overrideAccess: false })).totalDocs
      expect(await isPublic()).toBe(0)
      const migration = await import('../cms/migrations/mongodb/20261203_150000_review_workflow')
      await migration.up({ payload, req: {} } as never)
      expect(await isPublic()).toBe(1)
      expect((await payload.findVersions({ collection: 'indicator-reports', where: { parent: { equals: report.id } }, overrideAccess: true })).totalDocs).toBe(1)
    } finally {
      await payload.db.connection.dropDatabase()
      await payload.destroy()
    }
  })
})
