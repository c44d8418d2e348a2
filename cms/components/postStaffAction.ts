/**
 * A staff action from an admin component: POST JSON with the session cookie and return the
 * message to show — the endpoint's own, its first error, or one for a lost connection — and
 * whether it succeeded (the caller then reloads the screen, whose state the action changed).
 */
export async function postStaffAction(url: string, data: unknown): Promise<{ ok: boolean; message: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    })
    const body = await response.json().catch(() => ({}))
    return { ok: response.ok, message: body.message ?? body.errors?.[0]?.message ?? `Lỗi ${response.status}` }
  } catch {
    return { ok: false, message: 'Không gửi được yêu cầu; hãy kiểm tra kết nối tới máy chủ.' }
  }
}
