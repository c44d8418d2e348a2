/**
 * Next.js calls `register` once as the CMS server starts. Payload is otherwise initialised by
 * the first request; starting it here runs its onInit at once, so a serving CMS process joins
 * the rebuild queue immediately and builds requests left waiting (a publish just before a
 * crash) without waiting for someone to open the admin.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.PORTAL_AUTO_REBUILD !== '1') return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  await getPayload({ config })
}
