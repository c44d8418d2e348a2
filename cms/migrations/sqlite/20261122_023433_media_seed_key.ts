import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`illustrative\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`seed_key\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_seed_key_idx\` ON \`media\` (\`seed_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`media_seed_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`illustrative\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`seed_key\`;`)
}
