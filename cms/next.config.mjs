import { withPayload } from '@payloadcms/next/withPayload'
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js'

import { cmsHeaderRoutes, missingCmsUrlMessage } from './security-headers.mjs'

/** Next.js serves only Payload's admin (/admin) and API (/api) from cms/. */
const nextConfig = {
  poweredByHeader: false,
  // No Next.js build type-check here: `npm run typecheck` covers the whole repository.
  typescript: { ignoreBuildErrors: true },
  // cms/proxy.ts runs on /api: Next.js passes it only this much of a request body and cuts the
  // rest (10 MB by default, which broke larger uploads with a 500). At least
  // MAX_UPLOAD_REQUEST_BYTES of cms/lib/uploadLimits.ts (20 MB + 2 MB); the proxy refuses more.
  experimental: { proxyClientMaxBodySize: 22 * 1024 * 1024 },
  // Framing, sniffing and referrer rules on every admin and API response (security-headers.mjs).
  headers: async () => cmsHeaderRoutes(),
}

/** `phase` tells `next start` (the CMS server) from `next build`, where CMS_URL is not needed. */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) {
    const message = missingCmsUrlMessage()
    if (message) console.warn(message)
  }
  return withPayload(nextConfig, { devBundleServerPackages: false })
}
