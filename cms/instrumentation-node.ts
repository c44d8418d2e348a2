/** The Node.js side of instrumentation.ts: start Payload when this process serves the portal's CMS. */
import { getPayload } from 'payload'

import config from '@payload-config'

export async function startPayload() {
  if (process.env.PORTAL_AUTO_REBUILD === '1') await getPayload({ config })
}
