import { Migration } from '@mikro-orm/migrations';

export class Migration20261124154731 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_log" ("id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "actor_role" varchar(32) null, "action" varchar(64) not null, "entity_type" varchar(64) not null, "entity_id" uuid not null, "data" jsonb null, "request_id" varchar(64) null, constraint "audit_log_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_log_at_index" on "audit_log" ("at");`);
    this.addSql(`create index "audit_log_actor_id_index" on "audit_log" ("actor_id");`);
    this.addSql(`create index "audit_log_entity_type_entity_id_index" on "audit_log" ("entity_type", "entity_id");`);

    this.addSql(`create table "products" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "category" text check ("category" in ('CLOUD_SERVER', 'DEDICATED_SERVER', 'COLOCATION', 'VPS')) not null, "name" varchar(120) not null, "slug" varchar(80) not null, "description" text not null default '', "spec_cpu" varchar(120) null, "spec_ram_gb" int null, "spec_storage_gb" int null, "spec_storage_type" varchar(40) null, "spec_bandwidth" varchar(80) null, "spec_rack_units" int null, "spec_power_watts" int null, "spec_ipv4count" int null, "cash_price" bigint not null, "setup_fee" bigint not null default 0, "active" boolean not null default true, constraint "products_pkey" primary key ("id"));`);
    this.addSql(`create index "products_category_index" on "products" ("category");`);
    this.addSql(`alter table "products" add constraint "products_slug_unique" unique ("slug");`);
    this.addSql(`create index "products_active_index" on "products" ("active");`);

    this.addSql(`create table "installment_plans" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" uuid not null, "name" varchar(120) not null, "tenor_months" int not null, "down_payment_type" text check ("down_payment_type" in ('PERCENT', 'FIXED')) not null, "down_payment_value" bigint not null, "margin_bps_per_month" int not null default 0, "admin_fee" bigint not null default 0, "late_fee_grace_days" int not null default 0, "late_fee_type" text check ("late_fee_type" in ('FIXED_PER_DAY', 'PERCENT_PER_DAY')) not null default 'FIXED_PER_DAY', "late_fee_value" bigint not null default 0, "late_fee_cap" bigint null, "auto_suspend_after_days" int null, "active" boolean not null default true, constraint "installment_plans_pkey" primary key ("id"));`);
    this.addSql(`create index "installment_plans_product_id_index" on "installment_plans" ("product_id");`);

    this.addSql(`create table "users" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "username" varchar(32) not null, "email" varchar(254) not null, "password_hash" varchar(255) not null, "role" text check ("role" in ('CUSTOMER', 'ADMIN', 'FINANCE', 'SUPPORT')) not null default 'CUSTOMER', "full_name" varchar(120) not null, "phone" varchar(16) not null, "nik" varchar(16) null, "company" varchar(160) null, "address" text null, "note" text null, "active" boolean not null default true, "locale" text check ("locale" in ('id', 'en')) not null default 'id', "last_login_at" timestamptz null, "token_version" int not null default 0, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_username_unique" unique ("username");`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`create index "users_role_index" on "users" ("role");`);

    this.addSql(`create table "refresh_tokens" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "family_id" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "user_agent" varchar(255) null, "ip" varchar(64) null, constraint "refresh_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_tokens_family_id_index" on "refresh_tokens" ("family_id");`);

    this.addSql(`alter table "installment_plans" add constraint "installment_plans_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade;`);

    this.addSql(`alter table "refresh_tokens" add constraint "refresh_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "installment_plans" drop constraint "installment_plans_product_id_foreign";`);

    this.addSql(`alter table "refresh_tokens" drop constraint "refresh_tokens_user_id_foreign";`);

    this.addSql(`drop table if exists "audit_log" cascade;`);

    this.addSql(`drop table if exists "products" cascade;`);

    this.addSql(`drop table if exists "installment_plans" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "refresh_tokens" cascade;`);
  }

}
