/** Figures for bench:publish: percentiles and the timeline of one publish. */

/** Nearest-rank percentile (p in 0..100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(sorted.length, rank) - 1]
}

/** One publish, in seconds from the API call: build started, build finished, change served everywhere. */
export type PublishTiming = {
  total: number
  /** Publish → its build starts (debounce, a build already running, taking the lease). */
  queueWait: number
  /** Steps of the build itself (release.ts's phases). */
  astro: number
  index: number
  compress: number
  /** Build's own switch (symlink, prune) plus the portal server taking the new release. */
  switch: number
  rendered: number
  pages: number
  /** `partial`, `full`, or `full (why a partial publish was not possible)`. */
  mode?: string
}

const fixed = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–')

/** "p50 x s, p95 y s" lines for every figure of a set of publishes. */
export function summarise(label: string, timings: readonly PublishTiming[]): string {
  const figure = (key: Exclude<keyof PublishTiming, 'mode'>) => {
    const values = timings.map((t) => t[key])
    return `p50 ${fixed(percentile(values, 50))} s, p95 ${fixed(percentile(values, 95))} s`
  }
  return [
    `${label} — ${timings.length} publishes`,
    `  publish → served everywhere: ${figure('total')}`,
    `    queue wait: ${figure('queueWait')}`,
    `    render (astro build, or a partial publish's content and pages): ${figure('astro')}`,
    `    search index: ${figure('index')}`,
    `    brotli/gzip copies: ${figure('compress')}`,
    `    switch (release live + portal serving it): ${figure('switch')}`,
    `  builds: ${[...new Set(timings.map((t) => t.mode ?? 'full'))].map((mode) => `${timings.filter((t) => (t.mode ?? 'full') === mode).length} ${mode}`).join(', ')}`,
    `  pages rendered per publish (p50): ${percentile(
      timings.map((t) => t.rendered),
      50,
    )} of ${percentile(
      timings.map((t) => t.pages),
      50,
    )}`,
  ].join('\n')
}
