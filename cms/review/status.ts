/**
 * The review states and their labels, shared by the server (fields, endpoints) and the admin's
 * review panel (a client component: this module imports nothing from the server).
 */
export const reviewStatuses = ['editing', 'submitted', 'returned', 'approved'] as const
export type ReviewStatus = (typeof reviewStatuses)[number]

export const reviewStatusLabels: Record<ReviewStatus, { vi: string; en: string }> = {
  editing: { vi: 'Đang soạn', en: 'Editing' },
  submitted: { vi: 'Chờ duyệt', en: 'Submitted for review' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
}

export const reviewActions = ['submitted', 'returned', 'approved'] as const
export type ReviewAction = (typeof reviewActions)[number]

export const reviewActionLabels: Record<ReviewAction, { vi: string; en: string }> = {
  submitted: { vi: 'Gửi duyệt', en: 'Submitted' },
  returned: { vi: 'Trả lại', en: 'Returned' },
  approved: { vi: 'Duyệt và xuất bản', en: 'Approved and published' },
}

/** The longest comment a step may carry. */
export const MAX_REVIEW_COMMENT = 2000

/** Every message the review actions answer with (Vietnamese, as staff read them). */
export const reviewMessages = {
  signIn: 'Cần đăng nhập để gửi duyệt hoặc duyệt nội dung.',
  submitRefused: 'Tài khoản của bạn không được gửi duyệt mục này.',
  otherOrganization: 'Bạn chỉ được gửi duyệt số liệu của cơ quan, đơn vị mình.',
  editorsOnly: 'Chỉ biên tập viên hoặc quản trị viên được trả lại hoặc duyệt nội dung.',
  notFound: 'Không tìm thấy mục cần duyệt.',
  badBody: 'Dữ liệu gửi lên không đọc được; cần gửi JSON, có thể kèm nhận xét (comment).',
  commentRequired: 'Cần ghi nhận xét cho người gửi: vì sao trả lại và cần sửa gì.',
  commentTooLong: `Nhận xét không được dài quá ${MAX_REVIEW_COMMENT.toLocaleString('vi-VN')} ký tự.`,
  alreadySubmitted: 'Mục này đang chờ duyệt; không cần gửi lại.',
  notSubmitted: 'Chỉ trả lại được mục đang chờ duyệt.',
  submitted: 'Đã gửi duyệt. Biên tập viên sẽ xem và duyệt hoặc trả lại kèm nhận xét.',
  returned: 'Đã trả lại kèm nhận xét; người gửi sẽ thấy nhận xét trên mục này.',
  approved: 'Đã duyệt và xuất bản; cổng thông tin sẽ được xây dựng lại.',
} as const
