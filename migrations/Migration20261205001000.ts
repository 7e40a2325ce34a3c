import { Migration } from '@mikro-orm/migrations';

/** Customer-borne e-Meterai on installments, the ledger's link to the line it was charged on, and quota purchases. */
export class Migration20261205001000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "installments" add column "stamp_duty" bigint not null default 0;`);
    this.addSql(`alter table "installments" add constraint installments_stamp_duty_within_amount check (stamp_duty >= 0 and stamp_duty <= amount);`);

    this.addSql(`alter table "stamp_duty_ledger" add column "charged_installment_id" uuid null, add column "charged_order_id" uuid null, add column "charged_installment_number" int null;`);

    this.addSql(`create table "stamp_quota_purchases" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "purchased_on" date not null, "quantity" int not null, "price_per_stamp" bigint not null, "reference" varchar(100) not null, "status" text check ("status" in ('RECORDED', 'VOIDED')) not null default 'RECORDED', "void_reason" text null, "created_by" uuid not null, constraint "stamp_quota_purchases_pkey" primary key ("id"), constraint stamp_quota_purchases_positive check (quantity > 0 and price_per_stamp >= 0));`);
    this.addSql(`create index "stamp_quota_purchases_purchased_on_index" on "stamp_quota_purchases" ("purchased_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "stamp_quota_purchases" cascade;`);
    this.addSql(`alter table "stamp_duty_ledger" drop column "charged_installment_id", drop column "charged_order_id", drop column "charged_installment_number";`);
    this.addSql(`alter table "installments" drop constraint installments_stamp_duty_within_amount;`);
    this.addSql(`alter table "installments" drop column "stamp_duty";`);
  }

}
