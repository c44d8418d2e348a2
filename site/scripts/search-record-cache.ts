/**
 * Search records carried from one release to the next. Reading and parsing every page into
 * its Pagefind record is about half of the search index step; a page whose file is shared
 * with the live release (site/scripts/link-unchanged.ts: the same bytes) has the same record,
 * so it is taken from the live release's `search-records.json` (beside client/, not public)
 * instead. The file names the code that made its records: after a change to that code every
 * page is read again.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { recordFromHtml } from '../lib/search-records.ts'

export type PageRecord = ReturnType<typeof recordFromHtml>

const RECORDS_FILE = 'search-records.json'

/** The code a record depends on: recordFromHtml and what it calls. */
const CODE = ['site/lib/search-records.ts', 'site/lib/search-facts.ts', 'site/lib/search-text.ts', 'cms/lib/vietnamese.ts']

function codeVersion(): string {
  const root = path.resolve(import.meta.dirname, '..', '..')
  const hash = createHash('sha256')
  for (const file of CODE) hash.update(fs.readFileSync(path.join(root, file)))
  return hash.digest('base64url').slice(0, 16)
}

type Stored = { version: string; records: Record<string, PageRecord | null> }

/**
 * `recordOf(url, file)` for buildSearchIndex: the live release's record when `file` (relative
 * to `clientDir`) is one of `unchanged`, otherwise the page read and parsed. `save` writes
 * every record given out into `releaseDir`, for the next build.
 */
export function searchRecordCache(clientDir: string, previousReleaseDir: string | undefined, unchanged: ReadonlySet<string>) {
  const version = codeVersion()
  let previous: Stored['records'] = {}
  const file = previousReleaseDir && path.join(previousReleaseDir, RECORDS_FILE)
  if (file && fs.existsSync(file)) {
    try {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Stored
      if (stored.version === version) previous = stored.records
    } catch {
      // An unreadable file: read every page again.
    }
  }
  const records: Stored['records'] = {}
  let reused = 0
  return {
    recordOf(url: string, full: string): PageRecord {
      const relative = path.relative(clientDir, full).split(path.sep).join('/')
      const known = previous[url]
      const record = known !== undefined && unchanged.has(relative) ? (reused++, known ?? undefined) : recordFromHtml(url, fs.readFileSync(full, 'utf8'))
      records[url] = record ?? null
      return record
    },
    get reused() {
      return reused
    },
    /** Did the live release's file give records (the same code made them)? */
    get hasPrevious() {
      return Object.keys(previous).length > 0
    },
    /** The live release's record of a page (null: not indexed; undefined: unknown). */
    previous(url: string): PageRecord | null | undefined {
      return previous[url]
    },
    /**
     * The live release's record of every page not read in this build and not in `gone`, kept
     * for the next build: a partial publish's delta index (search-delta.ts) reads only the
     * pages that changed.
     */
    keepUnread(gone: ReadonlySet<string>) {
      for (const [url, record] of Object.entries(previous)) if (!(url in records) && !gone.has(url)) records[url] = record
    },
    save(releaseDir: string) {
      fs.writeFileSync(path.join(releaseDir, RECORDS_FILE), JSON.stringify({ version, records } satisfies Stored))
    },
  }
}
