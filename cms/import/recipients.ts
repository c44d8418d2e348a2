/**
 * Recipients: the "Kính gửi:" list at the top of a dispatch and the "Nơi nhận:" list at the
 * foot, one entry a line as printed (the trailing ";" dropped), matched to organisations.
 */
import type { Block } from './blocks.ts'
import { proposeOrganization } from './organizations.ts'
import type { ImportContext, ProposedOrganization } from './types.ts'

export type Recipients = { recipients: ProposedOrganization[]; start: number; end: number }

function list(blocks: Block[], from: number): { names: string[]; end: number } {
  const names: string[] = []
  const inline = blocks[from].full.replace(/^(?:Kính gửi|Nơi nhận)\s*:?\s*/u, '')
  if (inline) names.push(inline)
  let i = from + 1
  for (; i < blocks.length && blocks[i].kind === 'bullet'; i++) names.push(blocks[i].text)
  return { names: names.map((n) => n.replace(/\s*[;,]\s*$/, '').trim()).filter(Boolean), end: i }
}

export function parseRecipients(blocks: Block[], context: ImportContext, province: string | null): Recipients {
  const names: string[] = []
  let start = -1
  let end = -1
  blocks.forEach((b, i) => {
    if (/^Kính gửi\s*:?/u.test(b.full)) names.push(...list(blocks, i).names)
    if (/^Nơi nhận\s*:?/u.test(b.full)) {
      const l = list(blocks, i)
      names.push(...l.names)
      start = i
      end = l.end
    }
  })
  return { recipients: names.map((n) => proposeOrganization(n, context, province)), start, end }
}
