/**
 * `npm start`: migrate the database, seed it when empty, build the admin when its sources
 * changed, then serve the CMS (admin and API) at http://localhost:3000.
 * Runs on the Node pinned in devDependencies (type stripping, no build step).
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const cmsDir = path.join(root, 'cms')
const port = process.env.CMS_PORT ?? '3000'
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts',
}

function run(label: string, command: string, args: string[]) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`✖ ${label} thất bại (mã ${result.status}).`)
    process.exit(result.status ?? 1)
  }
}

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

fs.mkdirSync(path.join(root, '.data'), { recursive: true })
run('Cập nhật cấu trúc cơ sở dữ liệu (payload migrate)', 'npx', ['payload', 'migrate'])
run('Nạp dữ liệu mẫu nếu cơ sở dữ liệu trống', 'npx', ['payload', 'run', 'cms/seed/run.ts', '--if-empty'])
if (adminBuildIsStale()) run('Biên dịch trang quản trị (next build)', 'npx', ['next', 'build', 'cms'])

console.log(`\n▶ CMS: http://localhost:${port}/admin`)
console.log('  Lần đầu mở trang quản trị, hãy tạo tài khoản quản trị viên đầu tiên (không có mật khẩu mặc định).')
const server = spawn('npx', ['next', 'start', 'cms', '-p', port], { cwd: root, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
