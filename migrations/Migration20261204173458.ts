import { Migration } from '@mikro-orm/migrations';

export class Migration20261204173458 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "billing_runs" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "pass_date" date not null, "cursor" uuid null, "chunks" int not null default 0, "status_changes" int not null default 0, "fees_changed" int not null default 0, "reminders" int not null default 0, "staff_notices" int not null default 0, "grace_expired" int not null default 0, "suspended_orders" jsonb not null, "finished_at" timestamptz null, constraint "billing_runs_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_runs_pass_date_finished_at_index" on "billing_runs" ("pass_date", "finished_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing_runs" cascade;`);
  }

}
