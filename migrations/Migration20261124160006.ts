import { Migration } from '@mikro-orm/migrations';

export class Migration20261124160006 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "counters" ("key" varchar(64) not null, "value" int not null, constraint "counters_pkey" primary key ("key"));`);

    this.addSql(`create table "orders" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(32) not null, "customer_id" uuid not null, "customer_name" varchar(120) not null, "customer_phone" varchar(16) not null, "customer_email" varchar(254) not null, "status" text check ("status" in ('AWAITING_SPK', 'SPK_IN_PROGRESS', 'AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED', 'COMPLETED', 'CANCELLED')) not null default 'AWAITING_SPK', "total_price" bigint not null, "start_date" date not null, "assigned_to_id" uuid null, "spk_confirmed_at" timestamptz null, "cancel_reason" text null, "notes" text null, constraint "orders_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders" add constraint "orders_number_unique" unique ("number");`);
    this.addSql(`create index "orders_customer_id_index" on "orders" ("customer_id");`);
    this.addSql(`create index "orders_status_index" on "orders" ("status");`);
    this.addSql(`create index "orders_assigned_to_id_index" on "orders" ("assigned_to_id");`);

    this.addSql(`create table "order_items" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "position" int not null, "product_id" uuid not null, "plan_id" uuid not null, "product_name" varchar(120) not null, "category" text check ("category" in ('CLOUD_SERVER', 'DEDICATED_SERVER', 'COLOCATION', 'VPS')) not null, "specs" jsonb not null, "plan_terms" jsonb not null, "cash_price" bigint not null, "setup_fee" bigint not null, "total_price" bigint not null, constraint "order_items_pkey" primary key ("id"));`);
    this.addSql(`create index "order_items_order_id_index" on "order_items" ("order_id");`);
    this.addSql(`create index "order_items_product_id_index" on "order_items" ("product_id");`);

    this.addSql(`create table "installments" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "number" int not null, "due_date" date not null, "amount" bigint not null, "principal" bigint not null, "margin" bigint not null, "fees" bigint not null, "status" text check ("status" in ('PENDING', 'DUE', 'OVERDUE', 'PAID', 'CANCELLED')) not null default 'PENDING', "paid_amount" bigint not null default 0, "late_fee" bigint not null default 0, "late_fee_paid" bigint not null default 0, "paid_at" timestamptz null, constraint "installments_pkey" primary key ("id"), constraint installments_fee_paid_within_fee check (late_fee_paid >= 0 and late_fee_paid <= late_fee), constraint installments_paid_within_amount check (paid_amount >= 0 and paid_amount <= amount));`);
    this.addSql(`create index "installments_status_due_date_index" on "installments" ("status", "due_date");`);
    this.addSql(`alter table "installments" add constraint "installments_order_id_number_unique" unique ("order_id", "number");`);

    this.addSql(`create table "cart_items" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" uuid not null, "product_id" uuid not null, "plan_id" uuid not null, "quantity" int not null, constraint "cart_items_pkey" primary key ("id"));`);
    this.addSql(`alter table "cart_items" add constraint "cart_items_customer_id_product_id_plan_id_unique" unique ("customer_id", "product_id", "plan_id");`);

    this.addSql(`alter table "orders" add constraint "orders_customer_id_foreign" foreign key ("customer_id") references "users" ("id") on update cascade;`);
    this.addSql(`alter table "orders" add constraint "orders_assigned_to_id_foreign" foreign key ("assigned_to_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "order_items" add constraint "order_items_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_items" add constraint "order_items_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade;`);
    this.addSql(`alter table "order_items" add constraint "order_items_plan_id_foreign" foreign key ("plan_id") references "installment_plans" ("id") on update cascade;`);

    this.addSql(`alter table "installments" add constraint "installments_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "cart_items" add constraint "cart_items_customer_id_foreign" foreign key ("customer_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cart_items" add constraint "cart_items_product_id_foreign" foreign key ("product_id") references "products" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "cart_items" add constraint "cart_items_plan_id_foreign" foreign key ("plan_id") references "installment_plans" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "order_items" drop constraint "order_items_order_id_foreign";`);

    this.addSql(`alter table "installments" drop constraint "installments_order_id_foreign";`);

    this.addSql(`drop table if exists "counters" cascade;`);

    this.addSql(`drop table if exists "orders" cascade;`);

    this.addSql(`drop table if exists "order_items" cascade;`);

    this.addSql(`drop table if exists "installments" cascade;`);

    this.addSql(`drop table if exists "cart_items" cascade;`);
  }

}
