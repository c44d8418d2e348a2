/** Configuration shared by the versioned, publishable content collections. */
import type { CollectionConfig } from 'payload'

import { publishableRules } from '../access/policy'
import { publishableAccessFrom, publishRuleFrom } from '../access/publishRule'
import { portalRebuildHooks } from '../publishing/hooks'

/** Who reads drafts, saves drafts and publishes: the policy table's row for versioned content. */
export const publishableAccess: CollectionConfig['access'] = publishableAccessFrom(publishableRules)

export const publishableVersions: CollectionConfig['versions'] = {
  drafts: { schedulePublish: true, validate: true },
  maxPerDoc: 50,
}

export const publishableHooks = {
  beforeOperation: [publishRuleFrom(publishableRules) as never],
  ...portalRebuildHooks,
} satisfies CollectionConfig['hooks']

export const selectOptions = <O extends { value: string; label: { vi: string; en: string } }>(options: readonly O[]) =>
  options.map((o) => ({ value: o.value, label: o.label }))
