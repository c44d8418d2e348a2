/**
 * The matching context read from content/ (organisations and documents of the seed corpus), for
 * the CLI and the benchmark, which run without a CMS. The CMS endpoint builds it from the database.
 */
import fs from 'node:fs'
import path from 'node:path'

import { parse as parseYaml } from 'yaml'

import type { ImportContext } from './types.ts'

export type ContentPlan = Record<string, any> & { key: string }

export function readContentPlans(contentDir: string): ContentPlan[] {
  const dir = path.join(contentDir, 'plans')
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8')
      const front = text.match(/^---\r?\n([\s\S]*?)\r?\n---/)
      return parseYaml(front ? front[1] : '') as ContentPlan
    })
}

export function contentContext(contentDir: string): ImportContext {
  const organizations = parseYaml(fs.readFileSync(path.join(contentDir, 'organizations.yaml'), 'utf8')) as ImportContext['organizations']
  const plans = readContentPlans(contentDir).map((p) => ({ key: p.key, documentNumber: p.documentNumber ?? null }))
  return { organizations, plans }
}
