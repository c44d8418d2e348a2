import type { APIRoute } from 'astro'

import { absoluteUrl, PREVIEW_ROOT, sitemapIndexPath } from '../lib/routes'

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\nDisallow: ${PREVIEW_ROOT}\n\nSitemap: ${absoluteUrl(sitemapIndexPath(), site!)}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
