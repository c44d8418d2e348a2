/**
 * `npm start`: migrate the database, seed it when empty, build the admin when its sources
 * changed and the portal from the current content, then serve the CMS (admin and API) at
 * http://localhost:3000 and the portal at http://localhost:4321.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { buildPortal, env, prepareDatabase, root, run } from './steps.ts'

const cmsDir = path.join(root, 'cms')
const cmsPort = process.env.CMS_PORT ?? '3000'
const portalPort = process.env.PORTAL_PORT ?? '4321'

/** Newest modification time under `dir`, skipping build output. */
function newest(dir: string): number {
  let latest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.next' || entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs)
  }
  return latest
}

function adminBuildIsStale(): boolean {
  const buildId = path.join(cmsDir, '.next', 'BUILD_ID')
  if (!fs.existsSync(buildId)) return true
  const built = fs.statSync(buildId).mtimeMs
  const lock = path.join(root, 'package-lock.json')
  return newest(cmsDir) > built || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > built)
}

prepareDatabase()
if (adminBuildIsStale()) run('Biên dịch trang quản trị (next build)', 'npx', ['next', 'build', 'cms'])
buildPortal()

const servers = [
  spawn('npx', ['next', 'start', 'cms', '-p', cmsPort], { cwd: root, env, stdio: 'inherit' }),
  spawn('node', [path.join(process.env.ASTRO_OUT_DIR ?? 'dist', 'server', 'entry.mjs')], {
    cwd: root,
    env: { ...env, HOST: process.env.HOST ?? '0.0.0.0', PORT: portalPort },
    stdio: 'inherit',
  }),
]
console.log(`\n▶ Trang quản trị (CMS): http://localhost:${cmsPort}/admin`)
console.log('  Lần đầu mở trang quản trị, hãy tạo tài khoản quản trị viên đầu tiên (không có mật khẩu mặc định).')
console.log(`▶ Cổng thông tin: http://localhost:${portalPort}`)
const stop = (signal: NodeJS.Signals) => servers.forEach((s) => s.kill(signal))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal))
for (const server of servers) server.on('exit', (code) => { stop('SIGTERM'); process.exit(code ?? 0) })
