/**
 * The admin opens in Vietnamese unless a user has chosen another language (Payload keeps
 * that choice in the `payload-lng` cookie). Without this, an English browser header would win.
 */
import { NextResponse, type NextRequest } from 'next/server'

export function proxy(request: NextRequest) {
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'vi')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
