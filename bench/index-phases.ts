/**
 * `node bench/index-phases.ts <release>/client`: how the search index step's time splits
 * between reading pages into records (HTML parsing) and Pagefind (indexing, writing), on a
 * built release. Prints seconds of each and the load average.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import * as pagefind from 'pagefind'

import { recordFromHtml } from '../site/lib/search-records.ts'

const clientDir = path.resolve(process.argv[2] ?? 'dist/client')
const pages: [string, string][] = []
const walk = (dir: string) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== 'pagefind' && entry.name !== '_astro') walk(full)
    else if (entry.name === 'index.html') {
      const rel = path.relative(clientDir, dir).split(path.sep).join('/')
      pages.push([rel ? `/${rel}/` : '/', full])
    }
  }
}
let t = performance.now()
walk(clientDir)
const html = pages.map(([url, file]) => [url, fs.readFileSync(file, 'utf8')] as const)
const read = (performance.now() - t) / 1000
t = performance.now()
const records = html.map(([url, text]) => recordFromHtml(url, text)).filter((r) => r !== undefined)
const parse = (performance.now() - t) / 1000
t = performance.now()
const { index } = await pagefind.createIndex({ forceLanguage: 'vi' })
await Promise.all(records.map(({ facts: _, ...record }) => index!.addCustomRecord(record)))
const add = (performance.now() - t) / 1000
t = performance.now()
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'index-phases-'))
await index!.writeFiles({ outputPath: out })
const write = (performance.now() - t) / 1000
await pagefind.close()
fs.rmSync(out, { recursive: true, force: true })
console.log(`${pages.length} pages, ${records.length} records: read ${read.toFixed(2)} s, parse ${parse.toFixed(2)} s, pagefind add ${add.toFixed(2)} s, write ${write.toFixed(2)} s (load ${os.loadavg()[0].toFixed(1)})`)
