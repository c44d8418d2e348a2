/**
 * Reads content/ (YAML and Markdown with YAML front matter) into plain records and checks
 * them before anything is written: unknown fields, missing required fields and references
 * to keys that do not exist are all reported at once.
 */
import fs from 'node:fs'
import path from 'node:path'

import { parse as parseYaml } from 'yaml'

import { repoRoot } from '../database'

export type Rec = Record<string, any> & { key: string }

export type Content = {
  topics: Rec[]
  media: Rec[]
  organizations: Rec[]
  plans: Rec[]
  indicators: Rec[]
  campaigns: Rec[]
  news: Rec[]
  pages: Rec[]
  honourees: Rec[]
  indicatorReports: Rec[]
  taskUpdates: Rec[]
}

export const defaultContentDir = path.join(repoRoot, 'content')

/** Fields each record may carry, and which of them are required. */
const schema: Record<keyof Content, { allowed: string[]; required: string[] }> = {
  topics: { allowed: ['key', 'name'], required: ['key', 'name'] },
  media: { allowed: ['key', 'file', 'alt', 'caption', 'credit', 'illustrative'], required: ['key', 'file', 'alt'] },
  organizations: {
    allowed: ['key', 'name', 'shortName', 'kind', 'level', 'province', 'parent', 'members', 'leadership', 'activeFrom', 'activeTo', 'successor', 'changeNote', 'description'],
    required: ['key', 'name', 'kind'],
  },
  plans: {
    allowed: ['key', 'documentNumber', 'numberNote', 'documentType', 'title', 'summary', 'issuers', 'place', 'issueDate', 'issueDateText', 'year', 'period', 'topics', 'signer', 'legalBasis', 'mentions', 'tasks', 'deadlines', 'reportingDeadlines', 'recipients', 'attachments', 'transcriptionNotes', 'fullTextSource', 'body'],
    required: ['key', 'documentType', 'title', 'issuers', 'year', 'body'],
  },
  indicators: {
    allowed: ['key', 'code', 'name', 'unit', 'direction', 'topics', 'description', 'targets'],
    required: ['key', 'code', 'name', 'unit', 'direction'],
  },
  campaigns: {
    allowed: ['key', 'name', 'kind', 'startDate', 'endDate', 'recurrence', 'parent', 'organizers', 'theme', 'summary', 'body', 'relatedPlans', 'dateNote', 'heroImage'],
    required: ['key', 'name', 'kind', 'startDate', 'endDate'],
  },
  news: {
    allowed: ['key', 'title', 'summary', 'publishedAt', 'topics', 'plans', 'campaigns', 'body', 'heroImage'],
    required: ['key', 'title', 'publishedAt', 'body'],
  },
  // `slug` fixes the address the default footer links to (cms/lib/portal.ts).
  pages: { allowed: ['key', 'slug', 'language', 'title', 'summary', 'body'], required: ['key', 'slug', 'title', 'body'] },
  honourees: {
    allowed: ['key', 'name', 'kind', 'locality', 'organization', 'award', 'awardTitle', 'decisionNumber', 'decisionDate', 'decisionIssuer', 'year', 'campaign', 'story', 'consent', 'privateContact', 'status', 'illustrative', 'photos'],
    required: ['key', 'name', 'kind', 'award', 'year'],
  },
  indicatorReports: {
    allowed: ['key', 'indicator', 'year', 'periodLabel', 'locality', 'value', 'reportingOrganization', 'source', 'note', 'illustrative'],
    required: ['key', 'indicator', 'year', 'periodLabel', 'locality', 'value', 'reportingOrganization'],
  },
  // A task is named by its plan and its number (`order`) in the plan's tasks table.
  taskUpdates: {
    allowed: ['key', 'plan', 'taskOrder', 'reportedAt', 'status', 'percent', 'milestone', 'note', 'evidenceUrl', 'illustrative'],
    required: ['key', 'plan', 'taskOrder', 'reportedAt', 'status'],
  },
}

function readYamlList(file: string): Rec[] {
  if (!fs.existsSync(file)) return []
  const parsed = parseYaml(fs.readFileSync(file, 'utf8'))
  if (parsed == null) return []
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a YAML list`)
  return parsed as Rec[]
}

/** `---\nYAML\n---\nMarkdown` → the YAML fields plus `body`. */
export function parseFrontMatter(text: string, file: string): Rec {
  const match = text.replace(/^\uFEFF/, '').match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/)
  if (!match) throw new Error(`${file}: missing YAML front matter`)
  const data = parseYaml(match[1]) as Rec
  return { ...data, body: match[2].trim() }
}

function readMarkdownDir(dir: string): Rec[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseFrontMatter(fs.readFileSync(path.join(dir, f), 'utf8'), path.join(dir, f)))
}

/** Media files live in `media/`; a record's `file` is resolved to its absolute path. */
function readMedia(dir: string): Rec[] {
  return readYamlList(path.join(dir, 'media.yaml')).map((r) => (typeof r.file === 'string' ? { ...r, file: path.resolve(dir, 'media', r.file) } : r))
}

/**
 * A plan's `fullTextSource` names a file in `sources/` (the original text, loaded as the plan's
 * "Toàn văn"); it is resolved to its absolute path, as media files are.
 */
function readPlans(dir: string): Rec[] {
  return readMarkdownDir(path.join(dir, 'plans')).map((r) =>
    typeof r.fullTextSource === 'string' ? { ...r, fullTextSource: path.resolve(dir, 'sources', r.fullTextSource) } : r,
  )
}

/** An original text as the seed stores it: the file word for word, in NFC (as the CMS stores text typed in). */
export const readFullText = (file: string): string => fs.readFileSync(file, 'utf8').normalize('NFC')

export function loadContent(dir = defaultContentDir): Content {
  return {
    topics: readYamlList(path.join(dir, 'topics.yaml')),
    media: readMedia(dir),
    organizations: readYamlList(path.join(dir, 'organizations.yaml')),
    plans: readPlans(dir),
    indicators: readYamlList(path.join(dir, 'indicators.yaml')),
    campaigns: readYamlList(path.join(dir, 'campaigns.yaml')),
    news: readMarkdownDir(path.join(dir, 'news')),
    pages: readMarkdownDir(path.join(dir, 'pages')),
    honourees: readYamlList(path.join(dir, 'honourees.yaml')),
    indicatorReports: readYamlList(path.join(dir, 'indicator-reports.yaml')),
    taskUpdates: readYamlList(path.join(dir, 'task-updates.yaml')),
  }
}

const list = (v: unknown): string[] => (v == null ? [] : Array.isArray(v) ? (v as string[]) : [v as string])

/** Every problem in the corpus, as readable lines; empty when it can be seeded. */
export function checkContent(content: Content): string[] {
  const problems: string[] = []
  const keys = Object.fromEntries(
    (Object.keys(content) as (keyof Content)[]).map((k) => [k, new Set(content[k].map((r) => r.key))]),
  ) as Record<keyof Content, Set<string>>

  for (const kind of Object.keys(schema) as (keyof Content)[]) {
    const seen = new Set<string>()
    for (const rec of content[kind]) {
      const where = `${kind}/${rec.key ?? '(no key)'}`
      for (const field of Object.keys(rec)) {
        if (!schema[kind].allowed.includes(field)) problems.push(`${where}: unknown field "${field}"`)
      }
      for (const field of schema[kind].required) {
        if (rec[field] == null || rec[field] === '') problems.push(`${where}: missing required field "${field}"`)
      }
      if (rec.key && seen.has(rec.key)) problems.push(`${where}: duplicate key`)
      seen.add(rec.key)
    }
  }

  const ref = (where: string, kind: keyof Content, value: unknown) => {
    for (const k of list(value)) if (!keys[kind].has(k)) problems.push(`${where}: unknown ${kind} key "${k}"`)
  }

  for (const m of content.media) {
    if (typeof m.file === 'string' && !fs.existsSync(m.file)) problems.push(`media/${m.key}: file not found: ${m.file}`)
  }
  for (const o of content.organizations) {
    const w = `organizations/${o.key}`
    ref(w, 'organizations', o.parent)
    ref(w, 'organizations', o.successor)
    ref(w, 'organizations', o.members)
    for (const l of o.leadership ?? []) ref(w, 'organizations', l.organization)
  }
  for (const p of content.plans) {
    const w = `plans/${p.key}`
    ref(w, 'organizations', p.issuers)
    ref(w, 'topics', p.topics)
    for (const c of [...(p.legalBasis ?? []), ...(p.mentions ?? [])]) {
      ref(w, 'plans', c.plan)
      if (!c.plan && !c.citedNumber && !c.citedTitle) problems.push(`${w}: a citation has neither plan, citedNumber nor citedTitle`)
    }
    for (const task of p.tasks ?? []) {
      ref(w, 'organizations', task.lead)
      ref(w, 'organizations', task.coordinating)
      if (!task.content) problems.push(`${w}: task ${task.order ?? '?'} has no content`)
      if (!task.lead && !task.leadText) problems.push(`${w}: task ${task.order ?? '?'} has neither lead nor leadText`)
    }
    if (p.fullTextSource != null && (typeof p.fullTextSource !== 'string' || !fs.existsSync(p.fullTextSource))) {
      problems.push(`${w}: fullTextSource not found: ${p.fullTextSource}`)
    }
    for (const d of p.reportingDeadlines ?? []) {
      ref(w, 'organizations', d.organizations)
      ref(w, 'indicators', d.indicators)
      if (!d.organizations?.length) problems.push(`${w}: a reporting deadline names no organisation`)
    }
    for (const r of p.recipients ?? []) ref(w, 'organizations', r.organization)
    for (const a of p.attachments ?? []) ref(w, 'plans', a.plan)
  }
  for (const i of content.indicators) {
    ref(`indicators/${i.key}`, 'topics', i.topics)
    for (const target of i.targets ?? []) ref(`indicators/${i.key}`, 'plans', target.sourcePlan)
  }
  for (const c of content.campaigns) {
    const w = `campaigns/${c.key}`
    ref(w, 'campaigns', c.parent)
    ref(w, 'organizations', c.organizers)
    ref(w, 'plans', c.relatedPlans)
    ref(w, 'media', c.heroImage)
  }
  for (const n of content.news) {
    const w = `news/${n.key}`
    ref(w, 'topics', n.topics)
    ref(w, 'plans', n.plans)
    ref(w, 'campaigns', n.campaigns)
    ref(w, 'media', n.heroImage)
  }
  for (const h of content.honourees) {
    const w = `honourees/${h.key}`
    ref(w, 'organizations', h.organization)
    ref(w, 'organizations', h.decisionIssuer)
    ref(w, 'campaigns', h.campaign)
    ref(w, 'media', h.photos)
  }
  for (const r of content.indicatorReports) {
    const w = `indicator-reports/${r.key}`
    ref(w, 'indicators', r.indicator)
    ref(w, 'organizations', r.reportingOrganization)
  }
  for (const u of content.taskUpdates) {
    const w = `task-updates/${u.key}`
    ref(w, 'plans', u.plan)
    const plan = content.plans.find((p) => p.key === u.plan)
    if (plan && !(plan.tasks ?? []).some((t: Rec) => t.order === u.taskOrder)) problems.push(`${w}: plan "${u.plan}" has no task number ${u.taskOrder}`)
  }
  return problems
}
