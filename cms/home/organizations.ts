/** Organisations by id (names, and who succeeded a merged unit), read once per home page. */
import type { Organization } from '../payload-types'
import { relationId, type Id } from '../lib/relations'
import { asUser, type HomeContext } from './context'

export type OrganizationInfo = Pick<Organization, 'id' | 'name' | 'shortName' | 'activeTo'> & { successor?: Id }

export async function organizationsById(ctx: HomeContext): Promise<Map<string, OrganizationInfo>> {
  const { docs } = await ctx.payload.find({
    collection: 'organizations',
    depth: 0,
    pagination: false,
    select: { name: true, shortName: true, activeTo: true, successor: true },
    ...asUser(ctx),
  })
  return new Map(docs.map((o) => [String(o.id), { id: o.id, name: o.name, shortName: o.shortName, activeTo: o.activeTo, successor: relationId(o.successor) }]))
}

/**
 * Who answers for `id` on calendar day `day` ("YYYY-MM-DD"): the organisation itself, or — when
 * it had ended by then (merged units of 2025) — its successor, followed along the chain.
 * Undefined when it ended without a successor.
 */
export function activeOn(orgs: Map<string, OrganizationInfo>, id: Id, day: string): OrganizationInfo | undefined {
  let org = orgs.get(String(id))
  for (let hops = 0; org && hops < 10; hops++) {
    if (!org.activeTo || org.activeTo.slice(0, 10) >= day) return org
    org = org.successor != null ? orgs.get(String(org.successor)) : undefined
  }
  return undefined
}
