/**
 * Checks a password against the hash and salt Payload stored for an account. Payload 3.90
 * has this check (`authenticateLocalStrategy`) but does not export it, and calling
 * `payload.login` instead would open a new session and write login attempts outside the
 * save's transaction. Same parameters as payload/dist/auth/strategies/local/
 * generatePasswordSaltHash.js; tests/accounts.test.ts checks it against hashes Payload made.
 */
import crypto from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2 = promisify(crypto.pbkdf2)

const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'

function hashParameters(hash: string) {
  return hash.startsWith(CURRENT_PREFIX)
    ? { stored: hash.slice(CURRENT_PREFIX.length), iterations: 600_000, keyLength: 32 }
    : { stored: hash, iterations: 25_000, keyLength: 512 } // hashes made by older Payload versions
}

export async function passwordMatches(account: { hash?: unknown; salt?: unknown }, password: unknown): Promise<boolean> {
  const { hash, salt } = account
  if (typeof hash !== 'string' || typeof salt !== 'string' || typeof password !== 'string' || !password) return false
  const { stored, iterations, keyLength } = hashParameters(hash)
  const expected = Buffer.from(stored, 'hex')
  const actual = await pbkdf2(password, salt, iterations, keyLength, 'sha256')
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}
