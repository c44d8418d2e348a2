/**
 * The portal server alone in a process of its own, as `npm start` runs it (scripts/start.ts:
 * the CMS is another process): `node bench/search-front.ts <live link>`. Prints its URL, then
 * serves until killed. Used by bench:search for its headline load figure.
 */
import { freePort, startPortalServer } from '../site/server/serve.ts'

const server = await startPortalServer({ current: process.argv[2], port: await freePort(), host: '127.0.0.1', log: () => {}, pollMs: 3_600_000 })
console.log(server.url)
