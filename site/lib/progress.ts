/**
 * Progress of indicators (chỉ tiêu) and plan tasks: every derivation the /tien-do/ pages,
 * their charts and their CSV/JSON downloads use. Pure functions over CMS documents (as the
 * content layer stores them, depth 1), so templates only lay out what comes from here.
 *
 * The one source of numbers is `indicatorRows()` (targets and actual values as flat rows):
 * the HTML tables, the SVG labels, the CSV and the JSON are all made from its rows.
 */
import { formatCompact, formatMeasure, formatNumber, formatPercent, label, labels, slugify } from './format'
import { indicatorPath, planPath } from './routes'

// ── Input shapes (the parts of the Payload documents used here) ──────────────────────────

/** Numeric on SQLite, an ObjectId string on MongoDB. */
export type Id = number | string

export type Direction = 'higher-is-better' | 'lower-is-better'

export interface PlanLike {
  id: Id
  slug?: string | null
  documentNumber?: string | null
  title?: string | null
  tasks?: TaskLike[] | null
}

export interface TaskLike {
  status?: string | null
  timeFrame?: string | null
  dueStart?: string | null
  dueEnd?: string | null
}

export interface IndicatorLike {
  id: Id
  slug?: string | null
  code: string
  name: string
  unit: string
  direction: Direction | string
  description?: string | null
  topics?: (Id | { id: Id; name: string; slug?: string | null })[] | null
  targets?:
    | {
        year: number
        scope: string
        value: number
        sourcePlan?: Id | PlanLike | null
        note?: string | null
      }[]
    | null
}

export interface ReportLike {
  id: Id
  indicator: Id | { id: Id }
  year: number
  periodLabel?: string | null
  locality: string
  value: number
  reportingOrganization?: Id | { id: Id; name?: string | null } | null
  source?: string | null
  note?: string | null
  illustrative?: boolean | null
}

// ── Small helpers ─────────────────────────────────────────────────────────────────────────

const idOf = (value: Id | { id: Id } | null | undefined): Id | null =>
  value == null ? null : typeof value === 'object' ? value.id : value

/** Creation order: numeric ids on SQLite, ObjectIds (hex, time first) on MongoDB. */
export const compareIds = (a: Id, b: Id): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
const byId = (a: { id: Id }, b: { id: Id }) => compareIds(a.id, b.id)

const collator = new Intl.Collator('vi')

export const indicatorSlug = (indicator: Pick<IndicatorLike, 'id' | 'slug'>) => indicator.slug ?? String(indicator.id)

export const directionLabel = (direction: string) => label(labels.indicatorDirections, direction)
export const unitLabel = (unit: string) => label(labels.indicatorUnits, unit)

/** A document a target comes from, as shown and linked. */
export interface PlanRef {
  id: Id
  /** "29/KH-KHKH", or the title for documents without a number. */
  label: string
  title: string
  documentNumber: string | null
  href: string | null
}

/**
 * The source document of a target. At depth 1 a published plan comes populated; a plan the
 * public cannot read stays an id, which is looked up among the published plans (if given).
 */
export function planRef(value: Id | PlanLike | null | undefined, plansById?: ReadonlyMap<Id, PlanLike>): PlanRef | null {
  if (value == null) return null
  const plan = typeof value === 'object' ? value : plansById?.get(value)
  if (!plan) return null
  const title = plan.title ?? ''
  const documentNumber = plan.documentNumber ?? null
  return {
    id: plan.id,
    label: documentNumber ?? title,
    title,
    documentNumber,
    href: plan.slug ? planPath(plan.slug) : null,
  }
}

/** "29/KH-KHKH — Thực hiện Chương trình …", or the title alone when the document has no number. */
export const planCitation = (ref: PlanRef) => (ref.documentNumber ? `${ref.documentNumber} — ${ref.title}` : ref.title)

// ── Status: is an actual value on track against a target? ────────────────────────────────

export type StatusKind = 'ok' | 'bad' | 'muted'
export type StatusCode = 'met' | 'not-met' | 'no-data' | 'no-target'
export interface Status {
  code: StatusCode
  kind: StatusKind
  label: string
}

export const STATUS_NO_DATA: Status = { code: 'no-data', kind: 'muted', label: 'Chưa có số liệu' }
export const STATUS_NO_TARGET: Status = { code: 'no-target', kind: 'muted', label: 'Chưa có mục tiêu' }

/**
 * Direction-aware: higher-is-better is met when actual ≥ target ("Đạt/Vượt mục tiêu"),
 * lower-is-better when actual ≤ target ("Đạt"); otherwise "Chưa đạt". No actual value →
 * "Chưa có số liệu".
 */
export function evaluate(actual: number | null | undefined, target: number, direction: string): Status {
  if (actual == null || !Number.isFinite(actual)) return STATUS_NO_DATA
  const eps = 1e-9 * Math.max(1, Math.abs(target))
  if (direction === 'lower-is-better') {
    return actual <= target + eps ? { code: 'met', kind: 'ok', label: 'Đạt' } : { code: 'not-met', kind: 'bad', label: 'Chưa đạt' }
  }
  return actual >= target - eps
    ? { code: 'met', kind: 'ok', label: 'Đạt/Vượt mục tiêu' }
    : { code: 'not-met', kind: 'bad', label: 'Chưa đạt' }
}

/**
 * How much of the target is achieved, in percent: actual ÷ target when higher is better,
 * target ÷ actual when lower is better (1,95% poverty against a 1,82% ceiling → 93,3%).
 */
export function attainment(actual: number | null | undefined, target: number, direction: string): number | null {
  if (actual == null || !Number.isFinite(actual)) return null
  if (direction === 'lower-is-better') return actual > 0 ? (target / actual) * 100 : target >= 0 ? 100 : null
  return target !== 0 ? (actual / target) * 100 : null
}

/** Actual minus target, in the indicator's unit (percentage points for percent). */
export const gap = (actual: number | null | undefined, target: number): number | null =>
  actual == null || !Number.isFinite(actual) ? null : roundTo(actual - target, 10)

const roundTo = (value: number, digits: number) => Number(value.toFixed(digits))

export const formatAttainment = (value: number | null) => (value == null ? '—' : formatPercent(roundTo(value, 1)))

/** +2,4 điểm % / −150.000 lượt / 0. */
export function formatGap(value: number | null, unit: string): string {
  if (value == null) return '—'
  if (value === 0) return unit === 'percent' ? '0 điểm %' : formatMeasure(0, unit)
  const sign = value > 0 ? '+' : '−'
  const abs = Math.abs(value)
  return unit === 'percent' ? `${sign}${formatNumber(abs)} điểm %` : `${sign}${formatMeasure(abs, unit)}`
}

// ── The rows: one per target and one per actual value ────────────────────────────────────

export type RowKind = 'target' | 'actual'

export interface DataRow {
  indicatorId: Id
  indicatorSlug: string
  code: string
  name: string
  unit: string
  direction: string
  year: number
  /** The target's scope or the report's locality (same spelling for the same place). */
  scope: string
  kind: RowKind
  value: number
  /** The source document (targets) or the report's source (actuals), as text. */
  source: string
  sourcePlan: PlanRef | null
  periodLabel: string | null
  reportingOrganization: string | null
  note: string | null
  illustrative: boolean
}

const isAnnual = (row: Pick<DataRow, 'periodLabel' | 'year'>) =>
  !row.periodLabel || row.periodLabel.trim().toLowerCase() === `năm ${row.year}`

function reportSource(report: ReportLike): string {
  const org = typeof report.reportingOrganization === 'object' ? report.reportingOrganization?.name : null
  const base = report.source?.trim() || org || ''
  const period = report.periodLabel?.trim()
  // A report for part of a year says which part, so two reports of one year stay distinct.
  return period && period.toLowerCase() !== `năm ${report.year}` ? `${base}${base ? ' ' : ''}(${period})` : base
}

/**
 * Every target and every actual value of one indicator, as flat rows: ordered by year, then
 * by scope (scopes that have targets first), targets before actuals, in document order.
 */
export function indicatorRows(
  indicator: IndicatorLike,
  reports: readonly ReportLike[],
  plansById?: ReadonlyMap<Id, PlanLike>,
): DataRow[] {
  const base = {
    indicatorId: indicator.id,
    indicatorSlug: indicatorSlug(indicator),
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
  }
  const rows: DataRow[] = []
  for (const t of indicator.targets ?? []) {
    const ref = planRef(t.sourcePlan, plansById)
    rows.push({
      ...base,
      year: t.year,
      scope: t.scope,
      kind: 'target',
      value: t.value,
      source: ref ? planCitation(ref) : '',
      sourcePlan: ref,
      periodLabel: null,
      reportingOrganization: null,
      note: t.note ?? null,
      illustrative: false,
    })
  }
  const own = reports.filter((r) => idOf(r.indicator) === indicator.id).sort(byId)
  for (const r of own) {
    rows.push({
      ...base,
      year: r.year,
      scope: r.locality,
      kind: 'actual',
      value: r.value,
      source: reportSource(r),
      sourcePlan: null,
      periodLabel: r.periodLabel ?? null,
      reportingOrganization: typeof r.reportingOrganization === 'object' ? (r.reportingOrganization?.name ?? null) : null,
      note: r.note ?? null,
      illustrative: Boolean(r.illustrative),
    })
  }
  const targetScopes = new Set((indicator.targets ?? []).map((t) => t.scope))
  const scopeRank = (s: string) => (targetScopes.has(s) ? 0 : 1)
  const order = new Map(rows.map((r, i) => [r, i]))
  return rows.sort(
    (a, b) =>
      a.year - b.year ||
      scopeRank(a.scope) - scopeRank(b.scope) ||
      collator.compare(a.scope, b.scope) ||
      (a.kind === b.kind ? 0 : a.kind === 'target' ? -1 : 1) ||
      order.get(a)! - order.get(b)!,
  )
}

/** All indicators' rows (indicators in id order, as in content/). */
export function datasetRows(
  indicators: readonly IndicatorLike[],
  reports: readonly ReportLike[],
  plans: readonly PlanLike[] = [],
): DataRow[] {
  const plansById = new Map(plans.map((p) => [p.id, p]))
  return [...indicators].sort(byId).flatMap((i) => indicatorRows(i, reports, plansById))
}

/** The value as people read it: "99,32%", "34,4 giường/10.000 dân", "2,3 triệu lượt". */
export const displayValue = (row: Pick<DataRow, 'value' | 'unit'>) => formatMeasure(row.value, row.unit)

// ── Machine-readable files: CSV (UTF-8 with BOM) and JSON, dot decimals ────────────────────

export const CSV_COLUMNS = [
  'ma_chi_tieu',
  'ten_chi_tieu',
  'don_vi',
  'chieu',
  'nam',
  'pham_vi',
  'loai',
  'gia_tri',
  'nguon',
  'minh_hoa',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]
export type MachineRecord = {
  ma_chi_tieu: string
  ten_chi_tieu: string
  don_vi: string
  chieu: 'cang_cao_cang_tot' | 'cang_thap_cang_tot'
  nam: number
  pham_vi: string
  loai: 'muc_tieu' | 'thuc_hien'
  gia_tri: number
  nguon: string
  minh_hoa: boolean
}

export const BOM = '\uFEFF'

export function machineRecord(row: DataRow): MachineRecord {
  return {
    ma_chi_tieu: row.code,
    ten_chi_tieu: row.name,
    don_vi: unitLabel(row.unit),
    chieu: row.direction === 'lower-is-better' ? 'cang_thap_cang_tot' : 'cang_cao_cang_tot',
    nam: row.year,
    pham_vi: row.scope,
    loai: row.kind === 'target' ? 'muc_tieu' : 'thuc_hien',
    gia_tri: row.value,
    nguon: row.source,
    minh_hoa: row.illustrative,
  }
}

/** 99.32 → "99.32", 2300000 → "2300000": dot decimal, no grouping, never exponent notation. */
export function machineNumber(value: number): string {
  if (!Number.isFinite(value)) return ''
  const plain = String(value)
  if (!/e/i.test(plain)) return plain
  if (Number.isInteger(value)) return BigInt(value).toString()
  return value.toFixed(20).replace(/\.?0+$/, '')
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, and quotes are doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value == null) return ''
  const text = typeof value === 'number' ? machineNumber(value) : typeof value === 'boolean' ? (value ? 'co' : 'khong') : value
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** UTF-8 with BOM (so spreadsheet programs read the Vietnamese correctly), CRLF line ends. */
export function toCsv(rows: readonly DataRow[]): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const row of rows) {
    const record = machineRecord(row)
    lines.push(CSV_COLUMNS.map((c) => csvField(record[c])).join(','))
  }
  return `${BOM}${lines.join('\r\n')}\r\n`
}

export interface JsonMeta {
  title: string
  description: string
  pageUrl: string
  csvUrl: string
}

export function toJson(rows: readonly DataRow[], meta: JsonMeta): string {
  return JSON.stringify(
    {
      ten: meta.title,
      mo_ta: meta.description,
      trang: meta.pageUrl,
      csv: meta.csvUrl,
      ghi_chu:
        'gia_tri dùng dấu chấm thập phân, không phân tách hàng nghìn. loai: muc_tieu (mục tiêu) hoặc thuc_hien (thực hiện). minh_hoa: true là dữ liệu minh họa, không phải số liệu chính thức.',
      cot: CSV_COLUMNS,
      du_lieu: rows.map(machineRecord),
    },
    null,
    2,
  )
}

// ── Comparisons: actual against each target of the same year and scope ────────────────────

export interface TargetResult {
  target: DataRow
  status: Status
  attainment: number | null
  gap: number | null
}

export interface Comparison {
  year: number
  scope: string
  /** The value compared: the full-year report if there is one, else the latest report. */
  actual: DataRow | null
  /** Every report of that year and scope (several when partial periods are reported). */
  actuals: DataRow[]
  targets: TargetResult[]
}

/** Of several reports for one year and place, the full-year one (else the last entered). */
export function pickActual(actuals: readonly DataRow[]): DataRow | null {
  const annual = actuals.filter(isAnnual)
  const pool = annual.length ? annual : actuals
  return pool.length ? pool[pool.length - 1] : null
}

/** Rows grouped by year and scope, each target evaluated against the actual value. */
export function compare(rows: readonly DataRow[]): Comparison[] {
  const groups = new Map<string, { year: number; scope: string; targets: DataRow[]; actuals: DataRow[] }>()
  for (const row of rows) {
    const key = `${row.year}\u0000${row.scope}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { year: row.year, scope: row.scope, targets: [], actuals: [] }))
    ;(row.kind === 'target' ? g.targets : g.actuals).push(row)
  }
  return [...groups.values()].map((g) => {
    const actual = pickActual(g.actuals)
    return {
      year: g.year,
      scope: g.scope,
      actual,
      actuals: g.actuals,
      targets: g.targets.map((target) => ({
        target,
        status: evaluate(actual?.value, target.value, target.direction),
        attainment: attainment(actual?.value, target.value, target.direction),
        gap: gap(actual?.value, target.value),
      })),
    }
  })
}

/** Overall status of a set of results: any target missed → bad, all met → ok. */
export function overallStatus(results: readonly TargetResult[], hasActual: boolean): Status {
  if (!hasActual) return STATUS_NO_DATA
  if (results.length === 0) return STATUS_NO_TARGET
  if (results.some((r) => r.status.code === 'not-met')) {
    return results.every((r) => r.status.code === 'not-met')
      ? { code: 'not-met', kind: 'bad', label: 'Chưa đạt' }
      : { code: 'not-met', kind: 'bad', label: 'Chưa đạt một số mục tiêu' }
  }
  return results[0].status
}

// ── Source letters: A, B, … per indicator, in order of first appearance ───────────────────

export interface SourceKey {
  key: string
  plan: PlanRef
}

export function sourceKeys(rows: readonly DataRow[]): SourceKey[] {
  const seen = new Map<Id, SourceKey>()
  for (const row of rows) {
    if (row.kind !== 'target' || !row.sourcePlan || seen.has(row.sourcePlan.id)) continue
    seen.set(row.sourcePlan.id, { key: letter(seen.size), plan: row.sourcePlan })
  }
  return [...seen.values()]
}

const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26))

export const keyOf = (keys: readonly SourceKey[], row: DataRow): string | null =>
  row.sourcePlan ? (keys.find((k) => k.plan.id === row.sourcePlan!.id)?.key ?? null) : null

// ── Dashboard: one card per indicator and scope ───────────────────────────────────────────

export interface ProgressCard {
  indicatorId: Id
  slug: string
  href: string
  code: string
  name: string
  unit: string
  unitLabel: string
  direction: string
  directionLabel: string
  topics: string[]
  scope: string
  /** Latest actual value at this scope (null: none reported yet). */
  latestActual: DataRow | null
  /** Targets of the latest actual's year, each evaluated against it. */
  results: TargetResult[]
  /** Targets of the latest target year (what the documents aim for last). */
  latestTargets: DataRow[]
  latestTargetYear: number | null
  status: Status
  /** Other places reporting this indicator (without a target of their own). */
  otherLocalities: string[]
}

export interface ProgressGroup {
  scope: string
  cards: ProgressCard[]
}

/** One card per scope that has targets (or per reporting place when there are none). */
export function progressCards(indicator: IndicatorLike, rows: readonly DataRow[]): ProgressCard[] {
  const own = rows.filter((r) => r.indicatorId === indicator.id)
  const targetScopes = [...new Set(own.filter((r) => r.kind === 'target').map((r) => r.scope))]
  const scopes = targetScopes.length ? targetScopes : [...new Set(own.map((r) => r.scope))]
  const comparisons = compare(own)
  const topics = (indicator.topics ?? []).flatMap((t) => (typeof t === 'object' ? [t.name] : []))
  const slug = indicatorSlug(indicator)
  return scopes.map((scope) => {
    const here = comparisons.filter((c) => c.scope === scope).sort((a, b) => a.year - b.year)
    const withActual = here.filter((c) => c.actual)
    const latest = withActual.length ? withActual[withActual.length - 1] : null
    const targetYears = here.filter((c) => c.targets.length)
    const latestTarget = targetYears.length ? targetYears[targetYears.length - 1] : null
    const results = latest?.targets ?? []
    return {
      indicatorId: indicator.id,
      slug,
      href: indicatorPath(slug),
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      unitLabel: unitLabel(indicator.unit),
      direction: indicator.direction,
      directionLabel: directionLabel(indicator.direction),
      topics,
      scope,
      latestActual: latest?.actual ?? null,
      results,
      latestTargets: latestTarget ? latestTarget.targets.map((t) => t.target) : [],
      latestTargetYear: latestTarget?.year ?? null,
      status: overallStatus(results, Boolean(latest)),
      otherLocalities: targetScopes.length
        ? [...new Set(own.filter((r) => r.kind === 'actual' && !targetScopes.includes(r.scope)).map((r) => r.scope))]
        : [],
    }
  })
}

/** Cards grouped by scope (province), groups in Vietnamese alphabetical order. */
export function progressGroups(indicators: readonly IndicatorLike[], rows: readonly DataRow[]): ProgressGroup[] {
  const groups = new Map<string, ProgressCard[]>()
  for (const indicator of [...indicators].sort(byId)) {
    for (const card of progressCards(indicator, rows)) {
      const list = groups.get(card.scope) ?? []
      list.push(card)
      groups.set(card.scope, list)
    }
  }
  return [...groups.entries()].sort(([a], [b]) => collator.compare(a, b)).map(([scope, cards]) => ({ scope, cards }))
}

export interface ProgressSummary {
  met: number
  notMet: number
  noData: number
  noTarget: number
  total: number
}

export function progressSummary(groups: readonly ProgressGroup[]): ProgressSummary {
  const cards = groups.flatMap((g) => g.cards)
  return {
    met: cards.filter((c) => c.status.code === 'met').length,
    notMet: cards.filter((c) => c.status.code === 'not-met').length,
    noData: cards.filter((c) => c.status.code === 'no-data').length,
    noTarget: cards.filter((c) => c.status.code === 'no-target').length,
    total: cards.length,
  }
}

// ── Indicator page: sections, charts and tables ───────────────────────────────────────────

export interface ChartTarget {
  value: number
  key: string | null
  text: string
}
export interface ChartCategory {
  label: string
  actual: { value: number; text: string; illustrative: boolean } | null
  targets: ChartTarget[]
}
export interface ChartModel {
  id: string
  title: string
  desc: string
  unit: string
  categories: ChartCategory[]
  hasIllustrative: boolean
}

export interface IndicatorSection {
  id: string
  heading: string
  caption: string
  comparisons: Comparison[]
  chart: ChartModel
  /** Places in this section that have no target of their own. */
  untargeted: string[]
}

export interface IndicatorPage {
  rows: DataRow[]
  keys: SourceKey[]
  /** Per scope: target vs actual by year. */
  byYear: IndicatorSection[]
  /** Per year reported by several places: actual by locality. */
  byLocality: IndicatorSection[]
  years: number[]
  scopes: string[]
  hasIllustrative: boolean
}

function chartCategory(label: string, c: Comparison, keys: readonly SourceKey[]): ChartCategory {
  return {
    label,
    actual: c.actual
      ? { value: c.actual.value, text: `Thực hiện: ${displayValue(c.actual)}${c.actual.illustrative ? ' *' : ''}`, illustrative: c.actual.illustrative }
      : null,
    targets: c.targets.map(({ target }) => {
      const key = keyOf(keys, target)
      return { value: target.value, key, text: `Mục tiêu${key ? ` ${key}` : ''}: ${displayValue(target)}` }
    }),
  }
}

/** Plain-language summary of a chart, for its <desc>. */
export function describeComparisons(comparisons: readonly Comparison[], keys: readonly SourceKey[], labelOf: (c: Comparison) => string): string {
  return comparisons
    .map((c) => {
      const parts = [
        c.actual
          ? `thực hiện ${displayValue(c.actual)}${c.actual.illustrative ? ' (dữ liệu minh họa)' : ''}`
          : 'chưa có số liệu thực hiện',
      ]
      for (const t of c.targets) {
        const key = keyOf(keys, t.target)
        const src = t.target.sourcePlan ? ` theo ${t.target.sourcePlan.label}` : ''
        parts.push(`mục tiêu${key ? ` ${key}` : ''} ${displayValue(t.target)}${src}${c.actual ? `: ${t.status.label.toLowerCase()}` : ''}`)
      }
      return `${labelOf(c)}: ${parts.join('; ')}.`
    })
    .join(' ')
}

const sectionId = (prefix: string, text: string) => `${prefix}-${slugify(text)}`

export function indicatorPage(indicator: IndicatorLike, rows: readonly DataRow[]): IndicatorPage {
  const own = rows.filter((r) => r.indicatorId === indicator.id)
  const keys = sourceKeys(own)
  const comparisons = compare(own)
  const targetScopes = [...new Set(own.filter((r) => r.kind === 'target').map((r) => r.scope))]
  const directionNote = `${indicator.name}, đơn vị ${unitLabel(indicator.unit)}, ${directionLabel(indicator.direction).toLowerCase()}. `

  // Years reported by several places get a chart by locality.
  const localityYears = [...new Set(own.map((r) => r.year))]
    .sort((a, b) => a - b)
    .filter((y) => new Set(own.filter((r) => r.kind === 'actual' && r.year === y).map((r) => r.scope)).size > 1)
  const inLocalityView = (c: Comparison) => localityYears.includes(c.year) && c.actual != null
  // Scopes charted by year: those with targets, and any other place not shown by locality.
  const yearScopes = [
    ...targetScopes,
    ...[...new Set(comparisons.filter((c) => !targetScopes.includes(c.scope) && !inLocalityView(c)).map((c) => c.scope))],
  ]

  const byYear: IndicatorSection[] = yearScopes.map((scope) => {
    const list = comparisons.filter((c) => c.scope === scope).sort((a, b) => a.year - b.year)
    const id = sectionId('nam', scope)
    return {
      id,
      heading: scope,
      caption: `${indicator.name} — ${scope}: mục tiêu và thực hiện theo năm`,
      comparisons: list,
      untargeted: targetScopes.includes(scope) ? [] : [scope],
      chart: {
        id: `bieu-do-${id}`,
        title: `Biểu đồ ${indicator.code}: mục tiêu và thực hiện theo năm — ${scope}`,
        desc: `${directionNote}${describeComparisons(list, keys, (c) => `Năm ${c.year}`)}`,
        unit: indicator.unit,
        categories: list.map((c) => chartCategory(String(c.year), c, keys)),
        hasIllustrative: list.some((c) => c.actual?.illustrative),
      },
    }
  })

  const byLocality: IndicatorSection[] = localityYears.map((year) => {
    const list = comparisons
      .filter((c) => c.year === year && c.actual)
      .sort(
        (a, b) =>
          (targetScopes.includes(a.scope) ? 0 : 1) - (targetScopes.includes(b.scope) ? 0 : 1) ||
          collator.compare(a.scope, b.scope),
      )
    const id = `dia-ban-${year}`
    return {
      id,
      heading: `Năm ${year}`,
      caption: `${indicator.name} — thực hiện năm ${year} theo địa bàn`,
      comparisons: list,
      untargeted: list.filter((c) => c.targets.length === 0).map((c) => c.scope),
      chart: {
        id: `bieu-do-${id}`,
        title: `Biểu đồ ${indicator.code}: thực hiện năm ${year} theo địa bàn`,
        desc: `${directionNote}${describeComparisons(list, keys, (c) => c.scope)}`,
        unit: indicator.unit,
        categories: list.map((c) => chartCategory(c.scope, c, keys)),
        hasIllustrative: list.some((c) => c.actual?.illustrative),
      },
    }
  })

  return {
    rows: own,
    keys,
    byYear,
    byLocality,
    years: [...new Set(own.map((r) => r.year))].sort((a, b) => a - b),
    scopes: [...new Set(own.map((r) => r.scope))],
    hasIllustrative: own.some((r) => r.illustrative),
  }
}

// ── Chart layout: positions for the inline SVG (drawn at build time) ──────────────────────

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

// ── JSON-LD: schema.org Dataset ───────────────────────────────────────────────────────────

export interface DatasetInput {
  name: string
  description: string
  pageUrl: string
  csvUrl: string
  jsonUrl: string
  rows: readonly DataRow[]
  keywords?: string[]
}

export function datasetJsonLd(input: DatasetInput): Record<string, unknown> {
  const years = [...new Set(input.rows.map((r) => r.year))].sort((a, b) => a - b)
  const places = [...new Set(input.rows.map((r) => r.scope))]
  const plans = new Map<string, PlanRef>()
  for (const r of input.rows) if (r.sourcePlan?.href) plans.set(r.sourcePlan.href, r.sourcePlan)
  const base = new URL(input.pageUrl)
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: input.name,
    description: input.description,
    url: input.pageUrl,
    inLanguage: 'vi',
    isAccessibleForFree: true,
    keywords: input.keywords ?? [],
    distribution: [
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: input.csvUrl, name: `${input.name} (CSV)` },
      { '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: input.jsonUrl, name: `${input.name} (JSON)` },
    ],
  }
  if (years.length) ld.temporalCoverage = years.length > 1 ? `${years[0]}/${years[years.length - 1]}` : String(years[0])
  if (places.length) ld.spatialCoverage = places.map((name) => ({ '@type': 'Place', name }))
  const measured = new Map<string, DataRow>()
  for (const r of input.rows) if (!measured.has(r.code)) measured.set(r.code, r)
  if (measured.size) {
    ld.variableMeasured = [...measured.values()].map((r) => ({
      '@type': 'PropertyValue',
      name: r.name,
      propertyID: r.code,
      unitText: unitLabel(r.unit),
    }))
  }
  if (plans.size) ld.isBasedOn = [...plans.keys()].map((href) => new URL(href, base).toString())
  return ld
}

// ── Plan tasks: by status and by due quarter ──────────────────────────────────────────────

const ROMAN = ['I', 'II', 'III', 'IV']
export const NO_DUE_LABEL = 'Không xác định thời hạn'

export interface Quarter {
  key: string
  label: string
  year: number | null
  quarter: number | null
}

const vnDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: 'numeric' })

/**
 * The quarter a deadline falls in, on the Vietnamese calendar date ("2023-06-30" → Quý II/2023).
 * No (or an unreadable) date → "Không xác định thời hạn".
 */
export function dueQuarter(dueEnd: string | null | undefined): Quarter {
  const none: Quarter = { key: 'none', label: NO_DUE_LABEL, year: null, quarter: null }
  if (!dueEnd) return none
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(dueEnd) ? `${dueEnd}T00:00:00+07:00` : dueEnd)
  if (Number.isNaN(date.getTime())) return none
  const parts = vnDate.formatToParts(date)
  const year = Number(parts.find((p) => p.type === 'year')?.value)
  const month = Number(parts.find((p) => p.type === 'month')?.value)
  const quarter = Math.floor((month - 1) / 3) + 1
  return { key: `${year}-Q${quarter}`, label: `Quý ${ROMAN[quarter - 1]}/${year}`, year, quarter }
}

export interface StatusColumn {
  value: string
  label: string
}

export interface PlanTaskCount {
  planId: Id
  label: string
  title: string
  href: string | null
  count: number
}

export interface QuarterRow {
  quarter: Quarter
  counts: Record<string, number>
  total: number
  plans: PlanTaskCount[]
}

export interface PlanRow {
  plan: PlanTaskCount
  counts: Record<string, number>
  total: number
  undated: number
}

export interface TaskStatistics {
  statuses: StatusColumn[]
  byQuarter: QuarterRow[]
  byPlan: PlanRow[]
  totals: Record<string, number>
  total: number
}

export function taskStatistics(plans: readonly PlanLike[]): TaskStatistics {
  const statuses: StatusColumn[] = labels.taskStatuses.map((s) => ({ value: s.value, label: s.label.vi }))
  const zero = () => Object.fromEntries(statuses.map((s) => [s.value, 0])) as Record<string, number>
  const totals = zero()
  const quarters = new Map<string, QuarterRow>()
  const byPlan: PlanRow[] = []
  const sorted = [...plans].sort(byId)
  for (const plan of sorted) {
    const tasks = plan.tasks ?? []
    if (tasks.length === 0) continue
    const ref = planRef(plan)!
    const planInfo = (count: number): PlanTaskCount => ({ planId: plan.id, label: ref.label, title: ref.title, href: ref.href, count })
    const planRow: PlanRow = { plan: planInfo(tasks.length), counts: zero(), total: 0, undated: 0 }
    for (const task of tasks) {
      const status = task.status ?? 'not-reported'
      if (!statuses.some((s) => s.value === status)) {
        statuses.push({ value: status, label: label(labels.taskStatuses, status) })
        totals[status] = 0
        for (const row of [...quarters.values(), ...byPlan, planRow]) row.counts[status] ??= 0
      }
      const q = dueQuarter(task.dueEnd)
      let row = quarters.get(q.key)
      if (!row) quarters.set(q.key, (row = { quarter: q, counts: zero(), total: 0, plans: [] }))
      row.counts[status] = (row.counts[status] ?? 0) + 1
      row.total++
      const p = row.plans.find((x) => x.planId === plan.id)
      if (p) p.count++
      else row.plans.push(planInfo(1))
      planRow.counts[status] = (planRow.counts[status] ?? 0) + 1
      planRow.total++
      if (q.year == null) planRow.undated++
      totals[status] = (totals[status] ?? 0) + 1
    }
    byPlan.push(planRow)
  }
  const byQuarter = [...quarters.values()].sort((a, b) => {
    if (a.quarter.year == null) return b.quarter.year == null ? 0 : 1
    if (b.quarter.year == null) return -1
    return a.quarter.year - b.quarter.year || a.quarter.quarter! - b.quarter.quarter!
  })
  for (const row of byQuarter) for (const s of statuses) row.counts[s.value] ??= 0
  for (const row of byPlan) for (const s of statuses) row.counts[s.value] ??= 0
  return { statuses, byQuarter, byPlan, totals, total: byPlan.reduce((n, r) => n + r.total, 0) }
}
