'use client'
/**
 * The review panel in the sidebar of a reviewable document (cms/review/): its review status,
 * the editor's return comment (for the submitter to act on), "Gửi duyệt" for those who submit,
 * "Trả lại" with a required comment and "Duyệt và xuất bản" for editors, and the history of
 * steps from `review-events`. The server decides who may do what; the buttons only follow it.
 */
import { Button, useAuth, useConfig, useDocumentInfo, useFormFields, useFormModified, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { reviewActionLabels, reviewStatusLabels, type ReviewAction, type ReviewStatus } from '../review/status'
import { postStaffAction } from './postStaffAction'

type Event = { id: string | number; action: ReviewAction; comment?: string | null; actorName?: string | null; createdAt: string }

const pad = (n: number) => String(n).padStart(2, '0')
/** 04/11/2026 09:05, as staff read times. */
const when = (iso: string) => {
  const d = new Date(iso)
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function ReviewPanel() {
  const { config } = useConfig()
  const { user } = useAuth()
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const english = i18n.language === 'en'
  const label = (l: { vi: string; en: string }) => (english ? l.en : l.vi)
  const status = (useFormFields(([fields]) => fields.reviewStatus?.value) as ReviewStatus | undefined) ?? 'editing'
  const returnComment = useFormFields(([fields]) => fields.reviewComment?.value) as string | undefined
  const modified = useFormModified()
  const [events, setEvents] = useState<Event[]>([])
  const [comment, setComment] = useState('')
  const [message, setMessage] = useState<string>()
  const [sending, setSending] = useState(false)
  const role = (user as { role?: string } | null)?.role
  const isEditor = role === 'admin' || role === 'editor'
  const api = config.routes.api

  useEffect(() => {
    if (id == null || !collectionSlug) return
    const query = new URLSearchParams({
      'where[targetCollection][equals]': collectionSlug,
      'where[targetId][equals]': String(id),
      sort: 'createdAt',
      limit: '100',
      depth: '0',
    })
    fetch(`${api}/review-events?${query}`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((body) => setEvents(body.docs ?? []))
      .catch(() => setEvents([]))
  }, [api, collectionSlug, id])

  if (id == null || !collectionSlug) {
    return <p className="review-panel__hint">{english ? 'Save a draft first, then submit it for review.' : 'Lưu bản nháp trước, rồi gửi duyệt.'}</p>
  }

  async function act(step: 'submit' | 'return' | 'approve') {
    if (step === 'return' && !comment.trim()) {
      setMessage(english ? 'Write a comment for the submitter first.' : 'Cần ghi nhận xét cho người gửi trước khi trả lại.')
      return
    }
    setSending(true)
    try {
      const result = await postStaffAction(`${api}/${collectionSlug}/${id}/review/${step}`, { comment })
      setMessage(result.message)
      // A full reload: the status, the publish state and the history all change.
      if (result.ok) window.location.reload()
    } finally {
      setSending(false)
    }
  }

  const canSubmit = status !== 'submitted'
  return (
    <section className="review-panel" aria-labelledby="review-panel-title" style={{ marginBottom: '1.5rem' }}>
      <h3 id="review-panel-title" style={{ margin: '0 0 .5rem' }}>
        {english ? 'Review' : 'Duyệt nội dung'}
      </h3>
      <p data-review-status={status}>
        {english ? 'Status: ' : 'Trạng thái: '}
        <strong>{label(reviewStatusLabels[status] ?? reviewStatusLabels.editing)}</strong>
      </p>
      {status === 'returned' && returnComment ? (
        <div role="note" className="review-panel__comment" style={{ borderLeft: '4px solid var(--theme-error-500)', padding: '.5rem .75rem', margin: '.5rem 0', background: 'var(--theme-error-50)' }}>
          <strong>{english ? 'Returned with this comment:' : 'Biên tập viên trả lại với nhận xét:'}</strong>
          <p style={{ margin: '.25rem 0 0', whiteSpace: 'pre-wrap' }}>{returnComment}</p>
        </div>
      ) : null}
      {modified ? <p>{english ? 'Save your changes before a review step.' : 'Hãy lưu thay đổi trước khi gửi duyệt hoặc duyệt.'}</p> : null}
      <label style={{ display: 'block', marginBottom: '.5rem' }}>
        {isEditor ? (english ? 'Comment (required to return)' : 'Nhận xét (bắt buộc khi trả lại)') : english ? 'Comment (optional)' : 'Ghi chú gửi kèm (không bắt buộc)'}
        <textarea
          name="reviewActionComment"
          value={comment}
          maxLength={2000}
          rows={3}
          style={{ display: 'block', width: '100%' }}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '.5rem' }}>
        {canSubmit ? (
          <Button buttonStyle="secondary" size="small" disabled={sending || modified} onClick={() => act('submit')}>
            {english ? 'Submit for review' : 'Gửi duyệt'}
          </Button>
        ) : null}
        {isEditor && status === 'submitted' ? (
          <Button buttonStyle="secondary" size="small" disabled={sending || modified} onClick={() => act('return')}>
            {english ? 'Return' : 'Trả lại'}
          </Button>
        ) : null}
        {isEditor ? (
          <Button buttonStyle="primary" size="small" disabled={sending || modified} onClick={() => act('approve')}>
            {english ? 'Approve and publish' : 'Duyệt và xuất bản'}
          </Button>
        ) : null}
      </div>
      <p role="status" aria-live="polite">
        {message ?? ''}
      </p>
      <h4 style={{ margin: '1rem 0 .25rem' }}>{english ? 'Review history' : 'Lịch sử duyệt'}</h4>
      {events.length === 0 ? (
        <p>{english ? 'No step yet.' : 'Chưa có bước nào.'}</p>
      ) : (
        <ol className="review-panel__history" style={{ paddingLeft: '1.25rem' }}>
          {events.map((e) => (
            <li key={e.id} data-review-action={e.action}>
              <time dateTime={e.createdAt}>{when(e.createdAt)}</time> — {e.actorName ?? ''}: {label(reviewActionLabels[e.action])}
              {e.comment ? <q style={{ display: 'block', whiteSpace: 'pre-wrap' }}>{e.comment}</q> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
