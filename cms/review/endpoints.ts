/**
 * The review actions of a reviewable collection (REST; GraphQL has no counterpart):
 * - POST /api/<collection>/:id/review/submit  { comment? } — the latest draft goes to review;
 * - POST /api/<collection>/:id/review/return  { comment }  — editors: back to the submitter;
 * - POST /api/<collection>/:id/review/approve { comment? } — editors: publish the latest draft.
 * Who may: the policy table's submitReview / returnReview / approveReview cells. Each action
 * saves the item and records its step in one transaction.
 */
import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'
import { addDataAndFileToRequest, commitTransaction, initTransaction, killTransaction, ValidationError } from 'payload'

import { coversOrganization, grantFor, policyRoleOf, type Grant } from '../access/policy'
import { recordReviewEvent } from './events'
import { REVIEW_ACTION } from './hooks'
import { MAX_REVIEW_COMMENT, reviewMessages, type ReviewStatus } from './status'

export type ReviewRules = { submitReview: readonly Grant[]; returnReview: readonly Grant[]; approveReview: readonly Grant[] }
export type ReviewOptions = {
  /** The relationship naming the organisation an item belongs to (own- and lead-organization grants). */
  organizationField?: string
}

type Step = 'submit' | 'return' | 'approve'
const cell = { submit: 'submitReview', return: 'returnReview', approve: 'approveReview' } as const

const answer = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
const refuse = (status: number, message: string) => answer(status, { errors: [{ message }] })

async function readComment(req: PayloadRequest): Promise<{ ok: true; comment: string } | { ok: false }> {
  const type = req.headers.get('content-type') ?? ''
  if (type) {
    try {
      await addDataAndFileToRequest(req)
    } catch {
      return { ok: false }
    }
  }
  const data = req.data ?? {}
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false }
  const comment = (data as { comment?: unknown }).comment
  if (comment != null && typeof comment !== 'string') return { ok: false }
  return { ok: true, comment: (comment ?? '').normalize('NFC').trim() }
}

type Item = Record<string, unknown> & { id: number | string; reviewStatus?: ReviewStatus | null; reviewSubmittedBy?: unknown }

function reviewEndpoint(slug: CollectionSlug, step: Step, rules: ReviewRules, options: ReviewOptions): Endpoint {
  return {
    path: `/:id/review/${step}`,
    method: 'post',
    handler: async (req) => {
      const grant = grantFor(rules[cell[step]], policyRoleOf(req.user))
      if (!req.user) return refuse(401, reviewMessages.signIn)
      if (grant === false) return refuse(403, step === 'submit' ? reviewMessages.submitRefused : reviewMessages.editorsOnly)
      const id = String(req.routeParams?.id ?? '')
      if (!/^\d+$|^[0-9a-f]{24}$/i.test(id)) return refuse(404, reviewMessages.notFound)
      const body = await readComment(req)
      if (!body.ok) return refuse(400, reviewMessages.badBody)
      const { comment } = body
      if (comment.length > MAX_REVIEW_COMMENT) return refuse(400, reviewMessages.commentTooLong)
      if (step === 'return' && !comment) return refuse(400, reviewMessages.commentRequired)

      // The latest draft: what is sent, returned or published.
      const item = (await req.payload.findByID({ collection: slug, id, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })) as Item | null
      if (!item) return refuse(404, reviewMessages.notFound)
      const organization = options.organizationField ? item[options.organizationField] : undefined
      if (grant === 'own-organization' || grant === 'lead-organization') {
        if (!coversOrganization(req.user, organization)) return refuse(403, reviewMessages.otherOrganization)
      } else if (grant !== true) return refuse(403, reviewMessages.submitRefused)
      if (step === 'submit' && item.reviewStatus === 'submitted') return refuse(409, reviewMessages.alreadySubmitted)
      if (step === 'return' && item.reviewStatus !== 'submitted') return refuse(409, reviewMessages.notSubmitted)

      const shouldCommit = await initTransaction(req)
      try {
        const common = { collection: slug, id, depth: 0, req, context: { [REVIEW_ACTION]: step } } as const
        if (step === 'approve') {
          // Payload's own publish of the latest draft, with the editor's rights: the publish
          // rule, validation and the portal rebuild hooks all apply.
          await req.payload.update({ ...common, data: { _status: 'published' } as never, draft: false, overrideAccess: false, user: req.user })
        } else {
          const data =
            step === 'submit'
              ? { _status: 'draft', reviewStatus: 'submitted', reviewSubmittedBy: req.user.id }
              : { _status: 'draft', reviewStatus: 'returned', reviewComment: comment }
          await req.payload.update({ ...common, data: data as never, draft: true, overrideAccess: true })
        }
        await recordReviewEvent(req.payload, req, {
          collection: slug,
          id,
          action: step === 'submit' ? 'submitted' : step === 'return' ? 'returned' : 'approved',
          comment,
          submitter: step === 'submit' ? req.user.id : item.reviewSubmittedBy,
          organization,
        })
        if (shouldCommit) await commitTransaction(req)
      } catch (error) {
        await killTransaction(req)
        if (error instanceof ValidationError) return refuse(400, error.data.errors.map((e) => e.message).join('; '))
        throw error
      }
      return answer(200, { message: reviewMessages[step === 'submit' ? 'submitted' : step === 'return' ? 'returned' : 'approved'] })
    },
  }
}

export const reviewEndpoints = (slug: CollectionSlug, rules: ReviewRules, options: ReviewOptions = {}): Endpoint[] =>
  (['submit', 'return', 'approve'] as const).map((step) => reviewEndpoint(slug, step, rules, options))
