import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`plans\` ADD \`full_text\` text;`)
  await db.run(sql`ALTER TABLE \`_plans_v\` ADD \`version_full_text\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`plans\` DROP COLUMN \`full_text\`;`)
  await db.run(sql`ALTER TABLE \`_plans_v\` DROP COLUMN \`version_full_text\`;`)
}
