/**
 * Global setup of the browser tests: a fresh database seeded from content/, one real portal
 * build (SITE_URL = the port it is then served on) and the portal server. Tests read the
 * portal's URL with `inject('portalUrl')`.
 */
import type { TestProject } from 'vitest/node'

import { seed } from '../../cms/seed'
import { startTestCms } from '../helpers/payload'
import { buildPortal } from '../helpers/portal'
import { freePort, serveBuild } from '../helpers/serve-build'

declare module 'vitest' {
  export interface ProvidedContext {
    portalUrl: string
    /** The build served at portalUrl (a release: client/ and server/). */
    portalOutDir: string
  }
}

export default async function setup(project: TestProject) {
  const cms = await startTestCms()
  await seed(cms.payload)
  const port = await freePort()
  const build = await buildPortal(cms.dbFile, { PORTAL_NOW: '2026-08-20', SITE_URL: `http://127.0.0.1:${port}` })
  const served = await serveBuild(build.outDir, port)
  project.provide('portalUrl', served.url)
  project.provide('portalOutDir', build.outDir)
  return async () => {
    await served.close()
    build.remove()
    await cms.cleanup()
  }
}
