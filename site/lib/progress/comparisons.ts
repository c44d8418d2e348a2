/** Comparisons: actual against each target of the same year and scope. */
import { attainment, evaluate, gap, type Status, STATUS_NO_DATA, STATUS_NO_TARGET } from './status'
import { type DataRow, isAnnual } from './rows'

export interface TargetResult {
  target: DataRow
  status: Status
  attainment: number | null
  gap: number | null
}

export interface Comparison {
  year: number
  scope: string
  /** The value compared: the full-year report if there is one, else the latest report. */
  actual: DataRow | null
  /** Every report of that year and scope (several when partial periods are reported). */
  actuals: DataRow[]
  targets: TargetResult[]
}

/** Of several reports for one year and place, the full-year one (else the last entered). */
export function pickActual(actuals: readonly DataRow[]): DataRow | null {
  const annual = actuals.filter(isAnnual)
  const pool = annual.length ? annual : actuals
  return pool.length ? pool[pool.length - 1] : null
}

/** Rows grouped by year and scope, each target evaluated against the actual value. */
export function compare(rows: readonly DataRow[]): Comparison[] {
  const groups = new Map<string, { year: number; scope: string; targets: DataRow[]; actuals: DataRow[] }>()
  for (const row of rows) {
    const key = `${row.year}\u0000${row.scope}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { year: row.year, scope: row.scope, targets: [], actuals: [] }))
    ;(row.kind === 'target' ? g.targets : g.actuals).push(row)
  }
  return [...groups.values()].map((g) => {
    const actual = pickActual(g.actuals)
    return {
      year: g.year,
      scope: g.scope,
      actual,
      actuals: g.actuals,
      targets: g.targets.map((target) => ({
        target,
        status: evaluate(actual?.value, target.value, target.direction),
        attainment: attainment(actual?.value, target.value, target.direction),
        gap: gap(actual?.value, target.value),
      })),
    }
  })
}

/** Overall status of a set of results: any target missed → bad, all met → ok. */
export function overallStatus(results: readonly TargetResult[], hasActual: boolean): Status {
  if (!hasActual) return STATUS_NO_DATA
  if (results.length === 0) return STATUS_NO_TARGET
  if (results.some((r) => r.status.code === 'not-met')) {
    return results.every((r) => r.status.code === 'not-met')
      ? { code: 'not-met', kind: 'bad', label: 'Chưa đạt' }
      : { code: 'not-met', kind: 'bad', label: 'Chưa đạt một số mục tiêu' }
  }
  return results[0].status
}
