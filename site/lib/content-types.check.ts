/**
 * Type-level check (tsc only, nothing runs): content entries carry Payload's generated types.
 * If this fails with `any`, .astro/content.d.ts is missing: run `npm run typecheck`, which
 * generates it (astro sync) before running tsc.
 */
import { getCollection, type CollectionEntry, type CollectionKey } from 'astro:content'

import type { Campaign, Honouree, Indicator, IndicatorReport, News, Organization, Page, Plan, SiteSetting, TaskUpdate, Topic } from '../../cms/payload-types'
import type { DocumentHistory } from './history'

/** True only when A and B are the same type (`any` is equal to nothing else). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const expect = <T extends true>(): T => true as T

type DataOf<C extends CollectionKey> = CollectionEntry<C>['data']

expect<Equal<DataOf<'plans'>, Plan>>()
expect<Equal<DataOf<'campaigns'>, Campaign>>()
expect<Equal<DataOf<'honourees'>, Honouree>>()
expect<Equal<DataOf<'news'>, News>>()
expect<Equal<DataOf<'pages'>, Page>>()
expect<Equal<DataOf<'indicators'>, Indicator>>()
expect<Equal<DataOf<'indicatorReports'>, IndicatorReport>>()
expect<Equal<DataOf<'taskUpdates'>, TaskUpdate>>()
expect<Equal<DataOf<'history'>, DocumentHistory>>()
expect<Equal<DataOf<'organizations'>, Organization>>()
expect<Equal<DataOf<'topics'>, Topic>>()
expect<Equal<DataOf<'settings'>, SiteSetting>>()

/** What pages call, never run: `getCollection()` itself returns typed entries. */
export async function getCollectionIsTyped() {
  const plans = await getCollection('plans')
  expect<Equal<(typeof plans)[number]['data'], Plan>>()
}
