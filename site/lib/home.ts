/**
 * Home page figures: a few headline indicators. Every value, target and status shown is a
 * card of the /tien-do/ dashboard (`progressCards()` in progress.ts, the single source of
 * truth), so the home page and the dashboard never disagree; this module only chooses
 * which cards to show.
 */
import { foldVietnamese } from '../../cms/lib/vietnamese'
import { compareIds, progressCards, type DataRow, type IndicatorLike, type ProgressCard } from './progress'

/** The learning-model indicators (gia đình, dòng họ, cộng đồng, đơn vị học tập), shown first. */
export const LEARNING_MODEL_CODES = ['GĐHT', 'DHHT', 'CĐHT', 'ĐVHT'] as const

/** A code compared without diacritics or case: "GĐHT" and the "GDHT" some tables print are one code. */
export const codeKey = (code: string) => foldVietnamese(code).replace(/\s+/g, '').toUpperCase()

const MODEL_KEYS = LEARNING_MODEL_CODES.map(codeKey)

/** Position among the learning-model indicators, or after them all. */
const modelRank = (code: string) => {
  const i = MODEL_KEYS.indexOf(codeKey(code))
  return i === -1 ? MODEL_KEYS.length : i
}

/** 0: an actual value compared with targets of its year, 1: an actual value only, 2: no data. */
const dataRank = (card: ProgressCard) => (card.latestActual ? (card.results.length ? 0 : 1) : 2)

/**
 * An indicator's card for the home page: of its cards (one per scope), the one with the most
 * to show (an actual value compared with targets, else an actual value), then the most recent
 * actual value, then the dashboard's order.
 */
export function headlineCard(indicator: IndicatorLike, rows: readonly DataRow[]): ProgressCard | undefined {
  const cards = progressCards(indicator, rows)
  return cards
    .map((card, index) => ({ card, index }))
    .sort(
      (a, b) =>
        dataRank(a.card) - dataRank(b.card) ||
        (b.card.latestActual?.year ?? 0) - (a.card.latestActual?.year ?? 0) ||
        a.index - b.index,
    )[0]?.card
}

/**
 * Up to `n` headline cards, one per indicator: indicators with an actual value first, among
 * them the learning-model indicators (GĐHT, DHHT, CĐHT, ĐVHT) first, then those whose value
 * is compared with a target, then creation order.
 */
export function headlineCards(indicators: readonly IndicatorLike[], rows: readonly DataRow[], n = 4): ProgressCard[] {
  const candidates = indicators.flatMap((indicator) => {
    const card = headlineCard(indicator, rows)
    return card ? [{ indicator, card }] : []
  })
  return candidates
    .sort(
      (a, b) =>
        (a.card.latestActual ? 0 : 1) - (b.card.latestActual ? 0 : 1) ||
        modelRank(a.indicator.code) - modelRank(b.indicator.code) ||
        dataRank(a.card) - dataRank(b.card) ||
        compareIds(a.indicator.id, b.indicator.id),
    )
    .slice(0, Math.max(0, n))
    .map((c) => c.card)
}
