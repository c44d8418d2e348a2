/**
 * A built portal's search at scale, as readers meet it: served by the portal's own server,
 * the server-rendered /tim-kiem/?q= and Debian's Chromium typing the same queries. Returns
 * lines to print: bytes of the first query in a fresh browser (a broad query matching half
 * the synthetic items, then a narrow one), whether each finds its page first, and whether
 * the browser's order equals the server's.
 */
import { launchBrowser } from '../tests/e2e/browser.ts'
import { freePort, serveBuild } from '../tests/helpers/serve-build.ts'

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

/** Result titles of a rendered search page, in order. */
const resultTitles = (html: string) =>
  [...(/<ol id="search-results"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '').matchAll(/<h2><a href="[^"]+"[^>]*>([^<]*)</g)].map((m) => m[1])

export async function firstQueryBytes(outDir: string, synthetic: number): Promise<string[]> {
  // The last synthetic news item and honouree (bench/synthetic.ts names them).
  const lastNews = synthetic - (synthetic % 2 === 0 ? 1 : 2)
  const lastHonouree = synthetic - (synthetic % 2 === 0 ? 2 : 1)
  const queries = [
    { q: 'gia dinh hoc tap', expect: undefined },
    { q: `tin tong hop so ${lastNews}`, expect: `Tin tổng hợp số ${lastNews} về phong trào khuyến học` },
    { q: `gia đình học tập mẫu số ${lastHonouree}`, expect: `Gia đình học tập mẫu số ${lastHonouree}` },
  ].filter((x) => synthetic > 2 || !x.expect)
  const served = await serveBuild(outDir, await freePort())
  const lines: string[] = []
  const browser = await launchBrowser()
  try {
    for (const { q, expect } of queries) {
      const started = performance.now()
      const html = await (await fetch(`${served.url}/tim-kiem/?q=${encodeURIComponent(q)}`)).text()
      const serverMs = performance.now() - started
      const server = resultTitles(html)
      const total = /Tìm thấy (\d+) kết quả/.exec(html)?.[1] ?? '0'
      // A fresh browser context per query: nothing cached, so this is a reader's first query.
      const context = await browser.newContext()
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      let bytes = 0
      cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength))
      await page.goto(`${served.url}/tim-kiem/`, { waitUntil: 'networkidle' })
      bytes = 0
      const t = performance.now()
      await page.locator('#q').fill(q)
      await page.locator('#q').press('Enter')
      await page.waitForFunction(
        (query) => {
          const status = document.getElementById('search-status')?.textContent ?? ''
          return status.includes(`“${query}”`) && !status.includes('Đang tìm')
        },
        q,
        { timeout: 120_000 },
      )
      const browserMs = performance.now() - t
      await page.waitForLoadState('networkidle')
      const titles = await page.locator('#search-results > li h2 a').evaluateAll((links) => links.map((a) => a.textContent ?? ''))
      await context.close()
      const same = JSON.stringify(titles) === JSON.stringify(server)
      const found = expect ? (server[0] === expect ? 'found first' : `NOT first (got “${server[0] ?? 'nothing'}”)`) : `${total} results`
      lines.push(
        `first query “${q}”: ${kb(bytes)} in the browser (${(browserMs / 1000).toFixed(1)} s); server ${(serverMs / 1000).toFixed(1)} s; ${found}; browser order ${same ? 'equals' : 'DIFFERS FROM'} the server's`,
      )
    }
  } finally {
    await browser.close()
    await served.close()
  }
  return lines
}
