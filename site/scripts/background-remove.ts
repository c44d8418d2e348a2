/**
 * Deleting a release folder (60,000 hard links at 10,000 items) takes seconds of a single
 * thread. A long-lived build worker does not wait for it: each folder is first renamed out of
 * the releases' names (`.trash-…`, one rename: from then on it is no release, so nothing can
 * serve it or roll back to it), then deleted by an `rm -rf` of its own while the worker goes on.
 * What an interrupted deletion left is deleted with the next one.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const TRASH = '.trash-'

/** Folders of `releasesDir` being (or left half) deleted. */
export const isTrash = (name: string) => name.startsWith(TRASH)

/**
 * Renames each of `dirs` (inside `releasesDir`) out of the way now, and deletes them in the
 * background, once `after` is settled, at the lowest CPU priority; resolves when they are gone.
 */
export function removeInBackground(releasesDir: string, dirs: Iterable<string>, after: Promise<unknown> = Promise.resolve()): Promise<void> {
  const doomed: string[] = []
  for (const dir of dirs) {
    const trash = path.join(releasesDir, `${TRASH}${path.basename(dir)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`)
    try {
      fs.renameSync(dir, trash)
      doomed.push(trash)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  for (const name of fs.readdirSync(releasesDir)) {
    const full = path.join(releasesDir, name)
    if (isTrash(name) && !doomed.includes(full) && !name.includes(`-${process.pid}-`)) doomed.push(full)
  }
  if (!doomed.length) return Promise.resolve()
  return after.then(
    () => removeNow(doomed),
    () => removeNow(doomed),
  )
}

/** `rm -rf` of `doomed` in a process of its own, niced. */
function removeNow(doomed: string[]): Promise<void> {
  return new Promise((resolve) => {
    const rm = spawn('nice', ['-n', '19', 'rm', '-rf', '--', ...doomed], { stdio: 'ignore' })
    rm.on('exit', () => resolve())
    rm.on('error', () => {
      for (const dir of doomed) fs.rmSync(dir, { recursive: true, force: true })
      resolve()
    })
  })
}
