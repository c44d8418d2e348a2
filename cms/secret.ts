/**
 * PAYLOAD_SECRET from the environment; on a developer machine without one, a random secret
 * is made once and kept in .data/ (git-ignored) so sessions survive restarts. Nothing
 * secret is ever committed.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { repoRoot } from './database'

export function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(repoRoot, '.data', 'payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = randomBytes(32).toString('hex')
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}
