/**
 * Content collections fed from the CMS (site/lib/loaders.ts): each typed by its loader's
 * schema as Payload's generated type, so `getCollection('plans')` gives `Plan` entries.
 */
import { defineCollection } from 'astro:content'

import { payloadLoader, settingsLoader } from './lib/loaders'
import { historyLoader } from './lib/history'
import { mediaLoader, mediaSchema } from './lib/media'

export const collections = {
  settings: defineCollection({ loader: settingsLoader() }),
  plans: defineCollection({ loader: payloadLoader('plans') }),
  campaigns: defineCollection({ loader: payloadLoader('campaigns') }),
  honourees: defineCollection({ loader: payloadLoader('honourees') }),
  news: defineCollection({ loader: payloadLoader('news') }),
  pages: defineCollection({ loader: payloadLoader('pages') }),
  indicators: defineCollection({ loader: payloadLoader('indicators') }),
  indicatorReports: defineCollection({ loader: payloadLoader('indicator-reports', (doc) => String(doc.id)) }),
  // Published progress updates of plan tasks (the document pages, the dashboard, the downloads).
  taskUpdates: defineCollection({ loader: payloadLoader('task-updates', (doc) => String(doc.id)) }),
  // Dates and change notes of documents' published versions ("Lịch sử cập nhật"), nothing else.
  history: defineCollection({ loader: historyLoader() }),
  organizations: defineCollection({ loader: payloadLoader('organizations') }),
  topics: defineCollection({ loader: payloadLoader('topics') }),
  media: defineCollection({ loader: mediaLoader(), schema: mediaSchema }),
}
