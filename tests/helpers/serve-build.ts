/**
 * Serve a built portal (static pages and on-demand routes such as /oembed) on a loopback
 * port through the portal's own server (site/server/serve.ts), which also sets the framing
 * headers.
 */
import { startPortalServer } from '../../site/server/serve.ts'

export { freePort } from '../../site/server/serve.ts'

export type Served = { url: string; close: () => Promise<unknown>; server: Awaited<ReturnType<typeof startPortalServer>> }

export async function serveBuild(outDir: string, port: number, pollMs?: number, env?: NodeJS.ProcessEnv): Promise<Served> {
  const server = await startPortalServer({ current: outDir, port, host: '127.0.0.1', log: () => {}, pollMs, env })
  return { url: server.url, close: () => server.close(), server }
}
