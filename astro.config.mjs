// The public portal: Astro builds every page statically from published CMS content;
// @astrojs/node serves the result (and later, on-demand routes such as draft preview).
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

export default defineConfig({
  srcDir: './site',
  publicDir: './public',
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  server: { port: Number(process.env.PORTAL_PORT ?? 4321), host: true },
  devToolbar: { enabled: false },
  // Pages whose getStaticPaths() cacheKey and code are unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  telemetry: false,
  vite: {
    ssr: {
      // Payload and its database drivers run as plain Node modules at build time.
      external: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-mongodb', 'sharp', '@libsql/client', 'libsql'],
    },
  },
})
