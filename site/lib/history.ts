/**
 * "Lịch sử cập nhật": a document's published versions, each with its date and change note
 * (the `changeNote` field, cms/fields/changeNote.ts). Read at build time through
 * site/lib/cms.ts (published versions only, date and note only).
 */
import type { Loader } from 'astro/loaders'
import { z } from 'astro/zod'

import { findPublishedVersionNotes } from './cms'
import { documentHistories, historyCollections, historyId, type DocumentHistory } from './history-entries'

export * from './history-entries'

/** One entry per published document of every versioned collection: `historyId(collection, id)`. */
export function historyLoader() {
  return {
    name: 'payload-history',
    schema: z.custom<DocumentHistory>((value) => typeof value === 'object' && value !== null),
    load: async ({ store, parseData, generateDigest }) => {
      store.clear()
      for (const collection of historyCollections) {
        for (const history of documentHistories(collection, await findPublishedVersionNotes(collection))) {
          const id = historyId(collection, history.parent)
          const data = JSON.parse(JSON.stringify(history)) as Record<string, unknown>
          store.set({ id, data: await parseData({ id, data }), digest: generateDigest(data) })
        }
      }
    },
  } satisfies Loader
}
