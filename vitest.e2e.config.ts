// Browser tests (tests/e2e): one real portal build, served, driven through Debian's Chromium
// with playwright-core. `npm run test:e2e`; needs /usr/bin/chromium (`apt-get install chromium`).
import { defineConfig } from 'vitest/config'

import base from './vitest.config.ts'

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['tests/e2e/setup.ts'],
    // The files share one build, one server and the machine's two cores.
    fileParallelism: false,
  },
})
