import { withPayload } from '@payloadcms/next/withPayload'

/** Next.js serves only Payload's admin (/admin) and API (/api) from cms/. */
const nextConfig = {
  poweredByHeader: false,
  // No Next.js build type-check here: `npm run typecheck` covers the whole repository.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
