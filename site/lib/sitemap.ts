/**
 * `<lastmod>` for the sitemap @astrojs/sitemap writes. The integration runs after the build,
 * outside the content layer, so the build writes each page's last change beside the pages
 * (site/pages/sitemap-lastmod.json.ts → client/sitemap-lastmod.json); the sitemap's
 * `serialize` reads it, and site/integrations/routes.ts removes it from the release.
 * Plain Node code (astro.config.mjs loads it).
 */
import fs from 'node:fs'
import path from 'node:path'

import {
  campaignPath,
  campaignsPath,
  homePath,
  honoureePath,
  honoureesPath,
  indicatorPath,
  infoPagePath,
  newsListPath,
  newsPath,
  organizationPath,
  organizationsPath,
  planPath,
  plansPath,
  progressPath,
  type Linkable,
} from './routes.ts'

export const LASTMOD_FILE = 'sitemap-lastmod.json'

type Dated = { updatedAt?: string | null }
type Doc = Dated & Exclude<Linkable, string>

const latest = (docs: readonly Dated[]) =>
  docs
    .map((d) => d.updatedAt)
    .filter((d): d is string => Boolean(d))
    .sort()
    .at(-1)

export interface LastmodSources {
  plans: Doc[]
  campaigns: Doc[]
  honourees: Doc[]
  news: Doc[]
  indicators: Doc[]
  indicatorReports: Dated[]
  organizations: Doc[]
  pages: Doc[]
}

/** Path → ISO date of its last change: each document's page, each section (its newest document) and the home page. */
export function lastModified(s: LastmodSources): Record<string, string> {
  const out: Record<string, string | undefined> = {}
  const section = (listPath: string, docs: readonly Doc[], pathOf: (doc: Doc) => string, extra: readonly Dated[] = []) => {
    out[listPath] = latest([...docs, ...extra])
    for (const d of docs) out[pathOf(d)] = d.updatedAt ?? undefined
  }
  section(plansPath(), s.plans, planPath)
  section(campaignsPath(), s.campaigns, campaignPath)
  section(honoureesPath(), s.honourees, honoureePath)
  section(newsListPath(), s.news, newsPath)
  section(progressPath(), s.indicators, indicatorPath, s.indicatorReports)
  section(organizationsPath(), s.organizations, organizationPath)
  for (const p of s.pages) out[infoPagePath(p)] = p.updatedAt ?? undefined
  out[homePath()] = latest([s.plans, s.campaigns, s.honourees, s.news, s.indicators, s.organizations, s.indicatorReports].flat())
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => Boolean(e[1])).map(([p, d]) => [p, new Date(d).toISOString()]))
}

/** The sitemap's `serialize`: the item with its lastmod when the build recorded one. */
export function withLastmod(clientDir: string) {
  let dates: Record<string, string> | undefined
  return <T extends { url: string; lastmod?: string }>(item: T): T => {
    dates ??= JSON.parse(fs.readFileSync(path.join(clientDir, LASTMOD_FILE), 'utf8')) as Record<string, string>
    const lastmod = dates[new URL(item.url).pathname]
    return lastmod ? { ...item, lastmod } : item
  }
}
