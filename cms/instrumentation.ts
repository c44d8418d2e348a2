/**
 * Next.js calls `register` once as the CMS server starts. Payload is otherwise initialised by
 * the first request; starting it here runs its onInit at once, so a serving CMS process joins
 * the rebuild queue immediately and builds requests left waiting (a publish just before a
 * crash) without waiting for someone to open the admin. Node.js runtime only (Next.js's
 * documented form, so that the edge bundle leaves Payload out).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startPayload } = await import('./instrumentation-node')
    await startPayload()
  }
}
