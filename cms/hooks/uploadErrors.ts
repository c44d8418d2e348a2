/**
 * Payload's multipart parser (busboy) answers in English, and a body cut short — as Next.js
 * cuts one above its proxy's size limit — answers 500. This `afterError` hook gives those
 * errors a Vietnamese message and the right status: 413 for a size limit, 400 for a body that
 * is incomplete or not valid multipart. Nothing was saved in either case: the body is read
 * before any operation starts.
 */
import type { AfterErrorHook } from 'payload'

import { UPLOAD_TOO_LARGE_MESSAGE } from '../lib/uploadLimits'
import { URL_UPLOAD_MESSAGE } from '../lib/uploadTypes'

const TOO_MANY_PARTS_MESSAGE = 'Biểu mẫu tải lên có quá nhiều tệp hoặc trường dữ liệu.'
const BROKEN_BODY_MESSAGE = 'Dữ liệu tải lên không trọn vẹn hoặc sai định dạng (multipart/form-data). Hãy tải lại tệp.'
const UPLOAD_TIMEOUT_MESSAGE = 'Tải tệp lên quá lâu nên đã bị dừng. Hãy kiểm tra kết nối mạng rồi tải lại.'

/** Messages of Payload's fetchAPI-multipart and of busboy, by what they mean. */
const multipartErrors: [RegExp, number, string][] = [
  [/^(File size limit has been reached|Multipart request size limit has been reached)$/, 413, UPLOAD_TOO_LARGE_MESSAGE],
  [/^Multipart limit has been reached$/, 413, TOO_MANY_PARTS_MESSAGE],
  [/^Upload timeout for /, 408, UPLOAD_TIMEOUT_MESSAGE],
  [
    /^(Unexpected end of (form|file)|Malformed (part header|urlencoded form)|Multipart: Boundary not found|Unsupported content type|Request is not eligible for file upload)/,
    400,
    BROKEN_BODY_MESSAGE,
  ],
]

export const multipartErrorsInVietnamese: AfterErrorHook = ({ error, graphqlResult }) => {
  // refuseFileFromUrl's refusal arrives wrapped in Payload's FileRetrievalError (a 500).
  if (error?.message?.includes(URL_UPLOAD_MESSAGE)) {
    if (graphqlResult) return { graphqlResult: { ...graphqlResult, message: URL_UPLOAD_MESSAGE, extensions: { ...graphqlResult.extensions, statusCode: 400 } } }
    return { status: 400, response: { errors: [{ message: URL_UPLOAD_MESSAGE }] } }
  }
  if (graphqlResult) return
  const match = multipartErrors.find(([pattern]) => pattern.test(error?.message ?? ''))
  if (!match) return
  const [, status, message] = match
  return { status, response: { errors: [{ message }] } }
}
