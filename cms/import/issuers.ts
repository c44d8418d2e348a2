/**
 * The issuing body: the upper-case lines above the number ("THỦ TƯỚNG CHÍNH PHỦ"), else the body
 * the text says issues it ("Hội đồng Thi đua - Khen thưởng tỉnh ban hành Kế hoạch …", "Văn phòng
 * Ủy ban nhân dân tỉnh Sóc Trăng thông báo …"); its standing committee or office stands for it.
 */
import type { Block } from './blocks.ts'
import { matchOrganization, proposeOrganization } from './organizations.ts'
import { sentenceCase } from './text.ts'
import type { ImportContext, ProposedOrganization } from './types.ts'

const STATEMENT = /(?:^|[;,]\s*)((?:[^;,()]|\([^)]*\))+?)\s+(?:xây dựng|ban hành|phát động|thông báo)\s+(?:Kế hoạch|kế hoạch|thi đua|đến|Quyết định|Hướng dẫn)/u
const ORGAN = /^(?:Ban Thường vụ|Ban Chấp hành|Thường trực)\s+(?=Hội|Ủy ban|Đảng)/u

export function parseIssuers(issuerLines: string[], blocks: Block[], context: ImportContext, province: string | null): ProposedOrganization[] {
  // A header prints the name in capitals: a matched body is proposed under the CMS's spelling.
  const fromHeader = issuerLines.map((l) => {
    const org = matchOrganization(l, context, province)
    return { name: org?.name ?? sentenceCase(l), organization: org?.key ?? null }
  })
  const matched = fromHeader.filter((o) => o.organization)
  if (matched.length) return matched
  let unmatched: ProposedOrganization | null = null
  for (const b of blocks) {
    if (b.kind === 'row') continue
    const m = b.full.match(STATEMENT)
    if (!m) continue
    const name = m[1].replace(/\s*\((?:sau đây|gọi tắt)[^)]*\)\s*$/u, '').replace(ORGAN, '').trim()
    if (!/^\p{Lu}/u.test(name) || name.split(/\s+/).length > 20) continue
    const org = proposeOrganization(name, context, province)
    if (org.organization) return [org]
    unmatched ??= org
  }
  // Nothing matched: propose the header's bodies, else the one the text names (as new organisations).
  return fromHeader.length ? fromHeader : unmatched ? [unmatched] : []
}
