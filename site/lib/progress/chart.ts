/** Chart layout: positions for the inline SVG (drawn at build time). */
import { formatCompact, formatPercent } from '../format'

import { roundTo } from './status'
import type { ChartModel } from './indicator-page'

export interface ChartBar {
  kind: 'actual' | 'target' | 'empty'
  /** Actual: a bar from x0 to x, from y down `height`. Target: a dashed line at y from x0 to x, diamond at x. */
  x0: number
  x: number
  y: number
  height: number
  /** The label, written above its mark from the start of the plot. */
  text: string
  textX: number
  textY: number
}
export interface ChartRow {
  label: string
  /** The label in lines short enough for the left column. */
  labelLines: string[]
  /** Baseline of the label's first line. */
  labelY: number
  top: number
  bottom: number
  bars: ChartBar[]
}
export interface ChartLayout {
  width: number
  height: number
  plotLeft: number
  plotRight: number
  axisY: number
  ticks: { x: number; label: string }[]
  rows: ChartRow[]
  /** Separator lines between categories. */
  separators: number[]
  lineHeight: number
}

/** Geometry in viewBox units; text is 15 units high, so it stays legible when scaled to a phone. */
export const CHART = { width: 440, plotLeft: 134, plotRight: 408, top: 8, text: 17, barH: 16, targetH: 10, gap: 6, rowGap: 10, axis: 28, labelChars: 13 }

/** A round upper bound for the axis and its ticks (0, 20, 40… or 0, 500.000…). */
export function niceScale(max: number, ticksWanted = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.2 }
  const raw = max / ticksWanted
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag
  return { max: roundTo(Math.ceil(max / step - 1e-9) * step, 10), step: roundTo(step, 12) }
}

export const formatTick = (value: number, unit: string) => (unit === 'percent' ? formatPercent(value) : formatCompact(value))

/**
 * A label in lines of at most `max` characters: two balanced lines when it needs two
 * ("Thành phố Thái Bình" → "Thành phố" / "Thái Bình"), greedy beyond that.
 */
export function wrapLabel(text: string, max: number = CHART.labelChars): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  if (words.length === 0) return ['']
  if (text.length <= max || words.length === 1) return [words.join(' ')]
  let best: string[] | null = null
  for (let i = 1; i < words.length; i++) {
    const pair = [words.slice(0, i).join(' '), words.slice(i).join(' ')]
    if (pair.every((l) => l.length <= max) && (!best || Math.max(...pair.map((l) => l.length)) < Math.max(...best.map((l) => l.length)))) best = pair
  }
  if (best) return best
  const lines: string[] = []
  for (const word of words) {
    const last = lines[lines.length - 1]
    if (last != null && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  return lines
}

export function layoutChart(model: ChartModel): ChartLayout {
  const values = model.categories.flatMap((c) => [...(c.actual ? [c.actual.value] : []), ...c.targets.map((t) => t.value)])
  const maxValue = Math.max(0, ...values)
  // Percentages up to 100 keep the 0–100 scale readers expect; anything else scales to its data.
  const scale = model.unit === 'percent' && maxValue <= 100 && maxValue > 20 ? { max: 100, step: 20 } : niceScale(maxValue * 1.05)
  // The left column fits the longest category label (years need little room); the width
  // grows when a value label would not fit (estimated at 9 units per character, bold 15).
  const labelLinesOf = model.categories.map((c) => wrapLabel(c.label))
  const longestLabel = Math.max(0, ...labelLinesOf.flat().map((l) => l.length))
  const plotLeft = Math.min(CHART.plotLeft, Math.max(60, longestLabel * 10 + 16))
  const longestText = Math.max(0, ...model.categories.flatMap((c) => [c.actual?.text.length ?? 26, ...c.targets.map((t) => t.text.length)]))
  const width = Math.max(CHART.width, Math.ceil(plotLeft + 2 + longestText * 9 + 8))
  const plotRight = width - (CHART.width - CHART.plotRight)
  const xOf = (v: number) => plotLeft + (Math.max(0, Math.min(v, scale.max)) / scale.max) * (plotRight - plotLeft)
  const rows: ChartRow[] = []
  const separators: number[] = []
  let y = CHART.top
  for (const [i, c] of model.categories.entries()) {
    if (i > 0) {
      separators.push(y + CHART.rowGap / 2)
      y += CHART.rowGap
    }
    const top = y
    const bars: ChartBar[] = []
    const labelLines = labelLinesOf[i]
    if (c.actual) {
      bars.push({ kind: 'actual', x0: plotLeft, x: xOf(c.actual.value), y: y + CHART.text, height: CHART.barH, text: c.actual.text, textX: plotLeft + 2, textY: y + CHART.text - 4 })
      y += CHART.text + CHART.barH + CHART.gap
    } else {
      bars.push({ kind: 'empty', x0: plotLeft, x: plotLeft, y: y + CHART.text, height: 0, text: 'Thực hiện: chưa có số liệu', textX: plotLeft + 2, textY: y + CHART.text - 4 })
      y += CHART.text + CHART.gap
    }
    for (const t of c.targets) {
      const x = xOf(t.value)
      bars.push({ kind: 'target', x0: plotLeft, x, y: y + CHART.text + CHART.targetH / 2, height: CHART.targetH, text: t.text, textX: plotLeft + 2, textY: y + CHART.text - 4 })
      y += CHART.text + CHART.targetH + CHART.gap
    }
    // A long place name may need more height than its marks.
    y = Math.max(y, top + labelLines.length * CHART.text + CHART.gap)
    rows.push({ label: c.label, labelLines, labelY: top + CHART.text - 4, top, bottom: y, bars })
  }
  const axisY = y + 2
  const ticks: ChartLayout['ticks'] = []
  for (let v = 0; v <= scale.max + scale.step / 1000; v += scale.step) {
    const value = roundTo(v, 10)
    ticks.push({ x: roundTo(xOf(value), 3), label: formatTick(value, model.unit) })
  }
  return { width, height: axisY + CHART.axis, plotLeft, plotRight, axisY, ticks, rows, separators, lineHeight: CHART.text }
}
