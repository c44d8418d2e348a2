/**
 * The importer in the CMS, for every role over REST (expectations from the policy table: who may
 * create plans may import): the preview proposes and saves nothing; the save creates a DRAFT plan
 * with its tasks and, for a PDF, the original attached; refusals change nothing. GraphQL has no
 * way in: no mutation exists for either operation.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { parse as parseYaml } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { grantFor, policy, policyRoles, type PolicyRole } from '../cms/access/policy'
import { pdfWithText } from './helpers/docx'
import { makeUser, startTestCms, type TestCms } from './helpers/payload'
import { anonymousSession, signIn, type Session } from './helpers/session'

const sourcesDir = path.resolve(import.meta.dirname, '..', 'content', 'sources')
const kh38 = fs.readFileSync(path.join(sourcesDir, '001_eae533dfa49a91b6.txt'))

let cms: TestCms
let payload: Payload
let http: typeof import('./helpers/http')
const sessions = {} as Record<PolicyRole, Session>
const orgIds = new Map<string, number>()

const mayImport = (role: PolicyRole) => grantFor(policy.collections.plans.create, role) === true

async function post(pathname: string, session: Session, form: FormData) {
  const response = await http.dispatch(new Request(`http://localhost:3000/api/plans/${pathname}`, { method: 'POST', headers: session.headers, body: form }))
  return { status: response.status, json: (await response.json()) as any }
}

const fileForm = (data: Buffer, name: string, fields: Record<string, unknown> = {}) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(data)]), name)
  form.append('_payload', JSON.stringify(fields))
  return form
}

const counts = async () => ({
  plans: (await payload.count({ collection: 'plans', overrideAccess: true })).totalDocs,
  media: (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs,
})

beforeAll(async () => {
  cms = await startTestCms()
  payload = cms.payload
  http = await import('./helpers/http')
  const orgs = parseYaml(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'content', 'organizations.yaml'), 'utf8')) as any[]
  for (const o of orgs) {
    const created = await payload.create({
      collection: 'organizations',
      data: { name: o.name, shortName: o.shortName, kind: o.kind, level: o.level, province: o.province } as never,
      overrideAccess: true,
    })
    orgIds.set(o.key, created.id as number)
  }
  for (const role of policyRoles) {
    if (role === 'anonymous') sessions[role] = anonymousSession
    else sessions[role] = await signIn(await makeUser(payload, role, orgIds.get('hoi-khuyen-hoc-thai-binh')))
  }
})

afterAll(async () => {
  await cms?.cleanup()
})

describe('preview: a proposal, nothing saved', () => {
  for (const role of policyRoles) {
    it(`${role}: ${mayImport(role) ? 'gets the proposal' : 'is refused'}`, async () => {
      const before = await counts()
      const res = await post('import-preview', sessions[role], fileForm(kh38, 'ke-hoach-38.txt'))
      if (mayImport(role)) {
        expect(res.status).toBe(200)
        const [doc] = res.json.documents
        expect(doc.number).toBe('38/KH-HĐTĐKT')
        expect(doc.tasks).toHaveLength(28)
        expect(doc.tasks[0].leadOrganization).toBe(String(orgIds.get('ban-thi-dua-khen-thuong-thai-binh')))
        expect(doc.issuers).toEqual([{ name: 'Hội đồng Thi đua - Khen thưởng tỉnh', organization: String(orgIds.get('hoi-dong-thi-dua-khen-thuong-tinh-thai-binh')) }])
        expect(doc.sourceText).toContain('Số: 38/KH-HĐTĐKT')
      } else {
        expect(res.status).toBe(role === 'anonymous' ? 401 : 403)
        expect(res.json.errors[0].message).toMatch(/đăng nhập|Chỉ cán bộ/)
      }
      expect(await counts()).toEqual(before)
    })
  }

  it('takes pasted text, and answers a wrong type, nothing given or a scanned PDF in Vietnamese', async () => {
    const form = new FormData()
    form.append('_payload', JSON.stringify({ text: fs.readFileSync(path.join(sourcesDir, '003_41779bb39904a178.txt'), 'utf8') }))
    const pasted = await post('import-preview', sessions.author, form)
    expect(pasted.status).toBe(200)
    expect(pasted.json.documents.map((d: any) => d.number)).toEqual(['6418/VP-VX', '1315/QĐ-TTg'])
    const before = await counts()
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const wrong = await post('import-preview', sessions.editor, fileForm(png, 'van-ban.docx'))
    expect(wrong.status).toBe(415)
    expect(wrong.json.errors[0].message).toMatch(/Chỉ nhập được tệp Word/)
    const none = await post('import-preview', sessions.editor, new FormData())
    expect(none.status).toBe(400)
    expect(none.json.errors[0].message).toMatch(/Hãy chọn một tệp/)
    expect(await counts()).toEqual(before)
  })
})

describe('save: a draft plan from the corrected proposal', () => {
  for (const role of policyRoles) {
    it(`${role}: ${mayImport(role) ? 'saves a draft with its tasks' : 'is refused, nothing saved'}`, async () => {
      const preview = await post('import-preview', sessions.admin, fileForm(kh38, 'ke-hoach-38.txt'))
      // Each role saves its own copy: a number already in the CMS is refused (see below).
      const number = `${100 + policyRoles.indexOf(role)}/KH-HĐTĐKT`
      const document = { ...preview.json.documents[0], number, title: `${preview.json.documents[0].title} (${role})` }
      const before = await counts()
      const res = await post('import-save', sessions[role], fileForm(kh38, 'ke-hoach-38.txt', { document }))
      if (!mayImport(role)) {
        expect(res.status).toBe(role === 'anonymous' ? 401 : 403)
        expect(await counts()).toEqual(before)
        return
      }
      expect([res.status, res.json.errors]).toEqual([201, undefined])
      const plan = (await payload.findByID({ collection: 'plans', id: res.json.id, draft: true, depth: 0, overrideAccess: true })) as any
      expect(plan._status).toBe('draft')
      expect(plan.title).toContain(`(${role})`)
      expect(plan.documentNumber).toBe(number)
      expect(plan.tasks).toHaveLength(28)
      expect(plan.tasks[27]).toMatchObject({ lead: orgIds.get('ban-thi-dua-khen-thuong-thai-binh'), timeFrame: 'Quý IV' })
      expect(plan.tasks[27].dueEnd.slice(0, 10)).toBe('2023-12-31')
      expect(plan.recipients).toHaveLength(7)
      expect(plan.legalBasis.map((l: any) => l.citedNumber)).toEqual(['18/KH-UBND', '2357/QĐ-UBND'])
      // The document's text as imported is its full text ("Toàn văn" on the public page).
      expect(plan.fullText).toBe(preview.json.documents[0].sourceText)
      expect(plan.fullText).toContain('Họp Hội đồng Thi đua - Khen thưởng tỉnh (Phiên thứ Ba)')
      // Not live: anonymous readers do not see it.
      const publicRead = await http.rest('GET', `/plans/${res.json.id}`)
      expect(publicRead.status).not.toBe(200)
    })
  }

  it('attaches an original PDF to the draft as its full text', async () => {
    const lines = ['So: 12/KH-UBND', 'Noi dung thu nghiem']
    const document = {
      number: '12/KH-UBND', type: 'plan', title: 'Kế hoạch thử nghiệm nhập PDF', issueDate: '2024-05-02', year: 2024,
      issuers: [{ name: 'UBND tỉnh Thái Bình', organization: String(orgIds.get('ubnd-tinh-thai-binh')) }],
      signer: { name: null, title: null, authority: null }, legalBasis: [], tasks: [], recipients: [], sections: [{ heading: null, text: 'Nội dung thử nghiệm.' }],
    }
    const res = await post('import-save', sessions.author, fileForm(pdfWithText(lines), 'ke-hoach-12.pdf', { document }))
    expect(res.status).toBe(201)
    expect(res.json.attached).toBe(true)
    const plan = (await payload.findByID({ collection: 'plans', id: res.json.id, draft: true, depth: 1, overrideAccess: true })) as any
    expect(plan.attachments[0].title).toBe('Toàn văn văn bản (bản gốc)')
    expect(plan.attachments[0].file.mimeType).toBe('application/pdf')
  })

  it('refuses a draft without a known issuer or a title, or a document already in the CMS, and changes nothing', async () => {
    const preview = await post('import-preview', sessions.admin, fileForm(kh38, 'ke-hoach-38.txt'))
    const first = await post('import-save', sessions.editor, fileForm(kh38, 'a.txt', { document: preview.json.documents[0] }))
    expect(first.status).toBe(201)
    const before = await counts()
    const again = await post('import-save', sessions.editor, fileForm(kh38, 'a.txt', { document: preview.json.documents[0] }))
    expect(again.status).toBe(400)
    expect(again.json.errors[0].message).toMatch(/đã được dùng/)
    const base = { type: 'plan', title: 'Thử', year: 2024, issuers: [{ name: 'Cơ quan mới', organization: null }], tasks: [], recipients: [], legalBasis: [] }
    const noIssuer = await post('import-save', sessions.editor, fileForm(kh38, 'a.txt', { document: base }))
    expect(noIssuer.status).toBe(400)
    expect(noIssuer.json.errors[0].message).toMatch(/cơ quan ban hành/i)
    const noTitle = await post('import-save', sessions.editor, fileForm(kh38, 'a.txt', { document: { ...base, title: ' ' } }))
    expect(noTitle.status).toBe(400)
    expect(noTitle.json.errors[0].message).toMatch(/trích yếu/)
    expect(await counts()).toEqual(before)
  })
})

describe('GraphQL has no way in', () => {
  it('no mutation imports or previews a document', async () => {
    const res = await http.gql('{ __schema { mutationType { fields { name } } } }', sessions.admin.headers)
    const names: string[] = res.json.data.__schema.mutationType.fields.map((f: any) => f.name)
    expect(names).toContain('createPlan')
    expect(names.filter((n) => /import/i.test(n))).toEqual([])
  })
})
