import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`pages\` ADD \`language\` text DEFAULT 'vi';`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_language\` text DEFAULT 'vi';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`language\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_language\`;`)
}
