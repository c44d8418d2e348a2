/** Input shapes: the parts of the Payload documents the progress pages use. */

/** Numeric on SQLite, an ObjectId string on MongoDB. */
export type Id = number | string

export type Direction = 'higher-is-better' | 'lower-is-better'

export interface PlanLike {
  id: Id
  slug?: string | null
  documentNumber?: string | null
  title?: string | null
  tasks?: TaskLike[] | null
}

export interface TaskLike {
  /** The row id: what progress updates refer to. */
  id?: string | null
  status?: string | null
  timeFrame?: string | null
  dueStart?: string | null
  dueEnd?: string | null
}

export interface IndicatorLike {
  id: Id
  slug?: string | null
  code: string
  name: string
  unit: string
  direction: Direction | string
  description?: string | null
  topics?: (Id | { id: Id; name: string; slug?: string | null })[] | null
  targets?:
    | {
        year: number
        scope: string
        value: number
        sourcePlan?: Id | PlanLike | null
        note?: string | null
      }[]
    | null
}

export interface ReportLike {
  id: Id
  indicator: Id | { id: Id }
  year: number
  periodLabel?: string | null
  locality: string
  value: number
  reportingOrganization?: Id | { id: Id; name?: string | null } | null
  source?: string | null
  note?: string | null
  illustrative?: boolean | null
}
