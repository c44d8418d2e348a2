/** Configuration shared by the versioned, publishable content collections. */
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { publishableRules } from '../access/policy'
import { publishableAccessFrom, publishRuleFrom } from '../access/publishRule'
import { portalRebuildHooks } from '../publishing/hooks'

/** Who reads drafts, saves drafts and publishes: the policy table's row for versioned content. */
const publishableAccess: CollectionConfig['access'] = publishableAccessFrom(publishableRules)

const publishableVersions: CollectionConfig['versions'] = {
  drafts: { schedulePublish: true, validate: true },
  maxPerDoc: 50,
}

const publishableHooks = {
  beforeOperation: [publishRuleFrom(publishableRules) as never],
  ...portalRebuildHooks,
} satisfies CollectionConfig['hooks']

/**
 * Access, versions (drafts, scheduled publishing) and hooks (the publish rule, portal rebuilds) of a
 * versioned content collection: `...publishable()` in its config. `beforeChange` hooks of the
 * collection's own run after the shared ones.
 */
export function publishable({ beforeChange = [] }: { beforeChange?: CollectionBeforeChangeHook[] } = {}) {
  return {
    access: publishableAccess,
    versions: publishableVersions,
    hooks: beforeChange.length ? { ...publishableHooks, beforeChange: [...publishableHooks.beforeChange, ...beforeChange] } : publishableHooks,
  } satisfies Pick<CollectionConfig, 'access' | 'versions' | 'hooks'>
}

export const selectOptions = <O extends { value: string; label: { vi: string; en: string } }>(options: readonly O[]) =>
  options.map((o) => ({ value: o.value, label: o.label }))
