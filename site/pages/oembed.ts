/**
 * /oembed?url=<page>&format=json[&maxwidth=&maxheight=] — oEmbed (https://oembed.com) for
 * campaigns, indicators and honourees. On demand: the answer depends on the query string;
 * the content comes from the build's content layer, so it is exactly what the site shows.
 */
import type { APIRoute } from 'astro'

import { answerOembed } from '../lib/embeds'
import { allTargets, loadEmbeds } from './nhung/_data'

export const prerender = false

export const GET: APIRoute = async ({ url, site }) => {
  const base = site ?? new URL(url.origin)
  const origins = [...new Set([base.origin, url.origin])]
  const { status, body } = answerOembed(url.searchParams, base, origins, allTargets(await loadEmbeds()))
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      // Consumers fetch it from their servers or from the browser.
      'access-control-allow-origin': '*',
      'cache-control': status === 200 ? 'public, max-age=3600' : 'no-store',
    },
  })
}
