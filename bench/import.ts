/**
 * `npm run bench:import`: imports the five source documents' raw text (content/sources) and
 * compares each proposal with its faithful transcription (content/plans): per-field accuracy,
 * the mismatches, and the time taken. Targets: 100% on number, type, date, place, signer,
 * legal-basis numbers, task and recipient counts; ≥ 95% on task lead and time frame.
 */
import fs from 'node:fs'
import path from 'node:path'

import { compare, findPlan, readContentPlans, sourceFiles } from '../cms/import/accuracy.ts'
import { contentContext } from '../cms/import/contentContext.ts'
import { proposeDocuments } from '../cms/import/index.ts'

const contentDir = path.resolve(import.meta.dirname, '..', 'content')
const context = contentContext(contentDir)
const plans = readContentPlans(contentDir)
const pairs = []
const started = performance.now()
for (const file of sourceFiles(contentDir)) {
  const docs = proposeDocuments(fs.readFileSync(file, 'utf8'), context)
  for (const doc of docs) pairs.push({ doc, plan: findPlan(doc, plans), label: path.basename(file) })
}
const ms = performance.now() - started

const targets: Record<string, number> = {
  number: 100, type: 100, date: 100, place: 100, signer: 100, 'legal-basis numbers': 100, 'task count': 100, 'recipient count': 100, 'task lead': 95, 'task time frame': 95,
}
const pct = (n: number) => `${(Math.round(n * 100) / 100).toLocaleString('vi-VN')}%`
console.log(`Nhập ${sourceFiles(contentDir).length} tệp nguồn → ${pairs.length} văn bản trong ${Math.round(ms)} ms\n`)
console.log('trường'.padEnd(22), 'đúng/tổng'.padStart(10), 'tỷ lệ'.padStart(9), 'mục tiêu'.padStart(9))
let failed = false
for (const s of compare(pairs, plans)) {
  const rate = (100 * s.correct) / s.total
  const target = targets[s.field]
  if (target !== undefined && rate < target) failed = true
  console.log(s.field.padEnd(22), `${s.correct}/${s.total}`.padStart(10), pct(rate).padStart(9), (target === undefined ? '–' : pct(target)).padStart(9))
  for (const miss of s.misses.slice(0, 8)) console.log(`    ✗ ${miss}`)
}
console.log(failed ? '\nChưa đạt mục tiêu ở ít nhất một trường.' : '\nĐạt mọi mục tiêu.')
if (failed) process.exitCode = 1
