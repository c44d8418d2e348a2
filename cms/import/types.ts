/**
 * What the importer proposes for one official document. Every field is a proposal that staff
 * check against the source text before anything is saved; `null` where the text gives no value.
 */
export type ProposedOrganization = {
  /** As printed (or as the text names it). */
  name: string
  /** Key of the matching organisation in the CMS, or null: proposed as new. */
  organization: string | null
}

export type ProposedSigner = { name: string | null; title: string | null; authority: string | null }

export type ProposedCitation = {
  number: string | null
  /** YYYY-MM-DD */
  date: string | null
  issuer: string | null
  title: string | null
  /** Key of the cited document when the CMS has it. */
  plan: string | null
}

export type ProposedTask = {
  content: string
  /** The lead body as printed, and its organisation when one matches. */
  lead: string | null
  leadOrganization: string | null
  coordinating: ProposedOrganization[]
  /** As printed. */
  coordinatingText: string | null
  timeFrame: string | null
  dueStart: string | null
  dueEnd: string | null
  /** The heading or table the task comes from. */
  group: string | null
}

export type DocumentType = 'plan' | 'decision' | 'dispatch' | 'directive' | 'guidance' | 'resolution' | 'notice' | 'report'

export type ProposedSection = { heading: string | null; text: string }

export type ProposedDocument = {
  number: string | null
  type: DocumentType | null
  title: string | null
  issueDate: string | null
  /** As printed: "ngày 04 tháng 4 năm 2023", also partial ("ngày … tháng 5 năm 2024"). */
  issueDateText: string | null
  year: number | null
  place: string | null
  issuers: ProposedOrganization[]
  signer: ProposedSigner
  legalBasis: ProposedCitation[]
  tasks: ProposedTask[]
  recipients: ProposedOrganization[]
  /** The body between the opening and the signature, split at its headings. */
  sections: ProposedSection[]
  /** This document's part of the source text, for showing beside the proposal. */
  sourceText: string
  /** Things staff should look at (e.g. an appendix number that differs from the document's). */
  warnings: string[]
}

/** What the importer may match against: organisations and documents already in the CMS. */
export type ImportContext = {
  organizations: { key: string; name: string; shortName?: string | null; province?: string | null }[]
  plans: { key: string; documentNumber?: string | null }[]
}

export const emptyContext: ImportContext = { organizations: [], plans: [] }
