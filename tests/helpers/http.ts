/**
 * Payload's real REST and GraphQL route handlers (the ones cms/app mounts under /api),
 * behind the same API guard as the route (cms/lib/apiGuard.ts), called with real Request
 * objects — no server process needed.
 */
import config from '../../cms/payload.config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { guardRestHandler } from '../../cms/lib/apiGuard'

const base = 'http://localhost:3000'
const handlers = {
  GET: guardRestHandler(config, REST_GET(config)),
  POST: guardRestHandler(config, REST_POST(config)),
  PATCH: guardRestHandler(config, REST_PATCH(config)),
  DELETE: guardRestHandler(config, REST_DELETE(config)),
  PUT: guardRestHandler(config, REST_PUT(config)),
}
const graphql = GRAPHQL_POST(config)

/** A request to /api/… answered by Payload's handler for its method, as the Next route does. */
export function dispatch(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const handler = handlers[request.method as keyof typeof handlers]
  if (!handler || !url.pathname.startsWith('/api/')) return Promise.resolve(new Response(null, { status: 404 }))
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  return handler(request, { params: Promise.resolve({ slug }) })
}

export async function rest(method: keyof typeof handlers, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const request = new Request(new URL(`/api${path}`, base), {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const response = await dispatch(request)
  return { status: response.status, json: (await response.json()) as any }
}

export async function gql(query: string, headers: Record<string, string> = {}) {
  const request = new Request(new URL('/api/graphql', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  })
  const response = await graphql(request)
  return { status: response.status, json: (await response.json()) as any }
}
