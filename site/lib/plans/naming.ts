/** How a document is named: type, number, heading, reference and date as printed. */
import type { Plan } from '../../../cms/payload-types'
import { documentTypes } from '../../../cms/fields/options'
import { formatDocDate, label } from '../format'

export const NO_NUMBER = 'Không số'

export const typeLabel = (plan: Pick<Plan, 'documentType'>) => label(documentTypes, plan.documentType)
export const numberText = (plan: Pick<Plan, 'documentNumber'>) => plan.documentNumber ?? NO_NUMBER

/** "Kế hoạch số 38/KH-HĐTĐKT"; "Kế hoạch (không số)" when the document has no number. */
export const planHeading = (plan: Pick<Plan, 'documentType' | 'documentNumber'>) =>
  plan.documentNumber ? `${typeLabel(plan)} số ${plan.documentNumber}` : `${typeLabel(plan)} (không số)`

/** How other pages name the document: its heading, or type and trích yếu when it has no number. */
export const planReference = (plan: Pick<Plan, 'documentType' | 'documentNumber' | 'title'>) =>
  plan.documentNumber ? planHeading(plan) : `${typeLabel(plan)} “${plan.title}”`

/** "04/4/2023", the date as printed when only partly given, or "Không ghi ngày". */
export const planDateText = (plan: Pick<Plan, 'issueDate' | 'issueDateText'>) =>
  formatDocDate(plan.issueDate, plan.issueDateText) || 'Không ghi ngày'
