'use client'
/**
 * "Nhập số liệu từ Excel" above the indicator reports list: download the template or an export,
 * upload a filled file (.xlsx or CSV), see what would change and every error by row and column,
 * then "Áp dụng" — disabled while the file has errors. The server checks everything again on
 * apply and writes all rows or none (cms/figures/endpoints.ts).
 */
import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useId, useRef, useState } from 'react'

type Option = { id: string; name: string }
type Props = { organizations: Option[]; topics: Option[]; lastYear: number; ownOrganizationOnly: boolean }

type RowView = {
  row: number
  kind: 'new' | 'changed' | 'unchanged'
  code: string
  indicator: string
  unit: string
  year: number
  periodLabel: string
  locality: string
  organization: string
  value: number
  before: { value?: number; source?: string; note?: string } | null
}
type RowError = { row: number; column: string | null; columnLabel: string; message: string }
type Preview = {
  canApply: boolean
  summary: { new: number; changed: number; unchanged: number; skipped: number; errors: number }
  rows: RowView[]
  rowErrors: RowError[]
}

const kindLabel = { new: 'Mới', changed: 'Thay đổi', unchanged: 'Không đổi' } as const
const number = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 4 })
const cell = { border: '1px solid var(--theme-elevation-150)', padding: '0.25rem 0.5rem', textAlign: 'left' as const }

export function FiguresImport({ organizations, topics, lastYear, ownOrganizationOnly }: Props) {
  const { config } = useConfig()
  const router = useRouter()
  const ids = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [year, setYear] = useState(String(lastYear))
  const [topic, setTopic] = useState('')
  const [organization, setOrganization] = useState(organizations.length === 1 ? organizations[0]!.id : '')
  const [file, setFile] = useState<File>()
  const [preview, setPreview] = useState<Preview>()
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)

  const api = `${config.routes.api}/indicator-reports/figures`
  const query = new URLSearchParams({ year, ...(topic ? { topic } : {}), ...(organization ? { organization } : {}) }).toString()
  const exportQuery = new URLSearchParams({ ...(topic ? { topic } : {}), ...(organization ? { organization } : {}) }).toString()

  async function send(step: 'preview' | 'apply', chosen: File) {
    const form = new FormData()
    form.append('file', chosen)
    const response = await fetch(`${api}/${step}`, { method: 'POST', credentials: 'include', body: form })
    const body = await response.json().catch(() => ({}))
    return { response, body }
  }

  async function check(chosen: File | undefined) {
    setFile(chosen)
    setPreview(undefined)
    setMessage(undefined)
    if (!chosen) return
    setBusy(true)
    try {
      const { response, body } = await send('preview', chosen)
      if (response.ok) {
        setPreview(body as Preview)
        const s = (body as Preview).summary
        setMessage(
          s.errors
            ? `Tệp có ${s.errors} lỗi: sửa các dòng được báo rồi tải lại tệp.`
            : `Kiểm tra xong: ${s.new} mới, ${s.changed} thay đổi, ${s.unchanged} không đổi${s.skipped ? `, ${s.skipped} dòng để trống giá trị được bỏ qua` : ''}.`,
        )
      } else setMessage(body.errors?.[0]?.message ?? `Lỗi ${response.status}`)
    } catch {
      setMessage('Không gửi được tệp; hãy kiểm tra kết nối tới máy chủ.')
    } finally {
      setBusy(false)
    }
  }

  async function apply() {
    if (!file) return
    setBusy(true)
    try {
      const { response, body } = await send('apply', file)
      setMessage(body.message ?? body.errors?.[0]?.message ?? `Lỗi ${response.status}`)
      if (response.ok) {
        setPreview(undefined)
        setFile(undefined)
        if (fileInput.current) fileInput.current.value = ''
        router.refresh()
      } else if (body.rowErrors) setPreview((p) => (p ? { ...p, canApply: false, rowErrors: body.rowErrors } : p))
    } catch {
      setMessage('Không gửi được yêu cầu; hãy kiểm tra kết nối tới máy chủ.')
    } finally {
      setBusy(false)
    }
  }

  const changes = preview ? preview.summary.new + preview.summary.changed : 0
  const canApply = Boolean(preview?.canApply && changes > 0 && !busy)

  return (
    <section aria-labelledby={`${ids}-title`} style={{ marginBottom: '2rem', border: '1px solid var(--theme-elevation-150)', padding: '1rem' }}>
      <h2 id={`${ids}-title`} style={{ marginTop: 0 }}>
        Nhập số liệu từ Excel
      </h2>
      <p>
        Tải biểu mẫu, điền cột “Giá trị thực hiện”, rồi tải tệp lên (.xlsx hoặc CSV). Hệ thống kiểm tra từng dòng và cho xem trước;
        số liệu chỉ được ghi khi bấm “Áp dụng” và mọi dòng đều hợp lệ.
      </p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'end' }}>
        <label>
          Bộ chỉ tiêu
          <br />
          <select value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">Tất cả chỉ tiêu</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Năm
          <br />
          <input type="number" min={1945} max={lastYear} value={year} onChange={(e) => setYear(e.target.value)} style={{ width: '6rem' }} />
        </label>
        <label>
          Cơ quan báo cáo
          <br />
          <select value={organization} onChange={(e) => setOrganization(e.target.value)} disabled={ownOrganizationOnly}>
            {!ownOrganizationOnly && <option value="">Chọn cơ quan, đơn vị</option>}
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <a className="btn btn--style-secondary btn--size-small" href={`${api}/template?${query}`} download>
          Tải biểu mẫu (.xlsx)
        </a>
        <a className="btn btn--style-secondary btn--size-small" href={`${api}/export?${exportQuery}`} download>
          Xuất số liệu đã nhập (.xlsx)
        </a>
      </div>
      <p>
        <label>
          Tệp số liệu đã điền (.xlsx hoặc CSV)
          <br />
          <input
            ref={fileInput}
            type="file"
            name="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => void check(e.target.files?.[0])}
          />
        </label>
      </p>
      <p role="status" aria-live="polite" data-testid="figures-status">
        {busy ? 'Đang xử lý tệp…' : message}
      </p>

      {preview && preview.rowErrors.length > 0 && (
        <table style={{ borderCollapse: 'collapse', marginBottom: '1rem' }} data-testid="figures-errors">
          <caption style={{ textAlign: 'left', fontWeight: 'bold' }}>Lỗi cần sửa ({preview.rowErrors.length})</caption>
          <thead>
            <tr>
              <th style={cell}>Dòng</th>
              <th style={cell}>Cột</th>
              <th style={cell}>Lỗi</th>
            </tr>
          </thead>
          <tbody>
            {preview.rowErrors.map((e, i) => (
              <tr key={i}>
                <td style={cell}>{e.row}</td>
                <td style={cell}>{e.columnLabel}</td>
                <td style={cell}>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {preview && preview.rows.length > 0 && (
        <table style={{ borderCollapse: 'collapse', marginBottom: '1rem' }} data-testid="figures-preview">
          <caption style={{ textAlign: 'left', fontWeight: 'bold' }}>
            Xem trước: {preview.summary.new} mới, {preview.summary.changed} thay đổi, {preview.summary.unchanged} không đổi
          </caption>
          <thead>
            <tr>
              {['Dòng', 'Trạng thái', 'Mã', 'Chỉ tiêu', 'Năm', 'Kỳ báo cáo', 'Địa bàn', 'Giá trị', 'Cơ quan báo cáo'].map((h) => (
                <th key={h} style={cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row}>
                <td style={cell}>{r.row}</td>
                <td style={cell}>{kindLabel[r.kind]}</td>
                <td style={cell}>{r.code}</td>
                <td style={cell}>{r.indicator}</td>
                <td style={cell}>{r.year}</td>
                <td style={cell}>{r.periodLabel}</td>
                <td style={cell}>{r.locality}</td>
                <td style={cell}>
                  {r.before?.value !== undefined ? `${number(r.before.value)} → ` : ''}
                  {number(r.value)} {r.unit}
                </td>
                <td style={cell}>{r.organization}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {preview && (
        <Button buttonStyle="primary" disabled={!canApply} onClick={apply}>
          Áp dụng
        </Button>
      )}
    </section>
  )
}
