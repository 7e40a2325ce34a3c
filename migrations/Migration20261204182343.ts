import { Migration } from '@mikro-orm/migrations';

export class Migration20261204182343 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "restructurings" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "round" int not null, "open_amount" bigint not null, "late_fees_carried" bigint not null, "late_fees_waived" bigint not null, "tenor_months" int not null, "first_due_date" date not null, "reason" text not null, "old_lines" jsonb not null, "addendum_id" uuid null, "created_by_id" uuid not null, constraint "restructurings_pkey" primary key ("id"));`);
    this.addSql(`create index "restructurings_order_id_index" on "restructurings" ("order_id");`);
    this.addSql(`alter table "restructurings" add constraint "restructurings_order_id_round_unique" unique ("order_id", "round");`);

    this.addSql(`create table "tax_invoices" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reference" varchar(32) not null, "kind" text check ("kind" in ('NORMAL', 'RETURN')) not null, "status" text check ("status" in ('DRAFT', 'EXPORTED', 'NUMBERED', 'CANCELLED')) not null default 'DRAFT', "order_id" uuid not null, "installment_id" uuid not null, "customer_id" uuid not null, "original_id" uuid null, "payment_id" uuid null, "invoice_date" date not null, "period" varchar(7) not null, "trx_code" varchar(2) not null, "buyer_tin" text not null, "buyer_idtku" varchar(22) null, "buyer_name" varchar(160) not null, "buyer_address" text not null, "buyer_email" varchar(254) null, "description" varchar(200) not null, "tax_base" bigint not null, "other_tax_base" bigint not null, "vat_rate_bps" int not null, "vat" bigint not null, "coretax_number" varchar(17) null, "exported_at" timestamptz null, "numbered_at" timestamptz null, constraint "tax_invoices_pkey" primary key ("id"));`);
    this.addSql(`alter table "tax_invoices" add constraint "tax_invoices_reference_unique" unique ("reference");`);
    this.addSql(`create index "tax_invoices_order_id_index" on "tax_invoices" ("order_id");`);
    this.addSql(`create index "tax_invoices_installment_id_index" on "tax_invoices" ("installment_id");`);
    this.addSql(`create index "tax_invoices_customer_id_index" on "tax_invoices" ("customer_id");`);
    this.addSql(`alter table "tax_invoices" add constraint "tax_invoices_coretax_number_unique" unique ("coretax_number");`);
    this.addSql(`create unique index "tax_invoices_one_per_installment" on "tax_invoices" ("installment_id") where kind = 'NORMAL' and status <> 'CANCELLED';`);
    this.addSql(`create index "tax_invoices_period_status_index" on "tax_invoices" ("period", "status");`);
    this.addSql(`alter table "tax_invoices" add constraint "tax_invoices_original_id_payment_id_unique" unique ("original_id", "payment_id");`);

    this.addSql(`alter table "restructurings" add constraint "restructurings_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);
    this.addSql(`alter table "restructurings" add constraint "restructurings_addendum_id_foreign" foreign key ("addendum_id") references "spks" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "restructurings" add constraint "restructurings_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "tax_invoices" add constraint "tax_invoices_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);
    this.addSql(`alter table "tax_invoices" add constraint "tax_invoices_installment_id_foreign" foreign key ("installment_id") references "installments" ("id") on update cascade;`);
    this.addSql(`alter table "tax_invoices" add constraint "tax_invoices_customer_id_foreign" foreign key ("customer_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "tax_invoices" add constraint "tax_invoices_original_id_foreign" foreign key ("original_id") references "tax_invoices" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "installments" drop constraint if exists "installments_status_check";`);

    this.addSql(`alter table "products" add column "prices_include_vat" boolean not null default true;`);

    this.addSql(`alter table "users" add column "npwp" text null, add column "nitku" varchar(22) null;`);

    this.addSql(`alter table "orders" add column "vat_terms" jsonb null;`);

    this.addSql(`alter table "spks" add column "addendum_round" int null;`);

    this.addSql(`alter table "installments" add column "tax_base" bigint not null default 0, add column "other_tax_base" bigint not null default 0, add column "vat" bigint not null default 0;`);
    this.addSql(`alter table "installments" add constraint "installments_status_check" check("status" in ('PENDING', 'DUE', 'OVERDUE', 'PAID', 'CANCELLED', 'RESTRUCTURED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tax_invoices" drop constraint "tax_invoices_original_id_foreign";`);

    this.addSql(`drop table if exists "restructurings" cascade;`);

    this.addSql(`drop table if exists "tax_invoices" cascade;`);

    this.addSql(`alter table "installments" drop constraint if exists "installments_status_check";`);

    this.addSql(`alter table "installments" drop column "tax_base", drop column "other_tax_base", drop column "vat";`);

    this.addSql(`alter table "installments" add constraint "installments_status_check" check("status" in ('PENDING', 'DUE', 'OVERDUE', 'PAID', 'CANCELLED'));`);

    this.addSql(`alter table "orders" drop column "vat_terms";`);

    this.addSql(`alter table "products" drop column "prices_include_vat";`);

    this.addSql(`alter table "spks" drop column "addendum_round";`);

    this.addSql(`alter table "users" drop column "npwp", drop column "nitku";`);
  }

}
