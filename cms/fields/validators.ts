/**
 * Field validators with Vietnamese messages. Each returns `true` or the message shown
 * beside the field; Payload rejects the whole save (nothing is written) when one fails.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import { isDocumentNumber } from '../lib/documentNumber'
import { isPortalPath } from '../lib/portal'
import { SLUG_PATTERN } from '../lib/vietnamese'

type Options = {
  req: PayloadRequest
  id?: number | string
  collectionSlug?: string
  data?: Record<string, unknown>
  siblingData?: Record<string, unknown>
  operation?: string
}

export const messages = {
  slugShape: 'Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: thang-khuyen-hoc-2023).',
  slugTaken: (slug: string) => `Đường dẫn "${slug}" đã được dùng cho một mục khác. Hãy chọn đường dẫn khác.`,
  documentNumber:
    'Số, ký hiệu văn bản không đúng dạng. Ví dụ đúng: 38/KH-HĐTĐKT, 1315/QĐ-TTg, 04/2020/QĐ-UBND, 34-CT/TW.',
  percentRange: 'Giá trị tỷ lệ phần trăm phải nằm trong khoảng từ 0 đến 100.',
  negative: 'Giá trị không được là số âm.',
  dateOrder: 'Ngày kết thúc không được trước ngày bắt đầu.',
  yearOrder: 'Năm kết thúc không được trước năm bắt đầu.',
  altRequired: 'Cần nhập mô tả ảnh (văn bản thay thế) để người dùng trình đọc màn hình hiểu nội dung ảnh.',
  consentRequired:
    'Chưa ghi nhận sự đồng ý công bố của cá nhân: không thể xuất bản thông tin cá nhân khi chưa có sự đồng ý.',
  consentDateRequired: 'Cần nhập ngày ghi nhận sự đồng ý.',
  legalBasisEmpty: 'Mỗi căn cứ cần chọn một văn bản trong hệ thống hoặc ghi số, ký hiệu hay trích yếu văn bản được viện dẫn.',
  leadEmpty: 'Cần chọn cơ quan chủ trì hoặc ghi tên cơ quan chủ trì.',
  portalPath:
    'Đường dẫn phải là đường dẫn trong cổng thông tin: bắt đầu bằng một dấu “/”, không có khoảng trắng, dấu “\\”, ký tự điều khiển hay “//” (ví dụ: /trang/gioi-thieu/).',
  /** `field`: the field's label as staff see it. */
  impossibleDate: (field: string, day: string) => `${field}: ngày ${day} không có trên lịch. Hãy kiểm tra lại ngày, tháng.`,
  dateShape: (field: string) => `${field}: ngày không hợp lệ. Hãy nhập theo dạng năm-tháng-ngày, ví dụ 2023-09-01.`,
  controlCharacters: (field: string, allowsLines: boolean) =>
    `${field}: có ký tự điều khiển không nhìn thấy (ví dụ ký tự NUL)${allowsLines ? ' — chỉ được dùng dấu tab và xuống dòng' : ''}. Hãy xóa ký tự đó (thường do dán từ tệp khác) rồi lưu lại.`,
  notANumber: (field: string) => `${field}: phải là một số.`,
  notText: (field: string) => `${field}: phải là một đoạn văn bản.`,
} as const

export const validateSlugShape = (value: unknown) =>
  value == null || value === '' || (typeof value === 'string' && SLUG_PATTERN.test(value)) || messages.slugShape

/** Unique slug within the collection (the unique index backs this up; this gives the message). */
export const validateUniqueSlug = async (value: unknown, options: unknown) => {
  const shape = validateSlugShape(value)
  if (shape !== true) return shape
  if (typeof value !== 'string' || value === '') return true
  const { req, id, collectionSlug } = options as Options
  if (!collectionSlug) return true
  const existing = await req.payload.find({
    collection: collectionSlug as CollectionSlug,
    where: id != null ? { and: [{ slug: { equals: value } }, { id: { not_equals: id } }] } : { slug: { equals: value } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return existing.docs.length === 0 || messages.slugTaken(value)
}

export const validateDocumentNumber = (value: unknown) =>
  value == null || value === '' || (typeof value === 'string' && isDocumentNumber(value)) || messages.documentNumber

/** For an end-date field: not before the sibling start-date field. */
export const endNotBefore =
  (startField: string) =>
  (value: unknown, options: unknown) => {
    const start = (options as Options).siblingData?.[startField]
    if (!value || !start) return true
    return new Date(value as string).getTime() >= new Date(start as string).getTime() || messages.dateOrder
  }

export const yearNotBefore =
  (startField: string) =>
  (value: unknown, options: unknown) => {
    const start = (options as Options).siblingData?.[startField]
    if (value == null || start == null) return true
    return Number(value) >= Number(start) || messages.yearOrder
  }

/** A measured value: never negative; within 0–100 when the unit is a percentage. */
export const validateMeasure = (value: unknown, unit: string | undefined) => {
  if (value == null) return true
  const n = Number(value)
  if (!Number.isFinite(n)) return 'Giá trị phải là một số.'
  if (unit === 'percent' && (n < 0 || n > 100)) return messages.percentRange
  if (n < 0) return messages.negative
  return true
}

/** A link inside the portal ("/phong-trao/…"): never another site, never a scheme (cms/lib/portal.ts). */
export const validatePortalPath = (value: unknown) => value == null || value === '' || isPortalPath(value) || messages.portalPath

export const validateAlt = (value: unknown) =>
  (typeof value === 'string' && value.trim().length > 0) || messages.altRequired
