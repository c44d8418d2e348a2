/**
 * JSON-LD is printed inside <script type="application/ld+json">: no value may end that element,
 * and what a reader of the JSON gets back is the value as written.
 */
import { describe, expect, it } from 'vitest'

import { jsonLdScript } from '../site/lib/json-ld'

describe('jsonLdScript', () => {
  it('writes < as \\u003c so a value cannot close the script element or open a comment', () => {
    const name = 'Tin </script><script>alert(1)</script> <!-- “Khuyến học” & “Khuyến tài”'
    const printed = jsonLdScript({ '@context': 'https://schema.org', '@type': 'NewsArticle', name })
    expect(printed).not.toMatch(/<\/script|<!--|</i)
    expect(JSON.parse(printed).name).toBe(name)
  })
})
