/**
 * Serve a built portal (static pages and on-demand routes such as /oembed) on a loopback
 * port. Uses the portal's own server (site/server/serve.ts) once it is in the repository,
 * which also sets the framing headers; until then Astro's standalone node entry directly.
 */
import { execFileSync, spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = path.resolve(import.meta.dirname, '..', '..')
const portalServer = path.join(root, 'site', 'server', 'serve.ts')

export type Served = { url: string; viaPortalServer: boolean; close: () => Promise<unknown> }

/** A free loopback port (to build with SITE_URL pointing at it before serving). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Whether the portal's own server is in the repository (its headers can then be tested). */
export const hasPortalServer = () => committed(portalServer)

function committed(file: string) {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', file], { cwd: root, stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function waitFor(url: string, ms = 20_000) {
  const until = Date.now() + ms
  for (;;) {
    try {
      await fetch(url)
      return
    } catch (error) {
      if (Date.now() > until) throw error
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}

export async function serveBuild(outDir: string, port: number): Promise<Served> {
  if (hasPortalServer()) {
    const { startPortalServer } = (await import(/* @vite-ignore */ pathToFileURL(portalServer).href)) as any
    const server = await startPortalServer({ current: outDir, dir: outDir, port, log: () => {} })
    await waitFor(`${server.url}/`)
    return { url: server.url, viaPortalServer: true, close: () => server.close() }
  }
  const child = spawn(process.execPath, [path.join(outDir, 'server', 'entry.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  })
  const url = `http://127.0.0.1:${port}`
  await waitFor(`${url}/`)
  return {
    url,
    viaPortalServer: false,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill()
      }),
  }
}
