import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`plans_reporting_deadlines_indicators\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`indicator_id\` integer,
  	FOREIGN KEY (\`indicator_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`plans_reporting_deadlines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`plans_reporting_deadlines_indicators_order_idx\` ON \`plans_reporting_deadlines_indicators\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`plans_reporting_deadlines_indicators_parent_id_idx\` ON \`plans_reporting_deadlines_indicators\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`plans_reporting_deadlines_indicators_indicator_idx\` ON \`plans_reporting_deadlines_indicators\` (\`indicator_id\`);`)
  await db.run(sql`CREATE TABLE \`plans_reporting_deadlines\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`day\` numeric,
  	\`month\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`plans\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`plans_reporting_deadlines_order_idx\` ON \`plans_reporting_deadlines\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`plans_reporting_deadlines_parent_id_idx\` ON \`plans_reporting_deadlines\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_plans_v_version_reporting_deadlines_indicators\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`indicator_id\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`indicator_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_plans_v_version_reporting_deadlines\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_plans_v_version_reporting_deadlines_indicators_order_idx\` ON \`_plans_v_version_reporting_deadlines_indicators\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_reporting_deadlines_indicators_parent_id_idx\` ON \`_plans_v_version_reporting_deadlines_indicators\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_reporting_deadlines_indicators_indicato_idx\` ON \`_plans_v_version_reporting_deadlines_indicators\` (\`indicator_id\`);`)
  await db.run(sql`CREATE TABLE \`_plans_v_version_reporting_deadlines\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text,
  	\`day\` numeric,
  	\`month\` numeric,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_plans_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_plans_v_version_reporting_deadlines_order_idx\` ON \`_plans_v_version_reporting_deadlines\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_plans_v_version_reporting_deadlines_parent_id_idx\` ON \`_plans_v_version_reporting_deadlines\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`plans_reporting_deadlines_indicators\`;`)
  await db.run(sql`DROP TABLE \`plans_reporting_deadlines\`;`)
  await db.run(sql`DROP TABLE \`_plans_v_version_reporting_deadlines_indicators\`;`)
  await db.run(sql`DROP TABLE \`_plans_v_version_reporting_deadlines\`;`)
}
