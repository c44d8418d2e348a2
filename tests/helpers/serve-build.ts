/**
 * Serve a built portal (static pages and on-demand routes such as /oembed) on a loopback
 * port through the portal's own server (site/server/serve.ts), which also sets the framing
 * headers.
 */
import net from 'node:net'

import { startPortalServer } from '../../site/server/serve.ts'

export type Served = { url: string; close: () => Promise<unknown> }

/** A free loopback port (to build with SITE_URL pointing at it before serving). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export async function serveBuild(outDir: string, port: number): Promise<Served> {
  const server = await startPortalServer({ current: outDir, port, host: '127.0.0.1', log: () => {} })
  return { url: server.url, close: () => server.close() }
}
