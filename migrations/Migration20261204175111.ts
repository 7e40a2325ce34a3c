import { Migration } from '@mikro-orm/migrations';

export class Migration20261204175111 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "virtual_accounts" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "provider" varchar(16) not null, "bank_code" varchar(16) not null, "name" varchar(100) not null, "number" varchar(32) null, "provider_id" varchar(100) null, "status" text check ("status" in ('PENDING', 'ACTIVE', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "last_error" text null, constraint "virtual_accounts_pkey" primary key ("id"));`);
    this.addSql(`alter table "virtual_accounts" add constraint "virtual_accounts_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "virtual_accounts_status_index" on "virtual_accounts" ("status");`);
    this.addSql(`alter table "virtual_accounts" add constraint "virtual_accounts_provider_provider_id_unique" unique ("provider", "provider_id");`);
    this.addSql(`alter table "virtual_accounts" add constraint "virtual_accounts_provider_number_unique" unique ("provider", "number");`);

    this.addSql(`create table "bank_statement_lines" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "source" text check ("source" in ('BCA', 'MANDIRI', 'BNI', 'BRI', 'MT940', 'WEBHOOK')) not null, "line_hash" varchar(64) not null, "booked_on" date not null, "amount" bigint not null, "description" text not null, "payer_name" varchar(120) null, "status" text check ("status" in ('MATCHED', 'UNMATCHED', 'DISMISSED')) not null default 'UNMATCHED', "payment_id" uuid null, "note" text null, "imported_by_id" uuid null, "resolved_by_id" uuid null, constraint "bank_statement_lines_pkey" primary key ("id"));`);
    this.addSql(`alter table "bank_statement_lines" add constraint "bank_statement_lines_line_hash_unique" unique ("line_hash");`);
    this.addSql(`create index "bank_statement_lines_amount_index" on "bank_statement_lines" ("amount");`);
    this.addSql(`create index "bank_statement_lines_status_index" on "bank_statement_lines" ("status");`);

    this.addSql(`alter table "virtual_accounts" add constraint "virtual_accounts_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);

    this.addSql(`alter table "bank_statement_lines" add constraint "bank_statement_lines_payment_id_foreign" foreign key ("payment_id") references "payments" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "bank_statement_lines" add constraint "bank_statement_lines_imported_by_id_foreign" foreign key ("imported_by_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "bank_statement_lines" add constraint "bank_statement_lines_resolved_by_id_foreign" foreign key ("resolved_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "payments" drop constraint if exists "payments_method_check";`);

    this.addSql(`alter table "payment_anomalies" drop constraint if exists "payment_anomalies_kind_check";`);

    this.addSql(`alter table "payments" add column "unique_code" bigint not null default 0, add column "qr_string" text null, add column "virtual_account_id" uuid null;`);
    this.addSql(`alter table "payments" add constraint "payments_virtual_account_id_foreign" foreign key ("virtual_account_id") references "virtual_accounts" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "payments" add constraint "payments_method_check" check("method" in ('BANK_TRANSFER', 'GATEWAY', 'QRIS', 'VIRTUAL_ACCOUNT'));`);

    this.addSql(`alter table "payment_anomalies" add constraint "payment_anomalies_kind_check" check("kind" in ('AMOUNT_MISMATCH', 'UNKNOWN_REFERENCE', 'OVERPAYMENT', 'LATE_SETTLEMENT', 'UNIQUE_CODE_REFUND'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payments" drop constraint "payments_virtual_account_id_foreign";`);

    this.addSql(`drop table if exists "virtual_accounts" cascade;`);

    this.addSql(`drop table if exists "bank_statement_lines" cascade;`);

    this.addSql(`alter table "payment_anomalies" drop constraint if exists "payment_anomalies_kind_check";`);

    this.addSql(`alter table "payments" drop constraint if exists "payments_method_check";`);

    this.addSql(`alter table "payment_anomalies" add constraint "payment_anomalies_kind_check" check("kind" in ('AMOUNT_MISMATCH', 'UNKNOWN_REFERENCE', 'OVERPAYMENT', 'LATE_SETTLEMENT'));`);

    this.addSql(`alter table "payments" drop column "unique_code", drop column "qr_string", drop column "virtual_account_id";`);

    this.addSql(`alter table "payments" add constraint "payments_method_check" check("method" in ('BANK_TRANSFER', 'GATEWAY'));`);
  }

}
