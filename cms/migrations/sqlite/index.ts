import * as migration_20261122_013329_initial from './20261122_013329_initial';
import * as migration_20261122_023433_media_seed_key from './20261122_023433_media_seed_key';
import * as migration_20261122_023626_portal_publishing from './20261122_023626_portal_publishing';
import * as migration_20261122_051400_site_menu_and_pages from './20261122_051400_site_menu_and_pages';
import * as migration_20261202_172342_privacy_law_91 from './20261202_172342_privacy_law_91';
import * as migration_20261202_182435_rich_text_media from './20261202_182435_rich_text_media';
import * as migration_20261202_182652_page_language from './20261202_182652_page_language';
import * as migration_20261203_062540_plan_full_text from './20261203_062540_plan_full_text';
import * as migration_20261203_062551_portal_build_queue from './20261203_062551_portal_build_queue';
import * as migration_20261203_094311_reporting_deadlines from './20261203_094311_reporting_deadlines';
import * as migration_20261203_094435_review_workflow from './20261203_094435_review_workflow';
import * as migration_20261203_131034_task_updates_change_notes from './20261203_131034_task_updates_change_notes';

export const migrations = [
  {
    up: migration_20261122_013329_initial.up,
    down: migration_20261122_013329_initial.down,
    name: '20261122_013329_initial',
  },
  {
    up: migration_20261122_023433_media_seed_key.up,
    down: migration_20261122_023433_media_seed_key.down,
    name: '20261122_023433_media_seed_key',
  },
  {
    up: migration_20261122_023626_portal_publishing.up,
    down: migration_20261122_023626_portal_publishing.down,
    name: '20261122_023626_portal_publishing',
  },
  {
    up: migration_20261122_051400_site_menu_and_pages.up,
    down: migration_20261122_051400_site_menu_and_pages.down,
    name: '20261122_051400_site_menu_and_pages',
  },
  {
    up: migration_20261202_172342_privacy_law_91.up,
    down: migration_20261202_172342_privacy_law_91.down,
    name: '20261202_172342_privacy_law_91',
  },
  {
    up: migration_20261202_182435_rich_text_media.up,
    down: migration_20261202_182435_rich_text_media.down,
    name: '20261202_182435_rich_text_media',
  },
  {
    up: migration_20261202_182652_page_language.up,
    down: migration_20261202_182652_page_language.down,
    name: '20261202_182652_page_language',
  },
  {
    up: migration_20261203_062540_plan_full_text.up,
    down: migration_20261203_062540_plan_full_text.down,
    name: '20261203_062540_plan_full_text',
  },
  {
    up: migration_20261203_062551_portal_build_queue.up,
    down: migration_20261203_062551_portal_build_queue.down,
    name: '20261203_062551_portal_build_queue',
  },
  {
    up: migration_20261203_094311_reporting_deadlines.up,
    down: migration_20261203_094311_reporting_deadlines.down,
    name: '20261203_094311_reporting_deadlines',
  },
  {
    up: migration_20261203_094435_review_workflow.up,
    down: migration_20261203_094435_review_workflow.down,
    name: '20261203_094435_review_workflow',
  },
  {
    up: migration_20261203_131034_task_updates_change_notes.up,
    down: migration_20261203_131034_task_updates_change_notes.down,
    name: '20261203_131034_task_updates_change_notes',
  },
];
