'use client'
/**
 * On the build-status screen: start a rebuild by hand, and keep the shown status fresh
 * while a build is queued or running.
 */
import { Button, useConfig, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

export function RebuildButton() {
  const router = useRouter()
  const { config } = useConfig()
  const state = useFormFields(([fields]) => fields.state?.value as string | undefined)
  const [message, setMessage] = useState<string>()
  const [sending, setSending] = useState(false)
  const busy = state === 'queued' || state === 'running'

  useEffect(() => {
    if (!busy) return
    const timer = setInterval(() => router.refresh(), 3000)
    return () => clearInterval(timer)
  }, [busy, router])

  async function rebuild() {
    setSending(true)
    try {
      const response = await fetch(`${config.routes.api}/globals/portal-build/rebuild`, { method: 'POST', credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      setMessage(body.message ?? body.errors?.[0]?.message ?? `Lỗi ${response.status}`)
      router.refresh()
    } catch {
      setMessage('Không gửi được yêu cầu; hãy kiểm tra kết nối tới máy chủ.')
    } finally {
      setSending(false)
    }
  }

  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <Button buttonStyle="primary" disabled={sending} onClick={rebuild}>
        Xây dựng lại cổng thông tin ngay
      </Button>
      <p role="status" aria-live="polite">
        {message ?? (busy ? 'Đang xây dựng lại; trạng thái tự cập nhật mỗi 3 giây.' : '')}
      </p>
    </div>
  )
}
