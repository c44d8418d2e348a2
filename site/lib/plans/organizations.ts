/** Organisations: the directory, each one's facts, and what it issued. */
import type { Organization } from '../../../cms/payload-types'
import { leadershipRoles, organizationKinds, organizationLevels } from '../../../cms/fields/options'
import { relationId } from '../../../cms/lib/relations'
import { compareVietnamese } from '../../../cms/lib/vietnamese'
import { formatDate, label } from '../format'

import { organizationPath } from '../routes'
import { byText, type PlanIndex, resolve, resolveAll } from './data'
import { type OrgRef, orgRef } from './facts'

export const kindLabel = (org: Organization) => label(organizationKinds, org.kind)
export const levelLabel = (org: Organization) => (org.level ? label(organizationLevels, org.level) : 'Chưa phân cấp')

export interface OrgListItem {
  org: Organization
  name: string
  url: string
  kind: string
  shortName?: string
  successor?: OrgRef
  /** "Hoạt động đến 30/6/2025" when the unit ended without a successor. */
  ended?: string
}

export interface OrgDirectoryGroup {
  level: string
  levelValue: string
  /** Provinces (or one untitled group for central bodies), alphabetical. */
  provinces: { province?: string; orgs: OrgListItem[] }[]
  count: number
}

export function orgListItem(index: PlanIndex, org: Organization): OrgListItem {
  const successor = resolve(index.orgById, org.successor)
  return {
    org,
    name: org.name,
    url: organizationPath(org),
    kind: kindLabel(org),
    shortName: org.shortName && org.shortName !== org.name ? org.shortName : undefined,
    successor: successor ? orgRef(successor) : undefined,
    ended: !successor && org.activeTo ? `Hoạt động đến ${formatDate(org.activeTo)}` : undefined,
  }
}

/** All organisations by level (Trung ương, tỉnh, huyện, xã, then unclassified), then province. */
export function organizationDirectory(index: PlanIndex): OrgDirectoryGroup[] {
  const levels = [...organizationLevels.map((l) => l.value as string), '']
  return levels
    .map((level) => {
      const orgs = index.organizations.filter((o) => (o.level ?? '') === level)
      const provinces = [...new Set(orgs.map((o) => o.province ?? ''))].sort((a, b) => (a ? (b ? compareVietnamese(a, b) : 1) : -1))
      return {
        level: level ? label(organizationLevels, level) : 'Chưa phân cấp',
        levelValue: level || 'khac',
        provinces: provinces.map((p) => ({
          province: p || undefined,
          orgs: orgs.filter((o) => (o.province ?? '') === p).map((o) => orgListItem(index, o)),
        })),
        count: orgs.length,
      }
    })
    .filter((g) => g.count > 0)
}

/** "Trưởng khối" / "Phó cụm"… by the kind of group; the option label otherwise. */
export function blocRoleLabel(bloc: Pick<Organization, 'kind'>, role: string): string {
  const unit = bloc.kind === 'emulation-bloc' ? 'khối' : bloc.kind === 'emulation-cluster' ? 'cụm' : undefined
  if (!unit) return label(leadershipRoles, role)
  return role === 'head' ? `Trưởng ${unit}` : role === 'deputy' ? `Phó ${unit}` : label(leadershipRoles, role)
}

export interface LeadershipYear {
  year: number
  roles: { role: string; orgs: OrgRef[] }[]
}

export interface OrgFacts {
  name: string
  shortName?: string
  kind: string
  level: string
  province?: string
  parent?: OrgRef
  activePeriod?: string
  successor?: OrgRef
  changeNote?: string
  description?: string
  predecessors: OrgRef[]
  children: OrgRef[]
  memberOf: OrgRef[]
  /** Years this unit was head or deputy of a bloc or cluster. */
  blocRoles: { year: number; role: string; bloc: OrgRef }[]
  members: OrgRef[]
  leadership: LeadershipYear[]
  isBloc: boolean
}

export function organizationFacts(index: PlanIndex, org: Organization): OrgFacts {
  const parent = resolve(index.orgById, org.parent)
  const successor = resolve(index.orgById, org.successor)
  const from = org.activeFrom ? formatDate(org.activeFrom) : undefined
  const to = org.activeTo ? formatDate(org.activeTo) : undefined
  const activePeriod = from && to ? `Từ ${from} đến ${to}` : from ? `Từ ${from}` : to ? `Đến ${to}` : undefined
  const years = [...new Set((org.leadership ?? []).map((l) => l.year))].sort((a, b) => b - a)
  const roleName = (role: string) => blocRoleLabel(org, role)
  const leadership = years.map((year) => ({
    year,
    roles: leadershipRoles
      .map((r) => ({
        role: roleName(r.value),
        orgs: (org.leadership ?? [])
          .filter((l) => l.year === year && l.role === r.value)
          .map((l) => resolve(index.orgById, l.organization))
          .filter((o): o is Organization => o != null)
          .map(orgRef),
      }))
      .filter((r) => r.orgs.length > 0),
  }))
  return {
    name: org.name,
    shortName: org.shortName && org.shortName !== org.name ? org.shortName : undefined,
    kind: kindLabel(org),
    level: levelLabel(org),
    province: org.province ?? undefined,
    parent: parent ? orgRef(parent) : undefined,
    activePeriod,
    successor: successor ? orgRef(successor) : undefined,
    changeNote: org.changeNote ?? undefined,
    description: org.description ?? undefined,
    predecessors: index.organizations.filter((o) => relationId(o.successor) === org.id).map(orgRef),
    children: index.organizations.filter((o) => relationId(o.parent) === org.id).map(orgRef),
    memberOf: index.organizations.filter((o) => (o.members ?? []).some((m) => relationId(m) === org.id)).map(orgRef),
    blocRoles: index.organizations
      .flatMap((bloc) =>
        (bloc.leadership ?? [])
          .filter((l) => relationId(l.organization) === org.id)
          .map((l) => ({ year: l.year, role: blocRoleLabel(bloc, l.role), bloc: orgRef(bloc) })),
      )
      .sort((a, b) => b.year - a.year),
    members: resolveAll(index.orgById, org.members).sort(byText((o) => o.name)).map(orgRef),
    leadership,
    isBloc: org.kind === 'emulation-bloc' || org.kind === 'emulation-cluster',
  }
}

/** Published documents the organisation issued (alone or jointly), newest first. */
export const plansIssuedBy = (index: PlanIndex, org: Organization) =>
  index.plans.filter((p) => p.issuers.some((i) => relationId(i) === org.id))

/** Short description for an organisation page's meta. */
export function organizationDescription(index: PlanIndex, org: Organization): string {
  const facts = organizationFacts(index, org)
  const parts = [`${facts.name} — ${facts.kind}, cấp ${facts.level.toLocaleLowerCase('vi')}${facts.province ? `, ${facts.province}` : ''}.`]
  if (facts.successor) parts.push(`Đã hợp nhất vào ${facts.successor.name}.`)
  const issued = plansIssuedBy(index, org).length
  if (issued) parts.push(`${issued} văn bản đã ban hành trên cổng thông tin.`)
  return org.description ?? parts.join(' ')
}
