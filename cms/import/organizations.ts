/**
 * Names as printed matched to organisations in the CMS. Documents name bodies of their own
 * province without the province ("Sở Nội vụ", "UBND tỉnh"), so the document's province is tried
 * as a suffix; a name in parentheses after it ("(đơn vị Trưởng Khối)") is a role, not part of it.
 */
import type { ImportContext, ProposedOrganization } from './types.ts'
import { foldKey } from './text.ts'

type Org = ImportContext['organizations'][number]

function variants(name: string, province: string | null): string[] {
  const base = name
    .replace(/\((?:sau đây|đơn vị|gọi tắt)[^)]*\)/gi, '')
    .replace(/^(?:Đề nghị|Giao)\s+/, '')
    .replace(/[.;:,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
  const out = [base]
  const stripped = base.replace(/\s*\([^)]*\)\s*$/, '').trim()
  if (stripped !== base) out.push(stripped)
  if (province) {
    for (const v of [...out]) {
      if (/\s(tỉnh|thành phố)$/i.test(v)) out.push(`${v} ${province}`)
      else if (!foldKey(v).endsWith(foldKey(province))) out.push(`${v} tỉnh ${province}`, `${v} ${province}`)
    }
  }
  return out
}

/** The organisation a printed name refers to, or undefined. */
const indexes = new WeakMap<ImportContext['organizations'], Map<string, Org[]>>()

function indexOf(context: ImportContext): Map<string, Org[]> {
  let index = indexes.get(context.organizations)
  if (index) return index
  index = new Map()
  for (const org of context.organizations) {
    for (const n of [org.name, org.shortName]) {
      if (!n) continue
      const k = foldKey(n)
      index.set(k, [...(index.get(k) ?? []), org])
    }
  }
  indexes.set(context.organizations, index)
  return index
}

export function matchOrganization(name: string, context: ImportContext, province: string | null): Org | undefined {
  const index = indexOf(context)
  for (const v of variants(name, province)) {
    const found = index.get(foldKey(v))
    if (!found?.length) continue
    if (found.length === 1 || !province) return found[0]
    return found.find((o) => o.province && foldKey(o.province) === foldKey(province)) ?? found[0]
  }
  return undefined
}

export function proposeOrganization(name: string, context: ImportContext, province: string | null): ProposedOrganization {
  return { name, organization: matchOrganization(name, context, province)?.key ?? null }
}

/** The organisation's name without a trailing province ("Sở Ngoại vụ tỉnh Bắc Giang" → "Sở Ngoại vụ"). */
export function withoutProvince(org: Org): string {
  return org.province ? org.name.replace(new RegExp(`\\s+(?:tỉnh|thành phố)?\\s*${org.province}$`, 'u'), '') : org.name
}
