/** The proposal in the shape `import:document --json` prints (the issue's contract). */
import type { ProposedDocument } from './types.ts'

export function summarize(doc: ProposedDocument) {
  return {
    number: doc.number,
    type: doc.type,
    title: doc.title,
    issueDate: doc.issueDate,
    place: doc.place,
    issuers: doc.issuers,
    signer: doc.signer,
    legalBasis: doc.legalBasis.map(({ number, date, issuer, title }) => ({ number, date, issuer, title })),
    tasks: doc.tasks.map((t) => ({
      content: t.content,
      lead: t.lead,
      coordinating: t.coordinating.map((c) => c.name),
      timeFrame: t.timeFrame,
      dueStart: t.dueStart,
      dueEnd: t.dueEnd,
    })),
    recipients: doc.recipients,
  }
}
