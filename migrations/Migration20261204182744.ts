import { Migration } from '@mikro-orm/migrations';

export class Migration20261204182744 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "contract_requests" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "customer_id" uuid not null, "kind" text check ("kind" in ('RENEWAL', 'UPGRADE', 'CANCELLATION')) not null, "note" text null, "status" text check ("status" in ('OPEN', 'DONE')) not null default 'OPEN', constraint "contract_requests_pkey" primary key ("id"));`);
    this.addSql(`create index "contract_requests_order_id_index" on "contract_requests" ("order_id");`);
    this.addSql(`create index "contract_requests_customer_id_index" on "contract_requests" ("customer_id");`);
    this.addSql(`create index "contract_requests_status_index" on "contract_requests" ("status");`);

    this.addSql(`alter table "contract_requests" add constraint "contract_requests_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);
    this.addSql(`alter table "contract_requests" add constraint "contract_requests_customer_id_foreign" foreign key ("customer_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "staff_tasks" drop constraint "staff_tasks_service_id_foreign";`);

    this.addSql(`alter table "products" add column "contract_end_terms" text null;`);

    this.addSql(`alter table "staff_tasks" add column "order_id" uuid null, add column "contract_request_id" uuid null;`);
    this.addSql(`alter table "staff_tasks" alter column "service_id" drop default;`);
    this.addSql(`alter table "staff_tasks" alter column "service_id" type uuid using ("service_id"::text::uuid);`);
    this.addSql(`alter table "staff_tasks" alter column "service_id" drop not null;`);
    this.addSql(`alter table "staff_tasks" add constraint "staff_tasks_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "staff_tasks" add constraint "staff_tasks_service_id_foreign" foreign key ("service_id") references "services" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "staff_tasks_order_id_index" on "staff_tasks" ("order_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "contract_requests" cascade;`);

    this.addSql(`alter table "staff_tasks" drop constraint "staff_tasks_order_id_foreign";`);
    this.addSql(`alter table "staff_tasks" drop constraint "staff_tasks_service_id_foreign";`);

    this.addSql(`alter table "products" drop column "contract_end_terms";`);

    this.addSql(`drop index "staff_tasks_order_id_index";`);
    this.addSql(`alter table "staff_tasks" drop column "order_id", drop column "contract_request_id";`);

    this.addSql(`alter table "staff_tasks" alter column "service_id" drop default;`);
    this.addSql(`alter table "staff_tasks" alter column "service_id" type uuid using ("service_id"::text::uuid);`);
    this.addSql(`alter table "staff_tasks" alter column "service_id" set not null;`);
    this.addSql(`alter table "staff_tasks" add constraint "staff_tasks_service_id_foreign" foreign key ("service_id") references "services" ("id") on update cascade on delete no action;`);
  }

}
