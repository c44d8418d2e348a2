/**
 * Draft preview, CMS side. The admin's "Xem trước" button opens the portal's on-demand
 * route `/xem-truoc/<collection>/<id>/?token=…`; that route asks this endpoint for the draft,
 * forwarding the token. Only a valid, unexpired token minted for a staff account that still
 * exists returns anything.
 */
import type { CollectionSlug, Endpoint, GeneratePreviewURL, JoinQuery } from 'payload'

import { isStaffUser } from '../access'
import { createPreviewToken, previewRefusals, verifyPreviewToken } from '../lib/previewToken'
import { stripStaffOnlyFields } from './publicFields'

/** Collections with a public detail page, and so a preview. */
export const previewableCollections = ['news', 'campaigns', 'honourees', 'plans', 'pages'] as const satisfies CollectionSlug[]
export type PreviewableCollection = (typeof previewableCollections)[number]

export const portalUrl = () => (process.env.PORTAL_URL ?? `http://localhost:${process.env.PORTAL_PORT ?? 4321}`).replace(/\/$/, '')

export const previewPath = (collection: string, id: string | number) => `/xem-truoc/${collection}/${id}/`

/** `admin.preview` for a collection: a signed link minted for the signed-in staff member. */
export const previewUrlFor =
  (collection: PreviewableCollection): GeneratePreviewURL =>
  (doc, { req }) => {
    if (!isStaffUser(req.user) || doc?.id == null) return null
    const token = createPreviewToken({ collection, id: doc.id as string | number, user: req.user!.id }, req.payload.secret)
    return `${portalUrl()}${previewPath(collection, doc.id as string | number)}?token=${encodeURIComponent(token)}`
  }

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'cache-control': 'no-store' } })

/**
 * GET /api/preview/:collection/:id?token=… → the latest draft, as the token's owner may read
 * it, without staff-only fields: whoever holds the link sees what the public would.
 */
export const previewEndpoint: Endpoint = {
  path: '/preview/:collection/:id',
  method: 'get',
  handler: async (req) => {
    const collection = String(req.routeParams?.collection ?? '')
    const id = String(req.routeParams?.id ?? '')
    if (!(previewableCollections as readonly string[]).includes(collection)) {
      return refuse(404, `Không có trang xem trước cho loại nội dung “${collection}”.`)
    }
    const token = new URL(req.url ?? '', 'http://localhost').searchParams.get('token')
    const check = verifyPreviewToken(token, { collection, id }, req.payload.secret)
    if (!check.ok) return refuse(check.reason === 'missing' ? 401 : 403, previewRefusals[check.reason])
    const user = await req.payload
      .findByID({ collection: 'users', id: check.claims.user, depth: 0, overrideAccess: true, disableErrors: true })
      .catch(() => null)
    if (!user || !isStaffUser(user)) return refuse(403, previewRefusals.user)
    const doc = await req.payload.findByID({
      collection: collection as PreviewableCollection,
      id,
      draft: true,
      // As the portal's build reads (site/lib/cms.ts): related documents with their
      // defaultPopulate fields, no join fields.
      depth: 1,
      joins: false as JoinQuery<PreviewableCollection>,
      overrideAccess: false,
      user: { ...user, collection: 'users' },
      disableErrors: true,
    })
    if (!doc) return refuse(404, 'Không tìm thấy tài liệu cần xem trước (có thể đã bị xóa).')
    const shown = await stripStaffOnlyFields(collection, doc as unknown as Record<string, unknown>, req)
    return Response.json(shown, { headers: { 'cache-control': 'no-store' } })
  },
}
