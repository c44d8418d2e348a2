/**
 * The password rule for every account (all roles are staff), after NIST SP 800-63B §3.1.1:
 * a length floor and ceiling, no composition rules, and no password that an attacker would
 * try first — a known common one, one made of the account's own email or name, or a short
 * run repeated. One module so that account creation, updates and password resets all
 * apply the same rule.
 *
 * The common passwords are the 49,000 of `@zxcvbn-ts/language-common` (the ranked list the
 * zxcvbn-ts strength estimator ships, bundled in the package, maintained, MIT), plus a few
 * Vietnamese and portal-specific words that list does not know.
 */
import { dictionary } from '@zxcvbn-ts/language-common'

import { foldVietnamese } from './vietnamese'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 256
/** Wrong passwords (at sign-in, or as the current password of a change) before the account locks, and for how long. */
export const MAX_LOGIN_ATTEMPTS = 5
export const LOCK_MINUTES = 10

/** Vietnamese and portal words people pick; compared like the common list. */
const LOCAL_COMMON_WORDS = [
  'matkhau',
  'matkhaumoi',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'xinchao',
  'vietnam',
  'hanoi',
  'saigon',
  'khuyenhoc',
  'hoikhuyenhoc',
  'thiduakhenthuong',
  'thidua',
  'khenthuong',
  'xahoihoctap',
  'giadinhhoctap',
  'quantri',
  'quantrivien',
  'bientap',
  'bientapvien',
  'tacgia',
  'admin',
  'administrator',
  'payload',
]

let commonPasswords: Set<string> | undefined
const commonPasswordSet = () =>
  (commonPasswords ??= new Set([...dictionary['passwords-common'], ...LOCAL_COMMON_WORDS].map(comparable)))

/** The password as it is counted: Unicode NFC, runs of white space as one space, ends trimmed. */
const counted = (password: string) => password.normalize('NFC').replace(/\s+/gu, ' ').trim()

/** The form compared with lists and the account's own words: no case, marks or white space. */
function comparable(text: string) {
  return foldVietnamese(text.normalize('NFKC')).toLowerCase().replace(/\s+/gu, '')
}

/** "Password2024!" → "password": the letters once digits and symbols around them are taken off. */
const core = (text: string) => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')

/** "aaaaaaaaaaaa", "abcabcabcabc", "121212121212": one short run, repeated. */
const isRepetition = (text: string) => /^(.{1,4})\1+$/su.test(text)

/** "abcdefghijkl", "123456789012"-like runs of consecutive characters, up or down. */
function isSequence(text: string) {
  const codes = [...text].map((c) => c.codePointAt(0)!)
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]!))
  return steps.size === 1 && [1, -1].includes([...steps][0]!)
}

export type PasswordContext = { email?: unknown; name?: unknown }

/** The account's own words: the whole email, its name part, and the person's name. */
function ownWords({ email, name }: PasswordContext) {
  const words: string[] = []
  if (typeof email === 'string' && email.trim()) {
    words.push(comparable(email))
    words.push(comparable(email.split('@')[0] ?? ''))
  }
  if (typeof name === 'string' && name.trim()) words.push(comparable(name))
  return words.filter((word) => word.length >= 3)
}

/**
 * Why this password may not be used, in Vietnamese for the person choosing it, or
 * undefined when it is acceptable. No commas or colons: the admin's error toast splits
 * "title: item, item" into a list.
 */
export function passwordProblem(password: unknown, context: PasswordContext = {}): string | undefined {
  if (typeof password !== 'string') return 'Mật khẩu phải là một chuỗi ký tự.'
  const length = [...counted(password)].length
  if (length < PASSWORD_MIN_LENGTH)
    return `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự (mật khẩu này có ${length}). Một cụm vài từ dễ nhớ là lựa chọn tốt.`
  if (length > PASSWORD_MAX_LENGTH) return `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự (mật khẩu này có ${length}).`

  const text = comparable(password)
  const own = ownWords(context)
  if (own.includes(text) || own.includes(core(text)))
    return 'Mật khẩu không được là email hoặc họ tên của tài khoản (kể cả khi thêm chữ số hay ký hiệu). Hãy chọn một cụm từ khác.'
  const common = commonPasswordSet()
  if (common.has(text) || common.has(core(text)) || isRepetition(text) || isSequence(text))
    return 'Mật khẩu này nằm trong danh sách mật khẩu phổ biến hoặc quá dễ đoán (như “password1234” hay “matkhau12345” hoặc một ký tự lặp lại). Hãy chọn một cụm từ khác.'
  return undefined
}
