import { Migration } from '@mikro-orm/migrations';

export class Migration20261124165158 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "services" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "order_item_id" uuid not null, "customer_id" uuid not null, "label" varchar(40) not null, "hostname" varchar(253) null, "os_template" varchar(40) null, "driver" varchar(16) not null, "external_ref" varchar(100) null, "status" text check ("status" in ('PENDING_SETUP', 'ACTIVE', 'SUSPENDED', 'TERMINATED')) not null default 'PENDING_SETUP', "provisioning" text check ("provisioning" in ('IN_SYNC', 'PENDING', 'WAITING_FOR_STAFF', 'FAILED')) not null default 'PENDING', "pending_action" varchar(16) null default 'create', "last_error" text null, "attempts" int not null default 0, "next_attempt_at" timestamptz null, "suspension_cause" text check ("suspension_cause" in ('NON_PAYMENT', 'CUSTOMER_CHOICE', 'ADMIN')) null, constraint "services_pkey" primary key ("id"));`);
    this.addSql(`create index "services_order_id_index" on "services" ("order_id");`);
    this.addSql(`alter table "services" add constraint "services_order_item_id_unique" unique ("order_item_id");`);
    this.addSql(`create index "services_customer_id_index" on "services" ("customer_id");`);
    this.addSql(`alter table "services" add constraint "services_label_unique" unique ("label");`);
    this.addSql(`create index "services_status_index" on "services" ("status");`);
    this.addSql(`create index "services_provisioning_index" on "services" ("provisioning");`);

    this.addSql(`create table "suspension_events" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "service_id" uuid not null, "action" varchar(16) not null, "cause" text check ("cause" in ('NON_PAYMENT', 'CUSTOMER_CHOICE', 'ADMIN')) null, "actor_id" uuid null, "actor_role" varchar(16) null, "reason" text null, "pay_until" date null, constraint "suspension_events_pkey" primary key ("id"));`);
    this.addSql(`create index "suspension_events_service_id_index" on "suspension_events" ("service_id");`);

    this.addSql(`create table "staff_tasks" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "service_id" uuid not null, "action" varchar(16) not null, "instructions" text not null, "status" text check ("status" in ('OPEN', 'DONE', 'CANCELLED')) not null default 'OPEN', "assigned_to_id" uuid null, "completed_by_id" uuid null, "completed_at" timestamptz null, "note" text null, constraint "staff_tasks_pkey" primary key ("id"));`);
    this.addSql(`create index "staff_tasks_service_id_index" on "staff_tasks" ("service_id");`);
    this.addSql(`create index "staff_tasks_status_index" on "staff_tasks" ("status");`);

    this.addSql(`alter table "services" add constraint "services_order_id_foreign" foreign key ("order_id") references "orders" ("id") on update cascade;`);
    this.addSql(`alter table "services" add constraint "services_order_item_id_foreign" foreign key ("order_item_id") references "order_items" ("id") on update cascade;`);
    this.addSql(`alter table "services" add constraint "services_customer_id_foreign" foreign key ("customer_id") references "users" ("id") on update cascade;`);

    this.addSql(`alter table "suspension_events" add constraint "suspension_events_service_id_foreign" foreign key ("service_id") references "services" ("id") on update cascade;`);
    this.addSql(`alter table "suspension_events" add constraint "suspension_events_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "staff_tasks" add constraint "staff_tasks_service_id_foreign" foreign key ("service_id") references "services" ("id") on update cascade;`);
    this.addSql(`alter table "staff_tasks" add constraint "staff_tasks_assigned_to_id_foreign" foreign key ("assigned_to_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "staff_tasks" add constraint "staff_tasks_completed_by_id_foreign" foreign key ("completed_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "orders" add column "grace_until" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "suspension_events" drop constraint "suspension_events_service_id_foreign";`);

    this.addSql(`alter table "staff_tasks" drop constraint "staff_tasks_service_id_foreign";`);

    this.addSql(`drop table if exists "services" cascade;`);

    this.addSql(`drop table if exists "suspension_events" cascade;`);

    this.addSql(`drop table if exists "staff_tasks" cascade;`);

    this.addSql(`alter table "orders" drop column "grace_until";`);
  }

}
