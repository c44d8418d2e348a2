/**
 * `npm start`: migrate the database, seed it when empty, build the admin when its sources
 * changed and the portal from the current content, then serve the CMS (admin and API) at
 * http://localhost:3000 and the portal at http://localhost:4321.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { defaultPaths } from '../site/scripts/release.ts'
import { startPortalServer } from '../site/server/serve.ts'
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

// The CMS rebuilds the portal itself after every publish, unpublish or delete.
const cms = spawn('npx', ['next', 'start', 'cms', '-p', cmsPort], {
  cwd: root,
  env: { ...env, PORTAL_AUTO_REBUILD: '1', PORTAL_ROOT: root, PORTAL_URL: process.env.PORTAL_URL ?? `http://localhost:${portalPort}` },
  stdio: 'inherit',
})
const portal = await startPortalServer({
  current: defaultPaths.current,
  port: Number(portalPort),
  host: process.env.HOST ?? '0.0.0.0',
  env: { ...env, CMS_INTERNAL_URL: `http://127.0.0.1:${cmsPort}` },
})
console.log(`\n▶ Trang quản trị (CMS): http://localhost:${cmsPort}/admin`)
console.log('  Lần đầu mở trang quản trị, hãy tạo tài khoản quản trị viên đầu tiên (không có mật khẩu mặc định).')
console.log(`▶ Cổng thông tin: http://localhost:${portalPort}`)
console.log('  Xuất bản, gỡ xuất bản hay xóa nội dung trong trang quản trị sẽ cập nhật cổng thông tin sau vài giây.')
const stop = async (code: number) => {
  cms.kill('SIGTERM')
  await portal.close()
  process.exit(code)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0))
cms.on('exit', (code) => void stop(code ?? 0))
