/**
 * Above the indicator reports list (server component): the figures import for those the policy
 * table allows (cms/figures/access.ts), with the organisations they may choose and the
 * indicator sets (topics that have indicators). Nothing for anyone else.
 */
import type { Payload, PayloadRequest } from 'payload'

import { figuresScope } from '../figures/access'
import { lastReportableYear } from '../figures/rules'
import { compareVietnamese } from '../lib/vietnamese'
import { FiguresImport } from './FiguresImport'

type Props = { payload: Payload; user?: PayloadRequest['user'] }

export async function FiguresImportPanel({ payload, user }: Props) {
  const access = figuresScope(user ?? null)
  if (!access.ok) return null
  const scope = access.scope
  const find = { depth: 0, pagination: false, overrideAccess: true } as const
  const [organizations, topics, indicators] = await Promise.all([
    payload.find({ collection: 'organizations', ...find, ...(scope.kind === 'organization' ? { where: { id: { equals: scope.organization } } } : {}) }),
    payload.find({ collection: 'topics', ...find }),
    payload.find({ collection: 'indicators', ...find, select: { topics: true } }),
  ])
  const used = new Set(indicators.docs.flatMap((i) => (i.topics ?? []).map((t) => String(typeof t === 'object' ? t.id : t))))
  return (
    <FiguresImport
      organizations={organizations.docs.map((o) => ({ id: String(o.id), name: o.name })).sort((a, b) => compareVietnamese(a.name, b.name))}
      topics={topics.docs.filter((t) => used.has(String(t.id))).map((t) => ({ id: String(t.id), name: t.name }))}
      lastYear={lastReportableYear()}
      ownOrganizationOnly={scope.kind === 'organization'}
    />
  )
}
