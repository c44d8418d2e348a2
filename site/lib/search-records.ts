/**
 * Built HTML page → a Pagefind record whose indexed text has đ folded to d (Pagefind folds
 * tone marks but not đ), with the positions of the folded letters kept in its metadata so
 * the portal shows results in proper Vietnamese. Titles are kept as written in `meta.title`.
 */
import { decodeHTML } from 'entities'
import { ELEMENT_NODE, parse, TEXT_NODE, type Node } from 'ultrahtml'

import { foldDStroke } from '../../cms/lib/vietnamese.ts'
import { parseSearchFacts, type SearchFacts } from './search-facts.ts'

/** Sections whose detail pages (/section/slug/) are searchable, with their filter label. */
export const searchSections: Record<string, string> = {
  'van-ban': 'Văn bản',
  'phong-trao': 'Phong trào',
  'dien-hinh': 'Điển hình',
  'tin-tuc': 'Tin tức',
  'tien-do': 'Tiến độ',
  'co-quan': 'Cơ quan',
  trang: 'Trang thông tin',
}

export type SearchRecord = {
  url: string
  content: string
  language: 'vi'
  meta: Record<string, string>
  filters: Record<string, string[]>
}

const BLOCK = new Set(['p', 'div', 'section', 'article', 'li', 'ul', 'ol', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'br', 'caption', 'figcaption', 'header', 'footer', 'nav', 'blockquote'])
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'form'])

// Every HTML entity, named or numeric (`&hellip;`, `&ndash;`, `&nbsp;`…), as a browser reads it.
const decode = (s: string) => decodeHTML(s)

/** The searchable section of a URL path, or undefined for pages that are not indexed. */
export function sectionOf(pathname: string): string | undefined {
  const parts = pathname.split('/').filter(Boolean)
  if (parts.length !== 2) return undefined
  if (/\.(csv|json|xml)$/.test(parts[1])) return undefined
  return searchSections[parts[0]]
}

function textOf(node: Node, out: string[]) {
  if (node.type === TEXT_NODE) {
    out.push(decode(node.value))
    return
  }
  if (node.type !== ELEMENT_NODE && node.type !== 0) {
    return
  }
  const name = node.type === ELEMENT_NODE ? String(node.name).toLowerCase() : ''
  const attrs = node.type === ELEMENT_NODE ? node.attributes ?? {} : {}
  if (SKIP.has(name) || 'data-pagefind-ignore' in attrs || 'hidden' in attrs || attrs['aria-hidden'] === 'true') return
  if (BLOCK.has(name)) out.push(' ')
  for (const child of node.children ?? []) textOf(child, out)
  if (BLOCK.has(name)) out.push(' ')
}

function findMain(node: Node): Node | undefined {
  if (node.type === ELEMENT_NODE && String(node.name).toLowerCase() === 'main') return node
  for (const child of node.children ?? []) {
    const found = findMain(child)
    if (found) return found
  }
  return undefined
}

/** Positions (UTF-16 indices) of `letter` in `text`, comma-separated. */
const positionsOf = (text: string, letter: string) => {
  const out: number[] = []
  for (let i = text.indexOf(letter); i !== -1; i = text.indexOf(letter, i + 1)) out.push(i)
  return out.join(',')
}

/** The readable text of a page's <main>, whitespace collapsed (undefined when it has none). */
export function mainText(html: string): string | undefined {
  return mainOf(html)?.text
}

function mainOf(html: string): { text: string; facts: SearchFacts } | undefined {
  const main = findMain(parse(html))
  if (!main) return undefined
  const attr = main.type === ELEMENT_NODE ? main.attributes?.['data-search-facts'] : undefined
  const out: string[] = []
  textOf(main, out)
  return { text: out.join('').replace(/\s+/g, ' ').trim().normalize('NFC'), facts: parseSearchFacts(attr ? decode(attr) : undefined) }
}

/** A page's record, and its facts for the search catalogue (search-catalog.ts), not indexed. */
export function recordFromHtml(pathname: string, html: string): (SearchRecord & { facts: SearchFacts }) | undefined {
  const section = sectionOf(pathname)
  if (!section) return undefined
  const main = mainOf(html)
  if (main === undefined) return undefined
  const { text: original, facts } = main
  // The page's own title (Base's `title`, also its og:title), else its h1.
  const heading = /<meta property="og:title" content="([^"]*)"/i.exec(html)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1] ?? ''
  const title = decode(heading.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim().normalize('NFC')
  return {
    facts,
    url: pathname,
    content: foldDStroke(original),
    language: 'vi',
    meta: {
      title,
      section,
      // Where the index text had đ / Đ: the browser puts them back for display.
      d: positionsOf(original, 'đ'),
      D: positionsOf(original, 'Đ'),
    },
    filters: {
      'Mục': [section],
      ...(facts.year ? { 'Năm': [String(facts.year)] } : {}),
      ...(facts.orgs?.length ? { 'Cơ quan': facts.orgs } : {}),
      ...(facts.type ? { 'Loại văn bản': [facts.type] } : {}),
    },
  }
}
