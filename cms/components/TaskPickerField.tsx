'use client'
/**
 * The `task` field of a progress update: a list of the chosen document's tasks (its published
 * tasks table, as the signed-in user may read it), storing the task's row id. A native <select>:
 * usable with the keyboard and a screen reader, and nothing to learn.
 */
import { FieldError, FieldLabel, useConfig, useField, useFormFields } from '@payloadcms/ui'
import type { TextFieldClientProps } from 'payload'
import { useEffect, useState } from 'react'

type Task = { id: string; order?: number | null; group?: string | null; content?: string | null }

const short = (text: string) => (text.length > 120 ? `${text.slice(0, 119).trimEnd()}…` : text)
const taskLabel = (task: Task) => `${task.order != null ? `${task.order}. ` : ''}${short((task.content ?? '').replace(/\s+/g, ' ').trim())}`

export function TaskPickerField(props: TextFieldClientProps) {
  const path = props.path ?? props.field.name
  const { value, setValue, showError, errorMessage } = useField<string>({ path })
  const planValue = useFormFields(([fields]) => fields.plan?.value) as unknown
  const planId = planValue && typeof planValue === 'object' ? (planValue as { id?: unknown }).id : planValue
  const { config } = useConfig()
  const [tasks, setTasks] = useState<Task[] | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    setTasks(null)
    setFailed(false)
    if (planId == null || planId === '') return
    const controller = new AbortController()
    fetch(`${config.serverURL}${config.routes.api}/plans/${encodeURIComponent(String(planId))}?depth=0&select[tasks]=true`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((plan: { tasks?: Task[] }) => setTasks(plan.tasks ?? []))
      .catch((error) => {
        if ((error as Error).name !== 'AbortError') setFailed(true)
      })
    return () => controller.abort()
  }, [planId, config.serverURL, config.routes.api])

  const id = `field-${path.replace(/\./g, '__')}`
  const known = tasks?.some((t) => t.id === value)
  return (
    <div className={`field-type text${showError ? ' error' : ''}`}>
      <FieldLabel htmlFor={id} label={props.field.label} required={props.field.required} path={path} />
      <FieldError path={path} message={errorMessage} showError={showError} />
      <select
        id={id}
        name={path}
        value={value ?? ''}
        disabled={props.readOnly || tasks === null}
        onChange={(e) => setValue(e.target.value)}
        style={{ width: '100%', padding: '0.5rem', fontSize: 'inherit' }}
      >
        <option value="">
          {planId == null || planId === '' ? '— Chọn văn bản trước —' : tasks === null ? (failed ? '— Không tải được bảng nhiệm vụ —' : '— Đang tải… —') : '— Chọn nhiệm vụ —'}
        </option>
        {value && tasks && !known && <option value={value}>(Nhiệm vụ không còn trong văn bản)</option>}
        {(tasks ?? []).map((task) => (
          <option key={task.id} value={task.id}>
            {taskLabel(task)}
          </option>
        ))}
      </select>
      <p className="field-description">Chọn văn bản trước, rồi chọn nhiệm vụ trong bảng nhiệm vụ của văn bản.</p>
    </div>
  )
}
