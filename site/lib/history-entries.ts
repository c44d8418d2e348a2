/**
 * "Lịch sử cập nhật" as data: a document's published versions (date and change note) made
 * into the entries its page lists. Pure, and imported with explicit extensions, so that both
 * the content loader (./history.ts) and a partial publish (site/scripts/partial-release.ts,
 * run by Node itself) compute it the same way.
 */
import { formatDate, vietnamCalendarDay } from '../../cms/lib/vietnamese.ts'
import type { PublishedVersionNote, VersionedCollection } from './cms.ts'

export interface HistoryEntry {
  /** The moment of publication (ISO), its day in Vietnam, and that day as shown ("04/4/2023"). */
  at: string
  day: string
  date: string
  kind: 'first' | 'update'
  note: string | null
}

export interface DocumentHistory {
  collection: VersionedCollection
  parent: number | string
  /** Newest first. */
  entries: HistoryEntry[]
}

export const historyCollections: readonly VersionedCollection[] = ['plans', 'campaigns', 'honourees', 'news', 'pages']
export const historyId = (collection: VersionedCollection, parent: number | string) => `${collection}-${parent}`

/**
 * One document's publications, oldest to newest in `versions`, as the page lists them, newest
 * first. A note repeated from the previous publication is not a new note (the field keeps its
 * value from one save to the next), and publications of the same day without a new note are
 * one entry (the seed, and a quick fix after publishing, publish twice).
 */
export function historyEntries(versions: readonly Pick<PublishedVersionNote, 'at' | 'note'>[]): HistoryEntry[] {
  const out: HistoryEntry[] = []
  let previousNote: string | null = null
  for (const [i, v] of versions.entries()) {
    const date = new Date(v.at)
    if (Number.isNaN(date.getTime())) continue
    const day = vietnamCalendarDay(date)
    const note = v.note && v.note !== previousNote ? v.note : null
    previousNote = v.note
    const last = out[out.length - 1]
    if (i > 0 && last && !note && last.day === day) continue
    out.push({ at: date.toISOString(), day, date: formatDate(`${day}T12:00:00+07:00`), kind: i === 0 ? 'first' : 'update', note })
  }
  return out.reverse()
}

export function documentHistories(collection: VersionedCollection, rows: readonly PublishedVersionNote[]): DocumentHistory[] {
  const byParent = new Map<string, PublishedVersionNote[]>()
  for (const row of rows) {
    const list = byParent.get(String(row.parent)) ?? []
    list.push(row)
    byParent.set(String(row.parent), list)
  }
  return [...byParent.values()].map((list) => ({
    collection,
    parent: list[0]!.parent,
    entries: historyEntries([...list].sort((a, b) => a.at.localeCompare(b.at))),
  }))
}
