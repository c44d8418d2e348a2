/**
 * A new release shares every unchanged file with the live one: a file whose bytes equal the
 * live release's copy is replaced by a hard link to it, and the live copy's brotli and gzip
 * files (site/scripts/compress.ts) are linked beside it, so only changed files are compressed
 * again (brotli at quality 11 is the slowest step of a build over thousands of pages). An
 * unchanged page also keeps its modification time, hence its Last-Modified and ETag: readers'
 * caches stay valid across a publish that did not touch it.
 * Releases are never written to once live, so sharing files between them is safe; deleting
 * an old release only drops its links.
 */
import fs from 'node:fs'
import path from 'node:path'

import { COMPRESSIBLE } from './compress.ts'

const COMPRESSED = ['.br', '.gz']

function* files(dir: string, relative = ''): Generator<string> {
  for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    const child = path.posix.join(relative, entry.name)
    if (entry.isDirectory()) yield* files(dir, child)
    else if (entry.isFile() && !COMPRESSED.some((suffix) => entry.name.endsWith(suffix))) yield child
  }
}

function sameBytes(a: string, b: string, size: number): boolean {
  const other = fs.statSync(b, { throwIfNoEntry: false })
  if (!other?.isFile() || other.size !== size) return false
  return fs.readFileSync(a).equals(fs.readFileSync(b))
}

export type LinkSummary = { linked: Set<string>; files: number }

/**
 * Hard-links every file of `clientDir` that is byte-identical in `previousDir` (the live
 * release's client/ folder), with that file's compressed copies. Returns the files linked
 * (relative, `/`-separated), which already have their compressed copies.
 */
export function linkUnchanged(clientDir: string, previousDir: string | undefined): LinkSummary {
  const linked = new Set<string>()
  let count = 0
  if (!previousDir || !fs.existsSync(previousDir)) return { linked, files: 0 }
  for (const file of files(clientDir)) {
    count++
    const full = path.join(clientDir, file)
    const old = path.join(previousDir, file)
    const { size } = fs.statSync(full)
    if (!sameBytes(full, old, size)) continue
    // A compressed copy is taken only if the live release has every one its source gets
    // (compress.ts skips a copy that saves too little): otherwise compress this file again.
    const copies = COMPRESSIBLE.test(file) ? COMPRESSED.filter((suffix) => fs.existsSync(old + suffix)) : []
    const temporary = `${full}.link-${process.pid}`
    fs.linkSync(old, temporary)
    fs.renameSync(temporary, full)
    for (const suffix of COMPRESSED) fs.rmSync(full + suffix, { force: true })
    for (const suffix of copies) fs.linkSync(old + suffix, full + suffix)
    if (!COMPRESSIBLE.test(file) || copies.length > 0) linked.add(file)
  }
  return { linked, files: count }
}

/** The live release's client/ folder behind the `current` symlink, if there is one. */
export function liveClientDir(current: string): string | undefined {
  try {
    const dir = path.join(fs.realpathSync(current), 'client')
    return fs.existsSync(dir) ? dir : undefined
  } catch {
    return undefined
  }
}
