'use client'
/**
 * On an individual honouree: record that the person withdrew their consent. It posts to
 * /api/honourees/:id/withdraw-consent, which records the withdrawal, unpublishes the
 * honouree and asks for a rebuild. Editors and administrators only; authors are told to
 * record a data subject request instead.
 */
import { Button, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

import { receivedVia } from '../lib/privacyOptions'
import { postStaffAction } from './postStaffAction'

const today = () => new Date().toISOString().slice(0, 10)

export function WithdrawConsentButton() {
  const { config } = useConfig()
  const { user } = useAuth()
  const { id } = useDocumentInfo()
  const [date, setDate] = useState(today)
  const [via, setVia] = useState<string>('letter')
  const [note, setNote] = useState('')
  const [message, setMessage] = useState<string>()
  const [sending, setSending] = useState(false)
  const role = (user as { role?: string } | null)?.role

  if (id == null) return null
  if (role !== 'admin' && role !== 'editor') {
    return (
      <p style={{ marginBottom: '1rem' }}>
        Nếu người này rút lại sự đồng ý, hãy ghi vào “Yêu cầu của chủ thể dữ liệu” (loại: rút lại sự đồng ý); biên tập viên sẽ
        gỡ thông tin ngay.
      </p>
    )
  }

  async function withdraw() {
    if (!window.confirm('Ghi nhận việc rút lại sự đồng ý và gỡ xuất bản điển hình này ngay?')) return
    setSending(true)
    try {
      const result = await postStaffAction(`${config.routes.api}/honourees/${id}/withdraw-consent`, { date, receivedVia: via, note })
      setMessage(result.message)
      // A full reload: the status bar and publish buttons must show the unpublished state too.
      if (result.ok) window.location.reload()
    } finally {
      setSending(false)
    }
  }

  return (
    <fieldset style={{ marginBottom: '1.5rem', border: '1px solid var(--theme-elevation-150)', padding: '1rem' }}>
      <legend>Rút lại sự đồng ý</legend>
      <p>Khi người được khen thưởng rút lại sự đồng ý, ghi nhận tại đây: điển hình được gỡ xuất bản và xóa khỏi cổng ở lần xây dựng kế tiếp.</p>
      <label style={{ display: 'block', marginBottom: '.5rem' }}>
        Ngày rút lại{' '}
        <input type="date" value={date} max={today()} onChange={(e) => setDate(e.target.value)} required />
      </label>
      <label style={{ display: 'block', marginBottom: '.5rem' }}>
        Nhận qua{' '}
        <select value={via} onChange={(e) => setVia(e.target.value)}>
          {receivedVia.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label.vi}
            </option>
          ))}
        </select>
      </label>
      <label style={{ display: 'block', marginBottom: '.5rem' }}>
        Ghi chú
        <textarea value={note} maxLength={2000} rows={2} style={{ display: 'block', width: '100%' }} onChange={(e) => setNote(e.target.value)} />
      </label>
      <Button buttonStyle="secondary" disabled={sending} onClick={withdraw}>
        Rút lại sự đồng ý
      </Button>
      <p role="status" aria-live="polite">
        {message ?? ''}
      </p>
    </fieldset>
  )
}
