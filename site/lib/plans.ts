/**
 * Official documents (plans, decisions, dispatches…) and the organisations behind them:
 * every derivation the /van-ban/ and /co-quan/ pages show — lists, filters with counts,
 * citations in both directions, tasks, targets, org directories — so templates only render.
 *
 * Pure functions over the published CMS documents (collection entries' `data`, depth 1).
 * Relationships are resolved by id against the published sets, never trusted as populated:
 * a related document that is not published is simply not linked.
 */
import type { Indicator, Organization, Plan, Topic } from '../../cms/payload-types'
import { formatDate, formatDocDate, formatMeasure, label, labels } from './format'
import { richTextToHtml, type Heading } from './richtext'
import {
  attachmentPath,
  indicatorPath,
  organizationPath,
  planFilterParam,
  planFilterSegments,
  planIssuerPath,
  planPath,
  planTopicPath,
  planTypePath,
  planYearPath,
} from './routes'

const { documentTypes, leadershipRoles, organizationKinds, organizationLevels, taskStatuses } = labels

export type { Indicator, Organization, Plan, Topic }

type Ref<T extends { id: number }> = number | T | null | undefined

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })
const byText = <T>(text: (item: T) => string) => (a: T, b: T) => collator.compare(text(a), text(b))

/** Id of a relationship value, populated or not. */
export const refId = <T extends { id: number }>(value: Ref<T>): number | undefined =>
  value == null ? undefined : typeof value === 'number' ? value : value.id

// ── The index: published documents and what they refer to ───────────────────

export type PlanData = { plans: Plan[]; organizations: Organization[]; indicators: Indicator[]; topics: Topic[] }

export interface PlanIndex extends PlanData {
  planById: Map<number, Plan>
  orgById: Map<number, Organization>
  topicById: Map<number, Topic>
}

/** Sort key "YYYY-MM-DD": the issue date, else the month and year printed ("ngày … tháng 5 năm 2024"), else the year. */
export function planSortKey(plan: Plan): string {
  if (plan.issueDate) return plan.issueDate.slice(0, 10)
  const printed = /tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.exec(plan.issueDateText ?? '')
  if (printed) return `${printed[2]}-${printed[1].padStart(2, '0')}-00`
  return `${plan.year}-00-00`
}

/** Newest first; the same day by number, then trích yếu. */
export function sortPlans(plans: Plan[]): Plan[] {
  return [...plans].sort(
    (a, b) =>
      planSortKey(b).localeCompare(planSortKey(a)) ||
      collator.compare(a.documentNumber ?? '', b.documentNumber ?? '') ||
      collator.compare(a.title, b.title),
  )
}

export function buildPlanIndex(data: PlanData): PlanIndex {
  return {
    plans: sortPlans(data.plans),
    organizations: [...data.organizations].sort(byText((o) => o.name)),
    indicators: data.indicators,
    topics: data.topics,
    planById: new Map(data.plans.map((p) => [p.id, p])),
    orgById: new Map(data.organizations.map((o) => [o.id, o])),
    topicById: new Map(data.topics.map((t) => [t.id, t])),
  }
}

/** The index as it would be with `plan` (a draft seen in preview) in place of its published version. */
export const indexWithPlan = (index: PlanIndex, plan: Plan): PlanIndex =>
  buildPlanIndex({ ...index, plans: [...index.plans.filter((p) => p.id !== plan.id), plan] })

type CollectionGetter = (collection: 'plans' | 'organizations' | 'indicators' | 'topics') => Promise<{ data: unknown }[]>

/** The collections a plan index is made from (the incremental-build key of pages using it). */
export const planIndexCollections = ['plans', 'organizations', 'indicators', 'topics'] as const

/** From a page: `await loadPlanIndex(getCollection)` (Astro keeps the collections in memory). */
export async function loadPlanIndex(getCollection: CollectionGetter): Promise<PlanIndex> {
  const [plans, organizations, indicators, topics] = await Promise.all(
    (['plans', 'organizations', 'indicators', 'topics'] as const).map(async (name) => (await getCollection(name)).map((e) => e.data)),
  )
  return buildPlanIndex({
    plans: plans as Plan[],
    organizations: organizations as Organization[],
    indicators: indicators as Indicator[],
    topics: topics as Topic[],
  })
}

const resolve = <T extends { id: number }>(map: Map<number, T>, value: Ref<T>): T | undefined => {
  const id = refId(value)
  return id == null ? undefined : map.get(id)
}
const resolveAll = <T extends { id: number }>(map: Map<number, T>, values: Ref<T>[] | null | undefined): T[] =>
  (values ?? []).map((v) => resolve(map, v)).filter((v): v is T => v != null)

export const issuersOf = (index: PlanIndex, plan: Plan) => resolveAll(index.orgById, plan.issuers)
export const topicsOf = (index: PlanIndex, plan: Plan) => resolveAll(index.topicById, plan.topics)
export const findPlan = (index: PlanIndex, slug: string) => index.plans.find((p) => p.slug === slug)
export const findOrganization = (index: PlanIndex, slug: string) => index.organizations.find((o) => o.slug === slug)

// ── How a document is named ──────────────────────────────────────────────────

export const NO_NUMBER = 'Không số'

export const typeLabel = (plan: Pick<Plan, 'documentType'>) => label(documentTypes, plan.documentType)
export const numberText = (plan: Pick<Plan, 'documentNumber'>) => plan.documentNumber ?? NO_NUMBER

/** "Kế hoạch số 38/KH-HĐTĐKT"; "Kế hoạch (không số)" when the document has no number. */
export const planHeading = (plan: Pick<Plan, 'documentType' | 'documentNumber'>) =>
  plan.documentNumber ? `${typeLabel(plan)} số ${plan.documentNumber}` : `${typeLabel(plan)} (không số)`

/** How other pages name the document: its heading, or type and trích yếu when it has no number. */
export const planReference = (plan: Pick<Plan, 'documentType' | 'documentNumber' | 'title'>) =>
  plan.documentNumber ? planHeading(plan) : `${typeLabel(plan)} “${plan.title}”`

/** "04/4/2023", the date as printed when only partly given, or "Không ghi ngày". */
export const planDateText = (plan: Pick<Plan, 'issueDate' | 'issueDateText'>) =>
  formatDocDate(plan.issueDate, plan.issueDateText) || 'Không ghi ngày'

// ── Lists and filters ────────────────────────────────────────────────────────

export interface PlanListItem {
  plan: Plan
  url: string
  heading: string
  number: string
  type: string
  title: string
  issuers: { name: string; url: string }[]
  date: string
  /** ISO date for <time datetime>, when the document has a full date. */
  isoDate?: string
  year: number
}

export function planListItem(index: PlanIndex, plan: Plan): PlanListItem {
  return {
    plan,
    url: planPath(plan),
    heading: planHeading(plan),
    number: numberText(plan),
    type: typeLabel(plan),
    title: plan.title,
    issuers: issuersOf(index, plan).map((o) => ({ name: o.name, url: organizationPath(o) })),
    date: planDateText(plan),
    isoDate: plan.issueDate?.slice(0, 10),
    year: plan.year,
  }
}

export type FilterKind = keyof typeof planFilterSegments

export interface FilterChoice {
  kind: FilterKind
  /** Route parameter of the filtered page. */
  param: string
  label: string
  href: string
  count: number
  plans: Plan[]
}

export interface FilterGroup {
  kind: FilterKind
  title: string
  choices: FilterChoice[]
}

const choice = (kind: FilterKind, param: string, text: string, href: string, plans: Plan[]): FilterChoice => ({
  kind,
  param,
  label: text,
  href,
  count: plans.length,
  plans,
})

/** Every filter with its choices (only those with documents) and counts over all published documents. */
export function planFilters(index: PlanIndex): FilterGroup[] {
  const { plans } = index
  const years = [...new Set(plans.map((p) => p.year))].sort((a, b) => b - a)
  const types = documentTypes.filter((t) => plans.some((p) => p.documentType === t.value))
  const issuers = index.organizations.filter((o) => plans.some((p) => p.issuers.some((i) => refId(i) === o.id)))
  const topics = [...index.topics]
    .sort(byText((t) => t.name))
    .filter((t) => plans.some((p) => (p.topics ?? []).some((x) => refId(x) === t.id)))
  return [
    {
      kind: 'year',
      title: 'Năm ban hành',
      choices: years.map((y) => choice('year', String(y), String(y), planYearPath(y), plans.filter((p) => p.year === y))),
    },
    {
      kind: 'type',
      title: 'Loại văn bản',
      choices: types.map((t) =>
        choice('type', planFilterParam('type', t.value), t.label.vi, planTypePath(t.value), plans.filter((p) => p.documentType === t.value)),
      ),
    },
    {
      kind: 'issuer',
      title: 'Cơ quan ban hành',
      choices: issuers.map((o) =>
        choice('issuer', o.slug ?? String(o.id), o.name, planIssuerPath(o), plans.filter((p) => p.issuers.some((i) => refId(i) === o.id))),
      ),
    },
    {
      kind: 'topic',
      title: 'Chủ đề',
      choices: topics.map((t) =>
        choice('topic', t.slug ?? String(t.id), t.name, planTopicPath(t), plans.filter((p) => (p.topics ?? []).some((x) => refId(x) === t.id))),
      ),
    },
  ]
}

/** The filtered listing's heading for a choice: "Văn bản năm 2023", "Văn bản loại Kế hoạch"… */
export function filterHeading(c: FilterChoice): string {
  switch (c.kind) {
    case 'year':
      return `Văn bản ban hành năm ${c.label}`
    case 'type':
      return `Văn bản loại ${c.label}`
    case 'issuer':
      return `Văn bản của ${c.label}`
    case 'topic':
      return `Văn bản theo chủ đề ${c.label}`
  }
}

/** getStaticPaths of every filtered listing: /van-ban/<segment>/<value>/, the choice as props. */
export function filterPaths(index: PlanIndex) {
  return planFilters(index).flatMap((group) =>
    group.choices.map((choice) => ({ params: { facet: planFilterSegments[group.kind], value: choice.param }, props: { choice } })),
  )
}

// ── Citations ────────────────────────────────────────────────────────────────

type CitationEntry = NonNullable<Plan['legalBasis']>[number]

export interface Citation {
  /** The cited document when it is published in the CMS. */
  plan?: Plan
  url?: string
  /** Link text for a cited document: "Quyết định số 1315/QĐ-TTg" (its trích yếu when it has no number). */
  linkText?: string
  /** The rest of the citation (date, issuer), or the whole citation when not linked. */
  text: string
  /** Trích yếu of a linked document that has a number, shown after the citation. */
  title?: string
}

const startsLowercase = (s: string) => /^\p{Ll}/u.test(s)

/** "Số 18/KH-UBND ngày 16/02/2023 của Ủy ban nhân dân tỉnh Thái Bình về công tác…" as far as the citation says. */
function citedText(number?: string | null, date?: string | null, issuer?: string | null, title?: string | null): string {
  const when = date ? ` ngày ${formatDate(date)}` : ''
  const who = issuer ? ` của ${issuer}` : ''
  if (number) {
    const what = title ? (startsLowercase(title) ? ` ${title}` : `: ${title}`) : ''
    return `Số ${number}${when}${who}${what}`
  }
  if (title) return `${title}${when}${who}`
  return `${issuer ?? 'Văn bản'}${when}`.trim()
}

export function citation(index: PlanIndex, entry: CitationEntry): Citation {
  const plan = resolve(index.planById, entry.plan)
  if (plan) return linkedPlanCitation(index, plan)
  return { text: citedText(entry.citedNumber, entry.citedDate, entry.citedIssuer, entry.citedTitle) }
}

export function linkedPlanCitation(index: PlanIndex, plan: Plan): Citation {
  const issuers = issuersOf(index, plan)
    .map((o) => o.name)
    .join(', ')
  const when = plan.issueDate ? ` ngày ${formatDate(plan.issueDate)}` : plan.issueDateText ? ` ${plan.issueDateText}` : ''
  const who = issuers ? ` của ${issuers}` : ''
  if (!plan.documentNumber)
    return { plan, url: planPath(plan), linkText: plan.title, text: ` (${typeLabel(plan).toLocaleLowerCase('vi')} không số${when}${who})` }
  return { plan, url: planPath(plan), linkText: planHeading(plan), text: `${when}${who}`, title: plan.title }
}

export const legalBasisOf = (index: PlanIndex, plan: Plan) => (plan.legalBasis ?? []).map((e) => citation(index, e))
export const mentionsOf = (index: PlanIndex, plan: Plan) => (plan.mentions ?? []).map((e) => citation(index, e))

/** Published documents whose legal basis cites this one (computed, not the CMS join). */
export function citingPlans(index: PlanIndex, plan: Plan): Plan[] {
  return index.plans.filter((p) => p.id !== plan.id && (p.legalBasis ?? []).some((e) => refId(e.plan) === plan.id))
}
export const citedByOf = (index: PlanIndex, plan: Plan) => citingPlans(index, plan).map((p) => linkedPlanCitation(index, p))

// ── Body and table of contents ───────────────────────────────────────────────

export interface TocNode extends Heading {
  children: TocNode[]
}

/**
 * The body as HTML with its headings renumbered to sit under the page's h2 section: the
 * document's outermost headings become h3 and no heading skips a level (source documents do,
 * e.g. h3 before the first h2, h4 straight under h2). Heading ids and text are kept; the table
 * of contents follows the new levels.
 */
export function planBody(plan: Plan, sectionLevel = 2): { html: string; headings: Heading[]; toc: TocNode[] } {
  const { html: raw, headings } = richTextToHtml(plan.body, `văn bản “${plan.title}”`)
  // Each heading goes one level below the nearest preceding heading of a higher source level.
  const stack: { source: number; level: number }[] = []
  const newLevelById = new Map<string, number>()
  const html = raw.replace(/<h([1-6])([^>]*)>([\s\S]*?)<\/h\1>/g, (_m, depth: string, attrs: string, inner: string) => {
    const source = Number(depth)
    while (stack.length && stack[stack.length - 1].source >= source) stack.pop()
    const level = Math.min(6, (stack[stack.length - 1]?.level ?? sectionLevel) + 1)
    stack.push({ source, level })
    const id = /\sid="([^"]+)"/.exec(attrs)?.[1]
    if (id) newLevelById.set(id, level)
    return `<h${level}${attrs}>${inner}</h${level}>`
  })
  const renumbered = headings.map((h) => ({ ...h, depth: newLevelById.get(h.id) ?? h.depth }))
  return { html: accessibleTables(html), headings: renumbered, toc: tocTree(renumbered) }
}

/**
 * Tables of the body: scrollable on phones, header cells scoped (Lexical marks a header row
 * "header-1", a header column "header-2"), and a caption naming the section they sit in
 * (the source tables have none; it is read by screen readers only). Heading text is already HTML.
 */
function accessibleTables(html: string): string {
  let section = ''
  let n = 0
  return html.replace(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>|<table([^>]*)>|<\/table>|<th(\s[^>]*)?>/g, (match, heading?: string, tableAttrs?: string, thAttrs?: string) => {
    if (heading !== undefined) {
      section = heading.replace(/<[^>]+>/g, '').trim()
      return match
    }
    if (tableAttrs !== undefined) {
      n++
      const caption = `Bảng ${n} trong nội dung văn bản${section ? `, mục “${section}”` : ''}`
      return `<div class="table-wrap"><table${tableAttrs}><caption class="visually-hidden">${caption}</caption>`
    }
    if (match === '</table>') return '</table></div>'
    const attrs = thAttrs ?? ''
    if (/\sscope=/.test(attrs)) return match
    const scope = /header-2\b/.test(attrs) ? 'row' : 'col'
    return `<th scope="${scope}"${attrs}>`
  })
}


export function tocTree(headings: Heading[]): TocNode[] {
  const roots: TocNode[] = []
  const stack: TocNode[] = []
  for (const h of headings) {
    const node: TocNode = { ...h, children: [] }
    while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop()
    if (stack.length) stack[stack.length - 1].children.push(node)
    else roots.push(node)
    stack.push(node)
  }
  return roots
}

/**
 * Plain text (task content, notes) → its lines, kept word for word: a "- " at the start of a
 * line is part of the printed text, so lines become paragraphs, not list items.
 */
export type TextBlock = { kind: 'p'; text: string }
export function textBlocks(text: string | null | undefined): TextBlock[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'p' as const, text: line }))
}

// ── Facts ────────────────────────────────────────────────────────────────────

export interface OrgRef {
  name: string
  url?: string
}
const orgRef = (org: Organization): OrgRef => ({ name: org.name, url: organizationPath(org) })

export interface PlanFacts {
  number: string
  numberNote?: string
  type: string
  date: string
  isoDate?: string
  /** The date as printed, when it says more than the formatted date. */
  printedDate?: string
  place?: string
  issuers: OrgRef[]
  signer?: { authority?: string; title?: string; name?: string }
  period?: string
  year: number
  topics: { name: string; url: string }[]
  createdAt: string
  updatedAt: string
}

export function planFacts(index: PlanIndex, plan: Plan): PlanFacts {
  const { from, to } = plan.period ?? {}
  const period = from && to ? (from === to ? `Năm ${from}` : `${from} - ${to}`) : from ? `Từ năm ${from}` : to ? `Đến năm ${to}` : undefined
  const signer = plan.signer && (plan.signer.name || plan.signer.title || plan.signer.authority) ? {
    authority: plan.signer.authority ?? undefined,
    title: plan.signer.title ?? undefined,
    name: plan.signer.name ?? undefined,
  } : undefined
  return {
    number: numberText(plan),
    numberNote: plan.numberNote ?? undefined,
    type: typeLabel(plan),
    date: planDateText(plan),
    isoDate: plan.issueDate?.slice(0, 10),
    printedDate: plan.issueDate && plan.issueDateText ? plan.issueDateText : undefined,
    place: plan.place ?? undefined,
    issuers: issuersOf(index, plan).map(orgRef),
    signer,
    period,
    year: plan.year,
    topics: topicsOf(index, plan).map((t) => ({ name: t.name, url: planTopicPath(t) })),
    createdAt: formatDate(plan.createdAt),
    updatedAt: formatDate(plan.updatedAt),
  }
}

// ── Tasks ────────────────────────────────────────────────────────────────────

type TaskEntry = NonNullable<Plan['tasks']>[number]

export interface TaskView {
  key: string
  order?: number
  content: TextBlock[]
  audience?: string
  lead: OrgRef[]
  /** Coordinating units as printed, when given. */
  coordinatingText?: string
  coordinating: OrgRef[]
  timeFrame: string
  status: string
  statusValue: TaskEntry['status']
  statusTone: 'ok' | 'warn' | 'bad' | 'muted'
}

export interface TaskGroup {
  title?: string
  tasks: TaskView[]
}

const statusTone: Record<TaskEntry['status'], TaskView['statusTone']> = {
  completed: 'ok',
  'in-progress': 'warn',
  'not-started': 'bad',
  'not-reported': 'muted',
}

/** "Quý I" as printed; else the period it means ("01/01/2023 – 31/3/2023"); else "—". */
export function taskTimeFrame(task: TaskEntry): string {
  if (task.timeFrame) return task.timeFrame
  if (task.dueStart && task.dueEnd) return `${formatDate(task.dueStart)} – ${formatDate(task.dueEnd)}`
  if (task.dueEnd) return `Đến ${formatDate(task.dueEnd)}`
  if (task.dueStart) return `Từ ${formatDate(task.dueStart)}`
  return '—'
}

export function taskView(index: PlanIndex, task: TaskEntry, i: number): TaskView {
  const lead = resolve(index.orgById, task.lead)
  return {
    key: task.id ?? String(i),
    order: task.order ?? undefined,
    content: textBlocks(task.content),
    audience: task.audience ?? undefined,
    lead: lead ? [orgRef(lead)] : task.leadText ? [{ name: task.leadText }] : [],
    coordinatingText: task.coordinatingText ?? undefined,
    coordinating: resolveAll(index.orgById, task.coordinating).map(orgRef),
    timeFrame: taskTimeFrame(task),
    status: label(taskStatuses, task.status),
    statusValue: task.status,
    statusTone: statusTone[task.status] ?? 'muted',
  }
}

/** The tasks table, grouped by `group` in the document's order (one untitled group when none). */
export function taskGroups(index: PlanIndex, plan: Plan): TaskGroup[] {
  const groups: TaskGroup[] = []
  ;(plan.tasks ?? []).forEach((task, i) => {
    const title = task.group?.trim() || undefined
    let group = groups[groups.length - 1]
    if (!group || group.title !== title) groups.push((group = { title, tasks: [] }))
    group.tasks.push(taskView(index, task, i))
  })
  return groups
}

export interface OrgTask {
  task: TaskView
  plan: Plan
  planUrl: string
  /** "Kế hoạch số 38/KH-HĐTĐKT", or type and trích yếu for a document without a number. */
  planReference: string
  group?: string
}

/** Tasks across all published documents that the organisation leads, or coordinates. */
export function tasksOfOrganization(index: PlanIndex, org: Organization, role: 'lead' | 'coordinating'): OrgTask[] {
  const out: OrgTask[] = []
  for (const plan of index.plans) {
    ;(plan.tasks ?? []).forEach((task, i) => {
      const match =
        role === 'lead' ? refId(task.lead) === org.id : (task.coordinating ?? []).some((c) => refId(c) === org.id)
      if (match)
        out.push({
          task: taskView(index, task, i),
          plan,
          planUrl: planPath(plan),
          planReference: planReference(plan),
          group: task.group ?? undefined,
        })
    })
  }
  return out
}

// ── Deadlines, targets, attachments, recipients ──────────────────────────────

export function deadlinesOf(plan: Plan) {
  return (plan.deadlines ?? []).map((d) => ({
    text: d.text,
    date: d.date ? formatDate(d.date) : undefined,
    isoDate: d.date?.slice(0, 10),
    yearly: d.recurrence === 'yearly',
  }))
}

export interface TargetRow {
  year: number
  scope: string
  /** Formatted with the indicator's unit: "65%", "100.000 đồng/người". */
  value: string
  note?: string
}

export interface TargetGroup {
  indicator: Indicator
  name: string
  code: string
  url: string
  rows: TargetRow[]
}

/**
 * Targets set by this document: every indicator target whose source is this plan, grouped by
 * indicator in the indicators' own order, then by year and scope.
 */
export function targetsOfPlan(index: PlanIndex, plan: Plan): TargetGroup[] {
  const groups: TargetGroup[] = []
  for (const indicator of [...index.indicators].sort((a, b) => a.id - b.id)) {
    const rows = (indicator.targets ?? [])
      .filter((t) => refId(t.sourcePlan) === plan.id)
      .sort((a, b) => a.year - b.year || collator.compare(a.scope, b.scope))
      .map((t) => ({ year: t.year, scope: t.scope, value: formatMeasure(t.value, indicator.unit), note: t.note ?? undefined }))
    if (rows.length) groups.push({ indicator, name: indicator.name, code: indicator.code, url: indicatorPath(indicator), rows })
  }
  return groups
}

type AttachedFile = { filename: string; url?: string | null; mimeType?: string | null; filesize?: number | null; updatedAt: string }

/** The uploaded file of an attachment row, when it has one. */
const attachedFile = (row: NonNullable<Plan['attachments']>[number]): AttachedFile | undefined =>
  row.file && typeof row.file === 'object' && row.file.filename ? (row.file as AttachedFile) : undefined

/** Every file attached to a published document: the files the portal publishes under /tai-lieu/. */
export function attachedFiles(index: PlanIndex): AttachedFile[] {
  const byName = new Map<string, AttachedFile>()
  for (const plan of index.plans) for (const row of plan.attachments ?? []) {
    const file = attachedFile(row)
    if (file) byName.set(file.filename, file)
  }
  return [...byName.values()]
}

/**
 * A document's attachments. `fileUrl` says where a file is linked: by default the copy the
 * portal publishes; a staff preview links the CMS's own file instead, since a file attached
 * only in the draft is not on the portal yet.
 */
export function attachmentsOf(index: PlanIndex, plan: Plan, fileUrl: (file: AttachedFile) => string | undefined = (f) => attachmentPath(f.filename)) {
  return (plan.attachments ?? []).map((a) => {
    const linked = resolve(index.planById, a.plan)
    const file = attachedFile(a)
    return {
      title: a.title,
      url: linked ? planPath(linked) : file ? fileUrl(file) : undefined,
      kind: linked ? ('plan' as const) : file ? ('file' as const) : undefined,
      fileInfo: file?.mimeType ? fileInfo(file.mimeType, file.filesize) : undefined,
    }
  })
}

function fileInfo(mime: string, size?: number | null): string {
  const kind = mime === 'application/pdf' ? 'PDF' : (mime.split('/')[1] ?? mime).toUpperCase()
  if (!size) return kind
  return size >= 1024 * 1024 ? `${kind}, ${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${kind}, ${Math.max(1, Math.round(size / 1024))} KB`
}

export function recipientsOf(index: PlanIndex, plan: Plan) {
  return (plan.recipients ?? []).map((r) => {
    const org = resolve(index.orgById, r.organization)
    return { name: r.name, url: org ? organizationPath(org) : undefined, orgName: org && org.name !== r.name ? org.name : undefined }
  })
}

// ── Structured data ──────────────────────────────────────────────────────────

/** schema.org Legislation for a document page. */
export function planJsonLd(index: PlanIndex, plan: Plan, site: URL | undefined): Record<string, unknown> {
  const abs = (path: string) => (site ? new URL(path, site).toString() : path)
  const issuers = issuersOf(index, plan).map((o) => ({
    '@type': 'GovernmentOrganization',
    name: o.name,
    url: abs(organizationPath(o)),
  }))
  const basedOn = (plan.legalBasis ?? [])
    .map((e) => resolve(index.planById, e.plan))
    .filter((p): p is Plan => p != null)
    .map((p) => abs(planPath(p)))
  const date = plan.issueDate?.slice(0, 10)
  return {
    '@context': 'https://schema.org',
    '@type': 'Legislation',
    name: plan.title,
    ...(plan.documentNumber ? { alternateName: planHeading(plan), legislationIdentifier: plan.documentNumber } : {}),
    legislationType: typeLabel(plan),
    ...(date ? { datePublished: date, legislationDate: date } : {}),
    ...(issuers.length ? { legislationPassedBy: issuers, publisher: issuers.length === 1 ? issuers[0] : issuers } : {}),
    ...(plan.summary ? { description: plan.summary } : {}),
    ...(plan.place ? { spatialCoverage: { '@type': 'Place', name: plan.place } } : {}),
    ...(basedOn.length ? { isBasedOn: basedOn } : {}),
    keywords: topicsOf(index, plan).map((t) => t.name).join(', ') || undefined,
    inLanguage: 'vi',
    url: abs(planPath(plan)),
    dateModified: plan.updatedAt,
  }
}

// ── Organisations ────────────────────────────────────────────────────────────

export const kindLabel = (org: Organization) => label(organizationKinds, org.kind)
export const levelLabel = (org: Organization) => (org.level ? label(organizationLevels, org.level) : 'Chưa phân cấp')

export interface OrgListItem {
  org: Organization
  name: string
  url: string
  kind: string
  shortName?: string
  successor?: OrgRef
  /** "Hoạt động đến 30/6/2025" when the unit ended without a successor. */
  ended?: string
}

export interface OrgDirectoryGroup {
  level: string
  levelValue: string
  /** Provinces (or one untitled group for central bodies), alphabetical. */
  provinces: { province?: string; orgs: OrgListItem[] }[]
  count: number
}

export function orgListItem(index: PlanIndex, org: Organization): OrgListItem {
  const successor = resolve(index.orgById, org.successor)
  return {
    org,
    name: org.name,
    url: organizationPath(org),
    kind: kindLabel(org),
    shortName: org.shortName && org.shortName !== org.name ? org.shortName : undefined,
    successor: successor ? orgRef(successor) : undefined,
    ended: !successor && org.activeTo ? `Hoạt động đến ${formatDate(org.activeTo)}` : undefined,
  }
}

/** All organisations by level (Trung ương, tỉnh, huyện, xã, then unclassified), then province. */
export function organizationDirectory(index: PlanIndex): OrgDirectoryGroup[] {
  const levels = [...organizationLevels.map((l) => l.value as string), '']
  return levels
    .map((level) => {
      const orgs = index.organizations.filter((o) => (o.level ?? '') === level)
      const provinces = [...new Set(orgs.map((o) => o.province ?? ''))].sort((a, b) => (a ? (b ? collator.compare(a, b) : 1) : -1))
      return {
        level: level ? label(organizationLevels, level) : 'Chưa phân cấp',
        levelValue: level || 'khac',
        provinces: provinces.map((p) => ({
          province: p || undefined,
          orgs: orgs.filter((o) => (o.province ?? '') === p).map((o) => orgListItem(index, o)),
        })),
        count: orgs.length,
      }
    })
    .filter((g) => g.count > 0)
}

/** "Trưởng khối" / "Phó cụm"… by the kind of group; the option label otherwise. */
export function blocRoleLabel(bloc: Pick<Organization, 'kind'>, role: string): string {
  const unit = bloc.kind === 'emulation-bloc' ? 'khối' : bloc.kind === 'emulation-cluster' ? 'cụm' : undefined
  if (!unit) return label(leadershipRoles, role)
  return role === 'head' ? `Trưởng ${unit}` : role === 'deputy' ? `Phó ${unit}` : label(leadershipRoles, role)
}

export interface LeadershipYear {
  year: number
  roles: { role: string; orgs: OrgRef[] }[]
}

export interface OrgFacts {
  name: string
  shortName?: string
  kind: string
  level: string
  province?: string
  parent?: OrgRef
  activePeriod?: string
  successor?: OrgRef
  changeNote?: string
  description?: string
  predecessors: OrgRef[]
  children: OrgRef[]
  memberOf: OrgRef[]
  /** Years this unit was head or deputy of a bloc or cluster. */
  blocRoles: { year: number; role: string; bloc: OrgRef }[]
  members: OrgRef[]
  leadership: LeadershipYear[]
  isBloc: boolean
}

export function organizationFacts(index: PlanIndex, org: Organization): OrgFacts {
  const parent = resolve(index.orgById, org.parent)
  const successor = resolve(index.orgById, org.successor)
  const from = org.activeFrom ? formatDate(org.activeFrom) : undefined
  const to = org.activeTo ? formatDate(org.activeTo) : undefined
  const activePeriod = from && to ? `Từ ${from} đến ${to}` : from ? `Từ ${from}` : to ? `Đến ${to}` : undefined
  const years = [...new Set((org.leadership ?? []).map((l) => l.year))].sort((a, b) => b - a)
  const roleName = (role: string) => blocRoleLabel(org, role)
  const leadership = years.map((year) => ({
    year,
    roles: leadershipRoles
      .map((r) => ({
        role: roleName(r.value),
        orgs: (org.leadership ?? [])
          .filter((l) => l.year === year && l.role === r.value)
          .map((l) => resolve(index.orgById, l.organization))
          .filter((o): o is Organization => o != null)
          .map(orgRef),
      }))
      .filter((r) => r.orgs.length > 0),
  }))
  return {
    name: org.name,
    shortName: org.shortName && org.shortName !== org.name ? org.shortName : undefined,
    kind: kindLabel(org),
    level: levelLabel(org),
    province: org.province ?? undefined,
    parent: parent ? orgRef(parent) : undefined,
    activePeriod,
    successor: successor ? orgRef(successor) : undefined,
    changeNote: org.changeNote ?? undefined,
    description: org.description ?? undefined,
    predecessors: index.organizations.filter((o) => refId(o.successor) === org.id).map(orgRef),
    children: index.organizations.filter((o) => refId(o.parent) === org.id).map(orgRef),
    memberOf: index.organizations.filter((o) => (o.members ?? []).some((m) => refId(m) === org.id)).map(orgRef),
    blocRoles: index.organizations
      .flatMap((bloc) =>
        (bloc.leadership ?? [])
          .filter((l) => refId(l.organization) === org.id)
          .map((l) => ({ year: l.year, role: blocRoleLabel(bloc, l.role), bloc: orgRef(bloc) })),
      )
      .sort((a, b) => b.year - a.year),
    members: resolveAll(index.orgById, org.members).sort(byText((o) => o.name)).map(orgRef),
    leadership,
    isBloc: org.kind === 'emulation-bloc' || org.kind === 'emulation-cluster',
  }
}

/** Published documents the organisation issued (alone or jointly), newest first. */
export const plansIssuedBy = (index: PlanIndex, org: Organization) =>
  index.plans.filter((p) => p.issuers.some((i) => refId(i) === org.id))

export function organizationJsonLd(index: PlanIndex, org: Organization, site: URL | undefined): Record<string, unknown> {
  const abs = (path: string) => (site ? new URL(path, site).toString() : path)
  const parent = resolve(index.orgById, org.parent)
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: org.name,
    ...(org.shortName ? { alternateName: org.shortName } : {}),
    ...(org.description ? { description: org.description } : {}),
    ...(parent ? { parentOrganization: { '@type': 'GovernmentOrganization', name: parent.name, url: abs(organizationPath(parent)) } } : {}),
    ...(org.activeFrom ? { foundingDate: org.activeFrom.slice(0, 10) } : {}),
    ...(org.activeTo ? { dissolutionDate: org.activeTo.slice(0, 10) } : {}),
    ...(org.province ? { areaServed: org.province } : {}),
    url: abs(organizationPath(org)),
  }
}

/** Short description for an organisation page's meta. */
export function organizationDescription(index: PlanIndex, org: Organization): string {
  const facts = organizationFacts(index, org)
  const parts = [`${facts.name} — ${facts.kind}, cấp ${facts.level.toLocaleLowerCase('vi')}${facts.province ? `, ${facts.province}` : ''}.`]
  if (facts.successor) parts.push(`Đã hợp nhất vào ${facts.successor.name}.`)
  const issued = plansIssuedBy(index, org).length
  if (issued) parts.push(`${issued} văn bản đã ban hành trên cổng thông tin.`)
  return org.description ?? parts.join(' ')
}
