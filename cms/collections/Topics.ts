import type { CollectionConfig } from 'payload'

import { collectionAccess, policy } from '../access/policy'
import { seedKeyField, slugField } from '../fields/common'
import { t } from '../fields/labels'
import { portalRebuildHooks } from '../publishing/hooks'
import { populatedFields } from '../lib/populate'

export const Topics: CollectionConfig<'topics'> = {
  slug: 'topics',
  // What a document linking here carries of it (cms/lib/populate.ts).
  defaultPopulate: populatedFields.topics,
  labels: { singular: t('Chủ đề', 'Topic'), plural: t('Chủ đề', 'Topics') },
  admin: { useAsTitle: 'name', group: t('Danh mục', 'Reference data') },
  access: collectionAccess(policy.collections.topics),
  hooks: portalRebuildHooks,
  fields: [{ name: 'name', type: 'text', required: true, label: t('Tên chủ đề', 'Name') }, slugField('name'), seedKeyField],
}
