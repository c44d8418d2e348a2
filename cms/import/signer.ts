/**
 * The signature block: authority lines ("TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"), the signer's
 * title ("PHÓ CHỦ TỊCH") and name. Titles are written back in the usual case ("Phó Chủ tịch",
 * "Giám đốc Sở Ngoại vụ"), with the bodies' names as the CMS spells them.
 */
import type { Block } from './blocks.ts'
import { withoutProvince } from './organizations.ts'
import { capitalizeFirst, foldKey, isUpperCaseLine, titleCaseWords } from './text.ts'
import type { ImportContext, ProposedSigner } from './types.ts'

const POSITIONS: Record<string, string> = {
  'chu tich': 'Chủ tịch',
  'thu tuong': 'Thủ tướng',
  'chanh van phong': 'Chánh Văn phòng',
  'giam doc': 'Giám đốc',
  'tong giam doc': 'Tổng Giám đốc',
  'bo truong': 'Bộ trưởng',
  'thu truong': 'Thứ trưởng',
  'truong ban': 'Trưởng ban',
  'truong khoi': 'Trưởng khối',
  'truong cum': 'Trưởng cụm',
  'bi thu': 'Bí thư',
  'chu nhiem': 'Chủ nhiệm',
  'hieu truong': 'Hiệu trưởng',
  'vien truong': 'Viện trưởng',
  'cuc truong': 'Cục trưởng',
  'vu truong': 'Vụ trưởng',
  'chanh thanh tra': 'Chánh Thanh tra',
  'truong phong': 'Trưởng phòng',
}

// With their marks: "TRƯỞNG KHỐI" is a title, "TRƯƠNG VĂN A" a name.
const SURNAMES = new Set(
  'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn lương trịnh mai trương lâm tạ hà cao chu đào đàm thái tô kiều quách la lưu châu văn tăng triệu khúc giang tống lại mạc nông thạch hứa quan diệp'.split(' '),
)

/** A person's name: 2–5 words, no digits or marks of a heading, a usual surname or each word capitalised. */
function isName(text: string): boolean {
  const words = text.split(/\s+/)
  if (words.length < 2 || words.length > 5 || /[\d.,:;()/]/.test(text)) return false
  if (isUpperCaseLine(text)) return SURNAMES.has(words[0].toLocaleLowerCase('vi'))
  return words.every((w) => /^\p{Lu}/u.test(w))
}

const AUTHORITY = /^(TM|KT|TL|TUQ|Q|QUYỀN)\.?\s/u

export function formatTitle(text: string, context: ImportContext): string {
  const key = foldKey(text)
  let deputy = ''
  let rest = key
  if (rest.startsWith('pho ')) {
    deputy = 'Phó '
    rest = rest.slice(4)
  }
  const position = Object.keys(POSITIONS)
    .filter((p) => rest === p || rest.startsWith(`${p} `))
    .sort((a, b) => b.length - a.length)[0]
  if (!position) return capitalizeFirst(text.toLocaleLowerCase('vi'))
  const tail = rest.slice(position.length).trim()
  let tailText = ''
  if (tail) {
    const org = context.organizations.find((o) => foldKey(o.name) === tail || foldKey(withoutProvince(o)) === tail || (o.shortName && foldKey(o.shortName) === tail))
    const words = text.split(/\s+/)
    tailText = org ? (foldKey(org.name) === tail ? org.name : foldKey(withoutProvince(org)) === tail ? withoutProvince(org) : org.shortName!) : words.slice(words.length - tail.split(' ').length).join(' ').toLocaleLowerCase('vi')
  }
  return `${deputy}${POSITIONS[position]}${tailText ? ` ${tailText}` : ''}`
}

/** The block after the recipients (as these texts put it), else the one just before "Nơi nhận". */
export function parseSigner(blocks: Block[], recipientsEnd: number, recipientsStart: number, context: ImportContext): ProposedSigner {
  const read = (from: number, to: number, step: 1 | -1): ProposedSigner | null => {
    const upper: string[] = []
    for (let i = from; step > 0 ? i < to : i > to; i += step) {
      const b = blocks[i]
      if (!b || b.kind === 'row') break
      const text = b.full
      if (step > 0 && /^(Phụ lục|PHỤ LỤC)/u.test(text)) break
      if (step > 0 && isName(text) && (upper.length || !isUpperCaseLine(text))) return build(upper, text)
      if (isUpperCaseLine(text) && text.split(/\s+/).length <= 10) {
        if (step > 0) upper.push(text)
        else upper.unshift(text)
        continue
      }
      if (step < 0) break
      if (upper.length) break
    }
    return upper.length ? build(upper, null) : null
  }
  const build = (upper: string[], name: string | null): ProposedSigner => {
    const lines = upper.flatMap((l) => l.split(/\s*\n\s*/))
    let title: string | null = null
    if (lines.length && !AUTHORITY.test(lines[lines.length - 1])) title = formatTitle(lines.pop()!, context)
    return { name: name ? (isUpperCaseLine(name) ? titleCaseWords(name) : name) : null, title, authority: lines.length ? lines.join(' / ') : null }
  }
  if (recipientsEnd >= 0) {
    const after = read(recipientsEnd, blocks.length, 1)
    if (after?.name) return after
    if (recipientsStart > 0) {
      // Signature before "Nơi nhận": upper-case lines then the name, just above it.
      let i = recipientsStart - 1
      let name: string | null = null
      if (blocks[i] && isName(blocks[i].full)) name = blocks[i--].full
      const before = read(i, -1, -1)
      if (before || name) return { ...(before ?? { title: null, authority: null }), name: name ? (isUpperCaseLine(name) ? titleCaseWords(name) : name) : null }
    }
    if (after) return after
  }
  return { name: null, title: null, authority: null }
}
