/**
 * site/scripts/background-remove.ts: the build worker deletes old releases without waiting for
 * it, yet a deleted release is no release from the moment it is asked to go (renamed at once,
 * so nothing can serve it or roll back to it), and the files are gone once the promise settles.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, test } from 'vitest'

import { isTrash, removeInBackground } from '../site/scripts/background-remove'
import { prune } from '../site/scripts/release'

let dirs: string[] = []
const scratch = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'releases-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  dirs = []
})

/** A release folder with a page per name (a person's page under /dien-hinh/ where asked). */
function release(releasesDir: string, name: string, people: string[] = []) {
  const dir = path.join(releasesDir, name)
  fs.mkdirSync(path.join(dir, 'client'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'client', 'index.html'), name)
  for (const person of people) {
    fs.mkdirSync(path.join(dir, 'client', 'dien-hinh', person), { recursive: true })
    fs.writeFileSync(path.join(dir, 'client', 'dien-hinh', person, 'index.html'), person)
  }
  return dir
}

describe('deleting releases in the background', () => {
  test('gone from the releases at once, deleted when the promise settles; what an earlier run left is deleted too', async () => {
    const releasesDir = scratch()
    const old = release(releasesDir, '20260101-000000000Z-1')
    const kept = release(releasesDir, '20260102-000000000Z-1')
    // Left by a worker that died while deleting.
    fs.mkdirSync(path.join(releasesDir, '.trash-20251231-000000000Z-1-99999999-abcdef', 'client'), { recursive: true })
    const done = removeInBackground(releasesDir, [old, path.join(releasesDir, 'never-there')])
    // Synchronously: no longer under its name.
    expect(fs.existsSync(old)).toBe(false)
    expect(fs.readdirSync(releasesDir).filter((name) => !isTrash(name))).toEqual([path.basename(kept)])
    await done
    expect(fs.readdirSync(releasesDir)).toEqual([path.basename(kept)])
    expect(fs.readFileSync(path.join(kept, 'client', 'index.html'), 'utf8')).toBe(path.basename(kept))
  })

  test('prune hands the same releases to the background removal as it deletes itself: the oldest and any showing a person taken down', async () => {
    const releasesDir = scratch()
    const names = ['20260101-000000000Z-1', '20260102-000000000Z-1', '20260103-000000000Z-1', '20260104-000000000Z-1']
    release(releasesDir, names[0], ['a'])
    release(releasesDir, names[1], ['a', 'b'])
    release(releasesDir, names[2], ['a'])
    const live = release(releasesDir, names[3], ['a'])
    let handed: string[] = []
    prune(releasesDir, live, 3, (doomed) => {
      handed = [...doomed].map((dir) => path.basename(dir)).sort()
      void removeInBackground(releasesDir, doomed)
    })
    // The oldest beyond the kept three, and the one still showing "b" though within them.
    expect(handed).toEqual([names[0], names[1]])
    expect(fs.readdirSync(releasesDir).filter((name) => !isTrash(name)).sort()).toEqual([names[2], names[3]])
  })
})
