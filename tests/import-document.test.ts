/**
 * The document importer (cms/import/) on the five source documents as received (content/sources):
 * every proposal must equal the faithful transcription in content/plans on every field the
 * benchmark measures; then each file format (a real .docx, a PDF with and without a text layer,
 * UTF-16 and NFD text) and every refusal (wrong type, empty, oversized, legacy encoding).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { compare, findPlan, readContentPlans, sourceFiles } from '../cms/import/accuracy.ts'
import { contentContext } from '../cms/import/contentContext.ts'
import { parseTimeFrame } from '../cms/import/dates.ts'
import { detectLegacyEncoding } from '../cms/import/encoding.ts'
import { extractText, IMPORT_TYPE_MESSAGE, SCANNED_PDF_MESSAGE } from '../cms/import/extract.ts'
import { proposeDocuments } from '../cms/import/index.ts'
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from '../cms/lib/uploadLimits.ts'
import { docxFromText, pdfWithText } from './helpers/docx.ts'
import { pdfBytes } from './helpers/files.ts'

const contentDir = path.resolve(import.meta.dirname, '..', 'content')
const context = contentContext(contentDir)
const plans = readContentPlans(contentDir)
const sources = sourceFiles(contentDir)
const source = (prefix: string) => fs.readFileSync(sources.find((f) => path.basename(f).startsWith(prefix))!, 'utf8')

describe('the five source documents come out as transcribed', () => {
  const pairs = sources.flatMap((file) =>
    proposeDocuments(fs.readFileSync(file, 'utf8'), context).map((doc) => ({ doc, plan: findPlan(doc, plans), label: path.basename(file) })),
  )

  it('finds six documents, one per transcription (the Sóc Trăng file holds the dispatch and the decision it forwards)', () => {
    expect(pairs).toHaveLength(6)
    expect(new Set(pairs.map((p) => p.plan?.key)).size).toBe(6)
    const socTrang = pairs.filter((p) => p.label.startsWith('003'))
    expect(socTrang.map((p) => p.doc.number)).toEqual(['6418/VP-VX', '1315/QĐ-TTg'])
  })

  for (const score of compare(pairs, plans)) {
    it(`${score.field}: ${score.total} of ${score.total}`, () => {
      expect(score.misses).toEqual([])
      expect(score.correct).toBe(score.total)
    })
  }

  it('links a citation to the document the CMS has, and proposes the rest with number, date, issuer and title', () => {
    const [dispatch, decision] = proposeDocuments(source('003'), context)
    expect(dispatch.legalBasis).toEqual([expect.objectContaining({ number: '1315/QĐ-TTg', date: '2023-11-09', issuer: 'Thủ tướng Chính phủ', plan: 'qd-1315-ttg-2023' })])
    expect(decision.legalBasis[5]).toMatchObject({ number: '49-KL/TW', date: '2019-05-10', issuer: 'Ban Bí thư', plan: null })
    expect(decision.legalBasis[6]).toMatchObject({ number: '11-CT/TW', date: '2007-04-03', issuer: 'Bộ Chính trị' })
    expect(decision.legalBasis[0]).toMatchObject({ number: null, date: '2015-06-19', issuer: 'Quốc hội', title: 'Luật Tổ chức Chính phủ' })
    expect(decision.issuers).toEqual([{ name: 'Thủ tướng Chính phủ', organization: 'thu-tuong-chinh-phu' }])
  })

  it('reads footnotes as the titles of the documents they annotate, and spells titles of signers as the CMS does', () => {
    const [plan] = proposeDocuments(source('004'), context)
    expect(plan.legalBasis.find((c) => c.number === '05-CT/TW')?.title).toBe('về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh')
    expect(plan.signer).toEqual({ name: 'Ngô Biên Cương', title: 'Giám đốc Sở Ngoại vụ', authority: 'TRƯỞNG KHỐI' })
    expect(plan.warnings.join(' ')).toMatch(/Số văn bản in chưa đầy đủ.*\/KH-KTĐ/)
  })

  it('proposes a body it does not know as new, and warns of an appendix numbered differently', () => {
    const [plan] = proposeDocuments(source('001'), { organizations: [], plans: [] })
    expect(plan.issuers).toEqual([{ name: 'Hội đồng Thi đua - Khen thưởng tỉnh', organization: null }])
    expect(plan.tasks[0].leadOrganization).toBeNull()
    expect(plan.tasks[0].lead).toBe('Ban Thi đua - Khen thưởng, Sở Nội vụ')
    expect(plan.warnings.join(' ')).toContain('338')
  })

  it('splits the body into its sections', () => {
    const [plan] = proposeDocuments(source('004'), context)
    // The opening (legal basis) has no heading.
    expect(plan.sections.map((s) => s.heading)).toEqual([null, 'I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG VÀ CHƯƠNG TRÌNH THI ĐUA', 'III. TỔ CHỨC THỰC HIỆN'])
    expect(plan.sections[0].text).toMatch(/^Thực hiện Chỉ thị số 34-CT\/TW/)
  })
})

describe('time frames to due dates', () => {
  it.each([
    ['Quý I', 2023, '2023-01-01', '2023-03-31'],
    ['Quý II, III', 2023, '2023-04-01', '2023-09-30'],
    ['Quý III /2022 - 12/2023', null, '2022-07-01', '2023-12-31'],
    ['3-6/2026', null, '2026-03-01', '2026-06-30'],
    ['Quý I-II năm 2026', null, '2026-01-01', '2026-06-30'],
    ['2024-2025', null, '2024-01-01', '2025-12-31'],
    ['trước ngày 12/5/2024', 2024, null, '2024-05-12'],
    ['Quý IV', null, null, null],
    ['Hằng năm, trong tháng 11,12', 2023, null, null],
    ['Trước ngày 15 tháng 12 hàng năm', 2023, null, null],
    ['Theo Kế hoạch của Hội', 2022, null, null],
  ] as const)('%s (year %s) → %s … %s', (frame, year, start, end) => {
    expect(parseTimeFrame(frame, year)).toEqual({ dueStart: start, dueEnd: end })
  })
})

describe('file formats and refusals', () => {
  it('reads a real .docx made from a source text, tables included, and proposes the same document', async () => {
    const { text, format } = await extractText(await docxFromText(source('001')))
    expect(format).toBe('docx')
    const [doc] = proposeDocuments(text, context)
    const expected = proposeDocuments(source('001'), context)[0]
    expect(doc.number).toBe('38/KH-HĐTĐKT')
    expect(doc.tasks).toHaveLength(28)
    expect(doc.tasks.map((t) => [t.leadOrganization, t.timeFrame, t.dueStart, t.dueEnd])).toEqual(expected.tasks.map((t) => [t.leadOrganization, t.timeFrame, t.dueStart, t.dueEnd]))
    expect(doc.signer).toEqual(expected.signer)
    expect(doc.recipients).toEqual(expected.recipients)
  })

  it('reads the text layer of a PDF', async () => {
    const { text, format } = await extractText(pdfWithText(['So: 12/KH-UBND', 'KE HOACH', 'Noi dung thu nghiem lop chu PDF']))
    expect(format).toBe('pdf')
    expect(text).toContain('Noi dung thu nghiem lop chu PDF')
  })

  it('refuses a scanned PDF, another type, an empty or oversized file with a Vietnamese message', async () => {
    await expect(extractText(pdfBytes('ban-quet'))).rejects.toThrow(SCANNED_PDF_MESSAGE)
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    await expect(extractText(png)).rejects.toThrow(IMPORT_TYPE_MESSAGE)
    await expect(extractText(Buffer.alloc(0))).rejects.toThrow(/Tệp rỗng/)
    await expect(extractText(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x61))).rejects.toThrow(UPLOAD_TOO_LARGE_MESSAGE)
  })

  it('normalises to NFC and reads UTF-16', async () => {
    const nfd = Buffer.from(source('004').normalize('NFD'), 'utf8')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source('004'), 'utf16le')])
    for (const data of [nfd, utf16]) {
      const { text } = await extractText(data)
      expect(text).toBe(text.normalize('NFC'))
      expect(proposeDocuments(text, context)[0].signer.name).toBe('Ngô Biên Cương')
    }
  })

  it('recognises TCVN3 and VNI text and says how to convert it', async () => {
    const tcvn3 = 'Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. Hµ Néi, ngµy 09 th¸ng 11 n¨m 2023. KÕ ho¹ch triÓn khai phong trµo thi ®ua.\n'
    const vni = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. Haø Noäi, ngaøy 09 thaùng 11 naêm 2023. Keá hoaïch trieån khai phong traøo thi ñua.\n'
    expect(detectLegacyEncoding(tcvn3.repeat(3))).toBe('TCVN3')
    expect(detectLegacyEncoding(vni.repeat(3))).toBe('VNI')
    expect(detectLegacyEncoding(source('001'))).toBeNull()
    await expect(extractText(Buffer.from(tcvn3.repeat(3), 'latin1'))).rejects.toThrow(/bảng mã cũ TCVN3.*Unicode/)
    await expect(extractText(Buffer.from(vni.repeat(3), 'utf8'))).rejects.toThrow(/bảng mã cũ VNI/)
  })
})

describe('npm run import:document -- FILE --json', () => {
  const cli = (file: string) => spawnSync(process.execPath, [path.resolve(import.meta.dirname, '..', 'scripts', 'import-document.ts'), file, '--json'], { encoding: 'utf8' })

  it('prints the proposals in the documented shape and saves nothing', () => {
    const run = cli(sources.find((f) => path.basename(f).startsWith('003'))!)
    expect(run.status).toBe(0)
    const { documents } = JSON.parse(run.stdout)
    expect(documents.map((d: any) => Object.keys(d))).toEqual(
      Array(2).fill(['number', 'type', 'title', 'issueDate', 'place', 'issuers', 'signer', 'legalBasis', 'tasks', 'recipients']),
    )
    expect(documents[0]).toMatchObject({ number: '6418/VP-VX', type: 'dispatch', issueDate: '2023-11-14', place: 'Sóc Trăng', signer: { name: 'Trần Quốc Hưng', title: 'Phó Chánh Văn phòng', authority: 'KT. CHÁNH VĂN PHÒNG' } })
    expect(Object.keys(documents[1].legalBasis[0])).toEqual(['number', 'date', 'issuer', 'title'])
    expect(Object.keys(documents[1].tasks[0])).toEqual(['content', 'lead', 'coordinating', 'timeFrame', 'dueStart', 'dueEnd'])
    expect(documents[1].tasks).toHaveLength(9)
  })

  it('prints null where the text has no value, and a Vietnamese error for a file it cannot read', () => {
    const plan = JSON.parse(cli(sources.find((f) => path.basename(f).startsWith('000'))!).stdout).documents[0]
    expect([plan.number, plan.issueDate, plan.place]).toEqual([null, null, null])
    const png = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-')), 'anh.txt')
    fs.writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'))
    const run = cli(png)
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual({ error: IMPORT_TYPE_MESSAGE })
  })
})
