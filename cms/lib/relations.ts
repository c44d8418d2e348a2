/**
 * Relationship values come back from Payload as a bare id (depth 0, or a document the reader may
 * not see) or as the populated document. One helper reads the id of either, in the CMS and the portal.
 */
export type Id = number | string

/** Id of a relationship value, populated (`{ id, … }`) or not (`id`); undefined when empty. */
export function relationId<I extends Id>(value: I | { id: I } | null | undefined): I | undefined
export function relationId(value: unknown): Id | undefined
export function relationId(value: unknown): Id | undefined {
  if (value == null) return undefined
  if (typeof value === 'object') return (value as { id?: Id }).id
  return value as Id
}
