import { Migration } from '@mikro-orm/migrations';

export class Migration20261124165934 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "installment_reminders" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "installment_id" uuid not null, "kind" varchar(8) not null, "offset_days" int not null, "sent_on" date not null, constraint "installment_reminders_pkey" primary key ("id"));`);
    this.addSql(`create index "installment_reminders_kind_index" on "installment_reminders" ("kind");`);
    this.addSql(`alter table "installment_reminders" add constraint "installment_reminders_installment_id_kind_offset_days_unique" unique ("installment_id", "kind", "offset_days");`);

    this.addSql(`create table "notifications" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "recipient_id" uuid not null, "type" varchar(40) not null, "title" varchar(200) not null, "body" text not null, "link" varchar(500) null, "data" jsonb null, "read_at" timestamptz null, constraint "notifications_pkey" primary key ("id"));`);
    this.addSql(`create index "notifications_type_index" on "notifications" ("type");`);
    this.addSql(`create index "notifications_recipient_id_created_at_index" on "notifications" ("recipient_id", "created_at");`);

    this.addSql(`create table "notification_deliveries" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "notification_id" uuid not null, "channel" text check ("channel" in ('EMAIL', 'WHATSAPP')) not null, "target" varchar(254) not null, "payload" jsonb not null, "status" text check ("status" in ('PENDING', 'SENT', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "next_attempt_at" timestamptz null, "locked_until" timestamptz null, "sent_at" timestamptz null, "provider_message_id" varchar(200) null, constraint "notification_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_deliveries_notification_id_index" on "notification_deliveries" ("notification_id");`);
    this.addSql(`create index "notification_deliveries_status_next_attempt_at_index" on "notification_deliveries" ("status", "next_attempt_at");`);

    this.addSql(`alter table "installment_reminders" add constraint "installment_reminders_installment_id_foreign" foreign key ("installment_id") references "installments" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notifications" add constraint "notifications_recipient_id_foreign" foreign key ("recipient_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "notification_deliveries" add constraint "notification_deliveries_notification_id_foreign" foreign key ("notification_id") references "notifications" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "users" add column "notify_by_email" boolean not null default true, add column "notify_by_whats_app" boolean not null default true;`);

    this.addSql(`alter table "orders" add column "late_fee_grace_days" int not null default 0, add column "late_fee_type" varchar(20) not null default 'FIXED_PER_DAY', add column "late_fee_value" bigint not null default 0, add column "late_fee_cap" bigint null, add column "auto_suspend_after_days" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification_deliveries" drop constraint "notification_deliveries_notification_id_foreign";`);

    this.addSql(`drop table if exists "installment_reminders" cascade;`);

    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`drop table if exists "notification_deliveries" cascade;`);

    this.addSql(`alter table "orders" drop column "late_fee_grace_days", drop column "late_fee_type", drop column "late_fee_value", drop column "late_fee_cap", drop column "auto_suspend_after_days";`);

    this.addSql(`alter table "users" drop column "notify_by_email", drop column "notify_by_whats_app";`);
  }

}
