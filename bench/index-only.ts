/**
 * The search index step alone on a kept build (`BENCH_KEEP=1 npm run bench:build …`), in a
 * process of its own as release.ts runs it, with the peak memory of its process tree:
 * `node bench/index-only.ts .build/<bench-dir>`.
 */
import os from 'node:os'
import path from 'node:path'

import { buildSearchIndex } from '../site/scripts/search-index.ts'
import { mb, treeMemory } from './memory.ts'

const memory = treeMemory()
const started = Date.now()
const { pages } = await buildSearchIndex(path.join(path.resolve(process.argv[2]), 'client'))
memory.phase('search index')
const [, tree, children] = memory.phases[0]
console.log(`indexed ${pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s; peak memory ${mb(tree)} (process tree), Pagefind's process ${mb(children)}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`)
memory.stop()
process.exit(0)
