import { Migration } from '@mikro-orm/migrations';

export class Migration20261124160601 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stored_files" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "owner_id" uuid not null, "purpose" varchar(32) not null, "content_type" varchar(64) not null, "file_name" varchar(200) not null, "size" int not null, "sha256" varchar(64) not null, "data" bytea not null, constraint "stored_files_pkey" primary key ("id"));`);
    this.addSql(`create index "stored_files_owner_id_index" on "stored_files" ("owner_id");`);
    this.addSql(`create index "stored_files_purpose_index" on "stored_files" ("purpose");`);

    this.addSql(`create table "payments" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "reference" varchar(40) not null, "amount" bigint not null, "method" text check ("method" in ('BANK_TRANSFER', 'GATEWAY')) not null, "kind" text check ("kind" in ('INSTALLMENTS', 'PAYOFF')) not null, "status" text check ("status" in ('PENDING', 'SETTLED', 'REJECTED', 'EXPIRED', 'REFUNDED')) not null default 'PENDING', "provider" varchar(16) null, "provider_reference" varchar(100) null, "redirect_url" text null, "idempotency_key" varchar(64) null, "created_by_id" uuid not null, "verified_by_id" uuid null, "verified_at" timestamptz null, "rejection_reason" text null, "settled_at" timestamptz null, "expires_at" timestamptz null, "proof_id" uuid null, constraint "payments_pkey" primary key ("id"), constraint payments_amount_positive check (amount > 0));`);
    this.addSql(`create index "payments_order_id_index" on "payments" ("order_id");`);
    this.addSql(`alter table "payments" add constraint "payments_reference_unique" unique ("reference");`);
    this.addSql(`create index "payments_status_index" on "payments" ("status");`);
    this.addSql(`create index "payments_provider_reference_index" on "payments" ("provider_reference");`);
    this.addSql(`alter table "payments" add constraint "payments_created_by_id_idempotency_key_unique" unique ("created_by_id", "idempotency_key");`);

    this.addSql(`create table "payment_anomalies" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" text check ("kind" in ('AMOUNT_MISMATCH', 'UNKNOWN_REFERENCE', 'OVERPAYMENT', 'LATE_SETTLEMENT')) not null, "payment_id" uuid null, "provider" varchar(16) not null, "reference" varchar(100) not null, "expected" bigint null, "received" bigint not null, "details" jsonb not null, "resolved_at" timestamptz null, "resolved_by_id" uuid null, "resolution" text null, constraint "payment_anomalies_pkey" primary key ("id"));`);
    this.addSql(`create index "payment_anomalies_kind_index" on "payment_anomalies" ("kind");`);

    this.addSql(`create table "payment_allocations" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "payment_id" uuid not null, "installment_id" uuid not null, "principal" bigint not null, "late_fee" bigint not null, "reversed_at" timestamptz null, constraint "payment_allocations_pkey" primary key ("id"), constraint payment_allocations_non_negative check (principal >= 0 and late_fee >= 0 and principal + late_fee > 0));`);
    this.addSql(`create index "payment_allocations_payment_id_index" on "payment_allocations" ("payment_id");`);
    this.addSql(`create index "payment_allocations_installment_id_index" on "payment_allocations" ("installment_id");`);

    this.addSql(`create table "webhook_events" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider" varchar(16) not null, "event_key" varchar(200) not null, "payment_id" uuid null, "payload" jsonb not null, "outcome" varchar(32) not null default 'received', constraint "webhook_events_pkey" primary key ("id"));`);
    this.addSql(`alter table "webhook_events" add constraint "webhook_events_provider_event_key_unique" unique ("provider", "event_key");`);

    this.addSql(`alter table "stored_files" add constraint "stored_files_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "payments" add constraint "payments_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);
    this.addSql(`alter table "payments" add constraint "payments_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "payments" add constraint "payments_verified_by_id_foreign" foreign key ("verified_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "payments" add constraint "payments_proof_id_foreign" foreign key ("proof_id") references "stored_files" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "payment_anomalies" add constraint "payment_anomalies_payment_id_foreign" foreign key ("payment_id") references "payments" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "payment_anomalies" add constraint "payment_anomalies_resolved_by_id_foreign" foreign key ("resolved_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "payment_allocations" add constraint "payment_allocations_payment_id_foreign" foreign key ("payment_id") references "payments" ("id") on update cascade;`);
    this.addSql(`alter table "payment_allocations" add constraint "payment_allocations_installment_id_foreign" foreign key ("installment_id") references "installments" ("id") on update cascade;`);

    this.addSql(`alter table "webhook_events" add constraint "webhook_events_payment_id_foreign" foreign key ("payment_id") references "payments" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payments" drop constraint "payments_proof_id_foreign";`);

    this.addSql(`alter table "payment_anomalies" drop constraint "payment_anomalies_payment_id_foreign";`);

    this.addSql(`alter table "payment_allocations" drop constraint "payment_allocations_payment_id_foreign";`);

    this.addSql(`alter table "webhook_events" drop constraint "webhook_events_payment_id_foreign";`);

    this.addSql(`drop table if exists "stored_files" cascade;`);

    this.addSql(`drop table if exists "payments" cascade;`);

    this.addSql(`drop table if exists "payment_anomalies" cascade;`);

    this.addSql(`drop table if exists "payment_allocations" cascade;`);

    this.addSql(`drop table if exists "webhook_events" cascade;`);
  }

}
