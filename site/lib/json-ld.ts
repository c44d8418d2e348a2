/**
 * Printing JSON-LD (the objects themselves are built in structured-data.ts). A leaf module, so
 * the layout that prints it pulls in nothing else.
 */
import type { Thing, WithContext } from 'schema-dts'

/** What a page may pass to `Base`: one object, or several. */
export type JsonLd = WithContext<Thing> | WithContext<Thing>[]

/**
 * The JSON for `<script type="application/ld+json">`: `<` is written as `\u003c`, so no value
 * (a title with `</script>` or `<!--`) can end the script element; JSON readers see the same text.
 */
export const jsonLdScript = (data: JsonLd): string => JSON.stringify(data).replace(/</g, '\\u003c')
