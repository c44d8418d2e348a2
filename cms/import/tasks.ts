/**
 * Tasks, from where documents put them:
 * - tables of tasks (an appendix "Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực
 *   hiện", a schedule "Thời gian | Nội dung công việc"); an empty cell of a merged column (lead,
 *   time) carries the value above it. When a table names the lead bodies, it is the assignment
 *   and the body text is not read for tasks;
 * - otherwise the "Tổ chức thực hiện" section when it assigns work item by item (at least three
 *   numbered items): a body's heading with its a) b) / "-" items, or one sentence per item;
 * - otherwise a dispatch's "Giao … chủ trì …" paragraphs.
 */
import type { Block } from './blocks.ts'
import { parseTimeFrame } from './dates.ts'
import { matchOrganization, proposeOrganization } from './organizations.ts'
import { coordinatingOf, leadingTime, splitBodies, subjectOf } from './subjects.ts'
import { capitalizeFirst, foldKey, stripListPunctuation } from './text.ts'
import type { ImportContext, ProposedTask } from './types.ts'

type Options = { context: ImportContext; province: string | null; year: number | null }

type RawTask = { content: string; lead: string | null; coordinatingText: string | null; timeFrame: string | null; group: string | null }

type Table = { header: string[]; rows: string[][]; intro: string | null; start: number; end: number }

function findColumn(header: string[], tests: RegExp[]): number {
  const keys = header.map(foldKey)
  for (const t of tests) {
    const i = keys.findIndex((k) => t.test(k))
    if (i >= 0) return i
  }
  return -1
}

/** Consecutive table rows (blocks of kind row); a row whose first cell is empty continues the one above. */
export function tables(blocks: Block[]): Table[] {
  const out: Table[] = []
  let i = 0
  while (i < blocks.length) {
    if (blocks[i].kind !== 'row') {
      i++
      continue
    }
    const start = i
    const header = blocks[i].cells!
    const rows: string[][] = []
    i++
    while (i < blocks.length && blocks[i].kind === 'row') {
      const cells = blocks[i].cells!
      const prev = rows[rows.length - 1]
      if (prev && !cells[0]) cells.forEach((c, k) => c && (prev[k] = prev[k] ? `${prev[k]} ${c}` : c))
      else rows.push([...cells])
      i++
    }
    const before = blocks[start - 1]
    out.push({ header, rows, intro: before && before.kind !== 'row' ? before.full : null, start, end: i })
  }
  return out
}

const CONTENT = [/^nhiem vu$/, /^noi dung cong viec/, /^noi dung$/, /^cong viec/, /^nhiem vu/, /^noi dung/]
const LEAD = [/chu tri/, /don vi thuc hien/, /co quan thuc hien/]
const COORD = [/phoi hop/]
const TIME = [/thoi gian/, /thoi han/, /tien do/]

function tableTasks(table: Table): { tasks: RawTask[]; hasLead: boolean } | null {
  const content = findColumn(table.header, CONTENT)
  const lead = findColumn(table.header, LEAD)
  const coord = findColumn(table.header, COORD)
  const time = findColumn(table.header, TIME)
  if (content < 0 || (lead < 0 && time < 0)) return null
  const introSubject = table.intro?.match(/\bmà\s+(.+?)\s+cần\b/u)?.[1]
  const rowSubjects = table.rows.map((r) => subjectOf(r[content] ?? ''))
  const counts = new Map<string, number>()
  for (const s of rowSubjects) if (s) counts.set(s, (counts.get(s) ?? 0) + 1)
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  const tableLead = introSubject ? capitalizeFirst(introSubject) : common
  let lastLead: string | null = null
  let lastTime: string | null = null
  const tasks: RawTask[] = []
  table.rows.forEach((row, k) => {
    const text = (row[content] ?? '').trim()
    if (!text) return
    if (lead >= 0 && row[lead]) lastLead = row[lead]
    if (time >= 0 && row[time]) lastTime = row[time]
    tasks.push({
      content: text,
      lead: lead >= 0 ? lastLead : (rowSubjects[k] ?? tableLead),
      coordinatingText: coord >= 0 ? row[coord] || null : coordinatingOf(text),
      timeFrame: time >= 0 ? lastTime : null,
      group: table.intro,
    })
  })
  return { tasks, hasLead: lead >= 0 }
}

const CLOSING = /^(Trên đây|Trong quá trình|Nơi nhận)/u

/** The "Tổ chức thực hiện" section's assignments. */
function sectionTasks(blocks: Block[]): RawTask[] {
  const start = blocks.findIndex((b) => b.kind === 'roman' && /to chuc thuc hien/.test(foldKey(b.text)))
  if (start < 0) return []
  let end = start + 1
  while (end < blocks.length && blocks[end].kind !== 'roman' && !CLOSING.test(blocks[end].full)) end++
  const section = blocks.slice(start + 1, end)
  const items: number[] = []
  section.forEach((b, i) => b.kind === 'numbered' && /^\d+$/.test(b.marker!) && items.push(i))
  if (items.length < 3) return []
  const tasks: RawTask[] = []
  items.forEach((at, n) => {
    const item = section[at]
    const until = n + 1 < items.length ? items[n + 1] : section.length
    const following: Block[] = []
    for (let j = at + 1; j < until; j++) {
      const b = section[j]
      if (b.kind === 'row') break
      // A paragraph introducing a table ("… như sau:") belongs to the table.
      if (/:$/.test(b.full) && section[j + 1]?.kind === 'row') break
      following.push(b)
    }
    const isHeading = !/[.;:!?]$/.test(item.text) && item.text.split(/\s+/).length <= 40 && following.length > 0
    if (isHeading) {
      const group = `${item.marker}. ${item.text}`
      const children = following.filter((b) => b.kind === 'lettered' || b.kind === 'bullet')
      const parts = children.length ? children.map((b) => [b.text]) : [following.map((b) => b.full)]
      for (const part of parts) {
        tasks.push({ content: stripListPunctuation(part.join('\n\n')), lead: item.text, coordinatingText: coordinatingOf(part.join(' ')), timeFrame: null, group })
      }
    } else {
      const lines = [item.text, ...following.map((b) => (b.kind === 'bullet' ? `- ${b.text}` : b.full))]
      const content = lines.join('\n').trim()
      tasks.push({ content, lead: subjectOf(item.text), coordinatingText: coordinatingOf(item.text), timeFrame: null, group: blocks[start].full })
    }
  })
  return tasks
}

function assignmentParagraphs(blocks: Block[]): RawTask[] {
  return blocks
    .filter((b) => b.kind === 'text' && /^Giao\s/u.test(b.full) && /chủ trì|thực hiện|tham mưu/u.test(b.full))
    .map((b) => ({ content: b.full, lead: subjectOf(b.full), coordinatingText: coordinatingOf(b.full), timeFrame: null, group: null }))
}

/** A time frame written in the task itself: "Hằng năm, …", "… trước ngày 12/5/2024 …". */
function timeInContent(content: string): string | null {
  const lead = leadingTime(content).time
  if (lead) return lead
  const m = content.match(/trước\s+(?:ngày\s+)?\d{1,2}\/\d{1,2}\/\d{4}/iu)
  return m ? m[0] : null
}

export function parseTasks(blocks: Block[], options: Options): ProposedTask[] {
  const found = tables(blocks).map(tableTasks).filter((t): t is NonNullable<typeof t> => t !== null)
  let raw: RawTask[]
  if (found.some((t) => t.hasLead)) raw = found.filter((t) => t.hasLead).flatMap((t) => t.tasks)
  else {
    // Document order: tables and the section's items as they come.
    const byPosition: { at: number; tasks: RawTask[] }[] = []
    const all = tables(blocks)
    all.forEach((t) => {
      const parsed = tableTasks(t)
      if (parsed) byPosition.push({ at: t.start, tasks: parsed.tasks })
    })
    const sectionStart = blocks.findIndex((b) => b.kind === 'roman' && /to chuc thuc hien/.test(foldKey(b.text)))
    const section = sectionTasks(blocks)
    if (section.length) byPosition.push({ at: sectionStart, tasks: section })
    byPosition.sort((a, b) => a.at - b.at)
    raw = byPosition.flatMap((p) => p.tasks)
    if (!raw.length) raw = assignmentParagraphs(blocks)
  }
  return raw.map((t) => {
    const timeFrame = t.timeFrame ?? timeInContent(t.content)
    const due = parseTimeFrame(timeFrame, options.year)
    const leadOrg = t.lead ? matchOrganization(t.lead, options.context, options.province) : undefined
    return {
      content: t.content,
      lead: t.lead,
      leadOrganization: leadOrg?.key ?? null,
      coordinating: t.coordinatingText ? splitBodies(t.coordinatingText).map((n) => proposeOrganization(n, options.context, options.province)) : [],
      coordinatingText: t.coordinatingText,
      timeFrame,
      dueStart: due.dueStart,
      dueEnd: due.dueEnd,
      group: t.group,
    }
  })
}
