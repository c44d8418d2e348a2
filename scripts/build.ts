/** `npm run build`: migrate, seed an empty database, build the portal and its search index into dist/. */
import { buildPortal, prepareDatabase } from './steps.ts'

prepareDatabase()
buildPortal()
