/**
 * The admin opens in Vietnamese unless a user has chosen another language (Payload keeps
 * that choice in the `payload-lng` cookie). Without this, an English browser header would win.
 */
import { NextResponse, type NextRequest } from 'next/server'

import { oversizedUploadResponse } from './lib/uploadLimits'

export function proxy(request: NextRequest) {
  // Next.js hands the proxy at most `proxyClientMaxBodySize` of a body and cuts the rest, which
  // Payload's parser then fails on with a 500: refuse an oversized request here, by its length.
  const oversized = oversizedUploadResponse(request)
  if (oversized) return oversized
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'vi')
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] }
