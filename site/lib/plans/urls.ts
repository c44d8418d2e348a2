/** URLs of the /van-ban/ and /co-quan/ pages and of the filtered document listings. */
import type { Indicator, Organization, Plan, Topic } from '../../../cms/payload-types'

export const plansUrl = '/van-ban/'
export const organizationsUrl = '/co-quan/'
export const planUrl = (plan: Pick<Plan, 'slug' | 'id'>) => `/van-ban/${plan.slug ?? plan.id}/`
export const organizationUrl = (org: Pick<Organization, 'slug' | 'id'>) => `/co-quan/${org.slug ?? org.id}/`
/** Indicator progress page (built in the /tien-do/ section). */
export const indicatorUrl = (indicator: Pick<Indicator, 'slug' | 'id'>) => `/tien-do/${indicator.slug ?? indicator.id}/`
/** Path segment of each filter's static listing pages (/van-ban/<segment>/<value>/). */
export const filterSegments = { year: 'nam', type: 'loai', issuer: 'co-quan', topic: 'chu-de' } as const
const filterUrl = (kind: keyof typeof filterSegments, value: string | number) => `/van-ban/${filterSegments[kind]}/${value}/`
export const yearFilterUrl = (year: number) => filterUrl('year', year)
export const typeFilterUrl = (type: string) => filterUrl('type', type)
export const issuerFilterUrl = (org: Pick<Organization, 'slug' | 'id'>) => filterUrl('issuer', org.slug ?? org.id)
export const topicFilterUrl = (topic: Pick<Topic, 'slug' | 'id'>) => filterUrl('topic', topic.slug ?? topic.id)
