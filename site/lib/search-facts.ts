/**
 * What search needs to know about a page beyond its text: a document's number, type, date
 * and issuer, the names a citizen may type (signers, honourees), the year and organisations
 * it is filtered by. Pages pass these to the layout, which writes them on <main> as one
 * JSON attribute; the index builder reads them back (search-records.ts). No dependencies:
 * the browser bundle imports the type only.
 */
export type SearchFacts = {
  /** A document's number as written: "38/KH-HĐTĐKT". */
  number?: string
  /** A document's type label: "Kế hoạch". */
  type?: string
  /** ISO date (YYYY-MM-DD) the page is dated: issue, publication, start. */
  date?: string
  year?: number
  /** Issuing or organising bodies, as named. */
  orgs?: string[]
  /** People and honourees named by the page (signer, honouree): found by name. */
  names?: string[]
  /** What the names are, for the result's label: "Người ký", "Điển hình". */
  nameRole?: string
}

/** Drop empty values so pages without facts write nothing. */
export function searchFactsAttr(facts: SearchFacts | undefined): string | undefined {
  if (!facts) return undefined
  const clean = Object.fromEntries(
    Object.entries(facts)
      .map(([k, v]) => [k, Array.isArray(v) ? [...new Set(v.filter(Boolean))] : v])
      .filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  )
  return Object.keys(clean).length ? JSON.stringify(clean) : undefined
}

export function parseSearchFacts(attr: string | undefined): SearchFacts {
  if (!attr) return {}
  try {
    const value = JSON.parse(attr)
    return value && typeof value === 'object' ? (value as SearchFacts) : {}
  } catch {
    return {}
  }
}
