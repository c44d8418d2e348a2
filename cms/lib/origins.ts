/**
 * Which browser origins may use a staff member's session cookie. Payload ignores the
 * `payload-token` cookie on a request whose Origin is not in `csrf` (and, without an Origin,
 * unless Sec-Fetch-Site says same-origin or same-site), so a page elsewhere cannot write
 * with an editor's session — SameSite alone would not stop the portal, usually on the same
 * site. Only the CMS's own origin is trusted: the portal never calls the CMS from the browser,
 * and trusting it would let a script injected into a portal page act as whoever reads it.
 */
export const DEFAULT_CMS_PORT = '3000'

type Env = Record<string, string | undefined>

/** The CMS's public origin: CMS_URL in production; on a developer's machine, localhost. */
export function cmsOrigin(env: Env = process.env): string {
  const configured = env.CMS_URL?.trim()
  if (configured) return new URL(configured).origin
  return `http://localhost:${env.CMS_PORT ?? DEFAULT_CMS_PORT}`
}

/** Payload's `serverURL`: CMS_URL when set; else relative, so the admin works under any local name. */
export const serverUrl = (env: Env = process.env): string => (env.CMS_URL?.trim() ? cmsOrigin(env) : '')

/** `csrf` and `cors`: the CMS's origin (without CMS_URL, both local names of the default one). */
export function trustedOrigins(env: Env = process.env): string[] {
  const origin = cmsOrigin(env)
  if (env.CMS_URL?.trim()) return [origin]
  return [origin, origin.replace('//localhost:', '//127.0.0.1:')]
}
