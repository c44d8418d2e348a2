import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`notice_enabled\` integer DEFAULT false,
  	\`notice_text\` text,
  	\`notice_link\` text,
  	\`operator\` text DEFAULT 'Hội Khuyến học tỉnh',
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`footer_note\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`portal_build\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`state\` text DEFAULT 'idle',
  	\`current_started_at\` text,
  	\`current_reasons\` text,
  	\`queued_reasons\` text,
  	\`last_outcome\` text,
  	\`last_success_at\` text,
  	\`last_success_seconds\` numeric,
  	\`last_pages\` numeric,
  	\`last_rendered_pages\` numeric,
  	\`last_release\` text,
  	\`last_success_reasons\` text,
  	\`last_failure_at\` text,
  	\`last_error\` text,
  	\`last_failure_reasons\` text,
  	\`last_log\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`portal_build\`;`)
}
