/**
 * The whole product started as `npm start` starts it (scripts/start.ts: migrations, seed,
 * admin build, portal build, the CMS on Next and the portal server) on a fresh database in a
 * temporary directory, for browser tests that go through the admin and read the portal.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { releaseEnvIn } from '../../site/scripts/release'
import { freePort } from '../helpers/serve-build'

const root = path.resolve(import.meta.dirname, '..', '..')

export type RunningProduct = {
  cmsUrl: string
  portalUrl: string
  /** The CMS's REST API: JSON in and out, signed in with a JWT when a token is given. */
  api: (method: string, url: string, body?: unknown, token?: string) => Promise<{ status: number; json: any }>
  /** Everything the product printed so far (for failure messages). */
  output: () => string
  stop: () => Promise<void>
}

export async function startProduct(name: string, env: Record<string, string> = {}): Promise<RunningProduct> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), `e2e-${name}-`))
  const releases = path.join(root, '.build', `e2e-${name}-${process.pid}`)
  const [cmsPort, portalPort] = [await freePort(), await freePort()]
  const cmsUrl = `http://127.0.0.1:${cmsPort}`
  const portalUrl = `http://127.0.0.1:${portalPort}`
  let output = ''
  const app: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts', 'start.ts')], {
    cwd: root,
    detached: true, // its own process group, so the CMS and portal children stop with it
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(data, 'portal.db')}`,
      MEDIA_DIR: path.join(data, 'media'),
      PAYLOAD_SECRET: `e2e-${name}-secret`,
      CMS_PORT: String(cmsPort),
      PORTAL_PORT: String(portalPort),
      HOST: '127.0.0.1',
      SITE_URL: portalUrl,
      PORTAL_URL: portalUrl,
      ...releaseEnvIn(releases),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  app.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  app.stderr!.on('data', (c: Buffer) => (output += c.toString()))

  const stop = async () => {
    if (app.pid && app.exitCode === null) {
      process.kill(-app.pid, 'SIGTERM')
      await new Promise((r) => setTimeout(r, 2000))
      try {
        process.kill(-app.pid, 'SIGKILL')
      } catch {}
    }
    fs.rmSync(data, { recursive: true, force: true })
    fs.rmSync(releases, { recursive: true, force: true })
  }

  const waitFor = async (url: string, ms: number) => {
    const until = Date.now() + ms
    for (;;) {
      if (app.exitCode !== null) throw new Error(`npm start stopped (${app.exitCode}):\n${output.slice(-3000)}`)
      const ok = await fetch(url).then((r) => r.status < 500, () => false)
      if (ok) return
      if (Date.now() > until) throw new Error(`${url} did not answer:\n${output.slice(-3000)}`)
      await new Promise((r) => setTimeout(r, 1000))
    }
  }

  try {
    // First run: the admin is compiled (next build), then the portal is built.
    await waitFor(`${portalUrl}/`, 900_000)
    await waitFor(`${cmsUrl}/admin/login`, 120_000)
  } catch (error) {
    await stop()
    throw error
  }
  const api: RunningProduct['api'] = async (method, url, body, token) => {
    const response = await fetch(`${cmsUrl}/api${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, json: (await response.json()) as any }
  }
  return { cmsUrl, portalUrl, api, output: () => output, stop }
}
