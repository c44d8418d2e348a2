/**
 * A document as the public would see it: every field whose read access an anonymous
 * reader fails (consent records, private contacts, and any staff-only field added later)
 * is removed, in the document and in the related documents populated into it; a related
 * account (a news item's author) is left as its id, as accounts are never public. The draft
 * preview uses this: its link is a bearer token that may be forwarded, so it must show
 * what the published page would, nothing more.
 */
import type { CollectionSlug, Field, FlattenedBlock, PayloadRequest } from 'payload'

type Data = Record<string, unknown>

/** `req` as an anonymous reader: same Payload, no user. */
const anonymous = (req: PayloadRequest): PayloadRequest => ({ ...req, user: null }) as PayloadRequest

const isObject = (value: unknown): value is Data => Boolean(value) && typeof value === 'object' && !Array.isArray(value)

async function publicRead(field: Field, req: PayloadRequest, doc: Data, siblingData: Data, id: unknown): Promise<boolean> {
  const read = 'access' in field ? field.access?.read : undefined
  if (!read) return true
  return Boolean(await read({ req, doc, data: doc, siblingData, id: id as string } as never))
}

/** A populated relation (`{ id, … }` or `{ relationTo, value: { id, … } }`) stripped as its own collection. */
async function stripRelated(value: unknown, relationTo: string | string[], req: PayloadRequest, depth: number): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((item) => stripRelated(item, relationTo, req, depth)))
  if (!isObject(value)) return value
  if (Array.isArray(relationTo)) {
    if (typeof value.relationTo === 'string' && isObject(value.value)) {
      return { ...value, value: await stripDocument(value.relationTo, value.value, req, depth) }
    }
    return value
  }
  if (isObject(value) && Array.isArray(value.docs)) {
    // A join field: { docs: [...], hasNextPage }
    return { ...value, docs: await stripRelated(value.docs, relationTo, req, depth) }
  }
  return stripDocument(relationTo, value, req, depth)
}

async function stripFields(fields: Field[], data: Data, req: PayloadRequest, doc: Data, depth: number): Promise<Data> {
  let out: Data = { ...data }
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          if (isObject(out[tab.name])) out[tab.name] = await stripFields(tab.fields, out[tab.name] as Data, req, doc, depth)
        } else out = await stripFields(tab.fields, out, req, doc, depth)
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      // Rows, collapsibles, unnamed groups: their fields sit at this level (and a removal
      // there must remove from this level, so the result replaces it).
      if ('fields' in field) out = await stripFields(field.fields, out, req, doc, depth)
      continue
    }
    const name = field.name
    if (!(name in out)) continue
    if (!(await publicRead(field, req, doc, out, doc.id))) {
      delete out[name]
      continue
    }
    const value = out[name]
    if (field.type === 'group' && isObject(value)) out[name] = await stripFields(field.fields, value, req, doc, depth)
    else if (field.type === 'array' && Array.isArray(value)) {
      out[name] = await Promise.all(value.map((row) => (isObject(row) ? stripFields(field.fields, row, req, doc, depth) : row)))
    } else if (field.type === 'blocks' && Array.isArray(value)) {
      const blocks = (field.blocks ?? []) as FlattenedBlock[]
      out[name] = await Promise.all(
        value.map((row) => {
          const block = isObject(row) ? blocks.find((b) => b.slug === row.blockType) : undefined
          return block && isObject(row) ? stripFields(block.fields, row, req, doc, depth) : row
        }),
      )
    } else if ((field.type === 'relationship' || field.type === 'upload' || field.type === 'join') && depth > 0) {
      const relationTo = field.type === 'join' ? field.collection : field.relationTo
      out[name] = await stripRelated(value, relationTo as string | string[], req, depth - 1)
    }
  }
  return out
}

/** `doc` of `collection` without the fields an anonymous reader may not read; `depth` levels of relations too. */
export async function stripStaffOnlyFields(collection: string, doc: Data, req: PayloadRequest, depth = 2): Promise<Data> {
  const config = req.payload.collections[collection as CollectionSlug]?.config
  return config ? stripFields(config.fields, doc, anonymous(req), doc, depth) : doc
}

async function stripDocument(collection: string, doc: Data, req: PayloadRequest, depth: number): Promise<Data | unknown> {
  const config = req.payload.collections[collection as CollectionSlug]?.config
  if (!config) return doc
  if (config.auth) return doc.id
  return stripFields(config.fields, doc, req, doc, depth)
}
