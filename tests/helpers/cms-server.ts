/**
 * The CMS's REST API (Payload's own route handlers, as cms/app mounts them under /api) on a
 * loopback port, for tests where another process — the portal's preview route — calls it.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

/** Call after startTestCms(): the config must be loaded with the test database's URL. */
export async function serveCmsApi() {
  const { default: config } = await import('../../cms/payload.config')
  const handlers = { GET: REST_GET(config), POST: REST_POST(config), PATCH: REST_PATCH(config), DELETE: REST_DELETE(config) }
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const handler = handlers[req.method as keyof typeof handlers]
    if (!handler || !url.pathname.startsWith('/api/')) {
      res.statusCode = 404
      return res.end()
    }
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    })
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    const response = await handler(request, { params: Promise.resolve({ slug }) })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) }
}
