/**
 * The portal's last build (state, time, error) from the `portal-build` global, read with the
 * user's access: staff see it (cms/access/policy.ts), data reporters do not.
 */
import { may, policy } from '../access/policy'
import { adminHref, asUser, excerpt, type HomeContext } from './context'
import { formatDateTime } from './format'

export type BuildStatus = {
  href: string
  state: 'idle' | 'queued' | 'running'
  stateLabel: string
  startedAt?: string
  lastOutcome?: 'success' | 'failure'
  lastSuccessAt?: string
  lastFailureAt?: string
  /** The last error, when the last build failed. */
  error?: string
  pages?: number
}

const stateLabels = { idle: 'Không có việc đang chờ', queued: 'Đang chờ xây dựng', running: 'Đang xây dựng' } as const

export async function buildStatus(ctx: HomeContext): Promise<BuildStatus | null> {
  if (!may(policy.globals['portal-build'].read, ctx.user)) return null
  const build = await ctx.payload.findGlobal({ slug: 'portal-build', depth: 0, ...asUser(ctx) }).catch(() => null)
  if (!build) return null
  const state = build.state ?? 'idle'
  const failed = build.lastOutcome === 'failure'
  return {
    href: adminHref(ctx.payload, { global: 'portal-build' }),
    state,
    stateLabel: stateLabels[state],
    startedAt: build.currentStartedAt ? formatDateTime(build.currentStartedAt) : undefined,
    lastOutcome: build.lastOutcome ?? undefined,
    lastSuccessAt: build.lastSuccessAt ? formatDateTime(build.lastSuccessAt) : undefined,
    lastFailureAt: build.lastFailureAt ? formatDateTime(build.lastFailureAt) : undefined,
    error: failed && build.lastError ? excerpt(build.lastError, 400) : undefined,
    pages: build.lastPages ?? undefined,
  }
}
