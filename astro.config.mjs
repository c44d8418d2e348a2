// The public portal: Astro builds every page statically from published CMS content;
// @astrojs/node serves the result (and later, on-demand routes such as draft preview).
import path from 'node:path'

import node from '@astrojs/node'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import keepPrerender from './site/integrations/keep-prerender.ts'
import portalRoutes from './site/integrations/routes.ts'
import { isListedInSitemap } from './site/lib/routes.ts'
import { withLastmod } from './site/lib/sitemap.ts'

const outDir = process.env.ASTRO_OUT_DIR ?? './dist'

export default defineConfig({
  srcDir: './site',
  publicDir: './public',
  outDir,
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  server: { port: Number(process.env.PORTAL_PORT ?? 4321), host: true },
  devToolbar: { enabled: false },
  integrations: [
    // sitemap-index.xml + sitemap-0.xml from the pages actually built (a withdrawn honouree has
    // no page, so no entry); embeds, previews, redirects and the 404 page are left out.
    // <lastmod> from each document's updatedAt, recorded by the build (site/lib/sitemap.ts).
    sitemap({ filter: (page) => isListedInSitemap(new URL(page).pathname), serialize: withLastmod(path.resolve(outDir, 'client')) }),
    // After sitemap: redirect pages for retired paths, /sitemap.xml as a copy of the index.
    portalRoutes(),
    // Keeps the prerender bundle and each path's cache key for partial publishes (site/scripts/partial-release.ts).
    keepPrerender(),
  ],
  // Content-Security-Policy on every page (a <meta> on prerendered pages, a header on on-demand
  // ones): scripts only from this origin or with the hash Astro computes for each inline one —
  // never 'unsafe-inline' — so injected markup cannot run script. frame-ancestors cannot be set
  // in a <meta>: the portal server (site/server/serve.ts) sends it, with the same base rules.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      // style="" attributes (bar widths, rich-text alignment) cannot run script; <style> elements stay hashed.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
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
