/**
 * A proposal, as staff corrected it, to the data of a DRAFT plan. Organisations and cited
 * documents are CMS ids here (the CMS endpoint matches against the database, whose ids are the
 * context's keys). Unknown issuers must be chosen or created first: a plan needs its issuers.
 */
import type { ProposedDocument } from './types.ts'

export const importMessages = {
  notAllowed: 'Chỉ cán bộ được tạo văn bản (tác giả, biên tập viên, quản trị viên) mới được nhập văn bản.',
  signIn: 'Hãy đăng nhập để nhập văn bản.',
  noInput: 'Hãy chọn một tệp (.docx, .pdf có lớp chữ, .txt) hoặc dán nội dung văn bản.',
  badDocument: 'Không đọc được bản nháp gửi lên. Hãy mở lại màn hình nhập văn bản và thử lại.',
  noTitle: 'Văn bản cần có trích yếu.',
  noType: 'Hãy chọn loại văn bản.',
  noIssuer: 'Hãy chọn cơ quan ban hành có trong CMS (cơ quan mới cần được biên tập viên tạo trước trong mục Cơ quan, tổ chức).',
  noYear: 'Hãy nhập năm của văn bản.',
  saved: 'Đã lưu bản nháp. Văn bản chưa được xuất bản.',
}

const id = (value: unknown): number | string | null => {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  if (typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value)) return value
  return null
}
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
const day = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : undefined)

export type PlanDraft = Record<string, unknown>

/** The plan's data, or the Vietnamese reason it cannot be saved. */
export function planDataFrom(input: unknown): { ok: true; data: PlanDraft } | { ok: false; message: string } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, message: importMessages.badDocument }
  const doc = input as Partial<ProposedDocument> & Record<string, any>
  const title = text(doc.title)
  if (!title) return { ok: false, message: importMessages.noTitle }
  if (!text(doc.type)) return { ok: false, message: importMessages.noType }
  const issuers = (Array.isArray(doc.issuers) ? doc.issuers : []).map((i: any) => id(i?.organization)).filter((v): v is number | string => v !== null)
  if (!issuers.length) return { ok: false, message: importMessages.noIssuer }
  const issueDate = day(doc.issueDate)
  const year = Number.isInteger(doc.year) ? doc.year : issueDate ? Number(issueDate.slice(0, 4)) : undefined
  if (!year) return { ok: false, message: importMessages.noYear }
  const list = (v: unknown) => (Array.isArray(v) ? v : [])
  const data: PlanDraft = {
    _status: 'draft',
    documentNumber: text(doc.number),
    documentType: doc.type,
    title,
    issuers,
    place: text(doc.place),
    issueDate,
    issueDateText: text(doc.issueDateText),
    year,
    signer: { name: text(doc.signer?.name), title: text(doc.signer?.title), authority: text(doc.signer?.authority) },
    legalBasis: list(doc.legalBasis).map((c: any) =>
      id(c?.plan) !== null
        ? { plan: id(c.plan) }
        : { citedNumber: text(c?.number), citedDate: day(c?.date), citedIssuer: text(c?.issuer), citedTitle: text(c?.title) },
    ),
    tasks: list(doc.tasks).map((t: any, i: number) => ({
      order: i + 1,
      group: text(t?.group),
      content: text(t?.content) ?? '',
      lead: id(t?.leadOrganization) ?? undefined,
      leadText: id(t?.leadOrganization) === null ? text(t?.lead) : undefined,
      coordinating: list(t?.coordinating).map((c: any) => id(c?.organization)).filter((v: unknown) => v !== null),
      coordinatingText: text(t?.coordinatingText),
      timeFrame: text(t?.timeFrame),
      dueStart: day(t?.dueStart),
      dueEnd: day(t?.dueEnd),
      status: 'not-reported',
    })),
    // The document's own part of the source, word for word: the public page's "Toàn văn".
    fullText: typeof doc.sourceText === 'string' && doc.sourceText.trim() ? doc.sourceText.normalize('NFC').trim() : undefined,
    recipients: list(doc.recipients)
      .filter((r: any) => text(r?.name))
      .map((r: any) => ({ name: text(r.name), organization: id(r.organization) ?? undefined })),
  }
  return { ok: true, data }
}

/** The body as Markdown (headings and paragraphs), for the CMS's Markdown → Lexical converter. */
export function bodyMarkdown(doc: Partial<ProposedDocument>): string {
  return (Array.isArray(doc.sections) ? doc.sections : [])
    .map((s) => [s?.heading ? `## ${s.heading}` : '', typeof s?.text === 'string' ? s.text : ''].filter(Boolean).join('\n\n'))
    .join('\n\n')
}
