/**
 * Checks every text, textarea, date and number field of every collection and global gets,
 * whatever its own validator: one plugin instead of a copy on each field, so a field added
 * later is covered too.
 * - text and textarea: no control characters (SQLite cuts a string at NUL; the others are
 *   invisible and come from pasting). A textarea may keep tabs and line breaks.
 * - date: a real calendar day in ISO form; `Date.parse` reads 2023-02-30 as 2 March.
 * - number: Payload turns a non-numeric string into NaN and then says "required"; say
 *   what is wrong instead.
 * The field's own validator (or Payload's default for its type) runs after these.
 */
import type { Config, Field, Plugin, Validate } from 'payload'
import { validations } from 'payload'

import { messages } from './validators'

type Options = Parameters<Validate>[1] & { label?: unknown; name?: string }

/** The field's name as staff see it in the admin (Vietnamese label, else the field name). */
export function fieldLabel(field: { label?: unknown; name?: string }): string {
  const { label, name } = field
  if (typeof label === 'string' && label) return `“${label}”`
  if (label && typeof label === 'object' && typeof (label as { vi?: unknown }).vi === 'string') return `“${(label as { vi: string }).vi}”`
  return `“${name ?? 'Trường'}”`
}

// C0 controls, DEL and C1 controls; a textarea may keep tab (\t), \n and \r.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

export const hasControlCharacters = (value: unknown, allowLines = false): boolean =>
  Array.isArray(value)
    ? value.some((item) => hasControlCharacters(item, allowLines))
    : typeof value === 'string' && (allowLines ? CONTROL_EXCEPT_LINES : CONTROL).test(value)

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** `true` for a real calendar date, else why not: 'shape' (not an ISO date) or 'impossible' (30/02). */
export function calendarDateProblem(value: unknown): true | 'shape' | 'impossible' {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'shape' : true
  if (typeof value !== 'string') return 'shape'
  const parts = ISO_DATE.exec(value.trim())
  if (!parts || Number.isNaN(Date.parse(value))) return 'shape'
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const check = new Date(Date.UTC(year, month - 1, day))
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? true : 'impossible'
}

const dayMonthYear = (value: string) => value.trim().slice(0, 10).split('-').reverse().join('/')

const isTextValue = (value: unknown): boolean =>
  value == null || typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))

const checkText = (allowLines: boolean) => (value: unknown, options: Options) => {
  // An object or number would reach the database as such (a 500, or "123.0" for 123).
  if (!isTextValue(value)) return messages.notText(fieldLabel(options))
  return hasControlCharacters(value, allowLines) ? messages.controlCharacters(fieldLabel(options), allowLines) : true
}

const checkDate = (value: unknown, options: Options) => {
  if (value == null || value === '') return true
  const problem = calendarDateProblem(value)
  if (problem === true) return true
  return problem === 'impossible' ? messages.impossibleDate(fieldLabel(options), dayMonthYear(String(value))) : messages.dateShape(fieldLabel(options))
}

const checkNumber = (value: unknown, options: Options) =>
  (Array.isArray(value) ? value : [value]).some((n) => typeof n === 'number' && Number.isNaN(n)) ? messages.notANumber(fieldLabel(options)) : true

const checksByType: Partial<Record<Field['type'], (value: unknown, options: Options) => true | string>> = {
  text: checkText(false),
  textarea: checkText(true),
  date: checkDate,
  number: checkNumber,
}

/** The field's validator: our check first, then the field's own or Payload's default. */
function withCheck(field: Field & { validate?: Validate }, check: (value: unknown, options: Options) => true | string): Validate {
  const next = (field.validate ?? validations[field.type as keyof typeof validations]) as Validate | undefined
  return (value, options) => {
    const result = check(value, options as Options)
    if (result !== true) return result
    return next ? next(value, options) : true
  }
}

/** Adds the checks to every field, nested ones (groups, rows, tabs, arrays, blocks) included. */
export function addInputChecks(fields: Field[]): Field[] {
  return fields.map((field) => {
    const check = checksByType[field.type]
    let next: Field = check && 'name' in field ? ({ ...field, validate: withCheck(field as never, check) } as Field) : field
    if ('fields' in next && Array.isArray(next.fields)) next = { ...next, fields: addInputChecks(next.fields) } as Field
    if (next.type === 'tabs') next = { ...next, tabs: next.tabs.map((tab) => ({ ...tab, fields: addInputChecks(tab.fields) })) }
    if (next.type === 'blocks' && next.blocks) {
      next = { ...next, blocks: next.blocks.map((block) => ({ ...block, fields: addInputChecks(block.fields) })) }
    }
    return next
  })
}

/** A collection or global only the system writes may opt out with `custom: { skipInputChecks: true }`. */
const checked = <C extends { fields: Field[]; custom?: Record<string, unknown> }>(entity: C): C =>
  entity.custom?.skipInputChecks === true ? entity : { ...entity, fields: addInputChecks(entity.fields) }

/** Payload plugin: the checks on every collection and global. */
export const inputChecks: Plugin = (config: Config): Config => ({
  ...config,
  collections: config.collections?.map(checked),
  globals: config.globals?.map(checked),
})
