/**
 * The REST API's front door. cms/app/(payload)/api/[...slug]/route.ts mounts Payload's REST
 * handlers through `guardRestHandler`, and so do the tests (tests/helpers/http.ts), so both
 * see the same behaviour:
 * - a body Payload cannot read (url-encoded, text, XML…) answers 415 and changes nothing,
 *   where Payload would fail inside the operation with a 500;
 * - an id that cannot be an id of this database (`/api/plans/abc`, `/api/plans/distinct`)
 *   answers 404, where the database driver would throw;
 * - an exception that still escapes becomes a logged JSON 500.
 * `explainRequestErrors` (config `hooks.afterError`) does the rest for errors Payload catches
 * itself: request-caused database errors become 400s, and a validation error's top-level
 * message lists each field with its reason.
 */
import type { AfterErrorHook, AfterErrorResult, CollectionSlug, Endpoint, Payload, SanitizedConfig } from 'payload'
import { getPayload, ValidationError } from 'payload'

type RouteArgs = { params: Promise<{ slug?: string[] }> }
export type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>

export const apiMessages = {
  unsupportedBody: (type: string) =>
    `Không đọc được nội dung yêu cầu (${type || 'không rõ kiểu'}). API chỉ nhận JSON (Content-Type: application/json) hoặc multipart/form-data khi tải tệp lên; không có gì được thay đổi.`,
  badId: (id: string) => `Không tìm thấy: “${id.slice(0, 80)}” không phải là mã tài liệu hợp lệ.`,
  invalidJson: 'Nội dung yêu cầu không phải là JSON hợp lệ; không có gì được thay đổi.',
  badValue: 'Yêu cầu có giá trị không đúng kiểu (ví dụ mã tài liệu hay tham số không phải là số); không có gì được thay đổi.',
  missingReference: 'Yêu cầu liên kết tới một mục không tồn tại (có thể đã bị xóa); không có gì được thay đổi.',
  invalidFields: 'Chưa lưu được vì dữ liệu chưa hợp lệ —',
  unexpected: 'Hệ thống gặp lỗi khi xử lý yêu cầu. Lỗi đã được ghi lại; hãy thử lại sau.',
} as const

const jsonError = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'cache-control': 'no-store' } })

// ── Bodies ──────────────────────────────────────────────────────────────────
/** Media types Payload's body parser reads (payload/dist/utilities/addDataAndFileToRequest.js). */
const readableBody = (mediaType: string, methodOverride: boolean) =>
  mediaType === 'application/json' ||
  mediaType.startsWith('multipart/') ||
  // The admin's relationship pickers POST their query string with "X-HTTP-Method-Override: GET".
  (methodOverride && mediaType === 'application/x-www-form-urlencoded')

const isMethodOverrideGet = (request: Request) =>
  request.method === 'POST' &&
  (request.headers.get('x-payload-http-method-override') === 'GET' || request.headers.get('x-http-method-override') === 'GET')

/** The request to hand on, or a 415 when Payload could not read its body. */
function checkBody(request: Request): Request | Response {
  if (!['POST', 'PATCH', 'PUT'].includes(request.method) || request.body === null) return request
  // A browser's bodiless POST (the admin's logout, refresh) still arrives with an empty body
  // stream under Next.js, with Content-Length: 0 and no type: nothing to read, nothing to refuse.
  if (request.headers.get('content-length') === '0') return request
  const contentType = request.headers.get('content-type') ?? ''
  const mediaType = contentType.split(';', 1)[0]!.trim().toLowerCase()
  if (!readableBody(mediaType, isMethodOverrideGet(request))) return jsonError(415, apiMessages.unsupportedBody(mediaType))
  // Payload compares the JSON type case-sensitively ("Application/JSON" would reach it unread).
  if (mediaType === 'application/json' && contentType.split(';', 1)[0] !== 'application/json') {
    const headers = new Headers(request.headers)
    headers.set('content-type', 'application/json')
    return new Request(request, { headers, duplex: 'half' } as RequestInit)
  }
  return request
}

// ── Ids ─────────────────────────────────────────────────────────────────────
const INTEGER_ID = /^[1-9]\d{0,14}$/
const OBJECT_ID = /^[0-9a-f]{24}$/i

/**
 * Whether `id` can be a document id of `collection` in this database: a positive integer
 * on SQLite, a 24-hex ObjectId on MongoDB, anything non-empty for a custom text id.
 */
export function isDocumentId(payload: Payload, collection: string | undefined, id: string): boolean {
  const custom = collection ? payload.collections[collection as CollectionSlug]?.customIDType : undefined
  const idType = custom ?? payload.db.defaultIDType
  if (idType === 'number') return INTEGER_ID.test(id)
  if (!custom && payload.db.name === 'mongoose') return OBJECT_ID.test(id)
  return id.length > 0
}

/** Payload's endpoint paths ("/:id/duplicate", "/access/:id?") matched segment by segment. */
function matchEndpoint(path: string, segments: string[]): Record<string, string> | null {
  const parts = path.split('/').filter(Boolean)
  const params: Record<string, string> = {}
  let i = 0
  for (const part of parts) {
    const optional = part.startsWith(':') && part.endsWith('?')
    if (part.startsWith(':')) {
      if (i >= segments.length) {
        if (optional) continue
        return null
      }
      params[part.slice(1).replace(/\?$/, '')] = segments[i++]!
    } else if (segments[i++] !== part) return null
  }
  return i === segments.length ? params : null
}

/** The id a REST request names, with the collection it belongs to, found as Payload finds its endpoint. */
function requestedId(payload: Payload, slug: string[], method: string): { collection?: string; id: string } | undefined {
  let endpoints: Endpoint[] | false | undefined = payload.config.endpoints
  let rest = slug
  let collection: string | undefined
  if (slug[0] === 'globals') {
    endpoints = payload.globals.config.find((g) => g.slug === slug[1])?.endpoints
    rest = slug.slice(2)
  } else if (slug[0] && payload.collections[slug[0] as CollectionSlug]) {
    collection = slug[0]
    endpoints = payload.collections[slug[0] as CollectionSlug].config.endpoints
    rest = slug.slice(1)
  }
  if (!endpoints) return undefined
  const wanted = method.toLowerCase()
  for (const endpoint of endpoints) {
    if (endpoint.method !== wanted) continue
    const params = matchEndpoint(endpoint.path, rest)
    if (!params) continue
    if (params.id === undefined) return undefined
    // Root endpoints such as /preview/:collection/:id name their collection in the path.
    return { collection: collection ?? params.collection, id: params.id }
  }
  return undefined
}

/** Next hands the route decoded segments, the test helper encoded ones; either way, decode once if possible. */
const decodeSegment = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function checkId(payload: Payload, slug: string[], request: Request): Response | undefined {
  const method = isMethodOverrideGet(request) ? 'GET' : request.method
  const named = requestedId(payload, slug.map(decodeSegment).filter(Boolean), method)
  if (named && !isDocumentId(payload, named.collection, named.id)) return jsonError(404, apiMessages.badId(named.id))
  return undefined
}

// ── The wrapper ─────────────────────────────────────────────────────────────
/** Payload's REST handler for one method, behind the checks above. */
export function guardRestHandler(config: Promise<SanitizedConfig> | SanitizedConfig, handler: RouteHandler): RouteHandler {
  return async (request, args) => {
    let payload: Payload | undefined
    try {
      // `cron: true` as Payload's own route handlers ask, in case this request starts Payload.
      payload = await getPayload({ config: await config, cron: true })
      const checked = checkBody(request)
      if (checked instanceof Response) return checked
      const { slug = [] } = await args.params
      const refused = checkId(payload, slug, checked)
      if (refused) return refused
      return await handler(checked, args)
    } catch (error) {
      // Payload answers its own errors; this is for anything that still escapes.
      if (payload) payload.logger.error({ err: error, msg: `REST ${request.method} ${new URL(request.url).pathname}` })
      else console.error(error)
      return jsonError(500, apiMessages.unexpected)
    }
  }
}

// ── Errors Payload caught ───────────────────────────────────────────────────
const causes = (error: unknown): unknown[] => {
  const chain: unknown[] = []
  for (let e = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e)
  return chain
}

/** A database error the request itself caused: a non-number where a number id goes, a missing related row. */
function requestCausedDatabaseError(error: unknown): string | undefined {
  for (const e of causes(error)) {
    const { name, message = '', code } = e as { name?: string; message?: string; code?: string }
    if (name === 'RangeError' && /finite numbers|NaN/.test(message)) return apiMessages.badValue
    if (/can only bind numbers, strings/.test(message)) return apiMessages.badValue
    if (name === 'CastError' || name === 'BSONError') return apiMessages.badValue
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || /FOREIGN KEY constraint failed/.test(message)) return apiMessages.missingReference
  }
  return undefined
}

type FieldError = { label?: string | Record<string, string>; message?: string; path?: string }

/** A field label as staff read it: labels may be per language ({ vi, en }). */
const labelText = (label: FieldError['label']) => (typeof label === 'object' ? (label.vi ?? Object.values(label)[0]) : label)

/** "Chưa lưu được… — Loại văn bản: Lựa chọn không hợp lệ. Năm: phải là một số." */
export function describeFieldErrors(errors: FieldError[]): string {
  const each = errors.map(({ label, message = '', path }) => {
    const name = labelText(label) || path || ''
    const leaf = name.split(' > ').pop() ?? name
    return message.includes(leaf) ? message : `${name}: ${message}`
  })
  return `${apiMessages.invalidFields} ${each.join(' ')}`
}

/** `hooks.afterError`: errors say what was wrong, and request-caused ones are not 500s (REST and GraphQL). */
export const explainRequestErrors: AfterErrorHook = ({ error, graphqlResult, result }) => {
  // GraphQL hands the GraphQLError; Payload's own error is inside it.
  const cause = graphqlResult ? ((error as { originalError?: Error }).originalError ?? error) : error
  const answer = (message: string, status: number, data?: Record<string, unknown>): AfterErrorResult =>
    graphqlResult
      ? { graphqlResult: { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: status } } }
      : { response: data ? data : { errors: [{ message }] }, status }
  if (cause instanceof ValidationError) {
    const errors = (cause.data?.errors ?? []) as FieldError[]
    if (errors.length === 0) return
    const message = describeFieldErrors(errors)
    const first = result?.errors?.[0] as Record<string, unknown> | undefined
    return answer(message, 400, first ? { ...result, errors: [{ ...first, message }] } : undefined)
  }
  if (cause.message === 'Invalid JSON') return answer(apiMessages.invalidJson, 400)
  const requestCaused = requestCausedDatabaseError(cause)
  if (requestCaused) return answer(requestCaused, 400)
}
