import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

/**
 * Astro writes the content layer's image imports to <root>/.astro/content-assets.mjs — one
 * file for every build of this tree, whatever its outDir and cacheDir — so two builds at the
 * same time (parallel test files) would bundle each other's images. One build at a time;
 * a lock whose process is gone is taken over.
 */
export async function oneBuildAtATime<T>(run: () => Promise<T>): Promise<T> {
  const lock = path.join(root, '.build', 'astro-build.lock')
  fs.mkdirSync(path.dirname(lock), { recursive: true })
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : 0)
      if (owner && !isAlive(owner)) fs.rmSync(lock, { force: true })
      else await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  try {
    return await run()
  } finally {
    fs.rmSync(lock, { force: true })
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
