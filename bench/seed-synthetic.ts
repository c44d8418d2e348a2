/**
 * Seeds a fresh temporary database with content/ plus BENCH_PAGES synthetic items and
 * prints `BENCH_DB <file>`: run by bench:build in its own process (`payload run`), so the
 * build that follows is measured without the seeding Payload's memory, as the CMS's
 * rebuild runs release.ts in a process of its own. The caller deletes the file's folder.
 */
import { seed } from '../cms/seed/index.ts'
import { startTestCms } from '../tests/helpers/payload.ts'
import { seedSyntheticFast } from './synthetic.ts'

const count = Number(process.env.BENCH_PAGES ?? 1000)
const cms = await startTestCms()
await seed(cms.payload)
const t0 = Date.now()
await seedSyntheticFast(cms.payload, count)
console.log(`seeded ${count} synthetic items in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
await cms.payload.destroy()
console.log(`BENCH_DB ${cms.dbFile}`)
process.exit(0)
