/**
 * Real sessions: a user signs in over REST (POST /api/users/login) and sends the JWT Payload
 * returns, as the admin and any API client do. ./http is imported late: it loads the config,
 * which must see the test database's URL (set by startTestCms).
 */
export type Session = { headers: Record<string, string> }

/** No session: an anonymous request. */
export const anonymousSession: Session = { headers: {} }

export async function signIn(user: { email: string; password: string }): Promise<Session> {
  const { rest } = await import('./http')
  const res = await rest('POST', '/users/login', { email: user.email, password: user.password })
  if (res.status !== 200 || !res.json?.token) throw new Error(`Đăng nhập thất bại cho ${user.email}: ${res.status} ${JSON.stringify(res.json)}`)
  return { headers: { authorization: `JWT ${res.json.token}` } }
}
