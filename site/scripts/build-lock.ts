import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

/**
 * A lock file holding its owner's pid. A lock whose process is gone (a crashed build) is
 * taken over. Held by another live process: wait for it, or return its pid when `wait` is off.
 */
type Lock = { release: () => void }
export async function takeLock(file: string, options: { wait: true }): Promise<Lock>
export async function takeLock(file: string, options: { wait: false }): Promise<Lock | { heldBy: number }>
export async function takeLock(file: string, { wait }: { wait: boolean }): Promise<Lock | { heldBy: number }> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      return { release: () => fs.rmSync(file, { force: true }) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : 0)
      if (!owner || !isAlive(owner)) fs.rmSync(file, { force: true })
      else if (!wait) return { heldBy: owner }
      else await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
}

/**
 * Astro writes the content layer's image imports to <root>/.astro/content-assets.mjs — one
 * file for every build of this tree, whatever its outDir and cacheDir — so two builds at the
 * same time (parallel test files) would bundle each other's images. One build at a time.
 */
export async function oneBuildAtATime<T>(run: () => Promise<T>): Promise<T> {
  const lock = await takeLock(path.join(root, '.build', 'astro-build.lock'), { wait: true })
  try {
    return await run()
  } finally {
    lock.release()
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
