/**
 * Every public path of the portal, in one place: one function per kind of page, used by the
 * pages (getStaticPaths params), the components (links), the sitemap, RSS, embeds, oEmbed,
 * JSON-LD and search records. Paths are Vietnamese throughout: select options that appear in a
 * path (document type, honouree kind, award) use their Vietnamese slug (cms/fields/options.ts),
 * never their stored English value; the old English paths redirect (`legacyRedirects`).
 *
 * Paths are root-relative with a trailing slash for pages (build.format "directory");
 * `absoluteUrl` makes them absolute against the site.
 */
import { awardKindSlugs, documentTypeSlugs, honoureeKindSlugs } from '../../cms/fields/options.ts'

/** A document linked by its slug, or by its id when it has none yet. */
export type Linkable = string | { slug?: string | null; id: string | number }

const segment = (doc: Linkable): string => (typeof doc === 'string' ? doc : (doc.slug ?? String(doc.id)))

/** The Vietnamese slug of a stored option value (the value itself if the table does not know it). */
const slugOf = (slugs: Record<string, string>, value: string) => (Object.hasOwn(slugs, value) ? slugs[value] : value)

export const absoluteUrl = (path: string, site: URL | string) => new URL(path, site).toString()

// ── Home, search, machine-readable files ─────────────────────────────────────

export const homePath = () => '/'
export const searchPath = () => '/tim-kiem/'
/** The Pagefind index of the release, and the search catalogue written beside it (search-catalog.ts). */
export const searchIndexPath = () => '/pagefind/'
export const searchCatalogPath = () => '/pagefind/danh-muc.json'
/** The sitemap index @astrojs/sitemap writes; robots.txt points at it. */
export const sitemapIndexPath = () => '/sitemap-index.xml'
/** The address older links and robots.txt used: a copy of the index. */
export const sitemapPath = () => '/sitemap.xml'

// ── Documents (/van-ban/) ────────────────────────────────────────────────────

export const plansPath = () => '/van-ban/'
export const planPath = (plan: Linkable) => `/van-ban/${segment(plan)}/`

/** Path segment of each document filter's listing pages: /van-ban/<segment>/<value>/. */
export const planFilterSegments = { year: 'nam', type: 'loai', issuer: 'co-quan', topic: 'chu-de' } as const
type PlanFilterKind = keyof typeof planFilterSegments

/** The URL value of a document filter: the year, the type's Vietnamese slug, the issuer's or topic's slug. */
export function planFilterParam(kind: 'year', value: number | string): string
export function planFilterParam(kind: 'type', documentType: string): string
export function planFilterParam(kind: 'issuer' | 'topic', doc: Linkable): string
export function planFilterParam(kind: PlanFilterKind, value: Linkable | number): string {
  if (kind === 'type') return slugOf(documentTypeSlugs, String(value))
  return typeof value === 'number' ? String(value) : segment(value)
}

export const planYearPath = (year: number | string) => `/van-ban/nam/${planFilterParam('year', year)}/`
export const planTypePath = (documentType: string) => `/van-ban/loai/${planFilterParam('type', documentType)}/`
export const planIssuerPath = (org: Linkable) => `/van-ban/co-quan/${planFilterParam('issuer', org)}/`
export const planTopicPath = (topic: Linkable) => `/van-ban/chu-de/${planFilterParam('topic', topic)}/`

// ── Organisations (/co-quan/) ────────────────────────────────────────────────

export const organizationsPath = () => '/co-quan/'
export const organizationPath = (org: Linkable) => `/co-quan/${segment(org)}/`

// ── Campaigns (/phong-trao/) ─────────────────────────────────────────────────

export const campaignsPath = () => '/phong-trao/'
export const campaignPath = (campaign: Linkable) => `/phong-trao/${segment(campaign)}/`

// ── Honourees (/dien-hinh/) ──────────────────────────────────────────────────

export const honoureesPath = () => '/dien-hinh/'
export const honoureePath = (honouree: Linkable) => `/dien-hinh/${segment(honouree)}/`

export type HonoureeFilterKey = 'kind' | 'year' | 'award' | 'province'

/** Path segment of each honouree filter's pages: /dien-hinh/<segment>/<value>/. */
export const honoureeFilterSegments: Record<HonoureeFilterKey, string> = {
  kind: 'loai',
  year: 'nam',
  award: 'danh-hieu',
  province: 'dia-phuong',
}

const honoureeFilterSlugs: Partial<Record<HonoureeFilterKey, Record<string, string>>> = { kind: honoureeKindSlugs, award: awardKindSlugs }

/** The URL value of an honouree filter: kinds and awards by their Vietnamese slug, years and province slugs as they are. */
export const honoureeFilterParam = (key: HonoureeFilterKey, value: string) => {
  const slugs = honoureeFilterSlugs[key]
  return slugs ? slugOf(slugs, value) : value
}

export const honoureeFilterPath = (key: HonoureeFilterKey, value: string) =>
  `/dien-hinh/${honoureeFilterSegments[key]}/${honoureeFilterParam(key, value)}/`

// ── News (/tin-tuc/) ─────────────────────────────────────────────────────────

export const newsListPath = () => '/tin-tuc/'
export const newsPath = (news: Linkable) => `/tin-tuc/${segment(news)}/`
export const newsRssPath = () => '/tin-tuc/rss.xml'

// ── Progress (/tien-do/) ─────────────────────────────────────────────────────

export const progressPath = () => '/tien-do/'
export const progressCsvPath = () => '/tien-do/du-lieu.csv'
export const progressJsonPath = () => '/tien-do/du-lieu.json'
/** Every task's latest progress and history (site/lib/progress/task-files.ts). */
export const taskProgressCsvPath = () => '/tien-do/nhiem-vu.csv'
export const taskProgressJsonPath = () => '/tien-do/nhiem-vu.json'
export const indicatorPath = (indicator: Linkable) => `/tien-do/${segment(indicator)}/`
export const indicatorCsvPath = (indicator: Linkable) => `/tien-do/${segment(indicator)}.csv`
export const indicatorJsonPath = (indicator: Linkable) => `/tien-do/${segment(indicator)}.json`

// ── Information pages, attachments ───────────────────────────────────────────

export const infoPagePath = (page: Linkable) => `/trang/${segment(page)}/`

/** Files attached to published documents, copied into the release. */
export const ATTACHMENT_PREFIX = '/tai-lieu/'
export const attachmentPath = (filename: string) => `${ATTACHMENT_PREFIX}${encodeURIComponent(filename)}`

// ── Embeds and oEmbed (/nhung/) ──────────────────────────────────────────────

export type EmbedKind = 'campaign' | 'indicator' | 'honouree'

/** The section of each embeddable kind, for its full page and for its embed. */
export const embedSections: Record<EmbedKind, string> = { campaign: 'phong-trao', indicator: 'tien-do', honouree: 'dien-hinh' }

export const EMBED_ROOT = '/nhung/'
export const embedPath = (kind: EmbedKind, slug: string) => `${EMBED_ROOT}${embedSections[kind]}/${slug}/`
/** The full page an embed shows. */
export const embeddablePath = (kind: EmbedKind, slug: string) => `/${embedSections[kind]}/${slug}/`
export const resizeScriptPath = () => `${EMBED_ROOT}tu-dong-co-gian.js`
export const oembedPath = () => '/oembed'
/** A static export's oEmbed answer for one embeddable page (no server to ask): `/oembed/phong-trao/<slug>.json`. */
export const oembedJsonPath = (pagePath: string) => `${oembedPath()}/${pagePath.replace(/^\/+|\/+$/g, '')}.json`

// ── Draft preview (staff only, rendered on demand) ───────────────────────────

export const PREVIEW_ROOT = '/xem-truoc/'
/** A draft's preview page (site/pages/xem-truoc/[collection]/[id].astro); the CMS builds the same path in cms/publishing/preview.ts (tested equal). */
export const previewPath = (collection: string, id: string | number) => `${PREVIEW_ROOT}${collection}/${id}/`

// ── Routes rendered on demand (everything else is a file of the release) ─────

/**
 * The paths only the release's Node server answers: search with `?q=`, oEmbed, draft preview.
 * The portal server, the nginx config (site/server/nginx.ts) and the static export read them here.
 */
export const onDemandRoutes = { exact: [searchPath(), oembedPath()], prefixes: [PREVIEW_ROOT] } as const

/** Whether a normalised path is rendered on demand (with or without its trailing slash). */
export function isOnDemand(normalisedPath: string): boolean {
  const bare = normalisedPath.replace(/\/+$/, '')
  return onDemandRoutes.exact.some((route) => route.replace(/\/+$/, '') === bare) || onDemandRoutes.prefixes.some((prefix) => normalisedPath.startsWith(prefix))
}

// ── Links inside rich text ───────────────────────────────────────────────────

/** Where an internal link in rich text goes, per linked collection. */
export const internalLinkPaths = {
  plans: planPath,
  campaigns: campaignPath,
  honourees: honoureePath,
  news: newsPath,
  pages: infoPagePath,
} as const

// ── Redirects from retired paths ─────────────────────────────────────────────

/**
 * Filter pages used to name options by their English value (/dien-hinh/danh-hieu/pm-certificate/);
 * each old path now answers 301 to its Vietnamese one. Every option is listed, not only the
 * ones that have a page today, so an old link never lands on a 404 that a redirect could avoid.
 */
export function legacyRedirects(): Record<string, string> {
  const pairs = (base: string, slugs: Record<string, string>) => Object.entries(slugs).map(([value, slug]) => [`${base}${value}/`, `${base}${slug}/`] as const)
  return Object.fromEntries([
    ...pairs('/van-ban/loai/', documentTypeSlugs),
    ...pairs('/dien-hinh/loai/', honoureeKindSlugs),
    ...pairs('/dien-hinh/danh-hieu/', awardKindSlugs),
  ])
}

/** Whether a built page belongs in the sitemap: not an embed, a preview, a redirect or the 404 page. */
export function isListedInSitemap(pathname: string): boolean {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`
  if (path.startsWith(EMBED_ROOT) || path.startsWith(PREVIEW_ROOT) || path === '/404/') return false
  return !Object.hasOwn(legacyRedirects(), path)
}
