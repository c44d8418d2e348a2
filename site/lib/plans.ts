/**
 * Official documents (plans, decisions, dispatches…) and the organisations behind them:
 * every derivation the /van-ban/ and /co-quan/ pages show — lists, filters with counts,
 * citations in both directions, tasks, targets, org directories — so templates only render.
 *
 * Pure functions over the published CMS documents (collection entries' `data`, depth 1).
 * Relationships are resolved by id against the published sets, never trusted as populated:
 * a related document that is not published is simply not linked.
 */
export type { Indicator, Organization, Plan, Topic } from '../../cms/payload-types'
export * from './plans/data'
export * from './plans/naming'
export * from './plans/filters'
export * from './plans/citations'
export * from './plans/body'
export * from './plans/facts'
export * from './plans/tasks'
export * from './plans/annexes'
// The JSON-LD of document and organisation pages, built with the others in structured-data.ts.
export { organizationJsonLd, planJsonLd } from './structured-data'
export * from './plans/organizations'
