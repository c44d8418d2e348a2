/**
 * Content-layer loaders over Payload's Local API (read as an anonymous reader, published
 * only: site/lib/cms.ts). Payload's generated types (cms/payload-types.ts) are the one
 * source of truth for an entry's shape: each loader's schema is `z.custom<T>()` of the
 * collection's type, so `getCollection('plans')` gives `Plan` data without a cast (the
 * types Astro generates into .astro/ infer `data` from the loader's schema). At run time the
 * schema only checks that an entry is a document; Payload has validated its fields.
 */
import type { Loader } from 'astro/loaders'
import { z } from 'astro/zod'

import type { Config } from '../../cms/payload-types'
import { findPublicGlobal, publishedPages, type PublicCollection } from './cms'

type Docs = Config['collections']

/** Entries are Payload documents of type T; only their being documents is checked at run time. */
const documentSchema = <T>() =>
  z.custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    message: 'Dữ liệu từ hệ thống quản trị nội dung không phải là một tài liệu.',
  })

/**
 * Every published document of `collection`, read a page at a time, one entry each (its id: `idOf`, the slug by
 * default). Each entry's digest is its content hash, so Astro knows which entries changed.
 */
export function payloadLoader<C extends PublicCollection>(collection: C, idOf: (doc: Docs[C]) => string = (doc) => ('slug' in doc && doc.slug) || String(doc.id)) {
  return {
    name: `payload-${collection}`,
    schema: documentSchema<Docs[C]>(),
    load: async ({ store, parseData, generateDigest }) => {
      store.clear()
      // A page of documents at a time: at 100,000 items one whole collection's Payload
      // results, with their populated relations, would sit in memory beside Astro's store.
      for await (const docs of publishedPages(collection)) {
        for (const doc of docs) {
          const id = idOf(doc)
          const data: Record<string, unknown> = JSON.parse(JSON.stringify(doc))
          store.set({ id, data: await parseData({ id, data }), digest: generateDigest(data) })
        }
      }
    },
  } satisfies Loader
}

/** One entry, `site`: the site settings global (notice, footer) shown on every page. */
export function settingsLoader() {
  return {
    name: 'payload-site-settings',
    schema: documentSchema<Config['globals']['site-settings']>(),
    load: async ({ store, parseData, generateDigest }) => {
      // Without the row ids: until the settings are first saved, Payload fills the menu from
      // its default value with fresh ids on every read, which would change the digest of
      // every page on every build.
      const data: Record<string, unknown> = JSON.parse(JSON.stringify(await findPublicGlobal('site-settings'), (key, value) => (key === 'id' ? undefined : value)))
      store.clear()
      store.set({ id: 'site', data: await parseData({ id: 'site', data }), digest: generateDigest(data) })
    },
  } satisfies Loader
}
