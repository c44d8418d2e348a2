/**
 * Figures missing for the current reporting period, per organisation. The deadlines are data
 * on the documents that set them (plans' `reportingDeadlines`: day and month every year, the
 * organisations that report, optionally the indicators). The current period of a deadline is
 * the current year in Vietnam ("Năm 2026"), due on its day and month; an organisation has
 * reported when an indicator report of that year and period exists for it (for every listed
 * indicator, when the deadline lists some). Editors and admins see every organisation; a data
 * reporter only their own; authors report no figures and get no section.
 */
import { grantFor, policy, policyRoleOf } from '../access/policy'
import { relationId, type Id } from '../lib/relations'
import { foldVietnamese, formatDate } from '../lib/vietnamese'
import { adminHref, asUser, daysBetween, excerpt, ownOrganizationId, todayOf, type HomeContext } from './context'
import { daysLabel } from './format'
import { activeOn, organizationsById } from './organizations'

export type MissingOrganization = {
  id: Id
  name: string
  /** The organisation named in the document, when a successor answers for it. */
  insteadOf?: string
  /** Listed indicators it has not reported (empty when the deadline lists none). */
  missingIndicators: { id: Id; name: string }[]
}

export type DeadlineStatus = {
  plan: { id: Id; title: string; documentNumber?: string; href: string }
  text: string
  periodLabel: string
  year: number
  due: string
  dueLabel: string
  daysLeft: number
  daysLabel: string
  overdue: boolean
  expected: number
  missing: MissingOrganization[]
}

export type MissingFigures = {
  /** Data reporters: their organisation's name; undefined for editors. */
  scope?: string
  deadlines: DeadlineStatus[]
}

/** The label of a yearly period, as the figures importer writes it (cms/figures/rules.ts). */
export const yearPeriodLabel = (year: number) => `Năm ${year}`
const periodKey = (label: string) => foldVietnamese(label).toLowerCase().replace(/\s+/g, ' ').trim()

export async function missingFigures(ctx: HomeContext): Promise<MissingFigures | null> {
  // Those who may enter reports: every organisation, or their own.
  const grant = grantFor(policy.collections['indicator-reports'].create, policyRoleOf(ctx.user))
  if (grant === false) return null
  const ownOrg = grant === 'own-organization' ? ownOrganizationId(ctx) : undefined
  if (grant === 'own-organization' && ownOrg == null) return { deadlines: [] }

  const { payload } = ctx
  const today = todayOf(ctx)
  const year = Number(today.slice(0, 4))
  const orgs = await organizationsById(ctx)

  const plans = await payload.find({
    collection: 'plans',
    where: { and: [{ _status: { equals: 'published' } }, { 'reportingDeadlines.day': { exists: true } }] },
    // Leaving the long fields out rather than naming the wanted ones: with a positive select
    // the SQLite adapter drops the deadlines' hasMany organisations (Payload 3.90).
    select: { body: false, fullText: false, tasks: false, legalBasis: false, mentions: false, recipients: false },
    depth: 0,
    pagination: false,
    ...asUser(ctx),
  })

  type Expected = { plan: (typeof plans.docs)[number]; deadline: NonNullable<(typeof plans.docs)[number]['reportingDeadlines']>[number]; due: string; orgs: { org: { id: Id; name: string }; insteadOf?: string }[] }
  const expected: Expected[] = []
  for (const plan of plans.docs) {
    for (const deadline of plan.reportingDeadlines ?? []) {
      const due = `${year}-${String(deadline.month).padStart(2, '0')}-${String(deadline.day).padStart(2, '0')}`
      const seen = new Set<string>()
      const list: Expected['orgs'] = []
      for (const named of deadline.organizations ?? []) {
        const namedId = relationId(named)
        if (namedId == null) continue
        const org = activeOn(orgs, namedId, due)
        if (!org || seen.has(String(org.id))) continue
        if (ownOrg != null && String(org.id) !== String(ownOrg)) continue
        seen.add(String(org.id))
        const original = orgs.get(String(namedId))
        list.push({ org: { id: org.id, name: org.name }, insteadOf: String(org.id) !== String(namedId) ? original?.name : undefined })
      }
      if (list.length) expected.push({ plan, deadline, due, orgs: list })
    }
  }

  // Reports of the year by the organisations concerned, as the user may read them.
  const orgIds = [...new Set(expected.flatMap((e) => e.orgs.map((o) => o.org.id)))]
  const reported = new Map<string, Set<string>>() // organisation → indicators reported for the period
  if (orgIds.length) {
    const reports = await payload.find({
      collection: 'indicator-reports',
      where: { and: [{ year: { equals: year } }, { reportingOrganization: { in: orgIds } }] },
      select: { indicator: true, reportingOrganization: true, periodLabel: true },
      depth: 0,
      pagination: false,
      ...asUser(ctx),
    })
    const period = periodKey(yearPeriodLabel(year))
    for (const r of reports.docs) {
      if (periodKey(r.periodLabel) !== period) continue
      const org = String(relationId(r.reportingOrganization))
      if (!reported.has(org)) reported.set(org, new Set())
      reported.get(org)!.add(String(relationId(r.indicator)))
    }
  }

  const indicatorNames = await namesOfIndicators(ctx, expected.flatMap((e) => (e.deadline.indicators ?? []).map((i) => relationId(i.indicator)!)))

  const deadlines = expected.map(({ plan, deadline, due, orgs: list }): DeadlineStatus => {
    const wanted = (deadline.indicators ?? []).map((i) => relationId(i.indicator)!).filter((id) => id != null)
    const missing: MissingOrganization[] = []
    for (const { org, insteadOf } of list) {
      const done = reported.get(String(org.id))
      if (wanted.length === 0) {
        if (!done?.size) missing.push({ ...org, insteadOf, missingIndicators: [] })
        continue
      }
      const lacking = wanted.filter((id) => !done?.has(String(id)))
      if (lacking.length) missing.push({ ...org, insteadOf, missingIndicators: lacking.map((id) => ({ id, name: indicatorNames.get(String(id)) ?? String(id) })) })
    }
    const daysLeft = daysBetween(today, due)
    return {
      plan: { id: plan.id, title: excerpt(plan.title, 140), documentNumber: plan.documentNumber ?? undefined, href: adminHref(payload, { collection: 'plans', id: plan.id }) },
      text: excerpt(deadline.text, 200),
      periodLabel: yearPeriodLabel(year),
      year,
      due,
      dueLabel: formatDate(`${due}T12:00:00+07:00`),
      daysLeft,
      daysLabel: daysLabel(daysLeft),
      overdue: daysLeft < 0 && missing.length > 0,
      expected: list.length,
      missing,
    }
  })
  deadlines.sort((a, b) => a.due.localeCompare(b.due))
  const scope = ownOrg != null ? orgs.get(String(ownOrg))?.name : undefined
  return { scope, deadlines }
}

async function namesOfIndicators(ctx: HomeContext, ids: Id[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const { docs } = await ctx.payload.find({
    collection: 'indicators',
    where: { id: { in: [...new Set(ids)] } },
    select: { name: true },
    depth: 0,
    pagination: false,
    ...asUser(ctx),
  })
  return new Map(docs.map((i) => [String(i.id), i.name]))
}
