/**
 * Loads content/ into the CMS. Records are matched on their content key (`seedKey`):
 * a record already in the database is left as staff edited it unless `overwrite` is set,
 * so running the seed again creates no duplicates and loses no edits. Everything happens
 * in one transaction: a failure leaves the database as it was.
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { checkContent, type Content, loadContent, type Rec, readFullText } from './content'
import { markdownConverter } from './markdown'

export type SeedOptions = { overwrite?: boolean; contentDir?: string; content?: Content; log?: (line: string) => void }
export type SeedReport = Record<string, { created: number; updated: number; kept: number }>

type Id = number | string

const versioned = new Set<CollectionSlug>(['plans', 'campaigns', 'honourees', 'news', 'pages', 'indicator-reports', 'task-updates'])

export class ContentError extends Error {
  constructor(public problems: string[]) {
    super(`content/ has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`)
  }
}

export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const content = options.content ?? loadContent(options.contentDir)
  const problems = checkContent(content)
  if (problems.length) throw new ContentError(problems)

  const toLexical = await markdownConverter(payload)
  const req = await createLocalReq({}, payload)
  const ownTransaction = await initTransaction(req)
  try {
    const report = await new Seeder(payload, req, options, toLexical).run(content)
    if (ownTransaction) await commitTransaction(req)
    return report
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}

class Seeder {
  private ids: Record<string, Map<string, Id>> = {}
  /** Existing plans' task row ids, `${planKey}#${order}`, kept when the seed overwrites a plan. */
  private taskRowIds = new Map<string, string>()
  /** Keys written in this run (created, or overwritten): only these get their second pass. */
  private written: Record<string, Set<string>> = {}
  report: SeedReport = {}

  constructor(
    private payload: Payload,
    private req: PayloadRequest,
    private options: SeedOptions,
    private toLexical: (md: string | undefined) => unknown,
  ) {}

  async run(c: Content): Promise<SeedReport> {
    await this.upsertAll('topics', c.topics, (r) => ({ name: r.name }))
    // Uploaded through Payload, so sharp makes the sizes as for a file staff upload.
    await this.upsertAll(
      'media',
      c.media,
      (r) => ({ alt: r.alt, caption: r.caption, credit: r.credit, illustrative: r.illustrative ?? false }),
      { fileOf: (r) => r.file },
    )

    // Organisations refer to each other: create them first, then fill the references.
    await this.upsertAll('organizations', c.organizations, (r) => this.organization(r, false))
    await this.secondPass('organizations', c.organizations, (r) => this.organization(r, true))

    // An overwrite keeps each task's row id (progress updates refer to it), matched by number.
    this.taskRowIds = await this.planTaskIds(c.plans.map((r) => r.key), true)
    await this.upsertAll('plans', c.plans, (r) => this.plan(r, false))
    await this.secondPass('plans', c.plans.filter(hasPlanRefs), (r) => this.plan(r, true))

    await this.upsertAll('indicators', c.indicators, (r) => ({
      code: r.code,
      name: r.name,
      unit: r.unit,
      direction: r.direction,
      description: r.description,
      topics: this.refs('topics', r.topics),
      targets: (r.targets ?? []).map((t: Rec) => ({
        year: t.year,
        scope: t.scope,
        value: t.value,
        sourcePlan: this.ref('plans', t.sourcePlan),
        note: t.note,
      })),
    }))
    // Reporting deadlines name indicators, created just above: a pass of their own.
    await this.secondPass('plans', c.plans.filter((r) => r.reportingDeadlines), (r) => ({
      reportingDeadlines: (r.reportingDeadlines as Rec[]).map((d) => ({
        text: d.text,
        day: d.day,
        month: d.month,
        organizations: this.refs('organizations', d.organizations),
        indicators: this.refs('indicators', d.indicators).map((indicator) => ({ indicator })),
      })),
    }))

    await this.upsertAll('campaigns', c.campaigns, (r) => this.campaign(r, false))
    await this.secondPass('campaigns', c.campaigns.filter((r) => r.parent), (r) => this.campaign(r, true))

    await this.upsertAll('news', c.news, (r) => ({
      title: r.title,
      summary: r.summary,
      publishedAt: r.publishedAt,
      body: this.toLexical(r.body),
      topics: this.refs('topics', r.topics),
      plans: this.refs('plans', r.plans),
      campaigns: this.refs('campaigns', r.campaigns),
      heroImage: this.ref('media', r.heroImage),
    }))

    await this.upsertAll('pages', c.pages, (r) => ({ slug: r.slug, language: r.language ?? 'vi', title: r.title, summary: r.summary, body: this.toLexical(r.body) }))

    await this.upsertAll(
      'honourees',
      c.honourees,
      (r) => ({
        name: r.name,
        kind: r.kind,
        locality: r.locality,
        organization: this.ref('organizations', r.organization),
        award: r.award,
        awardTitle: r.awardTitle,
        decisionNumber: r.decisionNumber,
        decisionDate: r.decisionDate,
        decisionIssuer: this.ref('organizations', r.decisionIssuer),
        year: r.year,
        campaign: this.ref('campaigns', r.campaign),
        story: this.toLexical(r.story),
        photos: this.refs('media', r.photos),
        consent: r.consent,
        privateContact: r.privateContact,
        illustrative: r.illustrative ?? false,
      }),
      { statusOf: (r) => (r.status === 'draft' ? 'draft' : 'published') },
    )

    await this.upsertAll('indicator-reports', c.indicatorReports, (r) => ({
      indicator: this.ref('indicators', r.indicator),
      year: r.year,
      periodLabel: r.periodLabel,
      locality: r.locality,
      value: r.value,
      reportingOrganization: this.ref('organizations', r.reportingOrganization),
      source: r.source,
      note: r.note,
      illustrative: r.illustrative ?? false,
    }))

    // Progress updates name a task by number; the CMS stores the task's row id in its plan.
    const taskIds = await this.planTaskIds(c.taskUpdates.map((r) => r.plan))
    await this.upsertAll('task-updates', c.taskUpdates, (r) => ({
      plan: this.ref('plans', r.plan),
      task: taskIds.get(`${r.plan}#${r.taskOrder}`),
      reportedAt: r.reportedAt,
      status: r.status,
      percent: r.percent,
      milestone: r.milestone,
      note: r.note,
      evidenceUrl: r.evidenceUrl,
      illustrative: r.illustrative ?? false,
    }))
    return this.report
  }

  /** `${planKey}#${order}` → the task's row id, for the given plans (`existing`: looked up by seed key before this run writes them). */
  private async planTaskIds(planKeys: string[], existing = false): Promise<Map<string, string>> {
    const out = new Map<string, string>()
    if (existing) this.ids.plans = await this.existing('plans')
    for (const key of new Set(planKeys)) {
      const id = existing ? this.ids.plans.get(key) : this.ref('plans', key)
      if (id === undefined) continue
      const plan = await this.payload.findByID({ collection: 'plans', id, depth: 0, draft: true, overrideAccess: true, req: this.req, select: { tasks: true } })
      for (const task of plan.tasks ?? []) if (task.order != null && task.id) out.set(`${key}#${task.order}`, task.id)
    }
    return out
  }

  private organization(r: Rec, withRefs: boolean) {
    return {
      name: r.name,
      shortName: r.shortName,
      kind: r.kind,
      level: r.level,
      province: r.province,
      activeFrom: r.activeFrom,
      activeTo: r.activeTo,
      changeNote: r.changeNote,
      description: r.description,
      ...(withRefs
        ? {
            parent: this.ref('organizations', r.parent),
            successor: this.ref('organizations', r.successor),
            members: this.refs('organizations', r.members),
            leadership: (r.leadership ?? []).map((l: Rec) => ({
              year: l.year,
              role: l.role,
              organization: this.ref('organizations', l.organization),
            })),
          }
        : {}),
    }
  }

  private citation = (c: Rec, withRefs: boolean) => ({
    plan: withRefs ? this.ref('plans', c.plan) : undefined,
    citedNumber: c.citedNumber,
    citedDate: c.citedDate,
    citedIssuer: c.citedIssuer,
    // A citation that only points at a CMS document needs a placeholder until pass two.
    citedTitle: c.citedTitle ?? (!withRefs && c.plan && !c.citedNumber ? `(${c.plan})` : undefined),
  })

  private plan(r: Rec, withRefs: boolean) {
    return {
      documentNumber: r.documentNumber,
      numberNote: r.numberNote,
      documentType: r.documentType,
      title: r.title,
      summary: r.summary,
      issuers: this.refs('organizations', r.issuers),
      place: r.place,
      issueDate: r.issueDate,
      issueDateText: r.issueDateText,
      year: r.year,
      period: r.period,
      signer: r.signer,
      topics: this.refs('topics', r.topics),
      body: this.toLexical(r.body),
      legalBasis: (r.legalBasis ?? []).map((c: Rec) => this.citation(c, withRefs)),
      mentions: (r.mentions ?? []).map((c: Rec) => this.citation(c, withRefs)),
      tasks: (r.tasks ?? []).map((task: Rec) => ({
        id: this.taskRowIds.get(`${r.key}#${task.order}`),
        order: task.order,
        group: task.group,
        content: task.content,
        lead: this.ref('organizations', task.lead),
        leadText: task.leadText,
        coordinating: this.refs('organizations', task.coordinating),
        coordinatingText: task.coordinatingText,
        audience: task.audience,
        timeFrame: task.timeFrame,
        dueStart: task.dueStart,
        dueEnd: task.dueEnd,
        status: task.status ?? 'not-reported',
      })),
      deadlines: r.deadlines,
      recipients: (r.recipients ?? []).map((x: Rec) => ({ name: x.name, organization: this.ref('organizations', x.organization) })),
      attachments: (r.attachments ?? []).map((a: Rec) => ({
        title: a.title,
        plan: withRefs ? this.ref('plans', a.plan) : undefined,
      })),
      transcriptionNotes: r.transcriptionNotes,
      fullText: typeof r.fullTextSource === 'string' ? readFullText(r.fullTextSource) : undefined,
    }
  }

  private campaign(r: Rec, withRefs: boolean) {
    return {
      name: r.name,
      kind: r.kind,
      startDate: r.startDate,
      endDate: r.endDate,
      recurrence: r.recurrence ?? 'none',
      dateNote: r.dateNote,
      organizers: this.refs('organizations', r.organizers),
      theme: r.theme,
      summary: r.summary,
      body: this.toLexical(r.body),
      relatedPlans: this.refs('plans', r.relatedPlans),
      heroImage: this.ref('media', r.heroImage),
      ...(withRefs ? { parent: this.ref('campaigns', r.parent) } : {}),
    }
  }

  private ref(collection: string, key: string | undefined): Id | undefined {
    if (!key) return undefined
    const id = this.ids[collection]?.get(key)
    if (id === undefined) throw new Error(`seed: ${collection} "${key}" has not been created`)
    return id
  }

  private refs(collection: string, keys: string[] | string | undefined): Id[] {
    if (!keys) return []
    return (Array.isArray(keys) ? keys : [keys]).map((k) => this.ref(collection, k) as Id)
  }

  private async existing(collection: CollectionSlug): Promise<Map<string, Id>> {
    const found = await this.payload.find({
      collection,
      where: { seedKey: { exists: true } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { seedKey: true } as never,
      req: this.req,
    })
    const docs = found.docs as unknown as { id: Id; seedKey: string }[]
    return new Map(docs.map((d) => [d.seedKey, d.id]))
  }

  private async upsertAll(
    collection: CollectionSlug,
    records: Rec[],
    toData: (r: Rec) => Record<string, unknown>,
    {
      statusOf = () => 'published',
      fileOf,
    }: {
      statusOf?: (r: Rec) => 'draft' | 'published'
      /** Upload collections: the file to upload when the record is created (kept on update). */
      fileOf?: (r: Rec) => string
    } = {},
  ) {
    const existing = await this.existing(collection)
    const ids = (this.ids[collection] = existing)
    const written = (this.written[collection] = new Set())
    const tally = (this.report[collection] = { created: 0, updated: 0, kept: 0 })
    for (const r of records) {
      const status = versioned.has(collection) ? { _status: statusOf(r) } : {}
      const data = { ...withoutUndefined(toData(r)), ...status, seedKey: r.key }
      const id = ids.get(r.key)
      if (id !== undefined && !this.options.overwrite) {
        tally.kept++
        continue
      }
      const doc =
        id === undefined
          ? await this.payload.create({ collection, data: data as never, filePath: fileOf?.(r), overrideAccess: true, req: this.req })
          : await this.payload.update({ collection, id, data: data as never, overrideAccess: true, req: this.req })
      ids.set(r.key, doc.id)
      written.add(r.key)
      if (id === undefined) tally.created++
      else tally.updated++
    }
    this.options.log?.(`${collection}: ${tally.created} created, ${tally.updated} updated, ${tally.kept} kept`)
  }

  private async secondPass(collection: CollectionSlug, records: Rec[], toData: (r: Rec) => Record<string, unknown>) {
    for (const r of records) {
      if (!this.written[collection].has(r.key)) continue
      const status = versioned.has(collection) ? { _status: 'published' } : {}
      await this.payload.update({
        collection,
        id: this.ids[collection].get(r.key) as Id,
        data: { ...withoutUndefined(toData(r)), ...status } as never,
        overrideAccess: true,
        req: this.req,
      })
    }
  }
}

const hasPlanRefs = (r: Rec) =>
  [...(r.legalBasis ?? []), ...(r.mentions ?? []), ...(r.attachments ?? [])].some((c: Rec) => c.plan)

function withoutUndefined(data: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined))
}
