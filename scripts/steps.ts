/** Shared steps of `npm start` and `npm run build`, run on the pinned Node (type stripping). */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')

export const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts',
}

export function run(label: string, command: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`✖ ${label} thất bại (mã ${result.status}).`)
    process.exit(result.status ?? 1)
  }
}

/** Apply migrations and load content/ into an empty database. */
export function prepareDatabase() {
  fs.mkdirSync(path.join(root, '.data'), { recursive: true })
  run('Cập nhật cấu trúc cơ sở dữ liệu (payload migrate)', 'npx', ['payload', 'migrate'])
  run('Nạp dữ liệu mẫu nếu cơ sở dữ liệu trống', 'npx', ['payload', 'run', 'cms/seed/run.ts', '--if-empty'])
}

/**
 * Build a new release of the public portal (published content only) with its search index,
 * and make it live: `dist` points at it once it is complete (site/scripts/release.ts).
 */
export function buildPortal() {
  run('Xây dựng cổng thông tin và chỉ mục tìm kiếm (astro build + Pagefind)', 'node', ['site/scripts/release.ts'])
}
