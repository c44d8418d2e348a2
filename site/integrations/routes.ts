/**
 * Build steps around the routes module (site/lib/routes.ts), after every page is written:
 * the retired English filter paths get their redirect page and map (site/lib/redirects.ts),
 * and /sitemap.xml — the address robots.txt and older links use — is kept as a copy of the
 * sitemap index that @astrojs/sitemap writes (so it must come after that integration); the
 * lastmod file the sitemap read is removed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import { writeRedirects } from '../lib/redirects.ts'
import { legacyRedirects, sitemapIndexPath, sitemapPath } from '../lib/routes.ts'
import { LASTMOD_FILE } from '../lib/sitemap.ts'

export default function portalRoutes(): AstroIntegration {
  let site: URL
  return {
    name: 'portal-routes',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = new URL(config.site ?? 'http://localhost:4321')
      },
      'astro:build:done': ({ dir, logger }) => {
        const clientDir = fileURLToPath(dir)
        const redirects = legacyRedirects()
        writeRedirects(clientDir, redirects, site)
        const index = path.join(clientDir, sitemapIndexPath())
        if (!fs.existsSync(index)) throw new Error(`${sitemapIndexPath()} chưa được tạo: @astrojs/sitemap phải đứng trước portal-routes`)
        fs.copyFileSync(index, path.join(clientDir, sitemapPath()))
        // Read by the sitemap's serialize; not a public file.
        fs.rmSync(path.join(clientDir, LASTMOD_FILE), { force: true })
        logger.info(`${Object.keys(redirects).length} địa chỉ cũ chuyển hướng; ${sitemapPath()} = ${sitemapIndexPath()}`)
      },
    },
  }
}
