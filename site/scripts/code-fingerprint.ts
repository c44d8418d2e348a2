/**
 * A hash of everything a release's code is built from (the portal, the CMS config it reads,
 * public files, the Astro config, the lockfile). A partial publish (partial-release.ts) reuses
 * the last full build's bundle only while this is unchanged; any code change means a full build.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const SOURCES = ['site', 'cms', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json']
const SKIP = new Set(['node_modules', '.data', 'migrations'])

export function codeFingerprint(): string {
  const hash = createHash('sha256')
  const add = (relative: string) => {
    const full = path.join(root, relative)
    const stat = fs.statSync(full, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) if (!SKIP.has(name) && !name.startsWith('.')) add(path.join(relative, name))
    } else if (stat.isFile()) {
      hash.update(relative).update('\0').update(fs.readFileSync(full)).update('\0')
    }
  }
  for (const source of SOURCES) add(source)
  return hash.digest('base64url').slice(0, 24)
}
