/**
 * Reporting deadlines a document sets ("trước ngày 15 tháng 12 hằng năm … báo cáo"): the
 * day and month the yearly figures are due, which organisations must report and, optionally,
 * which indicators. The staff home (cms/home/missingFigures.ts) lists, for the current year,
 * the organisations that have not reported yet. Staff data, not shown on the portal.
 */
import type { Field, FieldAccess } from 'payload'

import { t } from './labels'

/** Days of each month in a common year: a yearly deadline must exist every year (no 29/2). */
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export const reportingDeadlineMessages = {
  day: 'Ngày của hạn báo cáo phải là số nguyên từ 1 đến 31.',
  month: 'Tháng của hạn báo cáo phải là số nguyên từ 1 đến 12.',
  dayOfMonth: (day: number, month: number) => `Ngày ${day} không có trong tháng ${month} (hạn báo cáo lặp lại hằng năm).`,
}

export const validDeadlineDay = (day: unknown, month: unknown): true | string => {
  if (day == null) return true
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 31) return reportingDeadlineMessages.day
  if (typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12 && day > daysInMonth[month - 1]) {
    return reportingDeadlineMessages.dayOfMonth(day, month)
  }
  return true
}

const signedIn: FieldAccess = ({ req }) => Boolean(req.user)

export const reportingDeadlinesField: Field = {
  name: 'reportingDeadlines',
  type: 'array',
  label: t('Hạn báo cáo số liệu hằng năm', 'Yearly reporting deadlines'),
  labels: { singular: t('Hạn báo cáo', 'Reporting deadline'), plural: t('Hạn báo cáo', 'Reporting deadlines') },
  // Staff working data: the portal (anonymous) never reads it.
  access: { read: signedIn },
  admin: {
    description: t(
      'Hạn nộp báo cáo số liệu mà văn bản giao (ví dụ “trước ngày 15 tháng 12 hằng năm”). Trang “Việc cần làm” nhắc các cơ quan chưa báo cáo số liệu của năm hiện tại.',
      'Yearly reporting deadlines set by this document. The staff home lists organisations that have not reported for the current year.',
    ),
  },
  fields: [
    { name: 'text', type: 'text', required: true, label: t('Thời hạn (như văn bản)', 'As printed') },
    {
      type: 'row',
      fields: [
        {
          name: 'day',
          type: 'number',
          required: true,
          label: t('Ngày', 'Day'),
          validate: (value: unknown, { siblingData }: { siblingData?: Record<string, unknown> }) => validDeadlineDay(value, siblingData?.month),
        },
        {
          name: 'month',
          type: 'number',
          required: true,
          label: t('Tháng', 'Month'),
          validate: (value: unknown) =>
            value == null || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12) || reportingDeadlineMessages.month,
        },
      ],
    },
    {
      name: 'organizations',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      required: true,
      label: t('Cơ quan phải báo cáo', 'Organisations that report'),
      admin: { description: t('Cơ quan đã sáp nhập được thay bằng cơ quan kế thừa.', 'A merged organisation is replaced by its successor.') },
    },
    {
      // An array of single relationships, not a hasMany one: a hasMany relation to indicators
      // would add a column to plans_rels, which earlier data migrations (media backfill) read.
      name: 'indicators',
      type: 'array',
      label: t('Chỉ tiêu phải báo cáo', 'Indicators to report'),
      labels: { singular: t('Chỉ tiêu', 'Indicator'), plural: t('Chỉ tiêu', 'Indicators') },
      admin: { description: t('Để trống: một báo cáo số liệu bất kỳ của năm là đủ.', 'Empty: any report of the year counts.') },
      fields: [{ name: 'indicator', type: 'relationship', relationTo: 'indicators', required: true, label: t('Chỉ tiêu', 'Indicator') }],
    },
  ],
}
