/**
 * `npm run bench:<name> -- --pages N`: `payload run` does not pass arguments on, so the
 * page count travels to the benchmark as BENCH_PAGES.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const [name, ...args] = process.argv.slice(2)
const i = args.indexOf('--pages')
const pages = i > -1 ? args[i + 1] : (args.find((a) => a.startsWith('--pages='))?.split('=')[1] ?? '1000')
if (!/^\d+$/.test(pages)) {
  console.error(`--pages expects a number, got "${pages}"`)
  process.exit(2)
}
const result = spawnSync('npx', ['payload', 'run', path.join('bench', `${name}.ts`)], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_PAGES: pages, PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts', ASTRO_TELEMETRY_DISABLED: '1' },
})
process.exit(result.status ?? 1)
