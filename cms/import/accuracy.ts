/**
 * How close the importer's proposals come to the faithful transcriptions in content/plans:
 * per field, correct out of total, with the mismatches. Used by `npm run bench:import` and the
 * importer's tests (the five source documents must come out as transcribed).
 */
import fs from 'node:fs'
import path from 'node:path'

import { readContentPlans, type ContentPlan } from './contentContext.ts'
import { foldKey } from './text.ts'
import type { ProposedDocument } from './types.ts'

export type FieldScore = { field: string; correct: number; total: number; misses: string[] }

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
const sameText = (a: string | null | undefined, b: string | null | undefined) => foldKey(a ?? '') === foldKey(b ?? '')

/** The transcription a proposal stands for: same number, else same title. */
export function findPlan(doc: ProposedDocument, plans: ContentPlan[]): ContentPlan | undefined {
  return (
    (doc.number ? plans.find((p) => p.documentNumber && sameText(p.documentNumber, doc.number)) : undefined) ??
    plans.find((p) => !p.documentNumber && sameText(p.title, doc.title)) ??
    plans.find((p) => sameText(p.title, doc.title))
  )
}

export function compare(pairs: { doc: ProposedDocument; plan: ContentPlan | undefined; label: string }[], plans: ContentPlan[]): FieldScore[] {
  const scores = new Map<string, FieldScore>()
  const score = (field: string, ok: boolean, miss: string) => {
    const s = scores.get(field) ?? { field, correct: 0, total: 0, misses: [] }
    s.total++
    if (ok) s.correct++
    else s.misses.push(miss)
    scores.set(field, s)
  }
  const numberOf = (key: string) => plans.find((p) => p.key === key)?.documentNumber ?? null
  for (const { doc, plan, label } of pairs) {
    if (!plan) {
      score('document found', false, `${label}: ${doc.number ?? doc.title}`)
      continue
    }
    score('document found', true, '')
    const at = `${label} ${plan.key}`
    const check = (field: string, got: unknown, want: unknown, eq: (a: any, b: any) => boolean = same) => score(field, eq(got as never, want as never), `${at}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want ?? null)}`)
    check('number', doc.number, plan.documentNumber)
    check('type', doc.type, plan.documentType)
    check('title', doc.title, plan.title, sameText)
    check('date', doc.issueDate, plan.issueDate)
    check('place', doc.place, plan.place)
    check('issuers', doc.issuers.map((i) => i.organization), plan.issuers)
    const signer = plan.signer ?? {}
    check('signer', doc.signer, { name: signer.name ?? null, title: signer.title ?? null, authority: signer.authority ?? null })
    const cited = (plan.legalBasis ?? []).map((l: any) => (l.plan ? numberOf(l.plan) : (l.citedNumber ?? null)))
    check('legal-basis numbers', doc.legalBasis.map((l) => l.number), cited)
    check('legal-basis links', doc.legalBasis.map((l) => l.plan), (plan.legalBasis ?? []).map((l: any) => l.plan ?? null))
    const tasks = plan.tasks ?? []
    check('task count', doc.tasks.length, tasks.length)
    check('recipient count', doc.recipients.length, (plan.recipients ?? []).length)
    tasks.forEach((t: any, i: number) => {
      const got = doc.tasks[i]
      const where = `${at} task ${i + 1}`
      const leadOk = got ? (t.lead ? got.leadOrganization === t.lead : sameText(got.lead, t.leadText)) : false
      score('task lead', leadOk, `${where}: ${got?.leadOrganization ?? got?.lead} ≠ ${t.lead ?? t.leadText}`)
      score('task time frame', !!got && sameText(got.timeFrame, t.timeFrame), `${where}: ${got?.timeFrame} ≠ ${t.timeFrame}`)
      score('task due dates', !!got && same([got.dueStart, got.dueEnd], [t.dueStart ?? null, t.dueEnd ?? null]), `${where}: ${got?.dueStart}…${got?.dueEnd} ≠ ${t.dueStart}…${t.dueEnd}`)
    })
  }
  return [...scores.values()]
}

export function sourceFiles(contentDir: string): string[] {
  const dir = path.join(contentDir, 'sources')
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f))
}

export { readContentPlans }
