/**
 * Editor → portal in a real browser: an editor signs in to the admin, writes and publishes a
 * news item, and reads it on the portal once the rebuild has gone live. Comes with the
 * publishing pipeline (it needs the CMS server and the rebuild queue running).
 */
import { test } from 'vitest'

test.todo('an editor publishes news in the admin and reads it on the portal')
