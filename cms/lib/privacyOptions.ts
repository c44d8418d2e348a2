/**
 * Option lists of the personal-data features (no server imports: the admin's client
 * components use them too). Values are English and stable; labels are Vietnamese first.
 */
import { opt } from '../fields/options'

/** How a request or a withdrawal of consent reached the office. */
export const receivedVia = [
  opt('letter', 'Văn bản', 'Letter'),
  opt('email', 'Thư điện tử', 'E-mail'),
  opt('in-person', 'Trực tiếp', 'In person'),
  opt('phone', 'Điện thoại', 'Phone'),
  opt('other', 'Khác', 'Other'),
] as const

/** What a data subject asks for (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 4). */
export const dataSubjectRequestKinds = [
  opt('access', 'Xem, được cung cấp dữ liệu', 'Access'),
  opt('correction', 'Chỉnh sửa dữ liệu', 'Correction'),
  opt('deletion', 'Xóa dữ liệu', 'Deletion'),
  opt('withdrawal', 'Rút lại sự đồng ý', 'Withdrawal of consent'),
  opt('restriction', 'Hạn chế xử lý', 'Restriction'),
  opt('objection', 'Phản đối xử lý', 'Objection'),
  opt('other', 'Khác', 'Other'),
] as const
export type DataSubjectRequestKind = (typeof dataSubjectRequestKinds)[number]['value']

export const dataSubjectRequestStatuses = [
  opt('received', 'Đã nhận', 'Received'),
  opt('acknowledged', 'Đã phản hồi, đang giải quyết', 'Acknowledged, in progress'),
  opt('completed', 'Đã giải quyết xong', 'Completed'),
  opt('refused', 'Từ chối (có nêu lý do)', 'Refused (with reasons)'),
] as const
export type DataSubjectRequestStatus = (typeof dataSubjectRequestStatuses)[number]['value']
