'use client'
/**
 * The importer's form: file or pasted text → proposal (POST /api/plans/import-preview, nothing
 * saved) → every field editable beside the source text → "Lưu bản nháp" (POST
 * /api/plans/import-save) creates a draft. React escapes every value shown.
 */
import { Button, useConfig } from '@payloadcms/ui'
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react'

import type { ProposedDocument, ProposedTask } from '../import/types'

type Org = { id: number | string; name: string }

const types: [string, string][] = [
  ['plan', 'Kế hoạch'],
  ['decision', 'Quyết định'],
  ['dispatch', 'Công văn'],
  ['directive', 'Chỉ thị'],
  ['guidance', 'Hướng dẫn'],
  ['resolution', 'Nghị quyết'],
  ['notice', 'Thông báo'],
  ['report', 'Báo cáo'],
]

const box: CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '1rem', marginBottom: '1rem' }
const input: CSSProperties = { width: '100%', padding: '0.4rem', font: 'inherit', background: 'var(--theme-input-bg)', color: 'var(--theme-text)', border: '1px solid var(--theme-elevation-250)' }

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label style={{ display: 'block', marginBottom: '0.6rem' }}>
      <span style={{ display: 'block', fontWeight: 600, marginBottom: 2 }}>{label}</span>
      {children}
    </label>
  )
}

function OrgSelect({ value, orgs, onChange, label }: { value: string | null; orgs: Org[]; onChange: (v: string | null) => void; label: string }) {
  return (
    <select aria-label={label} style={input} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">— chưa có trong CMS (ghi như văn bản) —</option>
      {orgs.map((o) => (
        <option key={o.id} value={String(o.id)}>
          {o.name}
        </option>
      ))}
    </select>
  )
}

function DocumentEditor({ initial, file, orgs, api }: { initial: ProposedDocument; file: File | null; orgs: Org[]; api: string }) {
  const [doc, setDoc] = useState(initial)
  const [status, setStatus] = useState<{ message: string; id?: string | number } | null>(null)
  const [saving, setSaving] = useState(false)
  const set = <K extends keyof ProposedDocument>(key: K, value: ProposedDocument[K]) => setDoc((d) => ({ ...d, [key]: value }))
  const setTask = (i: number, patch: Partial<ProposedTask>) => set('tasks', doc.tasks.map((t, k) => (k === i ? { ...t, ...patch } : t)))

  async function save() {
    setSaving(true)
    try {
      const form = new FormData()
      if (file) form.append('file', file)
      // The source text goes with it: it becomes the draft's full text (Toàn văn).
      form.append('_payload', JSON.stringify({ document: doc }))
      const response = await fetch(`${api}/plans/import-save`, { method: 'POST', credentials: 'include', body: form })
      const body = await response.json().catch(() => ({}))
      setStatus(response.ok ? { message: body.message, id: body.id } : { message: (body.errors ?? []).map((e: { message: string }) => e.message).join(' ') || `Lỗi ${response.status}` })
    } catch {
      setStatus({ message: 'Không gửi được; hãy kiểm tra kết nối tới máy chủ.' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <section style={box} aria-label={`Văn bản ${doc.number ?? doc.title ?? ''}`}>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: '1.5rem' }}>
        <div>
          {doc.warnings.length > 0 && (
            <ul role="note" style={{ color: 'var(--theme-warning-750)' }}>
              {doc.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <Field label="Số, ký hiệu">
            <input style={input} name="number" value={doc.number ?? ''} onChange={(e) => set('number', e.target.value || null)} />
          </Field>
          <Field label="Loại văn bản">
            <select style={input} name="type" value={doc.type ?? ''} onChange={(e) => set('type', (e.target.value || null) as ProposedDocument['type'])}>
              <option value="">— chọn —</option>
              {types.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Trích yếu">
            <textarea style={input} name="title" rows={3} value={doc.title ?? ''} onChange={(e) => set('title', e.target.value)} />
          </Field>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: '0.5rem' }}>
            <Field label="Địa danh">
              <input style={input} name="place" value={doc.place ?? ''} onChange={(e) => set('place', e.target.value || null)} />
            </Field>
            <Field label="Ngày ban hành">
              <input style={input} type="date" name="issueDate" value={doc.issueDate ?? ''} onChange={(e) => set('issueDate', e.target.value || null)} />
            </Field>
            <Field label="Năm">
              <input style={input} type="number" name="year" value={doc.year ?? ''} onChange={(e) => set('year', e.target.value ? Number(e.target.value) : null)} />
            </Field>
          </div>
          <fieldset style={box}>
            <legend>Cơ quan ban hành</legend>
            {doc.issuers.map((issuer, i) => (
              <Field key={i} label={`Như văn bản: “${issuer.name}”`}>
                <OrgSelect label="Cơ quan ban hành" value={issuer.organization} orgs={orgs} onChange={(v) => set('issuers', doc.issuers.map((x, k) => (k === i ? { ...x, organization: v } : x)))} />
              </Field>
            ))}
            {doc.issuers.length === 0 && <p>Không nhận ra cơ quan ban hành.</p>}
            <button type="button" onClick={() => set('issuers', [...doc.issuers, { name: '', organization: null }])}>
              Thêm cơ quan ban hành
            </button>
          </fieldset>
          <fieldset style={box}>
            <legend>Người ký</legend>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: '0.5rem' }}>
              {(['authority', 'title', 'name'] as const).map((k) => (
                <Field key={k} label={{ authority: 'Thẩm quyền ký', title: 'Chức vụ', name: 'Họ và tên' }[k]}>
                  <input style={input} name={`signer.${k}`} value={doc.signer[k] ?? ''} onChange={(e) => set('signer', { ...doc.signer, [k]: e.target.value || null })} />
                </Field>
              ))}
            </div>
          </fieldset>
          <fieldset style={box}>
            <legend>Căn cứ ({doc.legalBasis.length})</legend>
            {doc.legalBasis.map((c, i) => (
              <div key={i} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr 2fr auto', gap: '0.4rem', marginBottom: '0.4rem' }}>
                {(['number', 'date', 'issuer', 'title'] as const).map((k) => (
                  <input
                    key={k}
                    aria-label={{ number: 'Số, ký hiệu', date: 'Ngày', issuer: 'Cơ quan ban hành', title: 'Trích yếu' }[k]}
                    style={input}
                    type={k === 'date' ? 'date' : 'text'}
                    value={c[k] ?? ''}
                    onChange={(e) => set('legalBasis', doc.legalBasis.map((x, j) => (j === i ? { ...x, [k]: e.target.value || null } : x)))}
                  />
                ))}
                <button type="button" onClick={() => set('legalBasis', doc.legalBasis.filter((_, j) => j !== i))}>
                  Bỏ
                </button>
              </div>
            ))}
          </fieldset>
          <fieldset style={box}>
            <legend>Nhiệm vụ ({doc.tasks.length})</legend>
            <ol style={{ paddingLeft: '1.2rem' }}>
              {doc.tasks.map((t, i) => (
                <li key={i} data-task style={{ marginBottom: '0.8rem' }}>
                  <Field label="Nội dung">
                    <textarea style={input} rows={2} value={t.content} onChange={(e) => setTask(i, { content: e.target.value })} />
                  </Field>
                  <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr 1fr 1fr', gap: '0.4rem' }}>
                    <Field label={`Chủ trì${t.lead ? ` (như văn bản: ${t.lead})` : ''}`}>
                      <OrgSelect label="Cơ quan chủ trì" value={t.leadOrganization} orgs={orgs} onChange={(v) => setTask(i, { leadOrganization: v })} />
                    </Field>
                    <Field label="Thời gian">
                      <input style={input} value={t.timeFrame ?? ''} onChange={(e) => setTask(i, { timeFrame: e.target.value || null })} />
                    </Field>
                    <Field label="Từ ngày">
                      <input style={input} type="date" value={t.dueStart ?? ''} onChange={(e) => setTask(i, { dueStart: e.target.value || null })} />
                    </Field>
                    <Field label="Đến ngày">
                      <input style={input} type="date" value={t.dueEnd ?? ''} onChange={(e) => setTask(i, { dueEnd: e.target.value || null })} />
                    </Field>
                  </div>
                  <button type="button" onClick={() => set('tasks', doc.tasks.filter((_, j) => j !== i))}>
                    Bỏ nhiệm vụ này
                  </button>
                </li>
              ))}
            </ol>
          </fieldset>
          <fieldset style={box}>
            <legend>Nơi nhận ({doc.recipients.length})</legend>
            {doc.recipients.map((r, i) => (
              <div key={i} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr auto', gap: '0.4rem', marginBottom: '0.4rem' }}>
                <input aria-label="Nơi nhận" style={input} value={r.name} onChange={(e) => set('recipients', doc.recipients.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
                <OrgSelect label="Cơ quan nhận" value={r.organization} orgs={orgs} onChange={(v) => set('recipients', doc.recipients.map((x, j) => (j === i ? { ...x, organization: v } : x)))} />
                <button type="button" onClick={() => set('recipients', doc.recipients.filter((_, j) => j !== i))}>
                  Bỏ
                </button>
              </div>
            ))}
          </fieldset>
          <Button buttonStyle="primary" disabled={saving} onClick={save}>
            Lưu bản nháp
          </Button>
          {status && (
            <p role="status">
              {status.message}{' '}
              {status.id !== undefined && <a href={`/admin/collections/plans/${encodeURIComponent(String(status.id))}`}>Mở bản nháp</a>}
            </p>
          )}
        </div>
        <div>
          <h3>Văn bản gốc</h3>
          <pre aria-label="Văn bản gốc" style={{ whiteSpace: 'pre-wrap', maxHeight: '80vh', overflow: 'auto', fontSize: 13, background: 'var(--theme-elevation-50)', padding: '0.75rem' }}>
            {doc.sourceText}
          </pre>
        </div>
      </div>
    </section>
  )
}

export function ImportDocumentForm() {
  const { config } = useConfig()
  const api = config.routes.api
  const [file, setFile] = useState<File | null>(null)
  const [text, setText] = useState('')
  const [documents, setDocuments] = useState<ProposedDocument[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const [orgs, setOrgs] = useState<Org[]>([])

  useEffect(() => {
    fetch(`${api}/organizations?limit=0&depth=0&sort=name&select[name]=true`, { credentials: 'include' })
      .then((r) => r.json())
      .then((body) => setOrgs((body.docs ?? []).map((o: Org) => ({ id: o.id, name: o.name }))))
      .catch(() => setOrgs([]))
  }, [api])

  async function read() {
    setReading(true)
    setError(null)
    setDocuments(null)
    try {
      const form = new FormData()
      if (file) form.append('file', file)
      else form.append('_payload', JSON.stringify({ text }))
      const response = await fetch(`${api}/plans/import-preview`, { method: 'POST', credentials: 'include', body: form })
      const body = await response.json().catch(() => ({}))
      if (response.ok) setDocuments(body.documents)
      else setError((body.errors ?? []).map((e: { message: string }) => e.message).join(' ') || `Lỗi ${response.status}`)
    } catch {
      setError('Không gửi được; hãy kiểm tra kết nối tới máy chủ.')
    } finally {
      setReading(false)
    }
  }

  return (
    <div>
      <div style={box}>
        <p>Tải lên tệp .docx, .pdf có lớp chữ hoặc .txt, hoặc dán nội dung văn bản. Chưa có gì được lưu cho đến khi bấm “Lưu bản nháp”.</p>
        <Field label="Tệp văn bản">
          <input name="file" type="file" accept=".docx,.pdf,.txt,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label="Hoặc dán nội dung">
          <textarea style={input} name="text" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Button buttonStyle="secondary" disabled={reading || (!file && !text.trim())} onClick={read}>
          Đọc văn bản
        </Button>
        {error && <p role="alert">{error}</p>}
      </div>
      {documents && <p role="status">Nhận ra {documents.length} văn bản. Kiểm tra từng trường bên cạnh văn bản gốc rồi lưu.</p>}
      {documents?.map((d, i) => <DocumentEditor key={`${i}-${d.number}`} initial={d} file={file} orgs={orgs} api={api} />)}
    </div>
  )
}
