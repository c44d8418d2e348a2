/**
 * `npm run seed [-- --overwrite] [-- --if-empty]`: load content/ into the CMS.
 *   --overwrite  replace records staff have edited with the content/ version
 *   --if-empty   do nothing when the database already has documents (used by npm start)
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { seed } from './index'

const args = new Set(process.argv.slice(2))
const payload = await getPayload({ config })
try {
  const { totalDocs } = await payload.count({ collection: 'plans', overrideAccess: true })
  if (args.has('--if-empty') && totalDocs > 0) {
    console.log(`Cơ sở dữ liệu đã có ${totalDocs} văn bản: bỏ qua nạp dữ liệu mẫu.`)
  } else {
    await seed(payload, { overwrite: args.has('--overwrite'), log: (line) => console.log(line) })
    console.log('Đã nạp dữ liệu từ content/.')
  }
  process.exit(0)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
