/**
 * The CMS's REST API (Payload's own route handlers, as cms/app mounts them under /api) on a
 * loopback port, for tests where another process — the portal's preview route — calls it.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** Call after startTestCms(): the config must be loaded with the test database's URL. */
export async function serveCmsApi() {
  const { dispatch } = await import('./http')
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request = new Request(new URL(req.url ?? '/', 'http://127.0.0.1'), {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    })
    const response = await dispatch(request)
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) }
}
