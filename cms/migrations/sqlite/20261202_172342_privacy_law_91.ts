import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`data_subject_requests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`received_date\` text NOT NULL,
  	\`received_via\` text,
  	\`requester_name\` text NOT NULL,
  	\`requester_contact\` text,
  	\`honouree_id\` integer,
  	\`status\` text DEFAULT 'received' NOT NULL,
  	\`response_date\` text,
  	\`acknowledge_by\` text,
  	\`deadline\` text,
  	\`deadline_basis\` text,
  	\`notes\` text,
  	\`recorded_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`honouree_id\`) REFERENCES \`honourees\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`data_subject_requests_honouree_idx\` ON \`data_subject_requests\` (\`honouree_id\`);`)
  await db.run(sql`CREATE INDEX \`data_subject_requests_recorded_by_idx\` ON \`data_subject_requests\` (\`recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`data_subject_requests_updated_at_idx\` ON \`data_subject_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`data_subject_requests_created_at_idx\` ON \`data_subject_requests\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`consent_withdrawal_withdrawn\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`consent_withdrawal_date\` text;`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`consent_withdrawal_received_via\` text;`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`consent_withdrawal_note\` text;`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`consent_withdrawal_recorded_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`honourees\` ADD \`consent_withdrawal_recorded_at\` text;`)
  await db.run(sql`CREATE INDEX \`honourees_consent_withdrawal_consent_withdrawal_recorded_idx\` ON \`honourees\` (\`consent_withdrawal_recorded_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_consent_withdrawal_withdrawn\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_consent_withdrawal_date\` text;`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_consent_withdrawal_received_via\` text;`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_consent_withdrawal_note\` text;`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_consent_withdrawal_recorded_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_honourees_v\` ADD \`version_consent_withdrawal_recorded_at\` text;`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_consent_withdrawal_version_consent__idx\` ON \`_honourees_v\` (\`version_consent_withdrawal_recorded_by_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`data_subject_requests_id\` integer REFERENCES data_subject_requests(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_subject_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`data_subject_requests_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`data_subject_requests\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`private_contact_home_address\` text,
  	\`private_contact_phone\` text,
  	\`illustrative\` integer DEFAULT false,
  	\`seed_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`organization_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decision_issuer_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_honourees\`("id", "name", "slug", "kind", "year", "locality", "organization_id", "award", "award_title", "decision_number", "decision_date", "decision_issuer_id", "campaign_id", "story", "consent_recorded", "consent_date", "consent_note", "private_contact_home_address", "private_contact_phone", "illustrative", "seed_key", "updated_at", "created_at", "_status") SELECT "id", "name", "slug", "kind", "year", "locality", "organization_id", "award", "award_title", "decision_number", "decision_date", "decision_issuer_id", "campaign_id", "story", "consent_recorded", "consent_date", "consent_note", "private_contact_home_address", "private_contact_phone", "illustrative", "seed_key", "updated_at", "created_at", "_status" FROM \`honourees\`;`)
  await db.run(sql`DROP TABLE \`honourees\`;`)
  await db.run(sql`ALTER TABLE \`__new_honourees\` RENAME TO \`honourees\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`honourees_slug_idx\` ON \`honourees\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`honourees_organization_idx\` ON \`honourees\` (\`organization_id\`);`)
  await db.run(sql`CREATE INDEX \`honourees_decision_issuer_idx\` ON \`honourees\` (\`decision_issuer_id\`);`)
  await db.run(sql`CREATE INDEX \`honourees_campaign_idx\` ON \`honourees\` (\`campaign_id\`);`)
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
  	FOREIGN KEY (\`version_campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__honourees_v\`("id", "parent_id", "version_name", "version_slug", "version_kind", "version_year", "version_locality", "version_organization_id", "version_award", "version_award_title", "version_decision_number", "version_decision_date", "version_decision_issuer_id", "version_campaign_id", "version_story", "version_consent_recorded", "version_consent_date", "version_consent_note", "version_private_contact_home_address", "version_private_contact_phone", "version_illustrative", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_name", "version_slug", "version_kind", "version_year", "version_locality", "version_organization_id", "version_award", "version_award_title", "version_decision_number", "version_decision_date", "version_decision_issuer_id", "version_campaign_id", "version_story", "version_consent_recorded", "version_consent_date", "version_consent_note", "version_private_contact_home_address", "version_private_contact_phone", "version_illustrative", "version_seed_key", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_honourees_v\`;`)
  await db.run(sql`DROP TABLE \`_honourees_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__honourees_v\` RENAME TO \`_honourees_v\`;`)
  await db.run(sql`CREATE INDEX \`_honourees_v_parent_idx\` ON \`_honourees_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_slug_idx\` ON \`_honourees_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_organization_idx\` ON \`_honourees_v\` (\`version_organization_id\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_decision_issuer_idx\` ON \`_honourees_v\` (\`version_decision_issuer_id\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_campaign_idx\` ON \`_honourees_v\` (\`version_campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_seed_key_idx\` ON \`_honourees_v\` (\`version_seed_key\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_updated_at_idx\` ON \`_honourees_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version_created_at_idx\` ON \`_honourees_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_version_version__status_idx\` ON \`_honourees_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_created_at_idx\` ON \`_honourees_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_updated_at_idx\` ON \`_honourees_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_honourees_v_latest_idx\` ON \`_honourees_v\` (\`latest\`);`)
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
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "plans_id", "campaigns_id", "honourees_id", "news_id", "pages_id", "media_id", "indicators_id", "indicator_reports_id", "organizations_id", "topics_id", "users_id") SELECT "id", "order", "parent_id", "path", "plans_id", "campaigns_id", "honourees_id", "news_id", "pages_id", "media_id", "indicators_id", "indicator_reports_id", "organizations_id", "topics_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
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
}
