/**
 * Withdrawal of an individual honouree's consent (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15:
 * the data subject may withdraw consent at any time). Recording it unpublishes the honouree
 * at once and keeps a staff-only record; the person can be published again only once a new
 * consent, dated after the withdrawal, is recorded.
 *
 * Only editors and administrators may record it: it unpublishes, which authors cannot do.
 * An author who receives a withdrawal records it as a data subject request (kind
 * "withdrawal") for an editor to act on.
 */
import type { CollectionBeforeChangeHook, Endpoint, PayloadRequest } from 'payload'
import { addDataAndFileToRequest } from 'payload'

import { isEditorUser } from '../access'
import { individualHonoureeKinds } from '../fields/options'
import { receivedVia } from './privacyOptions'

export type ConsentWithdrawal = {
  withdrawn?: boolean | null
  date?: string | null
  receivedVia?: string | null
  note?: string | null
  recordedBy?: unknown
  recordedAt?: string | null
}

type HonoureeLike = {
  kind?: string | null
  consent?: { recorded?: boolean | null; date?: string | null } | null
  consentWithdrawal?: ConsentWithdrawal | null
}

export const withdrawalMessages = {
  notAllowed:
    'Chỉ biên tập viên hoặc quản trị viên được ghi nhận việc rút lại sự đồng ý, vì việc này gỡ thông tin khỏi cổng. Hãy ghi yêu cầu vào “Yêu cầu của chủ thể dữ liệu” (loại: rút lại sự đồng ý) để biên tập viên xử lý ngay.',
  notFound: 'Không tìm thấy điển hình cần ghi nhận việc rút lại sự đồng ý.',
  notIndividual: 'Chỉ ghi nhận việc rút lại sự đồng ý cho điển hình là cá nhân.',
  badBody: 'Dữ liệu gửi lên không đọc được; cần gửi JSON gồm ngày rút lại (date), hình thức nhận (receivedVia) và ghi chú (note).',
  date: 'Ngày rút lại sự đồng ý phải là một ngày có thật, dạng YYYY-MM-DD, và không sau ngày hôm nay.',
  receivedVia: `Hình thức nhận yêu cầu phải là một trong: ${receivedVia.map((o) => o.label.vi.toLowerCase()).join(', ')}.`,
  note: 'Ghi chú không được dài quá 2.000 ký tự.',
  done: 'Đã ghi nhận việc rút lại sự đồng ý và gỡ xuất bản điển hình này; cổng thông tin sẽ được xây dựng lại để xóa thông tin của người này.',
  newConsentNeeded: (date: string) =>
    `Người này đã rút lại sự đồng ý ngày ${date}: cần ghi nhận sự đồng ý mới (ngày đồng ý sau ngày rút lại) trước khi xuất bản lại.`,
} as const

const isIndividual = (doc: HonoureeLike | undefined) =>
  (individualHonoureeKinds as readonly string[]).includes(String(doc?.kind))

const dayOf = (value: string | null | undefined) => (value ? String(value).slice(0, 10) : undefined)

/** `2026-03-05` → `05/03/2026`, as staff read dates. */
export const vietnameseDate = (value: string) => {
  const [y, m, d] = value.slice(0, 10).split('-')
  return `${d}/${m}/${y}`
}

/** A real calendar day written YYYY-MM-DD (2023-02-30 is refused, not moved to March). */
export function parseDay(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined
  const [y, m, d] = value.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? value : undefined
}

const today = () => new Date().toISOString().slice(0, 10)

/**
 * True while the honouree's consent stands withdrawn: a withdrawal is recorded and no consent
 * dated after it has been recorded since.
 */
export function consentStandsWithdrawn(doc: HonoureeLike | undefined): boolean {
  const withdrawnOn = doc?.consentWithdrawal?.withdrawn ? dayOf(doc.consentWithdrawal.date) : undefined
  if (!withdrawnOn) return false
  const consentOn = doc?.consent?.recorded ? dayOf(doc.consent.date) : undefined
  return !consentOn || consentOn <= withdrawnOn
}

/** For the consent checkbox's validator: publishing after a withdrawal needs a newer consent. */
export function validateNoStandingWithdrawal(data: (HonoureeLike & { _status?: string | null }) | undefined): true | string {
  if (!isIndividual(data) || data?._status !== 'published' || !consentStandsWithdrawn(data)) return true
  return withdrawalMessages.newConsentNeeded(vietnameseDate(String(data!.consentWithdrawal!.date)))
}

/** Context flag set only by the withdrawal endpoint, the one writer of the record. */
const RECORDING = 'recordingConsentWithdrawal'

/**
 * The withdrawal record is written only by the endpoint below. Every other save (the admin
 * form, REST, a restored version, a scheduled publish) keeps the record as stored, so an
 * old version restored from before the withdrawal cannot erase it and republish the person.
 */
export const keepConsentWithdrawal: CollectionBeforeChangeHook = ({ data, originalDoc, operation, context }) => {
  if (context[RECORDING]) return data
  const stored = operation === 'update' ? (originalDoc as HonoureeLike | undefined)?.consentWithdrawal : undefined
  return { ...data, consentWithdrawal: stored ?? {} }
}

type Input = { date?: unknown; receivedVia?: unknown; note?: unknown }

function checkInput(input: Input): { ok: true; value: Required<Pick<ConsentWithdrawal, 'date' | 'receivedVia' | 'note'>> } | { ok: false; message: string } {
  const date = parseDay(input.date)
  if (!date || date > today()) return { ok: false, message: withdrawalMessages.date }
  if (typeof input.receivedVia !== 'string' || !receivedVia.some((o) => o.value === input.receivedVia)) {
    return { ok: false, message: withdrawalMessages.receivedVia }
  }
  if (input.note != null && typeof input.note !== 'string') return { ok: false, message: withdrawalMessages.note }
  const note = (input.note ?? '').trim()
  if (note.length > 2000) return { ok: false, message: withdrawalMessages.note }
  return { ok: true, value: { date, receivedVia: input.receivedVia, note } }
}

const answer = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
const refuse = (status: number, message: string) => answer(status, { errors: [{ message }] })

async function readBody(req: PayloadRequest): Promise<Input | undefined> {
  try {
    await addDataAndFileToRequest(req)
  } catch {
    return undefined
  }
  const data = req.data
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Input) : undefined
}

/**
 * POST /api/honourees/:id/withdraw-consent  { date: 'YYYY-MM-DD', receivedVia, note }
 * Records the withdrawal (with who recorded it and when), clears the recorded consent and
 * unpublishes the honouree in one save; the rebuild hooks then remove them from the portal.
 */
export const withdrawConsentEndpoint: Endpoint = {
  path: '/:id/withdraw-consent',
  method: 'post',
  handler: async (req) => {
    if (!isEditorUser(req.user)) return refuse(req.user ? 403 : 401, withdrawalMessages.notAllowed)
    const id = String(req.routeParams?.id ?? '')
    if (!/^\d+$|^[0-9a-f]{24}$/i.test(id)) return refuse(404, withdrawalMessages.notFound)
    const input = await readBody(req)
    if (!input) return refuse(400, withdrawalMessages.badBody)
    const checked = checkInput(input)
    if (!checked.ok) return refuse(400, checked.message)
    const honouree = (await req.payload.findByID({ collection: 'honourees', id, depth: 0, overrideAccess: true, disableErrors: true })) as
      | (HonoureeLike & { consent?: Record<string, unknown> | null })
      | null
    if (!honouree) return refuse(404, withdrawalMessages.notFound)
    if (!isIndividual(honouree)) return refuse(400, withdrawalMessages.notIndividual)
    await req.payload.update({
      collection: 'honourees',
      id,
      data: {
        _status: 'draft',
        consent: { ...(honouree.consent ?? {}), recorded: false },
        consentWithdrawal: {
          withdrawn: true,
          ...checked.value,
          recordedBy: req.user!.id,
          recordedAt: new Date().toISOString(),
        },
      } as never,
      overrideAccess: true,
      context: { [RECORDING]: true },
      req,
    })
    return answer(200, { message: withdrawalMessages.done })
  },
}
