/**
 * Honourees directory: province of a locality, facets (kind, year, award, province) with
 * counts for the static filter pages, ordering and the home page selection.
 * Only public fields are read here — never consent or private contact details.
 */
import { awardKinds, honoureeKinds, individualHonoureeKinds, labelOf } from '../../cms/fields/options'
import { compareVietnamese, slugify } from '../../cms/lib/vietnamese'
import { honoureeFilterParam, honoureeFilterPath, type HonoureeFilterKey } from './routes'

/** The public fields the directory uses; a Payload honouree document fits. */
export interface HonoureeFields {
  slug?: string | null
  name: string
  kind: string
  year: number
  award: string
  locality?: string | null
  illustrative?: boolean | null
  _status?: string | null
}

export type FacetKey = HonoureeFilterKey

export interface Facet {
  key: FacetKey
  /** The value as stored (kinds and awards by their option value, provinces by slug). */
  value: string
  /** The value as written in the URL segment (Vietnamese). */
  param: string
  label: string
  count: number
  href: string
}

export const facetTitles: Record<FacetKey, string> = {
  kind: 'Loại điển hình',
  year: 'Năm',
  award: 'Hình thức khen thưởng',
  province: 'Địa phương',
}

/** Title and description of a facet's listing page. */
export function facetPageText(facet: Facet): { title: string; description: string } {
  switch (facet.key) {
    case 'kind':
      return { title: `Điển hình: ${facet.label}`, description: `Danh sách điển hình loại “${facet.label}”: ${facet.count} điển hình.` }
    case 'year':
      return {
        title: `Điển hình năm ${facet.label}`,
        description: `Danh sách điển hình được công nhận, khen thưởng năm ${facet.label}: ${facet.count} điển hình.`,
      }
    case 'award':
      return {
        title: `Điển hình: ${facet.label}`,
        description: `Danh sách điển hình được khen thưởng bằng hình thức “${facet.label}”: ${facet.count} điển hình.`,
      }
    case 'province':
      return { title: `Điển hình tại ${facet.label}`, description: `Danh sách điển hình trên địa bàn ${facet.label}: ${facet.count} điển hình.` }
  }
}

/** "Xã Vũ Hội, huyện Vũ Thư, tỉnh Thái Bình" → "Thái Bình"; "Phường 2, thành phố Cần Thơ" → "Cần Thơ". */
export function provinceOf(locality: string | null | undefined): string | undefined {
  if (!locality) return undefined
  const last = locality.split(',').pop()?.trim() ?? ''
  const name = last.replace(/^(tỉnh|thành phố|tp\.?)\s+/i, '').trim()
  return name || undefined
}

export const provinceSlug = (province: string) => slugify(province)

export const kindLabel = (kind: string) => labelOf(honoureeKinds, kind)
export const awardLabel = (award: string) => labelOf(awardKinds, award)

export const isIndividual = (h: Pick<HonoureeFields, 'kind'>) =>
  (individualHonoureeKinds as readonly string[]).includes(h.kind)


/** Newest year first, then by name in Vietnamese alphabetical order. */
export function sortHonourees<H extends HonoureeFields>(list: readonly H[]): H[] {
  return [...list].sort((a, b) => b.year - a.year || compareVietnamese(a.name, b.name))
}

/** The facet value of one honouree (stored form; the URL form is routes' honoureeFilterParam), or undefined when it has none. */
export function facetValue(h: HonoureeFields, key: FacetKey): string | undefined {
  switch (key) {
    case 'kind':
      return h.kind
    case 'award':
      return h.award
    case 'year':
      return String(h.year)
    case 'province': {
      const p = provinceOf(h.locality)
      return p ? provinceSlug(p) : undefined
    }
  }
}

/** Honourees matching one facet value. */
export const filterBy = <H extends HonoureeFields>(list: readonly H[], key: FacetKey, value: string): H[] =>
  list.filter((h) => facetValue(h, key) === value)

/**
 * Every facet value present in the list, with its count and page: kinds and awards in the
 * CMS option order, years newest first, provinces alphabetically.
 */
export function honoureeFacets(list: readonly HonoureeFields[]): Record<FacetKey, Facet[]> {
  const count = (key: FacetKey) => {
    const counts = new Map<string, number>()
    for (const h of list) {
      const v = facetValue(h, key)
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    return counts
  }
  const build = (key: FacetKey, values: string[], labelFor: (v: string) => string, counts: Map<string, number>): Facet[] =>
    values.map((value) => ({
      key,
      value,
      param: honoureeFilterParam(key, value),
      label: labelFor(value),
      count: counts.get(value) ?? 0,
      href: honoureeFilterPath(key, value),
    }))

  const kinds = count('kind')
  const awards = count('award')
  const years = count('year')
  const provinces = count('province')
  const provinceNames = new Map<string, string>()
  for (const h of list) {
    const p = provinceOf(h.locality)
    if (p) provinceNames.set(provinceSlug(p), p)
  }
  return {
    kind: build('kind', honoureeKinds.map((o) => o.value as string).filter((v) => kinds.has(v)), kindLabel, kinds),
    award: build('award', awardKinds.map((o) => o.value as string).filter((v) => awards.has(v)), awardLabel, awards),
    year: build('year', [...years.keys()].sort((a, b) => Number(b) - Number(a)), (v) => v, years),
    province: build(
      'province',
      [...provinces.keys()].sort((a, b) => compareVietnamese(provinceNames.get(a)!, provinceNames.get(b)!)),
      (v) => provinceNames.get(v) ?? v,
      provinces,
    ),
  }
}

/**
 * Honourees for the home page: published ones, families, clans, communities, units and
 * collectives before individuals; one of each kind first (newest), then the rest by date.
 */
export function featuredHonourees<H extends HonoureeFields>(list: readonly H[], n = 4): H[] {
  const published = sortHonourees(list.filter((h) => h._status == null || h._status === 'published'))
  const groups = [published.filter((h) => !isIndividual(h)), published.filter((h) => isIndividual(h))]
  const picked: H[] = []
  for (const group of groups) {
    const seen = new Set<string>()
    for (const h of group) {
      if (picked.length >= n) break
      if (!seen.has(h.kind)) {
        seen.add(h.kind)
        picked.push(h)
      }
    }
    for (const h of group) {
      if (picked.length >= n) break
      if (!picked.includes(h)) picked.push(h)
    }
  }
  return picked
}
