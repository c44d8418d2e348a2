import { afterAll, beforeAll, expect, test } from 'vitest'

import { seed } from '../cms/seed'
import { startTestCms, type TestCms } from './helpers/payload'

let cms: TestCms
beforeAll(async () => {
  cms = await startTestCms()
})
afterAll(async () => cms?.cleanup())

test('seed loads', async () => {
  const report = await seed(cms.payload, { log: console.log })
  expect(report.plans.created).toBeGreaterThan(0)
})
