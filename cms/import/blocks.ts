/**
 * A document's lines as blocks: paragraphs (a line that continues a sentence cut by a page
 * break is joined to it), headings, numbered/lettered/bulleted items and table rows (cells
 * separated by tabs, as Word, Markdown exports and the .docx reader give them).
 */
import { cleanLine, isInitialsNoise } from './text.ts'

export type BlockKind = 'roman' | 'part' | 'numbered' | 'lettered' | 'bullet' | 'row' | 'text'

export type Block = {
  kind: BlockKind
  /** Cleaned text, without the marker ("1.", "a)", "-"). */
  text: string
  /** Cleaned text with its marker. */
  full: string
  marker: string | null
  /** Table cells (rows only). */
  cells?: string[]
  /** Index of the first source line. */
  line: number
  /** Blank lines before it. */
  gap: number
}

const patterns: [BlockKind, RegExp][] = [
  ['roman', /^([IVX]+)\.\s*(.+)$/],
  ['part', /^([A-Z])\.\s+(.+)$/],
  ['numbered', /^(\d{1,2}(?:\.\d{1,2})*)[.)]\s*(.+)$/],
  ['lettered', /^([a-zđ])\)\s*(.+)$/],
  ['bullet', /^([-–•+])\s+(.+)$/],
]

export function classify(text: string): { kind: BlockKind; text: string; marker: string | null } {
  for (const [kind, re] of patterns) {
    const m = text.match(re)
    if (m) return { kind, text: m[2].trim(), marker: m[1] }
  }
  return { kind: 'text', text, marker: null }
}

export function toBlocks(lines: string[], offset = 0): Block[] {
  const blocks: Block[] = []
  let gap = 0
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]
    if (!raw.trim() || isInitialsNoise(raw)) {
      gap++
      continue
    }
    if (raw.includes('\t')) {
      const cells = raw.split('\t').map(cleanLine)
      blocks.push({ kind: 'row', text: cells.filter(Boolean).join(' '), full: cells.join('\t'), marker: null, cells, line: i + offset, gap })
      gap = 0
      continue
    }
    const full = cleanLine(raw)
    // Stamp fragments between table rows ("XHCN", "ĐI Đ", "TỈNH") are not text.
    const prevBlock = blocks[blocks.length - 1]
    if (prevBlock?.kind === 'row' && full.length <= 12 && full === full.toLocaleUpperCase('vi')) {
      gap++
      continue
    }
    if (!full) {
      gap++
      continue
    }
    const prev = blocks[blocks.length - 1]
    // A paragraph cut by a page break goes on with a lower-case word.
    if (prev && prev.kind !== 'row' && /^\p{Ll}/u.test(full) && classify(full).kind === 'text' && !/[.;:!?]$/.test(prev.full)) {
      prev.text = `${prev.text} ${full}`
      prev.full = `${prev.full} ${full}`
      gap = 0
      continue
    }
    blocks.push({ ...classify(full), full, line: i + offset, gap })
    gap = 0
  }
  return blocks
}
