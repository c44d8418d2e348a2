import { withPayload } from '@payloadcms/next/withPayload'

/** Next.js serves only Payload's admin (/admin) and API (/api) from cms/. */
const nextConfig = {
  poweredByHeader: false,
  // No Next.js build type-check here: `npm run typecheck` covers the whole repository.
  typescript: { ignoreBuildErrors: true },
  // cms/proxy.ts runs on /api: Next.js passes it only this much of a request body and cuts the
  // rest (10 MB by default, which broke larger uploads with a 500). At least
  // MAX_UPLOAD_REQUEST_BYTES of cms/lib/uploadLimits.ts (20 MB + 2 MB); the proxy refuses more.
  experimental: { proxyClientMaxBodySize: 22 * 1024 * 1024 },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
