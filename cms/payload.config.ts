import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { EXPERIMENTAL_TableFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Campaigns } from './collections/Campaigns'
import { Honourees } from './collections/Honourees'
import { IndicatorReports } from './collections/IndicatorReports'
import { Indicators } from './collections/Indicators'
import { Media } from './collections/Media'
import { News } from './collections/News'
import { Organizations } from './collections/Organizations'
import { Pages } from './collections/Pages'
import { Plans } from './collections/Plans'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { PortalBuild } from './globals/PortalBuild'
import { SiteSettings } from './globals/SiteSettings'
import { databaseAdapter } from './database'
import { serverUrl, trustedOrigins } from './lib/origins'
import { PORTAL_NAME } from './lib/portal'
import { previewEndpoint } from './publishing/preview'
import { payloadSecret } from './secret'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverUrl(),
  // Cookie-authenticated requests only from the CMS's own origin (cms/lib/origins.ts).
  csrf: trustedOrigins(),
  cors: trustedOrigins(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  editor: lexicalEditor({
    features: ({ defaultFeatures }) => [...defaultFeatures, EXPERIMENTAL_TableFeature()],
  }),
  collections: [Plans, Campaigns, Honourees, News, Pages, Media, Indicators, IndicatorReports, Organizations, Topics, Users],
  globals: [SiteSettings, PortalBuild],
  endpoints: [previewEndpoint],
  admin: {
    user: Users.slug,
    // Gravatar cannot load offline and would leak staff e-mail hashes.
    avatar: 'default',
    dateFormat: 'dd/MM/yyyy',
    meta: { titleSuffix: ` — ${PORTAL_NAME}` },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'app', '(payload)', 'admin', 'importMap.js'),
    },
  },
  i18n: {
    supportedLanguages: { vi, en },
    fallbackLanguage: 'vi',
  },
  telemetry: false,
  sharp,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  jobs: {
    // Scheduled publishing runs from the queue inside the server process.
    // PAYLOAD_JOBS_CRON may use a seconds field ("*/5 * * * * *") where a minute is too coarse.
    autoRun: [{ cron: process.env.PAYLOAD_JOBS_CRON ?? '* * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.PAYLOAD_JOBS_AUTORUN !== 'false',
  },
})
