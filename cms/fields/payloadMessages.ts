/**
 * Payload's own Vietnamese messages, where its translation says "field" in English or does
 * not say what is wrong. Merged into `i18n.translations` in cms/payload.config.ts; every REST
 * validation error and the admin's form errors use them.
 */
export const vietnameseMessageOverrides = {
  validation: {
    fieldHasNo: 'Trường này không có: {{label}}',
    invalidSelection: 'Lựa chọn này không có trong danh sách cho phép.',
    invalidSelections: 'Các lựa chọn sau không có trong danh sách cho phép:',
    validUploadID: 'Trường này không trỏ tới một tệp đã tải lên.',
  },
  error: {
    correctInvalidFields: 'Lỗi - Hãy sửa các trường chưa hợp lệ.',
    followingFieldsInvalid_one: 'Lỗi - Trường sau chưa hợp lệ:',
    followingFieldsInvalid_other: 'Lỗi - Các trường sau chưa hợp lệ:',
    noMatchedField: 'Lỗi - Không tìm thấy trường nào khớp với "{{label}}".',
  },
} as const
