/**
 * `npm run import:document -- FILE [--json]`: the document importer as a dry run — reads a .docx,
 * a PDF with a text layer or a .txt, prints what it would propose and saves nothing. Organisations
 * and documents are matched against content/ (the seed corpus), as no CMS is needed.
 */
import fs from 'node:fs'
import path from 'node:path'

import { contentContext } from '../cms/import/contentContext.ts'
import { extractText, ImportError } from '../cms/import/extract.ts'
import { proposeDocuments } from '../cms/import/index.ts'
import { summarize } from '../cms/import/summary.ts'

const args = process.argv.slice(2)
const json = args.includes('--json')
const file = args.find((a) => !a.startsWith('--'))
if (!file) {
  console.error('Cách dùng: npm run import:document -- TỆP [--json]')
  process.exit(2)
}

try {
  if (!fs.existsSync(file)) throw new ImportError('missing', `Không tìm thấy tệp “${file}”.`)
  const { text, format } = await extractText(fs.readFileSync(file))
  const context = contentContext(path.resolve(import.meta.dirname, '..', 'content'))
  const documents = proposeDocuments(text, context)
  if (json) {
    console.log(JSON.stringify({ documents: documents.map(summarize) }, null, 2))
  } else {
    console.log(`${path.basename(file)} (${format}): ${documents.length} văn bản`)
    for (const d of documents) {
      console.log(`\n${d.number ?? '(không số)'} — ${d.title ?? '(không trích yếu)'}`)
      console.log(`  loại: ${d.type ?? '?'}; ${d.place ?? '(không địa danh)'}, ${d.issueDateText ?? '(không ngày)'}`)
      console.log(`  cơ quan ban hành: ${d.issuers.map((i) => `${i.name}${i.organization ? ` [${i.organization}]` : ' (mới)'}`).join('; ') || '?'}`)
      console.log(`  người ký: ${[d.signer.authority, d.signer.title, d.signer.name].filter(Boolean).join(' / ') || '?'}`)
      console.log(`  căn cứ: ${d.legalBasis.length}; nhiệm vụ: ${d.tasks.length}; nơi nhận: ${d.recipients.length}`)
      for (const w of d.warnings) console.log(`  ! ${w}`)
    }
  }
} catch (error) {
  const message = error instanceof ImportError ? error.message : `Không nhập được tệp: ${(error as Error).message}`
  if (json) console.log(JSON.stringify({ error: message }))
  else console.error(message)
  process.exit(1)
}
