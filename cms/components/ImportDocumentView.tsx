/**
 * Admin view "Nhập văn bản" (/admin/nhap-van-ban): upload or paste an official document, check
 * each proposed field beside the source text, correct it and save a draft. Only staff who may
 * create plans (cms/access/policy.ts) get the form; the endpoints check again.
 */
import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'

import { may, policy } from '../access/policy'
import { ImportDocumentForm } from './ImportDocumentForm'

export function ImportDocumentView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const allowed = may(policy.collections.plans.create, req.user)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Nhập văn bản từ tệp</h1>
        {allowed ? (
          <ImportDocumentForm />
        ) : (
          <p role="alert">Chỉ cán bộ được tạo văn bản (tác giả, biên tập viên, quản trị viên) mới được nhập văn bản.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
