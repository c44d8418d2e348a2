import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`_indicator_reports_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_indicator_id\` integer,
  	\`version_year\` numeric,
  	\`version_period_label\` text,
  	\`version_locality\` text,
  	\`version_value\` numeric,
  	\`version_reporting_organization_id\` integer,
  	\`version_source\` text,
  	\`version_note\` text,
  	\`version_illustrative\` integer DEFAULT false,
  	\`version_seed_key\` text,
  	\`version_review_status\` text DEFAULT 'editing',
  	\`version_review_submitted_by_id\` integer,
  	\`version_review_comment\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`indicator_reports\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_indicator_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reporting_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_parent_idx\` ON \`_indicator_reports_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_version_version_indicator_idx\` ON \`_indicator_reports_v\` (\`version_indicator_id\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_version_version_reporting_organizat_idx\` ON \`_indicator_reports_v\` (\`version_reporting_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_version_version_seed_key_idx\` ON \`_indicator_reports_v\` (\`version_seed_key\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_version_version_review_status_idx\` ON \`_indicator_reports_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_version_version_review_submitted_by_idx\` ON \`_indicator_reports_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_version_version_updated_at_idx\` ON \`_indicator_reports_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_version_version_created_at_idx\` ON \`_indicator_reports_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_version_version__status_idx\` ON \`_indicator_reports_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_created_at_idx\` ON \`_indicator_reports_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_updated_at_idx\` ON \`_indicator_reports_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_indicator_reports_v_latest_idx\` ON \`_indicator_reports_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`review_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`target_collection\` text NOT NULL,
  	\`target_id\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`comment\` text,
  	\`actor_id\` integer,
  	\`actor_name\` text,
  	\`submitter_id\` integer,
  	\`organization_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitter_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`review_events_target_collection_idx\` ON \`review_events\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`review_events_target_id_idx\` ON \`review_events\` (\`target_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_actor_idx\` ON \`review_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_submitter_idx\` ON \`review_events\` (\`submitter_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_organization_idx\` ON \`review_events\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`review_events_updated_at_idx\` ON \`review_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`review_events_created_at_idx\` ON \`review_events\` (\`created_at\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_indicator_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`indicator_id\` integer,
  	\`year\` numeric,
  	\`period_label\` text,
  	\`locality\` text,
  	\`value\` numeric,
  	\`reporting_organization_id\` integer,
  	\`source\` text,
  	\`note\` text,
  	\`illustrative\` integer DEFAULT false,
  	\`seed_key\` text,
  	\`review_status\` text DEFAULT 'editing',
  	\`review_submitted_by_id\` integer,
  	\`review_comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`indicator_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reporting_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  // Written by hand: drizzle-kit selected the new columns from the old table. The new ones take their defaults here and are set below.
  await db.run(sql`INSERT INTO \`__new_indicator_reports\`("id", "indicator_id", "year", "period_label", "locality", "value", "reporting_organization_id", "source", "note", "illustrative", "seed_key", "updated_at", "created_at") SELECT "id", "indicator_id", "year", "period_label", "locality", "value", "reporting_organization_id", "source", "note", "illustrative", "seed_key", "updated_at", "created_at" FROM \`indicator_reports\`;`)
  await db.run(sql`DROP TABLE \`indicator_reports\`;`)
  await db.run(sql`ALTER TABLE \`__new_indicator_reports\` RENAME TO \`indicator_reports\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`indicator_reports_indicator_idx\` ON \`indicator_reports\` (\`indicator_id\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_reporting_organization_idx\` ON \`indicator_reports\` (\`reporting_organization_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`indicator_reports_seed_key_idx\` ON \`indicator_reports\` (\`seed_key\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_review_status_idx\` ON \`indicator_reports\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_review_submitted_by_idx\` ON \`indicator_reports\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_updated_at_idx\` ON \`indicator_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_created_at_idx\` ON \`indicator_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports__status_idx\` ON \`indicator_reports\` (\`_status\`);`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`plans_review_status_idx\` ON \`plans\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`plans_review_submitted_by_idx\` ON \`plans\` (\`review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_plans_v\` ADD \`version_review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`_plans_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_plans_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_version_review_status_idx\` ON \`_plans_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_version_review_submitted_by_idx\` ON \`_plans_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`campaigns\` ADD \`review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`campaigns\` ADD \`review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`campaigns\` ADD \`review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`campaigns_review_status_idx\` ON \`campaigns\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_review_submitted_by_idx\` ON \`campaigns\` (\`review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_campaigns_v\` ADD \`version_review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`_campaigns_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_campaigns_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_version_version_review_status_idx\` ON \`_campaigns_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_version_version_review_submitted_by_idx\` ON \`_campaigns_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`honourees_review_status_idx\` ON \`honourees\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`honourees_review_submitted_by_idx\` ON \`honourees\` (\`review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_review_status_idx\` ON \`_honourees_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_review_submitted_by_idx\` ON \`_honourees_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`news_review_status_idx\` ON \`news\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`news_review_submitted_by_idx\` ON \`news\` (\`review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_review_status_idx\` ON \`_news_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_review_submitted_by_idx\` ON \`_news_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`pages_review_status_idx\` ON \`pages\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`pages_review_submitted_by_idx\` ON \`pages\` (\`review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_review_status\` text DEFAULT 'editing';`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_review_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_review_status_idx\` ON \`_pages_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_review_submitted_by_idx\` ON \`_pages_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`review_events_id\` integer REFERENCES review_events(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_events_id_idx\` ON \`payload_locked_documents_rels\` (\`review_events_id\`);`)

  // Reports stored before review existed stay public: published and approved, each with its
  // first version (the admin's list and every `draft: true` read go through the versions).
  await db.run(sql`UPDATE \`indicator_reports\` SET \`_status\` = 'published', \`review_status\` = 'approved';`)
  await db.run(sql`INSERT INTO \`_indicator_reports_v\` ("parent_id", "version_indicator_id", "version_year", "version_period_label", "version_locality", "version_value", "version_reporting_organization_id", "version_source", "version_note", "version_illustrative", "version_seed_key", "version_review_status", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "indicator_id", "year", "period_label", "locality", "value", "reporting_organization_id", "source", "note", "illustrative", "seed_key", 'approved', "updated_at", "created_at", 'published', "updated_at", "updated_at", 1 FROM \`indicator_reports\`;`)
  // Published documents count as approved; their drafts and unpublished ones start as "editing".
  for (const table of ['plans', 'campaigns', 'honourees', 'news', 'pages']) {
    await db.run(sql.raw(`UPDATE \`${table}\` SET \`review_status\` = 'approved' WHERE \`_status\` = 'published';`))
    await db.run(sql.raw(`UPDATE \`_${table}_v\` SET \`version_review_status\` = 'approved' WHERE \`version__status\` = 'published';`))
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`_indicator_reports_v\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_plans\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`document_number\` text,
  	\`document_type\` text,
  	\`number_note\` text,
  	\`title\` text,
  	\`summary\` text,
  	\`place\` text,
  	\`issue_date\` text,
  	\`issue_date_text\` text,
  	\`year\` numeric,
  	\`period_from\` numeric,
  	\`period_to\` numeric,
  	\`signer_name\` text,
  	\`signer_title\` text,
  	\`signer_authority\` text,
  	\`body\` text,
  	\`full_text\` text,
  	\`transcription_notes\` text,
  	\`slug\` text,
  	\`seed_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_plans\`("id", "document_number", "document_type", "number_note", "title", "summary", "place", "issue_date", "issue_date_text", "year", "period_from", "period_to", "signer_name", "signer_title", "signer_authority", "body", "full_text", "transcription_notes", "slug", "seed_key", "updated_at", "created_at", "_status") SELECT "id", "document_number", "document_type", "number_note", "title", "summary", "place", "issue_date", "issue_date_text", "year", "period_from", "period_to", "signer_name", "signer_title", "signer_authority", "body", "full_text", "transcription_notes", "slug", "seed_key", "updated_at", "created_at", "_status" FROM \`plans\`;`)
  await db.run(sql`DROP TABLE \`plans\`;`)
  await db.run(sql`ALTER TABLE \`__new_plans\` RENAME TO \`plans\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`plans_slug_idx\` ON \`plans\` (\`slug\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`plans_seed_key_idx\` ON \`plans\` (\`seed_key\`);`)
  await db.run(sql`CREATE INDEX \`plans_updated_at_idx\` ON \`plans\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`plans_created_at_idx\` ON \`plans\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`plans__status_idx\` ON \`plans\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__plans_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_document_number\` text,
  	\`version_document_type\` text,
  	\`version_number_note\` text,
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`version_place\` text,
  	\`version_issue_date\` text,
  	\`version_issue_date_text\` text,
  	\`version_year\` numeric,
  	\`version_period_from\` numeric,
  	\`version_period_to\` numeric,
  	\`version_signer_name\` text,
  	\`version_signer_title\` text,
  	\`version_signer_authority\` text,
  	\`version_body\` text,
  	\`version_full_text\` text,
  	\`version_transcription_notes\` text,
  	\`version_slug\` text,
  	\`version_seed_key\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__plans_v\`("id", "parent_id", "version_document_number", "version_document_type", "version_number_note", "version_title", "version_summary", "version_place", "version_issue_date", "version_issue_date_text", "version_year", "version_period_from", "version_period_to", "version_signer_name", "version_signer_title", "version_signer_authority", "version_body", "version_full_text", "version_transcription_notes", "version_slug", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_document_number", "version_document_type", "version_number_note", "version_title", "version_summary", "version_place", "version_issue_date", "version_issue_date_text", "version_year", "version_period_from", "version_period_to", "version_signer_name", "version_signer_title", "version_signer_authority", "version_body", "version_full_text", "version_transcription_notes", "version_slug", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_plans_v\`;`)
  await db.run(sql`DROP TABLE \`_plans_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__plans_v\` RENAME TO \`_plans_v\`;`)
  await db.run(sql`CREATE INDEX \`_plans_v_parent_idx\` ON \`_plans_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_version_slug_idx\` ON \`_plans_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_version_seed_key_idx\` ON \`_plans_v\` (\`version_seed_key\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_version_updated_at_idx\` ON \`_plans_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_version_created_at_idx\` ON \`_plans_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_version__status_idx\` ON \`_plans_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_created_at_idx\` ON \`_plans_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_updated_at_idx\` ON \`_plans_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_latest_idx\` ON \`_plans_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_campaigns\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`slug\` text,
  	\`kind\` text,
  	\`recurrence\` text DEFAULT 'none',
  	\`start_date\` text,
  	\`end_date\` text,
  	\`date_note\` text,
  	\`parent_id\` integer,
  	\`theme\` text,
  	\`summary\` text,
  	\`body\` text,
  	\`hero_image_id\` integer,
  	\`seed_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_campaigns\`("id", "name", "slug", "kind", "recurrence", "start_date", "end_date", "date_note", "parent_id", "theme", "summary", "body", "hero_image_id", "seed_key", "updated_at", "created_at", "_status") SELECT "id", "name", "slug", "kind", "recurrence", "start_date", "end_date", "date_note", "parent_id", "theme", "summary", "body", "hero_image_id", "seed_key", "updated_at", "created_at", "_status" FROM \`campaigns\`;`)
  await db.run(sql`DROP TABLE \`campaigns\`;`)
  await db.run(sql`ALTER TABLE \`__new_campaigns\` RENAME TO \`campaigns\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaigns_slug_idx\` ON \`campaigns\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_parent_idx\` ON \`campaigns\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_hero_image_idx\` ON \`campaigns\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaigns_seed_key_idx\` ON \`campaigns\` (\`seed_key\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_updated_at_idx\` ON \`campaigns\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`campaigns_created_at_idx\` ON \`campaigns\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`campaigns__status_idx\` ON \`campaigns\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__campaigns_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_slug\` text,
  	\`version_kind\` text,
  	\`version_recurrence\` text DEFAULT 'none',
  	\`version_start_date\` text,
  	\`version_end_date\` text,
  	\`version_date_note\` text,
  	\`version_parent_id\` integer,
  	\`version_theme\` text,
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_hero_image_id\` integer,
  	\`version_seed_key\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_parent_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__campaigns_v\`("id", "parent_id", "version_name", "version_slug", "version_kind", "version_recurrence", "version_start_date", "version_end_date", "version_date_note", "version_parent_id", "version_theme", "version_summary", "version_body", "version_hero_image_id", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_name", "version_slug", "version_kind", "version_recurrence", "version_start_date", "version_end_date", "version_date_note", "version_parent_id", "version_theme", "version_summary", "version_body", "version_hero_image_id", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_campaigns_v\`;`)
  await db.run(sql`DROP TABLE \`_campaigns_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__campaigns_v\` RENAME TO \`_campaigns_v\`;`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_parent_idx\` ON \`_campaigns_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_version_version_slug_idx\` ON \`_campaigns_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_version_version_parent_idx\` ON \`_campaigns_v\` (\`version_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_version_version_hero_image_idx\` ON \`_campaigns_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_version_version_seed_key_idx\` ON \`_campaigns_v\` (\`version_seed_key\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_version_version_updated_at_idx\` ON \`_campaigns_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_version_version_created_at_idx\` ON \`_campaigns_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_version_version__status_idx\` ON \`_campaigns_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_created_at_idx\` ON \`_campaigns_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_updated_at_idx\` ON \`_campaigns_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_campaigns_v_latest_idx\` ON \`_campaigns_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_honourees\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`slug\` text,
  	\`kind\` text,
  	\`year\` numeric,
  	\`locality\` text,
  	\`organization_id\` integer,
  	\`award\` text,
  	\`award_title\` text,
  	\`decision_number\` text,
  	\`decision_date\` text,
  	\`decision_issuer_id\` integer,
  	\`campaign_id\` integer,
  	\`story\` text,
  	\`consent_recorded\` integer DEFAULT false,
  	\`consent_date\` text,
  	\`consent_note\` text,
  	\`consent_withdrawal_withdrawn\` integer DEFAULT false,
  	\`consent_withdrawal_date\` text,
  	\`consent_withdrawal_received_via\` text,
  	\`consent_withdrawal_note\` text,
  	\`consent_withdrawal_recorded_by_id\` integer,
  	\`consent_withdrawal_recorded_at\` text,
  	\`private_contact_home_address\` text,
  	\`private_contact_phone\` text,
  	\`illustrative\` integer DEFAULT false,
  	\`seed_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decision_issuer_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`consent_withdrawal_recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_honourees\`("id", "name", "slug", "kind", "year", "locality", "organization_id", "award", "award_title", "decision_number", "decision_date", "decision_issuer_id", "campaign_id", "story", "consent_recorded", "consent_date", "consent_note", "consent_withdrawal_withdrawn", "consent_withdrawal_date", "consent_withdrawal_received_via", "consent_withdrawal_note", "consent_withdrawal_recorded_by_id", "consent_withdrawal_recorded_at", "private_contact_home_address", "private_contact_phone", "illustrative", "seed_key", "updated_at", "created_at", "_status") SELECT "id", "name", "slug", "kind", "year", "locality", "organization_id", "award", "award_title", "decision_number", "decision_date", "decision_issuer_id", "campaign_id", "story", "consent_recorded", "consent_date", "consent_note", "consent_withdrawal_withdrawn", "consent_withdrawal_date", "consent_withdrawal_received_via", "consent_withdrawal_note", "consent_withdrawal_recorded_by_id", "consent_withdrawal_recorded_at", "private_contact_home_address", "private_contact_phone", "illustrative", "seed_key", "updated_at", "created_at", "_status" FROM \`honourees\`;`)
  await db.run(sql`DROP TABLE \`honourees\`;`)
  await db.run(sql`ALTER TABLE \`__new_honourees\` RENAME TO \`honourees\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`honourees_slug_idx\` ON \`honourees\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`honourees_organization_idx\` ON \`honourees\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`honourees_decision_issuer_idx\` ON \`honourees\` (\`decision_issuer_id\`);`)
  await db.run(sql`CREATE INDEX \`honourees_campaign_idx\` ON \`honourees\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`honourees_consent_withdrawal_consent_withdrawal_recorded_idx\` ON \`honourees\` (\`consent_withdrawal_recorded_by_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`honourees_seed_key_idx\` ON \`honourees\` (\`seed_key\`);`)
  await db.run(sql`CREATE INDEX \`honourees_updated_at_idx\` ON \`honourees\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`honourees_created_at_idx\` ON \`honourees\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`honourees__status_idx\` ON \`honourees\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__honourees_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_slug\` text,
  	\`version_kind\` text,
  	\`version_year\` numeric,
  	\`version_locality\` text,
  	\`version_organization_id\` integer,
  	\`version_award\` text,
  	\`version_award_title\` text,
  	\`version_decision_number\` text,
  	\`version_decision_date\` text,
  	\`version_decision_issuer_id\` integer,
  	\`version_campaign_id\` integer,
  	\`version_story\` text,
  	\`version_consent_recorded\` integer DEFAULT false,
  	\`version_consent_date\` text,
  	\`version_consent_note\` text,
  	\`version_consent_withdrawal_withdrawn\` integer DEFAULT false,
  	\`version_consent_withdrawal_date\` text,
  	\`version_consent_withdrawal_received_via\` text,
  	\`version_consent_withdrawal_note\` text,
  	\`version_consent_withdrawal_recorded_by_id\` integer,
  	\`version_consent_withdrawal_recorded_at\` text,
  	\`version_private_contact_home_address\` text,
  	\`version_private_contact_phone\` text,
  	\`version_illustrative\` integer DEFAULT false,
  	\`version_seed_key\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`honourees\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_decision_issuer_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_consent_withdrawal_recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__honourees_v\`("id", "parent_id", "version_name", "version_slug", "version_kind", "version_year", "version_locality", "version_organization_id", "version_award", "version_award_title", "version_decision_number", "version_decision_date", "version_decision_issuer_id", "version_campaign_id", "version_story", "version_consent_recorded", "version_consent_date", "version_consent_note", "version_consent_withdrawal_withdrawn", "version_consent_withdrawal_date", "version_consent_withdrawal_received_via", "version_consent_withdrawal_note", "version_consent_withdrawal_recorded_by_id", "version_consent_withdrawal_recorded_at", "version_private_contact_home_address", "version_private_contact_phone", "version_illustrative", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_name", "version_slug", "version_kind", "version_year", "version_locality", "version_organization_id", "version_award", "version_award_title", "version_decision_number", "version_decision_date", "version_decision_issuer_id", "version_campaign_id", "version_story", "version_consent_recorded", "version_consent_date", "version_consent_note", "version_consent_withdrawal_withdrawn", "version_consent_withdrawal_date", "version_consent_withdrawal_received_via", "version_consent_withdrawal_note", "version_consent_withdrawal_recorded_by_id", "version_consent_withdrawal_recorded_at", "version_private_contact_home_address", "version_private_contact_phone", "version_illustrative", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_honourees_v\`;`)
  await db.run(sql`DROP TABLE \`_honourees_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__honourees_v\` RENAME TO \`_honourees_v\`;`)
  await db.run(sql`CREATE INDEX \`_honourees_v_parent_idx\` ON \`_honourees_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_slug_idx\` ON \`_honourees_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_organization_idx\` ON \`_honourees_v\` (\`version_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_decision_issuer_idx\` ON \`_honourees_v\` (\`version_decision_issuer_id\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_campaign_idx\` ON \`_honourees_v\` (\`version_campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_consent_withdrawal_version_consent__idx\` ON \`_honourees_v\` (\`version_consent_withdrawal_recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_seed_key_idx\` ON \`_honourees_v\` (\`version_seed_key\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_updated_at_idx\` ON \`_honourees_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_created_at_idx\` ON \`_honourees_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version__status_idx\` ON \`_honourees_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_created_at_idx\` ON \`_honourees_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_updated_at_idx\` ON \`_honourees_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_latest_idx\` ON \`_honourees_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_news\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`summary\` text,
  	\`hero_image_id\` integer,
  	\`body\` text,
  	\`published_at\` text,
  	\`author_id\` integer,
  	\`seed_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_news\`("id", "title", "slug", "summary", "hero_image_id", "body", "published_at", "author_id", "seed_key", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "summary", "hero_image_id", "body", "published_at", "author_id", "seed_key", "updated_at", "created_at", "_status" FROM \`news\`;`)
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`ALTER TABLE \`__new_news\` RENAME TO \`news\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_hero_image_idx\` ON \`news\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`news_author_idx\` ON \`news\` (\`author_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`news_seed_key_idx\` ON \`news\` (\`seed_key\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_summary\` text,
  	\`version_hero_image_id\` integer,
  	\`version_body\` text,
  	\`version_published_at\` text,
  	\`version_author_id\` integer,
  	\`version_seed_key\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__news_v\`("id", "parent_id", "version_title", "version_slug", "version_summary", "version_hero_image_id", "version_body", "version_published_at", "version_author_id", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_summary", "version_hero_image_id", "version_body", "version_published_at", "version_author_id", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_news_v\`;`)
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v\` RENAME TO \`_news_v\`;`)
  await db.run(sql`CREATE INDEX \`_news_v_parent_idx\` ON \`_news_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_slug_idx\` ON \`_news_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_hero_image_idx\` ON \`_news_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_author_idx\` ON \`_news_v\` (\`version_author_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_seed_key_idx\` ON \`_news_v\` (\`version_seed_key\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_updated_at_idx\` ON \`_news_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_created_at_idx\` ON \`_news_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version__status_idx\` ON \`_news_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_created_at_idx\` ON \`_news_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_updated_at_idx\` ON \`_news_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_idx\` ON \`_news_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`language\` text DEFAULT 'vi',
  	\`summary\` text,
  	\`body\` text,
  	\`seed_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_pages\`("id", "title", "slug", "language", "summary", "body", "seed_key", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "language", "summary", "body", "seed_key", "updated_at", "created_at", "_status" FROM \`pages\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`ALTER TABLE \`__new_pages\` RENAME TO \`pages\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_seed_key_idx\` ON \`pages\` (\`seed_key\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages__status_idx\` ON \`pages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__pages_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_language\` text DEFAULT 'vi',
  	\`version_summary\` text,
  	\`version_body\` text,
  	\`version_seed_key\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__pages_v\`("id", "parent_id", "version_title", "version_slug", "version_language", "version_summary", "version_body", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_language", "version_summary", "version_body", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__pages_v\` RENAME TO \`_pages_v\`;`)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_slug_idx\` ON \`_pages_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_seed_key_idx\` ON \`_pages_v\` (\`version_seed_key\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_at_idx\` ON \`_pages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_at_idx\` ON \`_pages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version__status_idx\` ON \`_pages_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_created_at_idx\` ON \`_pages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_updated_at_idx\` ON \`_pages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_idx\` ON \`_pages_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_indicator_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`indicator_id\` integer NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`period_label\` text NOT NULL,
  	\`locality\` text NOT NULL,
  	\`value\` numeric NOT NULL,
  	\`reporting_organization_id\` integer NOT NULL,
  	\`source\` text,
  	\`note\` text,
  	\`illustrative\` integer DEFAULT false,
  	\`seed_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`indicator_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reporting_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_indicator_reports\`("id", "indicator_id", "year", "period_label", "locality", "value", "reporting_organization_id", "source", "note", "illustrative", "seed_key", "updated_at", "created_at") SELECT "id", "indicator_id", "year", "period_label", "locality", "value", "reporting_organization_id", "source", "note", "illustrative", "seed_key", "updated_at", "created_at" FROM \`indicator_reports\`;`)
  await db.run(sql`DROP TABLE \`indicator_reports\`;`)
  await db.run(sql`ALTER TABLE \`__new_indicator_reports\` RENAME TO \`indicator_reports\`;`)
  await db.run(sql`CREATE INDEX \`indicator_reports_indicator_idx\` ON \`indicator_reports\` (\`indicator_id\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_reporting_organization_idx\` ON \`indicator_reports\` (\`reporting_organization_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`indicator_reports_seed_key_idx\` ON \`indicator_reports\` (\`seed_key\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_updated_at_idx\` ON \`indicator_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_created_at_idx\` ON \`indicator_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`plans_id\` integer,
  	\`campaigns_id\` integer,
  	\`honourees_id\` integer,
  	\`news_id\` integer,
  	\`pages_id\` integer,
  	\`media_id\` integer,
  	\`indicators_id\` integer,
  	\`indicator_reports_id\` integer,
  	\`organizations_id\` integer,
  	\`topics_id\` integer,
  	\`users_id\` integer,
  	\`data_subject_requests_id\` integer,
  	\`portal_build_requests_id\` integer,
  	\`portal_build_leases_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`plans_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`honourees_id\`) REFERENCES \`honourees\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicators_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicator_reports_id\`) REFERENCES \`indicator_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organizations_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_subject_requests_id\`) REFERENCES \`data_subject_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`portal_build_requests_id\`) REFERENCES \`portal_build_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`portal_build_leases_id\`) REFERENCES \`portal_build_leases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "plans_id", "campaigns_id", "honourees_id", "news_id", "pages_id", "media_id", "indicators_id", "indicator_reports_id", "organizations_id", "topics_id", "users_id", "data_subject_requests_id", "portal_build_requests_id", "portal_build_leases_id") SELECT "id", "order", "parent_id", "path", "plans_id", "campaigns_id", "honourees_id", "news_id", "pages_id", "media_id", "indicators_id", "indicator_reports_id", "organizations_id", "topics_id", "users_id", "data_subject_requests_id", "portal_build_requests_id", "portal_build_leases_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_plans_id_idx\` ON \`payload_locked_documents_rels\` (\`plans_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_honourees_id_idx\` ON \`payload_locked_documents_rels\` (\`honourees_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicators_id_idx\` ON \`payload_locked_documents_rels\` (\`indicators_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicator_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`indicator_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organizations_id_idx\` ON \`payload_locked_documents_rels\` (\`organizations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_subject_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`data_subject_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_portal_build_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`portal_build_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_portal_build_leases_id_idx\` ON \`payload_locked_documents_rels\` (\`portal_build_leases_id\`);`)
  // Last: other tables referred to it until they were rebuilt above (written by hand: drizzle-kit dropped it first).
  await db.run(sql`DROP TABLE \`review_events\`;`)
}
