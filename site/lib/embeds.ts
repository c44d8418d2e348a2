/**
 * Press embeds: the /nhung/… pages, the copy-paste snippet and the /oembed answers.
 * Pure functions over small "embed targets" (one per published campaign, indicator and
 * honouree, made in site/pages/nhung/_data.ts), so the pages, the snippet and the oEmbed
 * route all describe the same thing the same way.
 */
import { PORTAL_NAME } from '../../cms/lib/portal'
import { EMBED_ROOT, embeddablePath, embedPath, embedSections, homePath, oembedPath, organizationPath, resizeScriptPath, type EmbedKind } from './routes'

export type { EmbedKind }

export { PORTAL_NAME }

const kindBySection = Object.fromEntries(Object.entries(embedSections).map(([k, s]) => [s, k as EmbedKind]))

export const kindLabels: Record<EmbedKind, string> = { campaign: 'Phong trào', indicator: 'Tiến độ chỉ tiêu', honouree: 'Điển hình' }

/** Initial iframe heights: the content's usual height at ~600 px wide; the resize script adjusts it. */
export const EMBED_HEIGHTS: Record<EmbedKind, number> = { campaign: 460, indicator: 720, honouree: 440 }
/** oEmbed `width` when the consumer sets no maxwidth: the iframe itself is fluid (width 100%). */
export const EMBED_WIDTH = 600

export interface EmbedOrg {
  name: string
  slug?: string | null
}

/** One embeddable page. */
export interface EmbedTarget {
  kind: EmbedKind
  slug: string
  title: string
  /** The issuing or organising organisations (oEmbed author_name, attribution line). */
  orgs: EmbedOrg[]
  height: number
}

/** A target as the full pages know it (organisations are only needed by the embed and oEmbed). */
export const targetOf = (kind: EmbedKind, slug: string, title: string, orgs: EmbedOrg[] = []): EmbedTarget => ({
  kind,
  slug,
  title,
  orgs,
  height: EMBED_HEIGHTS[kind],
})

/** "Hội Khuyến học tỉnh Thái Bình, Sở Giáo dục…", or the portal when no organisation is known. */
export const authorName = (orgs: readonly EmbedOrg[]) => (orgs.length ? orgs.map((o) => o.name).join(', ') : PORTAL_NAME)

/** Organisations in order, each once (several source documents often share an issuer). */
export function uniqueOrgs(orgs: readonly (EmbedOrg | null | undefined)[]): EmbedOrg[] {
  const seen = new Set<string>()
  const out: EmbedOrg[] = []
  for (const o of orgs) {
    if (!o?.name || seen.has(o.name)) continue
    seen.add(o.name)
    out.push({ name: o.name, slug: o.slug ?? null })
  }
  return out
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export const iframeTitle = (target: Pick<EmbedTarget, 'kind' | 'title'>) => `${kindLabels[target.kind]}: ${target.title} — ${PORTAL_NAME}`

/**
 * The plain iframe: no script needed (news CMSs often strip scripts); fluid width, a fixed
 * starting height, lazy loading. `maxWidth` (oEmbed maxwidth) caps the width in pixels.
 */
export function iframeHtml(src: string, title: string, height: number, maxWidth?: number): string {
  const style = `border:0;width:100%;${maxWidth ? `max-width:${maxWidth}px;` : ''}`
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" style="${style}" loading="lazy"></iframe>`
}

export const resizeScriptHtml = (site: URL) => `<script async src="${new URL(resizeScriptPath(), site).toString()}"></script>`

export interface EmbedCode {
  pageUrl: string
  embedUrl: string
  /** Discovery link target: /oembed?url=<page>&format=json. */
  oembedUrl: string
  iframe: string
  script: string
}

export function embedCode(target: EmbedTarget, site: URL): EmbedCode {
  const pageUrl = new URL(embeddablePath(target.kind, target.slug), site).toString()
  const embedUrl = new URL(embedPath(target.kind, target.slug), site).toString()
  const oembed = new URL(oembedPath(), site)
  oembed.searchParams.set('url', pageUrl)
  oembed.searchParams.set('format', 'json')
  return {
    pageUrl,
    embedUrl,
    oembedUrl: oembed.toString(),
    iframe: iframeHtml(embedUrl, iframeTitle(target), target.height),
    script: resizeScriptHtml(site),
  }
}

/**
 * Which embeddable a URL names: a full page (/phong-trao/<slug>/, /tien-do/<slug>/,
 * /dien-hinh/<slug>/) or its embed (/nhung/…). `foreign` when its origin is not one of ours.
 */
export function parseEmbeddableUrl(value: string, origins: readonly string[]): { kind: EmbedKind; slug: string } | 'foreign' | 'invalid' | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'invalid'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'invalid'
  if (!origins.includes(url.origin)) return 'foreign'
  let parts: string[]
  try {
    parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
  } catch {
    return null
  }
  if (parts[0] === EMBED_ROOT.replace(/\//g, '')) parts = parts.slice(1)
  if (parts.length !== 2) return null
  const kind = kindBySection[parts[0]]
  return kind ? { kind, slug: parts[1] } : null
}

export interface OembedAnswer {
  status: number
  body: Record<string, unknown>
}

const problem = (status: number, message: string, detail: string): OembedAnswer => ({ status, body: { error: message, detail } })

/** A positive whole number of pixels, undefined when absent, NaN when malformed. */
function pixels(value: string | null): number | undefined {
  if (value == null || value === '') return undefined
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : Number.NaN
}

/**
 * The oEmbed answer (https://oembed.com, type "rich") for a request to /oembed. `origins` are
 * the portal's own origins (SITE_URL and the one the request came in on).
 */
export function answerOembed(params: URLSearchParams, site: URL, origins: readonly string[], targets: readonly EmbedTarget[]): OembedAnswer {
  const format = params.get('format') ?? 'json'
  if (format !== 'json') {
    return problem(501, 'Chỉ hỗ trợ định dạng JSON (format=json).', `Format "${format}" is not implemented; use format=json.`)
  }
  const url = params.get('url')
  if (!url) return problem(400, 'Thiếu tham số url.', 'The url parameter is required.')
  const maxwidth = pixels(params.get('maxwidth'))
  const maxheight = pixels(params.get('maxheight'))
  if (Number.isNaN(maxwidth) || Number.isNaN(maxheight)) {
    return problem(400, 'maxwidth và maxheight phải là số nguyên dương.', 'maxwidth and maxheight must be positive integers.')
  }
  const parsed = parseEmbeddableUrl(url, origins)
  if (parsed === 'invalid') return problem(400, 'Tham số url không phải là một địa chỉ http(s) hợp lệ.', `Not an http(s) URL: ${url}`)
  if (parsed === 'foreign') {
    return problem(404, 'Địa chỉ không thuộc cổng thông tin này.', `${url} is not on ${site.origin}; only this portal's pages can be embedded.`)
  }
  const target = parsed && targets.find((t) => t.kind === parsed.kind && t.slug === parsed.slug)
  if (!target) {
    return problem(
      404,
      'Không có trang nhúng được tại địa chỉ này (chỉ nhúng được phong trào, chỉ tiêu và điển hình đã công bố).',
      `No published campaign, indicator or honouree at ${url}.`,
    )
  }
  const width = Math.min(EMBED_WIDTH, maxwidth ?? EMBED_WIDTH)
  const height = Math.min(target.height, maxheight ?? target.height)
  const code = embedCode(target, site)
  return {
    status: 200,
    body: {
      type: 'rich',
      version: '1.0',
      title: target.title,
      author_name: authorName(target.orgs),
      ...(target.orgs.length === 1 && target.orgs[0].slug ? { author_url: new URL(organizationPath(target.orgs[0].slug), site).toString() } : {}),
      provider_name: PORTAL_NAME,
      provider_url: new URL(homePath(), site).toString(),
      cache_age: 3600,
      html: iframeHtml(code.embedUrl, iframeTitle(target), height, maxwidth === undefined ? undefined : width),
      width,
      height,
    },
  }
}

/** Attributes of every link in an embed: the reader leaves the news site in a new tab. */
export const newTab = { target: '_blank', rel: 'noopener' } as const
