/**
 * Response headers of the CMS (admin under /admin, API under /api), set by next.config.mjs.
 * The admin may be framed only by itself; nothing it serves is type-sniffed (an uploaded file
 * under /api/media/file/ included); other sites learn at most its origin from a link.
 * The policy is kept to what cannot break the admin: Next.js and Payload's inline scripts
 * carry no nonce, so a script-src here would stop the admin from running.
 */
export const cmsSecurityHeaders = [
  { key: 'Content-Security-Policy', value: "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'" },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
]

/** Next.js `headers()`: every path the CMS answers. */
export const cmsHeaderRoutes = () => [{ source: '/:path*', headers: cmsSecurityHeaders }]

/**
 * Said when the CMS server starts in production without CMS_URL: cookie-authenticated
 * requests are then accepted only from http://localhost:<CMS_PORT>, so staff on the real
 * address could not save. Not said by `astro build` or tests, which load Payload's config too.
 */
export function missingCmsUrlMessage(env = /** @type {Record<string, string | undefined>} */ (process.env)) {
  if (env.CMS_URL?.trim()) return undefined
  const local = `http://localhost:${env.CMS_PORT ?? '3000'}`
  return (
    `[CMS] Chưa đặt CMS_URL (địa chỉ công khai của hệ thống quản trị, ví dụ https://cms.example.gov.vn). ` +
    `Trang quản trị chỉ nhận thao tác ghi từ ${local} và http://127.0.0.1:${env.CMS_PORT ?? '3000'}; ` +
    `hãy đặt CMS_URL khi triển khai thật.`
  )
}
