import type { CollectionConfig } from 'payload'

import { seedKeyField, slugField } from '../fields/common'
import { publishable, selectOptions } from '../fields/content'
import { t } from '../fields/labels'
import { documentTypes, taskStatuses } from '../fields/options'
import { endNotBefore, messages, validateDocumentNumber, yearNotBefore } from '../fields/validators'
import { bodyMediaField, richTextField } from '../fields/richText'
import { previewUrlFor } from '../publishing/preview'
import { importPreviewEndpoint, importSaveEndpoint } from '../import/endpoints'
import { populatedFields } from '../lib/populate'
import { changeNoteField } from '../fields/changeNote'
import { reportingDeadlinesField } from '../fields/reportingDeadlines'
import { reviewable } from '../review'

/** A citation: a document in the CMS, or the cited number, date, issuer and title. */
function citationValidate(_value: unknown, { siblingData }: { siblingData?: Record<string, unknown> }) {
  const s = siblingData ?? {}
  return Boolean(s.plan || s.citedNumber || s.citedTitle) || messages.legalBasisEmpty
}

const citationFields: CollectionConfig['fields'] = [
  {
    name: 'plan',
    type: 'relationship',
    relationTo: 'plans',
    label: t('Văn bản trong hệ thống', 'Document in the CMS'),
    validate: citationValidate,
  },
  {
    type: 'row',
    fields: [
      { name: 'citedNumber', type: 'text', label: t('Số, ký hiệu', 'Number'), validate: validateDocumentNumber },
      { name: 'citedDate', type: 'date', label: t('Ngày ban hành', 'Date') },
      { name: 'citedIssuer', type: 'text', label: t('Cơ quan ban hành', 'Issuer') },
    ],
  },
  { name: 'citedTitle', type: 'textarea', label: t('Trích yếu', 'Title') },
]

/** Official documents: plans, decisions, dispatches, directives, guidance. */
export const Plans: CollectionConfig<'plans'> = reviewable({
  slug: 'plans',
  // What a document linking here carries of it (cms/lib/populate.ts).
  defaultPopulate: populatedFields.plans,
  labels: { singular: t('Văn bản', 'Document'), plural: t('Văn bản, kế hoạch', 'Documents and plans') },
  admin: {
    // "Xem trước": the draft rendered by the portal's own page components, staff only.
    preview: previewUrlFor('plans'),
    useAsTitle: 'title',
    defaultColumns: ['documentNumber', 'title', 'documentType', 'issueDate', '_status'],
    group: t('Nội dung', 'Content'),
    listSearchableFields: ['title', 'documentNumber', 'summary'],
    components: { beforeList: ['/components/ImportDocumentLink#ImportDocumentLink'] },
  },
  ...publishable(),
  // The document importer: a proposal from a file (nothing saved), then a draft from it.
  endpoints: [importPreviewEndpoint, importSaveEndpoint],
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: t('Thông tin văn bản', 'Document details'),
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'documentNumber',
                  type: 'text',
                  label: t('Số, ký hiệu', 'Number and symbol'),
                  validate: validateDocumentNumber,
                  admin: { description: t('Ví dụ: 38/KH-HĐTĐKT. Để trống nếu văn bản không ghi số.', 'e.g. 38/KH-HĐTĐKT') },
                },
                {
                  name: 'documentType',
                  type: 'select',
                  required: true,
                  label: t('Loại văn bản', 'Type'),
                  options: selectOptions(documentTypes),
                },
              ],
            },
            { name: 'numberNote', type: 'text', label: t('Ghi chú về số văn bản', 'Number note') },
            { name: 'title', type: 'textarea', required: true, label: t('Trích yếu', 'Title (summary line)') },
            { name: 'summary', type: 'textarea', label: t('Tóm tắt', 'Summary') },
            {
              name: 'issuers',
              type: 'relationship',
              relationTo: 'organizations',
              hasMany: true,
              required: true,
              label: t('Cơ quan ban hành', 'Issuing organisations'),
            },
            {
              type: 'row',
              fields: [
                { name: 'place', type: 'text', label: t('Địa danh', 'Place') },
                {
                  name: 'issueDate',
                  type: 'date',
                  label: t('Ngày ban hành', 'Issue date'),
                  admin: { date: { displayFormat: 'dd/MM/yyyy' } },
                },
                { name: 'issueDateText', type: 'text', label: t('Ngày tháng như in trên văn bản', 'Date as printed') },
                { name: 'year', type: 'number', required: true, min: 1945, max: 2100, label: t('Năm', 'Year') },
              ],
            },
            {
              name: 'period',
              type: 'group',
              label: t('Giai đoạn áp dụng', 'Period'),
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'from', type: 'number', min: 1945, max: 2100, label: t('Từ năm', 'From') },
                    { name: 'to', type: 'number', min: 1945, max: 2100, label: t('Đến năm', 'To'), validate: yearNotBefore('from') },
                  ],
                },
              ],
            },
            {
              name: 'signer',
              type: 'group',
              label: t('Người ký', 'Signer'),
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'name', type: 'text', label: t('Họ và tên', 'Name') },
                    { name: 'title', type: 'text', label: t('Chức vụ', 'Title') },
                    { name: 'authority', type: 'text', label: t('Thẩm quyền ký (TM., KT., …)', 'Signing authority') },
                  ],
                },
              ],
            },
            { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, label: t('Chủ đề', 'Topics') },
          ],
        },
        {
          label: t('Nội dung', 'Body'),
          fields: [
            richTextField({ name: 'body', label: t('Nội dung văn bản', 'Body') }),
            bodyMediaField(),
            {
              // Decree 42/2022 asks portals to publish a document's full text as issued.
              name: 'fullText',
              type: 'textarea',
              maxLength: 300_000,
              label: t('Toàn văn (nguyên văn)', 'Full text (verbatim)'),
              admin: {
                rows: 12,
                description: t(
                  'Nguyên văn văn bản gốc, chép đúng từng chữ (kể cả lỗi in), để người đọc đối chiếu. Trang văn bản hiện phần này trong mục “Toàn văn”, thu gọn, mỗi đoạn cách nhau một dòng trống; không định dạng.',
                  'The original text, word for word (printing errors included), for readers to check against. Shown collapsed on the document page under “Toàn văn”; paragraphs separated by a blank line; no formatting.',
                ),
              },
            },
          ],
        },
        {
          label: t('Căn cứ', 'Legal basis'),
          fields: [
            {
              name: 'legalBasis',
              type: 'array',
              label: t('Căn cứ pháp lý', 'Legal basis'),
              labels: { singular: t('Căn cứ', 'Basis'), plural: t('Căn cứ', 'Bases') },
              fields: citationFields,
            },
            {
              name: 'mentions',
              type: 'array',
              label: t('Văn bản được nhắc đến', 'Documents mentioned'),
              fields: citationFields,
            },
            {
              name: 'citedBy',
              type: 'join',
              collection: 'plans',
              on: 'legalBasis.plan',
              label: t('Được viện dẫn bởi', 'Cited by'),
            },
          ],
        },
        {
          label: t('Nhiệm vụ', 'Tasks'),
          fields: [
            {
              name: 'tasks',
              type: 'array',
              label: t('Bảng nhiệm vụ', 'Tasks'),
              labels: { singular: t('Nhiệm vụ', 'Task'), plural: t('Nhiệm vụ', 'Tasks') },
              admin: { initCollapsed: true },
              fields: [
                { name: 'order', type: 'number', label: t('STT', 'No.') },
                { name: 'group', type: 'text', label: t('Nhóm, mục', 'Group') },
                { name: 'content', type: 'textarea', required: true, label: t('Nội dung', 'Content') },
                {
                  type: 'row',
                  fields: [
                    { name: 'lead', type: 'relationship', relationTo: 'organizations', label: t('Cơ quan chủ trì', 'Lead') },
                    {
                      name: 'leadText',
                      type: 'text',
                      label: t('Cơ quan chủ trì (ghi như văn bản)', 'Lead as printed'),
                      validate: (value: unknown, { siblingData }: { siblingData?: Record<string, unknown> }) =>
                        Boolean(value) || siblingData?.lead != null || messages.leadEmpty,
                    },
                  ],
                },
                {
                  name: 'coordinating',
                  type: 'relationship',
                  relationTo: 'organizations',
                  hasMany: true,
                  label: t('Cơ quan phối hợp', 'Coordinating'),
                },
                { name: 'coordinatingText', type: 'textarea', label: t('Cơ quan phối hợp (ghi như văn bản)', 'Coordinating as printed') },
                { name: 'audience', type: 'textarea', label: t('Nội dung, đối tượng', 'Audience') },
                {
                  type: 'row',
                  fields: [
                    { name: 'timeFrame', type: 'text', label: t('Thời gian thực hiện', 'Time frame') },
                    { name: 'dueStart', type: 'date', label: t('Từ ngày', 'From') },
                    { name: 'dueEnd', type: 'date', label: t('Đến ngày', 'To'), validate: endNotBefore('dueStart') },
                    {
                      name: 'status',
                      type: 'select',
                      required: true,
                      defaultValue: 'not-reported',
                      label: t('Tình trạng', 'Status'),
                      options: selectOptions(taskStatuses),
                    },
                  ],
                },
              ],
            },
            {
              name: 'deadlines',
              type: 'array',
              label: t('Mốc thời hạn', 'Deadlines'),
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'text', type: 'text', required: true, label: t('Thời hạn (như văn bản)', 'As printed') },
                    { name: 'date', type: 'date', label: t('Ngày', 'Date') },
                    {
                      name: 'recurrence',
                      type: 'select',
                      defaultValue: 'none',
                      label: t('Lặp lại', 'Recurrence'),
                      options: [
                        { value: 'none', label: t('Một lần', 'Once') },
                        { value: 'yearly', label: t('Hằng năm', 'Yearly') },
                      ],
                    },
                  ],
                },
              ],
            },
            reportingDeadlinesField,
            {
              name: 'targetIndicators',
              type: 'join',
              collection: 'indicators',
              on: 'targets.sourcePlan',
              label: t('Chỉ tiêu do văn bản này đặt ra', 'Targets set by this document'),
            },
          ],
        },
        {
          label: t('Nơi nhận, đính kèm', 'Recipients, attachments'),
          fields: [
            {
              name: 'recipients',
              type: 'array',
              label: t('Nơi nhận', 'Recipients'),
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'name', type: 'text', required: true, label: t('Nơi nhận (như văn bản)', 'As printed') },
                    { name: 'organization', type: 'relationship', relationTo: 'organizations', label: t('Cơ quan', 'Organisation') },
                  ],
                },
              ],
            },
            {
              name: 'attachments',
              type: 'array',
              label: t('Tài liệu đính kèm', 'Attachments'),
              fields: [
                { name: 'title', type: 'text', required: true, label: t('Tên tài liệu', 'Title') },
                { name: 'file', type: 'upload', relationTo: 'media', label: t('Tệp', 'File') },
                { name: 'plan', type: 'relationship', relationTo: 'plans', label: t('Văn bản trong hệ thống', 'Document in the CMS') },
              ],
            },
            { name: 'transcriptionNotes', type: 'textarea', label: t('Ghi chú biên tập, số hóa', 'Transcription notes') },
          ],
        },
      ],
    },
    // "38/KH-HĐTĐKT" of 2023 → 38-kh-hdtdkt-2023; documents without a number use their title.
    slugField((doc) => (doc.documentNumber ? `${doc.documentNumber} ${doc.year ?? ''}` : doc.title)),
    changeNoteField,
    seedKeyField,
  ],
})
