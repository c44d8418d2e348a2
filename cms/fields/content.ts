/** Configuration shared by the versioned, publishable content collections. */
import type { CollectionConfig } from 'payload'

import {
  authorsSaveDraftsOnly,
  canReadVersions,
  editors,
  editorsOrAuthorDrafts,
  publishedOrStaff,
} from '../access'
import { portalRebuildHooks } from '../publishing/hooks'

export const publishableAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: canReadVersions,
  create: editorsOrAuthorDrafts,
  update: editorsOrAuthorDrafts,
  delete: editors,
}

export const publishableVersions: CollectionConfig['versions'] = {
  drafts: { schedulePublish: true, validate: true },
  maxPerDoc: 50,
}

export const publishableHooks = {
  beforeOperation: [authorsSaveDraftsOnly as never],
  ...portalRebuildHooks,
} satisfies CollectionConfig['hooks']

export const selectOptions = <O extends { value: string; label: { vi: string; en: string } }>(options: readonly O[]) =>
  options.map((o) => ({ value: o.value, label: o.label }))
