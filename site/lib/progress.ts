/**
 * Progress of indicators (chỉ tiêu) and plan tasks: every derivation the /tien-do/ pages,
 * their charts and their CSV/JSON downloads use. Pure functions over CMS documents (as the
 * content layer stores them, depth 1), so templates only lay out what comes from here.
 *
 * The one source of numbers is `indicatorRows()` (targets and actual values as flat rows):
 * the HTML tables, the SVG labels, the CSV and the JSON are all made from its rows.
 */
export * from './progress/types'
export * from './progress/common'
export * from './progress/status'
export * from './progress/rows'
export * from './progress/files'
export * from './progress/comparisons'
export * from './progress/sources'
export * from './progress/dashboard'
export * from './progress/indicator-page'
export * from './progress/chart'
// The Dataset JSON-LD of the progress pages, built with the others in structured-data.ts.
export { datasetJsonLd, type DatasetInput } from './structured-data'
export * from './progress/tasks'
export * from './progress/task-files'
