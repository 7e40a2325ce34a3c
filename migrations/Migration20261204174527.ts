import { Migration } from '@mikro-orm/migrations';

export class Migration20261204174527 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "spk_provider_signings" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "spk_id" uuid not null, "provider" varchar(16) not null, "reference" varchar(200) not null, "state" text check ("state" in ('OTP_REQUIRED', 'AWAITING_SIGNER', 'SIGNED', 'FAILED')) not null, "admin_signed_version" int not null, "signing_url" text null, "sandbox_otp" varchar(12) null, "failure_reason" text null, "signed_version" int null, "completed_at" timestamptz null, "last_checked_at" timestamptz null, "callbacks" int not null default 0, constraint "spk_provider_signings_pkey" primary key ("id"));`);
    this.addSql(`create index "spk_provider_signings_spk_id_index" on "spk_provider_signings" ("spk_id");`);
    this.addSql(`alter table "spk_provider_signings" add constraint "spk_provider_signings_provider_reference_unique" unique ("provider", "reference");`);

    this.addSql(`alter table "spk_provider_signings" add constraint "spk_provider_signings_spk_id_foreign" foreign key ("spk_id") references "spks" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "spks" add column "customer_signature_box" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "spk_provider_signings" cascade;`);

    this.addSql(`alter table "spks" drop column "customer_signature_box";`);
  }

}
