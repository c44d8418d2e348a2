import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Campaigns } from './collections/Campaigns'
import { DataSubjectRequests } from './collections/DataSubjectRequests'
import { Honourees } from './collections/Honourees'
import { IndicatorReports } from './collections/IndicatorReports'
import { Indicators } from './collections/Indicators'
import { Media } from './collections/Media'
import { News } from './collections/News'
import { Organizations } from './collections/Organizations'
import { Pages } from './collections/Pages'
import { Plans } from './collections/Plans'
import { PortalBuildLeases, PortalBuildRequests } from './collections/PortalBuildRequests'
import { TaskUpdates } from './collections/TaskUpdates'
import { Topics } from './collections/Topics'
import { Users } from './collections/Users'
import { ReviewEvents } from './review'
import { PortalBuild } from './globals/PortalBuild'
import { SiteSettings } from './globals/SiteSettings'
import { allowed, policy } from './access/policy'
import { databaseAdapter } from './database'
import { emailAdapter } from './email/transport'
import { inputChecks } from './fields/inputChecks'
import { vietnameseMessageOverrides } from './fields/payloadMessages'
import { portalRichTextEditor } from './fields/richText'
import { explainRequestErrors } from './lib/apiGuard'
import { serverUrl, trustedOrigins } from './lib/origins'
import { PORTAL_NAME } from './lib/portal'
import { autoRebuildEnabled, portalBuildQueue } from './publishing/buildQueue'
import { previewEndpoint } from './publishing/preview'
import { multipartErrorsInVietnamese } from './hooks/uploadErrors'
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from './lib/uploadLimits'
import { payloadSecret } from './secret'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  serverURL: serverUrl(),
  // Cookie-authenticated requests only from the CMS's own origin (cms/lib/origins.ts).
  csrf: trustedOrigins(),
  cors: trustedOrigins(),
  secret: payloadSecret(),
  db: databaseAdapter(),
  // SMTP from the environment (cms/email/settings.ts); without SMTP_HOST messages go to the log.
  email: emailAdapter(),
  // Only what the portal renders (cms/lib/richTextSchema.ts); every rich text field checks it on save.
  editor: portalRichTextEditor(),
  collections: [Plans, Campaigns, Honourees, News, Pages, Media, Indicators, IndicatorReports, TaskUpdates, Organizations, Topics, Users,
    // Personal-data requests (Luật 91/2025/QH15): staff only.
    DataSubjectRequests,
    // The persisted rebuild queue, shared by every CMS process on this database.
    PortalBuildRequests, PortalBuildLeases,
    // Every review step (cms/review/): submitted, returned, approved.
    ReviewEvents,
  ],
  globals: [SiteSettings, PortalBuild],
  endpoints: [previewEndpoint],
  // A serving CMS process takes part in the rebuild queue from its start: requests left
  // waiting (a publish just before a crash) are built without anyone publishing again.
  onInit: (payload) => {
    if (autoRebuildEnabled()) portalBuildQueue(payload).start()
  },
  // Uploads: one documented size limit (cms/lib/uploadLimits.ts), refused with 413 while the
  // body is read; the parser's other errors get Vietnamese messages instead of English or 500.
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    requestSizeLimit: MAX_UPLOAD_REQUEST_BYTES,
    responseOnLimit: UPLOAD_TOO_LARGE_MESSAGE,
  },
  // Every text, textarea, date and number field: control characters, impossible dates, NaN.
  plugins: [inputChecks],
  // Parser errors get Vietnamese 413/400s (hooks/uploadErrors.ts); REST errors say what is
  // wrong, and request-caused ones are not 500s (lib/apiGuard.ts).
  hooks: { afterError: [multipartErrorsInVietnamese, explainRequestErrors] },
  admin: {
    user: Users.slug,
    // Gravatar cannot load offline and would leak staff e-mail hashes.
    avatar: 'default',
    dateFormat: 'dd/MM/yyyy',
    meta: { titleSuffix: ` — ${PORTAL_NAME}` },
    components: {
      views: {
        // The first screen: "Việc cần làm", what the user has to do, per role (cms/home/).
        dashboard: { Component: '/components/StaffHome#StaffHome' },
        // The document importer (cms/import/): file → proposal beside the source text → draft.
        importDocument: { Component: '/components/ImportDocumentView#ImportDocumentView', path: '/nhap-van-ban' },
      },
    },
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'app', '(payload)', 'admin', 'importMap.js'),
    },
  },
  i18n: {
    supportedLanguages: { vi, en },
    fallbackLanguage: 'vi',
    translations: { vi: vietnameseMessageOverrides },
  },
  telemetry: false,
  sharp,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  jobs: {
    // Scheduled publishing runs from the queue inside the server process.
    // PAYLOAD_JOBS_CRON may use a seconds field ("*/5 * * * * *") where a minute is too coarse.
    autoRun: [{ cron: process.env.PAYLOAD_JOBS_CRON ?? '* * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.PAYLOAD_JOBS_AUTORUN !== 'false',
    // GET /api/payload-jobs/run and /handle-schedules, and queueing or cancelling through the
    // Local API without overrideAccess: the roles that publish (Payload's default is anyone
    // signed in). The admin's "Lên lịch xuất bản" is checked in cms/publishing/serverFunctions.ts.
    access: {
      run: allowed(policy.collections['payload-jobs'].runJobs),
      queue: allowed(policy.collections['payload-jobs'].runJobs),
      cancel: allowed(policy.collections['payload-jobs'].runJobs),
    },
  },
})
