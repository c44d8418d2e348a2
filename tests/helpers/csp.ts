/**
 * Content-Security-Policy checks on real HTML: which policies a document gets (response
 * headers and `<meta http-equiv>`), and whether every inline script and style in it is
 * allowed by hash, with no 'unsafe-inline' for scripts.
 */
import crypto from 'node:crypto'

export type Policy = Map<string, string[]>

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map()
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), values)
  }
  return policy
}

const decodeAttribute = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')

/** Policies from `<meta http-equiv="content-security-policy">`, with where each meta starts. */
export function metaPolicies(html: string): { policy: Policy; index: number }[] {
  const found: { policy: Policy; index: number }[] = []
  for (const match of html.matchAll(/<meta\b[^>]*http-equiv="content-security-policy"[^>]*>/gi)) {
    const content = /content="([^"]*)"/i.exec(match[0])
    if (content) found.push({ policy: parsePolicy(decodeAttribute(content[1])), index: match.index })
  }
  return found
}

/** Types a browser runs as script (a JSON-LD block is data: CSP does not apply to it). */
const EXECUTABLE = /^(|module|text\/javascript|application\/javascript)$/i

export type InlineBlock = { kind: 'script' | 'style'; text: string; index: number; hash: string }

export function inlineBlocks(html: string): InlineBlock[] {
  const blocks: InlineBlock[] = []
  for (const match of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
    const [, tag, attributes, text] = match
    if (/\bsrc=/i.test(attributes)) continue
    const type = /\btype="([^"]*)"/i.exec(attributes)?.[1] ?? ''
    if (tag.toLowerCase() === 'script' && !EXECUTABLE.test(type.trim())) continue
    const hash = `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`
    blocks.push({ kind: tag.toLowerCase() as 'script' | 'style', text, index: match.index, hash })
  }
  return blocks
}

/** The sources a policy allows for inline `<script>`/`<style>` elements (the -elem directive wins). */
function elementSources(policy: Policy, kind: 'script' | 'style'): string[] | undefined {
  return policy.get(`${kind}-src-elem`) ?? policy.get(`${kind}-src`) ?? policy.get('default-src')
}

/**
 * Problems with a document's coverage, empty when it is covered: at least one policy has a
 * script-src without 'unsafe-inline'; a <meta> policy comes before any script; every inline
 * script and style is allowed by every policy that restricts it.
 */
export function cspProblems(html: string, headerPolicies: string[] = []): string[] {
  const problems: string[] = []
  const metas = metaPolicies(html)
  const policies = [...headerPolicies.map(parsePolicy), ...metas.map((m) => m.policy)]
  const scriptPolicies = policies.filter((p) => p.has('script-src'))
  if (scriptPolicies.length === 0) problems.push('no policy with script-src')
  for (const policy of scriptPolicies) {
    if (policy.get('script-src')!.includes("'unsafe-inline'")) problems.push("script-src allows 'unsafe-inline'")
  }
  if (!policies.some((p) => p.get('object-src')?.join(' ') === "'none'")) problems.push("no object-src 'none'")
  if (!policies.some((p) => p.has('base-uri'))) problems.push('no base-uri')
  const blocks = inlineBlocks(html)
  // A <meta> policy governs only what the parser meets after it (JSON-LD data blocks do not run).
  const firstScript = [...html.matchAll(/<script\b([^>]*)>/gi)].find((m) => EXECUTABLE.test(/\btype="([^"]*)"/i.exec(m[1])?.[1]?.trim() ?? ''))?.index
  if (metas.length && firstScript !== undefined && firstScript < metas[0].index) {
    problems.push('a script comes before the <meta> policy')
  }
  for (const block of blocks) {
    for (const policy of policies) {
      const sources = elementSources(policy, block.kind)
      if (sources && !sources.includes(block.hash) && !(block.kind === 'style' && sources.includes("'unsafe-inline'") && !sources.some((s) => s.startsWith("'sha")))) {
        problems.push(`inline ${block.kind} ${block.hash} not allowed: ${block.text.slice(0, 60)}`)
      }
    }
  }
  return problems
}
