/**
 * Content collections fed from the CMS. Each entry's digest is its content hash, so Astro
 * knows exactly which entries changed between builds.
 */
import { defineCollection } from 'astro:content'
import type { Loader } from 'astro/loaders'
import type { CollectionSlug } from 'payload'

import { findPublicGlobal, findPublished } from './lib/cms'
import { mediaLoader, mediaSchema } from './lib/media'

function payloadLoader(collection: CollectionSlug, idOf: (doc: any) => string = (doc) => doc.slug ?? String(doc.id)): Loader {
  return {
    name: `payload-${collection}`,
    load: async ({ store, generateDigest }) => {
      const docs = await findPublished(collection)
      store.clear()
      for (const doc of docs) {
        const data = JSON.parse(JSON.stringify(doc))
        store.set({ id: idOf(doc), data, digest: generateDigest(data) })
      }
    },
  }
}

/** One entry, `site`: the site settings global (notice, footer) shown on every page. */
const settingsLoader: Loader = {
  name: 'payload-site-settings',
  load: async ({ store, generateDigest }) => {
    // Without the row ids: until the settings are first saved, Payload fills the menu from
    // its default value with fresh ids on every read, which would change the digest of
    // every page on every build.
    const data = JSON.parse(JSON.stringify(await findPublicGlobal('site-settings'), (key, value) => (key === 'id' ? undefined : value)))
    store.clear()
    store.set({ id: 'site', data, digest: generateDigest(data) })
  },
}

export const collections = {
  settings: defineCollection({ loader: settingsLoader }),
  plans: defineCollection({ loader: payloadLoader('plans') }),
  campaigns: defineCollection({ loader: payloadLoader('campaigns') }),
  honourees: defineCollection({ loader: payloadLoader('honourees') }),
  news: defineCollection({ loader: payloadLoader('news') }),
  pages: defineCollection({ loader: payloadLoader('pages') }),
  indicators: defineCollection({ loader: payloadLoader('indicators') }),
  indicatorReports: defineCollection({ loader: payloadLoader('indicator-reports', (doc) => String(doc.id)) }),
  organizations: defineCollection({ loader: payloadLoader('organizations') }),
  topics: defineCollection({ loader: payloadLoader('topics') }),
  media: defineCollection({ loader: mediaLoader(), schema: mediaSchema }),
}
