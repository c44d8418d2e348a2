import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`task_updates\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`plan_id\` integer,
  	\`task\` text,
  	\`reported_at\` text,
  	\`status\` text,
  	\`percent\` numeric,
  	\`milestone\` text,
  	\`note\` text,
  	\`evidence_url\` text,
  	\`evidence_file_id\` integer,
  	\`task_title\` text,
  	\`lead_organization_id\` integer,
  	\`illustrative\` integer DEFAULT false,
  	\`seed_key\` text,
  	\`review_status\` text DEFAULT 'editing',
  	\`review_submitted_by_id\` integer,
  	\`review_comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`evidence_file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lead_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`task_updates_plan_idx\` ON \`task_updates\` (\`plan_id\`);`)
  await db.run(sql`CREATE INDEX \`task_updates_task_idx\` ON \`task_updates\` (\`task\`);`)
  await db.run(sql`CREATE INDEX \`task_updates_evidence_file_idx\` ON \`task_updates\` (\`evidence_file_id\`);`)
  await db.run(sql`CREATE INDEX \`task_updates_lead_organization_idx\` ON \`task_updates\` (\`lead_organization_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`task_updates_seed_key_idx\` ON \`task_updates\` (\`seed_key\`);`)
  await db.run(sql`CREATE INDEX \`task_updates_review_status_idx\` ON \`task_updates\` (\`review_status\`);`)
  await db.run(sql`CREATE INDEX \`task_updates_review_submitted_by_idx\` ON \`task_updates\` (\`review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`task_updates_updated_at_idx\` ON \`task_updates\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`task_updates_created_at_idx\` ON \`task_updates\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`task_updates__status_idx\` ON \`task_updates\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`_task_updates_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_plan_id\` integer,
  	\`version_task\` text,
  	\`version_reported_at\` text,
  	\`version_status\` text,
  	\`version_percent\` numeric,
  	\`version_milestone\` text,
  	\`version_note\` text,
  	\`version_evidence_url\` text,
  	\`version_evidence_file_id\` integer,
  	\`version_task_title\` text,
  	\`version_lead_organization_id\` integer,
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`task_updates\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_plan_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_evidence_file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_lead_organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_task_updates_v_parent_idx\` ON \`_task_updates_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version_plan_idx\` ON \`_task_updates_v\` (\`version_plan_id\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version_task_idx\` ON \`_task_updates_v\` (\`version_task\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version_evidence_file_idx\` ON \`_task_updates_v\` (\`version_evidence_file_id\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version_lead_organization_idx\` ON \`_task_updates_v\` (\`version_lead_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version_seed_key_idx\` ON \`_task_updates_v\` (\`version_seed_key\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version_review_status_idx\` ON \`_task_updates_v\` (\`version_review_status\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version_review_submitted_by_idx\` ON \`_task_updates_v\` (\`version_review_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version_updated_at_idx\` ON \`_task_updates_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version_created_at_idx\` ON \`_task_updates_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_version_version__status_idx\` ON \`_task_updates_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_created_at_idx\` ON \`_task_updates_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_updated_at_idx\` ON \`_task_updates_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_task_updates_v_latest_idx\` ON \`_task_updates_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`plans\` ADD \`change_note\` text;`)
  await db.run(sql`ALTER TABLE \`_plans_v\` ADD \`version_change_note\` text;`)
  await db.run(sql`ALTER TABLE \`campaigns\` ADD \`change_note\` text;`)
  await db.run(sql`ALTER TABLE \`_campaigns_v\` ADD \`version_change_note\` text;`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`change_note\` text;`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_change_note\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`change_note\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_change_note\` text;`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`change_note\` text;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_change_note\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`task_updates_id\` integer REFERENCES task_updates(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_task_updates_id_idx\` ON \`payload_locked_documents_rels\` (\`task_updates_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`task_updates\`;`)
  await db.run(sql`DROP TABLE \`_task_updates_v\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`review_events_id\` integer,
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
  	FOREIGN KEY (\`portal_build_leases_id\`) REFERENCES \`portal_build_leases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`review_events_id\`) REFERENCES \`review_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "plans_id", "campaigns_id", "honourees_id", "news_id", "pages_id", "media_id", "indicators_id", "indicator_reports_id", "organizations_id", "topics_id", "users_id", "data_subject_requests_id", "portal_build_requests_id", "portal_build_leases_id", "review_events_id") SELECT "id", "order", "parent_id", "path", "plans_id", "campaigns_id", "honourees_id", "news_id", "pages_id", "media_id", "indicators_id", "indicator_reports_id", "organizations_id", "topics_id", "users_id", "data_subject_requests_id", "portal_build_requests_id", "portal_build_leases_id", "review_events_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_review_events_id_idx\` ON \`payload_locked_documents_rels\` (\`review_events_id\`);`)
  await db.run(sql`ALTER TABLE \`plans\` DROP COLUMN \`change_note\`;`)
  await db.run(sql`ALTER TABLE \`_plans_v\` DROP COLUMN \`version_change_note\`;`)
  await db.run(sql`ALTER TABLE \`campaigns\` DROP COLUMN \`change_note\`;`)
  await db.run(sql`ALTER TABLE \`_campaigns_v\` DROP COLUMN \`version_change_note\`;`)
  await db.run(sql`ALTER TABLE \`honourees\` DROP COLUMN \`change_note\`;`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` DROP COLUMN \`version_change_note\`;`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`change_note\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_change_note\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`change_note\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_change_note\`;`)
}
