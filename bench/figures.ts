/**
 * Figures import benchmark: `npm run bench:figures -- --pages 5000` (N = lines of the file).
 * A temporary database with 10 indicators, N/10 localities and one organisation; prints the
 * seconds to build the template (exceljs), to preview the filled file (parse, check, diff) and
 * to apply it in one transaction — all new, then all changed — with lines per second.
 */
import ExcelJS from 'exceljs'

import { loadFiguresContext } from '../cms/figures/context.ts'
import { applyChanges } from '../cms/figures/apply.ts'
import { diffRows } from '../cms/figures/diff.ts'
import { parseFiguresFile } from '../cms/figures/parse.ts'
import { checkRows } from '../cms/figures/rules.ts'
import { templateRows } from '../cms/figures/sheets.ts'
import { buildFiguresWorkbook } from '../cms/figures/workbook.ts'
import { makeUser, startTestCms } from '../tests/helpers/payload.ts'

const lines = Math.max(10, Number(process.env.BENCH_PAGES ?? 1000))
const places = Math.ceil(lines / 10)
const cms = await startTestCms()
const { payload } = cms
payload.logger.level = 'warn'
const local = { overrideAccess: true, depth: 0 } as const

const org = await payload.create({ collection: 'organizations', data: { name: 'Hội Khuyến học tỉnh Đo Hiệu Năng', kind: 'study-promotion-association', province: 'Đo Hiệu Năng' }, ...local })
const scopes = Array.from({ length: places }, (_, i) => ({ year: 2025, scope: `Xã ${i + 1}, tỉnh Đo Hiệu Năng`, value: 50 }))
for (let i = 0; i < 10; i++) {
  await payload.create({
    collection: 'indicators',
    data: { code: `CT${i}`, name: `Chỉ tiêu ${i}`, unit: 'percent', direction: 'higher-is-better', targets: i === 0 ? scopes : [] } as never,
    ...local,
  })
}
const editor = await makeUser(payload, 'editor')
const user = { ...editor, collection: 'users' } as never

const time = async <T>(label: string, act: () => Promise<T>): Promise<T> => {
  const started = performance.now()
  const result = await act()
  const seconds = (performance.now() - started) / 1000
  console.log(`${label}: ${seconds.toFixed(2)} s (${Math.round(lines / seconds)} lines/s)`)
  return result
}

const organization = (await loadFiguresContext(payload, { kind: 'all' })).organizations[0]!
const template = await time(`template, ${lines} lines`, async () => {
  const context = await loadFiguresContext(payload, { kind: 'all' })
  const rows = templateRows(context, { year: 2025, organization }).slice(0, lines)
  return buildFiguresWorkbook({ rows, indicators: context.indicators, localities: context.localities, organizations: [organization] })
})

async function fill(value: (n: number) => number) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(template as never)
  const sheet = workbook.getWorksheet('Số liệu')!
  for (let r = 2; r <= lines + 1; r++) sheet.getCell(`G${r}`).value = value(r)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function run(label: string, file: Buffer) {
  const changes = await time(`${label}: preview (parse, check, diff)`, async () => {
    const parsed = await parseFiguresFile(file)
    if (!parsed.ok) throw new Error(parsed.message)
    const context = await loadFiguresContext(payload, { kind: 'all' })
    const checked = checkRows(parsed.rows, context)
    if (checked.errors.length) throw new Error(checked.errors[0]!.message)
    return diffRows(checked.valid, context)
  })
  const applied = await time(`${label}: apply (one transaction)`, () => applyChanges(payload, user, changes))
  console.log(`  ${applied.created} created, ${applied.updated} updated, ${applied.unchanged} unchanged`)
}

console.log(`file: ${((await fill((r) => r % 100)).length / 1024).toFixed(0)} KB .xlsx`)
await run('all new', await fill((r) => r % 100))
await run('all changed', await fill((r) => (r + 1) % 100))
await cms.cleanup()
process.exit(0)
