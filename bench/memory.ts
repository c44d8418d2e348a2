/**
 * Peak resident memory of this process and everything it started (Payload, astro build,
 * Pagefind's own process…), sampled from /proc (Linux) every 200 ms by a worker thread, so
 * samples are taken even while the main thread is busy. `phase(name)` ends one step's peak.
 */
import { Worker } from 'node:worker_threads'

const sampler = `
const { workerData } = require('node:worker_threads')
const fs = require('node:fs')
const peak = new Float64Array(workerData.shared)
// [0] whole tree, [1] whole tree this step, [2] children only (the build's own processes) this step
const children = (p) => {
  try { return fs.readFileSync('/proc/' + p + '/task/' + p + '/children', 'utf8').trim().split(/\\s+/).filter(Boolean).map(Number) } catch { return [] }
}
const rss = (p) => {
  let total = 0
  try { const m = /VmRSS:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/' + p + '/status', 'utf8')); total += m ? Number(m[1]) * 1024 : 0 } catch {}
  // Threads of this process list the same children: only the main task is read.
  for (const c of children(p)) total += rss(c)
  return total
}
setInterval(() => {
  const now = rss(workerData.pid)
  const kids = children(workerData.pid).reduce((n, c) => n + rss(c), 0)
  if (now > peak[0]) peak[0] = now
  if (now > peak[1]) peak[1] = now
  if (kids > peak[2]) peak[2] = kids
}, 200)
`

export function treeMemory() {
  const shared = new SharedArrayBuffer(24)
  const peak = new Float64Array(shared)
  const worker = new Worker(sampler, { eval: true, workerData: { pid: process.pid, shared } })
  worker.unref()
  const phases: [step: string, tree: number, children: number][] = []
  return {
    /** Ends the current step: records its peak and starts the next step's from zero. */
    phase(name: string) {
      phases.push([name, peak[1], peak[2]])
      peak[1] = 0
      peak[2] = 0
    },
    phases,
    get peak() {
      return peak[0]
    },
    stop: () => worker.terminate(),
  }
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
