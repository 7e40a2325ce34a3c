import { Migration } from '@mikro-orm/migrations';

export class Migration20261124164302 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "spks" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "customer_id" uuid not null, "number" varchar(32) not null, "document_code" varchar(32) not null, "status" text check ("status" in ('DRAFT', 'UNDER_REVIEW', 'REVISION_REQUESTED', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED', 'SIGNATURE_REJECTED', 'CONFIRMED', 'CANCELLED')) not null default 'DRAFT', "current_version" int not null default 0, "approved_at" timestamptz null, "confirmed_at" timestamptz null, "confirmed_by_id" uuid null, "created_by_id" uuid not null, "stamp_serial" varchar(40) null, "stamp_provider" varchar(16) null, "stamp_duty" bigint null, "revision_comments" text null, "rejection_reason" text null, constraint "spks_pkey" primary key ("id"));`);
    this.addSql(`create index "spks_order_id_index" on "spks" ("order_id");`);
    this.addSql(`create index "spks_customer_id_index" on "spks" ("customer_id");`);
    this.addSql(`alter table "spks" add constraint "spks_number_unique" unique ("number");`);
    this.addSql(`alter table "spks" add constraint "spks_document_code_unique" unique ("document_code");`);
    this.addSql(`create index "spks_status_index" on "spks" ("status");`);

    this.addSql(`create table "spk_versions" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "spk_id" uuid not null, "version" int not null, "kind" text check ("kind" in ('DRAFT', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED')) not null, "file_id" uuid not null, "sha256" varchar(64) not null, "created_by_id" uuid not null, "note" text null, "verification" jsonb null, constraint "spk_versions_pkey" primary key ("id"));`);
    this.addSql(`alter table "spk_versions" add constraint "spk_versions_spk_id_version_unique" unique ("spk_id", "version");`);

    this.addSql(`create table "spk_events" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "spk_id" uuid not null, "actor_id" uuid null, "actor_role" varchar(16) null, "action" varchar(32) not null, "from_status" text check ("from_status" in ('DRAFT', 'UNDER_REVIEW', 'REVISION_REQUESTED', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED', 'SIGNATURE_REJECTED', 'CONFIRMED', 'CANCELLED')) null, "to_status" text check ("to_status" in ('DRAFT', 'UNDER_REVIEW', 'REVISION_REQUESTED', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED', 'SIGNATURE_REJECTED', 'CONFIRMED', 'CANCELLED')) not null, "reason" text null, constraint "spk_events_pkey" primary key ("id"));`);
    this.addSql(`create index "spk_events_spk_id_index" on "spk_events" ("spk_id");`);

    this.addSql(`alter table "spks" add constraint "spks_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);
    this.addSql(`alter table "spks" add constraint "spks_customer_id_foreign" foreign key ("customer_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "spks" add constraint "spks_confirmed_by_id_foreign" foreign key ("confirmed_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "spks" add constraint "spks_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "spk_versions" add constraint "spk_versions_spk_id_foreign" foreign key ("spk_id") references "spks" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "spk_versions" add constraint "spk_versions_file_id_foreign" foreign key ("file_id") references "stored_files" ("id") on update cascade;`);
    this.addSql(`alter table "spk_versions" add constraint "spk_versions_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "spk_events" add constraint "spk_events_spk_id_foreign" foreign key ("spk_id") references "spks" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "spk_events" add constraint "spk_events_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "spk_versions" drop constraint "spk_versions_spk_id_foreign";`);

    this.addSql(`alter table "spk_events" drop constraint "spk_events_spk_id_foreign";`);

    this.addSql(`drop table if exists "spks" cascade;`);

    this.addSql(`drop table if exists "spk_versions" cascade;`);

    this.addSql(`drop table if exists "spk_events" cascade;`);
  }

}
