/**
 * The admin's first screen, "Việc cần làm" (admin.components.views.dashboard): what the
 * signed-in user has to do, per role, read on the server with the user's own access
 * (cms/home/). Payload wraps it in the default template (navigation, header).
 */
import type { AdminViewServerProps } from 'payload'
import { Gutter } from '@payloadcms/ui'

import { staffHome } from '../home'
import { StaffHomeSections } from './StaffHomeSections'

export async function StaffHome({ initPageResult }: AdminViewServerProps) {
  const { req } = initPageResult
  if (!req.user) return null
  const data = await staffHome({ payload: req.payload, user: req.user, now: new Date() })
  return (
    <Gutter>
      <StaffHomeSections data={data} userName={(req.user as { name?: string }).name} />
    </Gutter>
  )
}
