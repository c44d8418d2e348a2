/** The portal's name, as the public site, its feeds and embeds, and the admin's page titles show it. */
export const PORTAL_NAME = 'Cổng thông tin Xã hội học tập'

export type PortalLink = { label: string; link: string }

/** The main menu until staff change it in "Cấu hình cổng thông tin". */
export const defaultNavigation: PortalLink[] = [
  { label: 'Trang chủ', link: '/' },
  { label: 'Văn bản', link: '/van-ban/' },
  { label: 'Phong trào', link: '/phong-trao/' },
  { label: 'Điển hình', link: '/dien-hinh/' },
  { label: 'Tin tức', link: '/tin-tuc/' },
  { label: 'Tiến độ', link: '/tien-do/' },
  { label: 'Cơ quan', link: '/co-quan/' },
  { label: 'Tìm kiếm', link: '/tim-kiem/' },
]

/**
 * The page in English (Decree 42/2022, art. 7), seeded from content/pages/english.md. The
 * footer always links to it, whatever the footer links edited in the CMS are.
 */
export const ENGLISH_PAGE_PATH = '/trang/english/'

/** Footer links to the information pages seeded from content/pages. */
export const defaultFooterLinks: PortalLink[] = [
  { label: 'Giới thiệu', link: '/trang/gioi-thieu/' },
  { label: 'Bảo vệ dữ liệu cá nhân', link: '/trang/bao-ve-du-lieu-ca-nhan/' },
]

// An origin no real request has, to resolve a path against: a path that leaves it
// ("//evil.example", "/\evil.example") is not a portal path.
const PROBE_ORIGIN = 'https://portal.invalid'

/**
 * True when `value` is a path inside the portal ("/phong-trao/…", optionally with ?query
 * and #fragment). Used by the CMS (menu, footer and notice links) and by the site before
 * printing those links, so a link saved before this check cannot lead elsewhere either.
 * Browsers read "\" as "/" and drop tabs and newlines inside URLs, so those are refused
 * outright, as are encoded slashes, dot segments and anything the URL parser would move
 * to another origin.
 */
export function isPortalPath(value: unknown): value is string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return false
  // Whitespace, control characters (C0, DEL, C1) and backslashes, raw or percent-encoded.
  if (/[\s\u0000-\u001f\u007f-\u009f\\]/.test(value)) return false
  if (/%(?:2f|5c|0[0-9a-f]|1[0-9a-f]|7f|25)/i.test(value)) return false
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return false // malformed percent-encoding
  }
  if (/[\s\u0000-\u001f\u007f-\u009f\\]/.test(decoded)) return false
  const path = value.split(/[?#]/, 1)[0]!
  // "//host" is a scheme-relative link; "/./", "/../" only make sense as a way around checks.
  if (path.startsWith('//') || /(^|\/)\.{1,2}(\/|$)/.test(decodeURIComponent(path))) return false
  let url: URL
  try {
    url = new URL(value, PROBE_ORIGIN)
  } catch {
    return false
  }
  return url.origin === PROBE_ORIGIN && url.pathname.startsWith('/') && !url.pathname.startsWith('//')
}

/** Menu, footer or notice links as the site may print them: portal paths only. */
export const portalLinks = <L extends { link?: string | null }>(links: readonly L[]): L[] =>
  links.filter((entry) => isPortalPath(entry.link))
