/**
 * Keeps what a partial publish (site/scripts/partial-release.ts) needs from a full build, in
 * `<outDir>/partial/` (beside client/ and server/, not public):
 *  - the prerender bundle Astro renders static pages with (Astro deletes it after the build),
 *    its content data included — the same code and data a full build renders with;
 *  - every prerendered path with its route and cache key (site/lib/cache-keys.ts);
 *  - each page's stylesheets and the head scripts, which Astro's build keeps outside the bundle.
 * Taken in `astro:build:generated` (every page written, the bundle not yet deleted); it changes
 * nothing Astro renders. Off unless PORTAL_KEEP_PRERENDER=1 (release.ts sets it).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import type { AstroIntegration } from 'astro'

import { codeFingerprint } from '../scripts/code-fingerprint.ts'

export const PARTIAL_DIR = 'partial'
export const PARTIAL_STATE = 'state.json'

/** One prerendered path as the full build produced it. */
export type KeptPath = { pathname: string; route: string; component: string; cacheKey?: string }

/** What a partial publish needs besides the bundle. */
export type KeptState = {
  /** The prerender entry, relative to `partial/prerender/`. */
  entry: string
  paths: KeptPath[]
  /** pageData key (route + component) → the page's stylesheets, as Astro's build had them. */
  styles: Record<string, unknown[]>
  scripts: unknown[]
  /** What @astrojs/sitemap reads of the resolved config, and the static page routes it adds. */
  site: { site?: string; base: string; trailingSlash: string; format: string; assetsPrefix?: unknown; imageService: string; assets: string }
  staticPageRoutes: string[]
  /** When the content this state holds was read (ISO): media changed since make a full build. */
  builtAt?: string
  /** Fingerprint of the code the bundle came from (site/scripts/partial-release.ts). */
  code?: string
}

type BuildApp = {
  getOptions(): { allPages: Record<string, { key?: string; styles: unknown[] }>; settings: { scripts: unknown[] } }
}

export default function keepPrerender(): AstroIntegration {
  let outDir = ''
  let site: KeptState['site'] = { base: '/', trailingSlash: 'ignore', format: 'directory', imageService: '', assets: '_astro' }
  let staticPageRoutes: string[] = []
  return {
    name: 'portal-keep-prerender',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir)
        site = {
          site: config.site,
          base: config.base,
          trailingSlash: config.trailingSlash,
          format: config.build.format,
          assetsPrefix: config.build.assetsPrefix,
          imageService: config.image.service.entrypoint,
          assets: config.build.assets,
        }
      },
      'astro:routes:resolved': ({ routes }) => {
        // As @astrojs/sitemap takes them: page routes with a fixed path (on-demand ones too).
        staticPageRoutes = routes.filter((r) => r.type === 'page').flatMap((r) => [r, ...(r.fallbackRoutes ?? [])]).filter((r) => r.pathname).map((r) => r.generate(r.pathname!))
      },
      // After every page is written and before Astro deletes its prerender bundle.
      'astro:build:generated': async () => {
        if (process.env.PORTAL_KEEP_PRERENDER !== '1') return
        const keep = path.join(outDir, PARTIAL_DIR)
        const bundle = [path.join(outDir, 'server', '.prerender'), path.join(outDir, '.prerender')].find((dir) => fs.existsSync(dir))
        if (!bundle) throw new Error('keep-prerender: không thấy thư mục .prerender của Astro')
        const entry = fs.readdirSync(bundle).find((name) => name.startsWith('prerender-entry') && name.endsWith('.mjs'))
        if (!entry) throw new Error('keep-prerender: không thấy prerender-entry')
        // The same module instance Astro's prerenderer imported: its app has the build's options.
        const { app } = (await import(pathToFileURL(path.join(bundle, entry)).href)) as { app: BuildApp }
        const { StaticPaths } = (await import('astro/runtime/prerender/static-paths.js')) as unknown as {
          StaticPaths: new (app: unknown) => { getAll(): Promise<{ pathname: string; route: { route: string; component: string }; cacheKey?: string }[]> }
        }
        const state: KeptState = { entry, paths: [], styles: {}, scripts: [], site, staticPageRoutes, code: codeFingerprint(), builtAt: new Date(performance.timeOrigin).toISOString() }
        // getStaticPaths() results are cached for the build: this lists what was just rendered.
        for (const { pathname, route, cacheKey } of await new StaticPaths(app).getAll()) {
          state.paths.push({ pathname, route: route.route, component: route.component, cacheKey })
        }
        const options = app.getOptions()
        for (const page of Object.values(options.allPages)) state.styles[page.key ?? ''] = page.styles
        state.scripts = options.settings.scripts
        fs.rmSync(keep, { recursive: true, force: true })
        fs.cpSync(bundle, path.join(keep, 'prerender'), { recursive: true })
        fs.writeFileSync(path.join(keep, PARTIAL_STATE), JSON.stringify(state))
      },
    },
  }
}
