import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { guardRestHandler } from '../../../../lib/apiGuard'

// Payload's REST handlers behind the API guard (unreadable bodies, impossible ids, stray errors).
export const GET = guardRestHandler(config, REST_GET(config))
export const POST = guardRestHandler(config, REST_POST(config))
export const DELETE = guardRestHandler(config, REST_DELETE(config))
export const PATCH = guardRestHandler(config, REST_PATCH(config))
export const PUT = guardRestHandler(config, REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
