/**
 * Writes `bytes` as `file`: a new file renamed over the name, never written into the old one.
 * Releases share unchanged files as hard links (link-unchanged.ts, `cp -al`), so writing into
 * a file in place would change every release holding it, the live one included.
 */
import fs from 'node:fs'
import path from 'node:path'

export function replaceFile(file: string, bytes: string | Uint8Array) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.partial-${process.pid}`
  fs.writeFileSync(temporary, bytes)
  fs.renameSync(temporary, file)
}
