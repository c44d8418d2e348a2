/**
 * How large an upload may be, in one place: Payload's multipart parser (payload.config.ts
 * `upload`), the media hook (Local API uploads too), the CMS proxy (which refuses a larger
 * request by its Content-Length before Next.js buffers it) and next.config.mjs
 * (`proxyClientMaxBodySize`, which must let a whole allowed request through the proxy).
 *
 * 20 MB: a scanned plan or decision of a few dozen pages, or a phone photo, fits; anything
 * larger is usually a video or an unreduced scan, which the portal does not serve.
 */
export const MAX_UPLOAD_MB = 20
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024

/** The whole multipart request: the file plus room for the form's fields (alt text, caption…). */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 2 * 1024 * 1024

export const UPLOAD_TOO_LARGE_MESSAGE = `Tệp quá lớn: mỗi tệp tải lên tối đa ${MAX_UPLOAD_MB} MB. Hãy nén ảnh hoặc giảm độ phân giải bản quét rồi tải lại.`

/** HTTP 413 for a request whose declared length is over the limit (the CMS proxy calls this). */
export function oversizedUploadResponse(request: Request): Response | undefined {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined
  const length = Number(request.headers.get('content-length'))
  if (!Number.isFinite(length) || length <= MAX_UPLOAD_REQUEST_BYTES) return undefined
  return Response.json({ errors: [{ message: UPLOAD_TOO_LARGE_MESSAGE }] }, { status: 413 })
}
