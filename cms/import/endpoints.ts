/**
 * The importer in the CMS, for staff who may create plans (cms/access/policy.ts: plans.create):
 * - POST /api/plans/import-preview — multipart `file` (.docx, PDF with a text layer, .txt) or a
 *   pasted `text`: returns the proposed document(s) and saves NOTHING;
 * - POST /api/plans/import-save — the proposal as staff corrected it (`document`) and the original
 *   `file`: creates a DRAFT plan (never published), the original PDF attached as its full text.
 * Bad input gets a Vietnamese message and changes nothing; no GraphQL mutation exists for either.
 */
import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { may, policy } from '../access/policy'
import { markdownConverter } from '../seed/markdown'
import { ImportError, extractText } from './extract.ts'
import { proposeDocuments } from './index.ts'
import { bodyMarkdown, importMessages, planDataFrom } from './planData.ts'
import type { ImportContext } from './types.ts'

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
const refuse = (status: number, message: string) => answer(status, { errors: [{ message }] })

function denied(req: PayloadRequest): Response | null {
  if (!req.user) return refuse(401, importMessages.signIn)
  return may(policy.collections.plans.create, req.user) ? null : refuse(403, importMessages.notAllowed)
}

async function readInput(req: PayloadRequest): Promise<{ data: Record<string, unknown>; file?: Buffer } | null> {
  try {
    await addDataAndFileToRequest(req)
  } catch {
    return null
  }
  const data = req.data && typeof req.data === 'object' && !Array.isArray(req.data) ? (req.data as Record<string, unknown>) : {}
  const file = req.file?.data?.length ? Buffer.from(req.file.data) : undefined
  return { data, file }
}

/** Organisations and documents in the CMS, ids as keys (staff see drafts too). */
export async function cmsContext(req: PayloadRequest): Promise<ImportContext> {
  const [orgs, plans] = await Promise.all([
    req.payload.find({ collection: 'organizations', limit: 0, pagination: false, depth: 0, overrideAccess: true, select: { name: true, shortName: true, province: true } as never }),
    req.payload.find({ collection: 'plans', limit: 0, pagination: false, depth: 0, overrideAccess: true, draft: true, select: { documentNumber: true } as never }),
  ])
  return {
    organizations: orgs.docs.map((o: any) => ({ key: String(o.id), name: o.name, shortName: o.shortName ?? null, province: o.province ?? null })),
    plans: plans.docs.map((p: any) => ({ key: String(p.id), documentNumber: p.documentNumber ?? null })),
  }
}

function importFailure(error: unknown): Response {
  if (error instanceof ImportError) return refuse(error.code === 'too-large' ? 413 : error.code === 'type' || error.code === 'old-word' ? 415 : 400, error.message)
  throw error
}

export const importPreviewEndpoint: Endpoint = {
  path: '/import-preview',
  method: 'post',
  handler: async (req) => {
    const refused = denied(req)
    if (refused) return refused
    const input = await readInput(req)
    if (!input) return refuse(400, importMessages.noInput)
    try {
      let text: string
      let format: string
      if (input.file) ({ text, format } = await extractText(input.file))
      else if (typeof input.data.text === 'string' && input.data.text.trim()) {
        ;({ text, format } = await extractText(Buffer.from(input.data.text, 'utf8')))
        format = 'paste'
      } else return refuse(400, importMessages.noInput)
      const documents = proposeDocuments(text, await cmsContext(req))
      return answer(200, { format, documents })
    } catch (error) {
      return importFailure(error)
    }
  },
}

export const importSaveEndpoint: Endpoint = {
  path: '/import-save',
  method: 'post',
  handler: async (req) => {
    const refused = denied(req)
    if (refused) return refused
    const input = await readInput(req)
    if (!input) return refuse(400, importMessages.badDocument)
    let document = input.data.document
    if (typeof document === 'string') {
      try {
        document = JSON.parse(document)
      } catch {
        return refuse(400, importMessages.badDocument)
      }
    }
    const planned = planDataFrom(document)
    if (!planned.ok) return refuse(400, planned.message)
    let format: string | null = null
    if (input.file) {
      try {
        ;({ format } = await extractText(input.file))
      } catch (error) {
        return importFailure(error)
      }
    }
    const toLexical = await markdownConverter(req.payload)
    const body = toLexical(bodyMarkdown(document as never))
    let mediaId: number | string | undefined
    try {
      // The original as the document's full text: the media library keeps PDFs (cms/lib/uploadTypes.ts).
      if (input.file && format === 'pdf') {
        const name = req.file?.name || 'van-ban.pdf'
        const media = await req.payload.create({
          collection: 'media',
          data: { alt: `Toàn văn: ${String((document as any).title).slice(0, 200)}` } as never,
          file: { data: input.file, name, mimetype: 'application/pdf', size: input.file.length },
          overrideAccess: false,
          req,
        })
        mediaId = media.id
      }
      const plan = await req.payload.create({
        collection: 'plans',
        data: {
          ...planned.data,
          ...(body ? { body } : {}),
          ...(mediaId ? { attachments: [{ title: 'Toàn văn văn bản (bản gốc)', file: mediaId }] } : {}),
          transcriptionNotes: `Nhập tự động từ ${req.file?.name ? `tệp “${req.file.name}”` : 'nội dung dán vào'}${format ? ` (${format})` : ''}; cán bộ đã kiểm tra trước khi lưu.`,
          _status: 'draft',
        } as never,
        draft: true,
        overrideAccess: false,
        req,
      })
      return answer(201, { message: importMessages.saved, id: plan.id, attached: Boolean(mediaId) })
    } catch (error) {
      if (mediaId) await req.payload.delete({ collection: 'media', id: mediaId, overrideAccess: true }).catch(() => undefined)
      const e = error as { status?: number; data?: { errors?: { message: string; path?: string }[] }; message?: string }
      if (e.status && e.status < 500) return answer(e.status, { errors: e.data?.errors ?? [{ message: e.message ?? importMessages.badDocument }] })
      throw error
    }
  },
}
