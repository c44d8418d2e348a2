/**
 * After `astro build`: index the built pages with Pagefind into dist/client/pagefind.
 * Usage: node site/scripts/search-index.ts [clientDir]
 */
import fs from 'node:fs'
import path from 'node:path'

import * as pagefind from 'pagefind'

import { recordFromHtml } from '../lib/search-records.ts'

export async function buildSearchIndex(clientDir: string) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' })
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`)
  let pages = 0
  // Pagefind indexes in its own process: keep a window of records in flight while the next
  // pages are read, instead of one round trip per page (10,000 pages: 26 s → about 16 s).
  const inFlight = new Set<Promise<void>>()
  const failures: string[] = []
  const add = async (record: NonNullable<ReturnType<typeof recordFromHtml>>) => {
    try {
      const { errors: recordErrors } = await index.addCustomRecord(record)
      if (recordErrors.length) failures.push(`${record.url}: ${recordErrors.join('; ')}`)
      else pages++
    } catch (error) {
      failures.push(`${record.url}: ${(error as Error).message}`)
    }
  }
  const walk = async (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') await walk(full)
      } else if (entry.name === 'index.html') {
        const rel = path.relative(clientDir, path.dirname(full)).split(path.sep).join('/')
        const record = recordFromHtml(rel ? `/${rel}/` : '/', fs.readFileSync(full, 'utf8'))
        if (!record) continue
        const pending = add(record).finally(() => inFlight.delete(pending))
        inFlight.add(pending)
        if (inFlight.size >= 64) await Promise.race(inFlight)
      }
    }
  }
  await walk(clientDir)
  await Promise.all(inFlight)
  if (failures.length) throw new Error(`Pagefind: ${failures.slice(0, 5).join(' · ')}`)
  const outputPath = path.join(clientDir, 'pagefind')
  fs.rmSync(outputPath, { recursive: true, force: true })
  const { errors: writeErrors } = await index.writeFiles({ outputPath })
  if (writeErrors.length) throw new Error(`Pagefind: ${writeErrors.join('; ')}`)
  await pagefind.close()
  return { pages, outputPath }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const clientDir = path.resolve(process.argv[2] ?? path.join(process.env.ASTRO_OUT_DIR ?? 'dist', 'client'))
  const { pages, outputPath } = await buildSearchIndex(clientDir)
  console.log(`Pagefind: ${pages} trang đã được lập chỉ mục → ${outputPath}`)
}
