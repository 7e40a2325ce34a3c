import { Migration } from '@mikro-orm/migrations';

export class Migration20261204221142 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stamp_duty_ledger" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "serial" varchar(64) null, "provider" varchar(16) not null, "document_kind" text check ("document_kind" in ('SPK', 'RECEIPT')) not null, "document_id" uuid not null, "document_number" varchar(40) not null, "customer_id" uuid not null, "used_at" timestamptz not null, "amount" bigint not null, "borne_by" text check ("borne_by" in ('COMPANY', 'CUSTOMER')) not null, "ordinal" int not null, constraint "stamp_duty_ledger_pkey" primary key ("id"));`);
    this.addSql(`create index "stamp_duty_ledger_used_at_index" on "stamp_duty_ledger" ("used_at");`);
    this.addSql(`alter table "stamp_duty_ledger" add constraint "stamp_duty_ledger_ordinal_unique" unique ("ordinal");`);
    this.addSql(`alter table "stamp_duty_ledger" add constraint "stamp_duty_ledger_document_kind_document_id_serial_unique" unique ("document_kind", "document_id", "serial");`);

    this.addSql(`create table "receipts" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "payment_id" uuid not null, "number" varchar(32) not null, "amount" bigint not null, "stamp_required" boolean not null, "status" text check ("status" in ('PENDING', 'READY')) not null default 'PENDING', "file_id" uuid null, "stamp_serial" varchar(64) null, "lease_until" timestamptz null, "attempts" int not null default 0, "last_error" text null, constraint "receipts_pkey" primary key ("id"));`);
    this.addSql(`alter table "receipts" add constraint "receipts_payment_id_unique" unique ("payment_id");`);
    this.addSql(`alter table "receipts" add constraint "receipts_number_unique" unique ("number");`);
    this.addSql(`create index "receipts_status_index" on "receipts" ("status");`);

    this.addSql(`alter table "receipts" add constraint "receipts_payment_id_foreign" foreign key ("payment_id") references "payments" ("id") on update cascade;`);
    this.addSql(`alter table "receipts" add constraint "receipts_file_id_foreign" foreign key ("file_id") references "stored_files" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stamp_duty_ledger" cascade;`);

    this.addSql(`drop table if exists "receipts" cascade;`);
  }

}
