/**
 * `npm run typecheck`: Astro's generated content types, then tsc. The types of
 * `getCollection()` entries come from .astro/content.d.ts, which `astro sync` writes from
 * site/content.config.ts; the sync runs the loaders, so it runs on a fresh migrated
 * temporary database. Skipped while .astro/content.d.ts is newer than the config (the file
 * names each collection; the data types themselves are inferred by tsc from the loaders).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { root, run } from './steps.ts'

const generated = path.join(root, '.astro', 'content.d.ts')
const config = path.join(root, 'site', 'content.config.ts')

if (!fs.existsSync(generated) || fs.statSync(generated).mtimeMs < fs.statSync(config).mtimeMs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-types-'))
  const extra = { DATABASE_URL: `file:${path.join(dir, 'types.db')}`, MEDIA_DIR: path.join(dir, 'media') }
  try {
    run('Tạo cơ sở dữ liệu tạm để sinh kiểu nội dung (payload migrate)', 'npx', ['payload', 'migrate'], extra)
    run('Sinh kiểu của các bộ sưu tập nội dung (astro sync)', 'npx', ['astro', 'sync'], extra)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
run('Kiểm tra kiểu (tsc)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])
