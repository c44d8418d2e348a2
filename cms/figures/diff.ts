/**
 * What applying the checked rows would do: each row is a new report, a change to an existing
 * report of the same indicator, period, place and organisation, or changes nothing.
 */
import type { Id } from '../lib/relations'
import type { ExistingReport, FiguresContext } from './context'
import { reportKey, type ValidRow } from './rules'

export type ChangeKind = 'new' | 'changed' | 'unchanged'
export type Change = {
  kind: ChangeKind
  row: ValidRow
  /** The report it updates. */
  existing?: ExistingReport
  /** Fields that differ, with the stored value. */
  before?: Partial<Record<'value' | 'source' | 'note', number | string>>
}

export function diffRows(rows: ValidRow[], context: FiguresContext): Change[] {
  const existing = new Map<string, ExistingReport>()
  // Oldest first wins when the database already holds two copies of one report.
  for (const report of [...context.reports].sort((a, b) => String(a.id).localeCompare(String(b.id), 'en', { numeric: true }))) {
    const key = reportKey({ ...report })
    if (!existing.has(key)) existing.set(key, report)
  }
  return rows.map((row) => {
    const report = existing.get(reportKey({ ...row, indicator: row.indicator.id, organization: row.organization.id }))
    if (!report) return { kind: 'new', row }
    const before: Change['before'] = {}
    if (report.value !== row.value) before.value = report.value
    if (row.source !== undefined && row.source !== report.source) before.source = report.source
    if (row.note !== undefined && row.note !== report.note) before.note = report.note
    return Object.keys(before).length ? { kind: 'changed', row, existing: report, before } : { kind: 'unchanged', row, existing: report }
  })
}

export const countChanges = (changes: Change[]) => ({
  new: changes.filter((c) => c.kind === 'new').length,
  changed: changes.filter((c) => c.kind === 'changed').length,
  unchanged: changes.filter((c) => c.kind === 'unchanged').length,
})

export type { Id }
