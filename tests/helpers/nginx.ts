/**
 * Debian's nginx run unprivileged for tests and the benchmark: its own prefix, pid, logs and
 * temp folders in a temporary directory, in the foreground on a loopback port, with the
 * configuration written by site/server/nginx.ts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type NginxOptions, nginxStandaloneConfig } from '../../site/server/nginx.ts'

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

/** `nginx -v`, or undefined when nginx is not installed. */
export function nginxVersion(): string | undefined {
  const result = spawnSync(NGINX, ['-v'], { encoding: 'utf8' })
  if (result.error || result.status !== 0) return undefined
  return (result.stderr || result.stdout).trim()
}

export type RunningNginx = { url: string; dir: string; process: ChildProcess; close: () => Promise<void> }

export async function startNginx(options: Omit<NginxOptions, 'listen'> & { port: number; workers?: number | 'auto' }): Promise<RunningNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-'))
  const conf = path.join(dir, 'nginx.conf')
  fs.writeFileSync(conf, nginxStandaloneConfig(dir, { ...options, listen: `127.0.0.1:${options.port}` }))
  const child = spawn(NGINX, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = `http://127.0.0.1:${options.port}`
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx stopped (${child.exitCode}): ${stderr}${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`)
    try {
      await fetch(`${url}/robots.txt`)
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer: ${stderr}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  return {
    url,
    dir,
    process: child,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGQUIT')
        await exited
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
