/** Source letters: A, B, … per indicator, in order of first appearance. */

import type { Id } from './types'
import type { PlanRef } from './common'
import type { DataRow } from './rows'

export interface SourceKey {
  key: string
  plan: PlanRef
}

export function sourceKeys(rows: readonly DataRow[]): SourceKey[] {
  const seen = new Map<Id, SourceKey>()
  for (const row of rows) {
    if (row.kind !== 'target' || !row.sourcePlan || seen.has(row.sourcePlan.id)) continue
    seen.set(row.sourcePlan.id, { key: letter(seen.size), plan: row.sourcePlan })
  }
  return [...seen.values()]
}

const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26))

export const keyOf = (keys: readonly SourceKey[], row: DataRow): string | null =>
  row.sourcePlan ? (keys.find((k) => k.plan.id === row.sourcePlan!.id)?.key ?? null) : null
