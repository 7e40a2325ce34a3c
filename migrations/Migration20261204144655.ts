import { Migration } from '@mikro-orm/migrations';
import { fieldCipher } from '../server/src/privacy/field-cipher';

/**
 * Staff two-factor sign-in, personal-data requests, and NIK and address encrypted at rest (UU PDP).
 * The schema steps run first, in this transaction, so the rows already there can be encrypted here
 * with the configured key (DATA_ENCRYPTION_KEYS) before the migration commits: no plain NIK survives it.
 */
export class Migration20261204144655 extends Migration {
  override async up(): Promise<void> {
    for (const sql of [
      `create table "two_factor_recovery_codes" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "used_at" timestamptz null, constraint "two_factor_recovery_codes_pkey" primary key ("id"));`,
      `create index "two_factor_recovery_codes_user_id_index" on "two_factor_recovery_codes" ("user_id");`,
      `alter table "two_factor_recovery_codes" add constraint "two_factor_recovery_codes_code_hash_unique" unique ("code_hash");`,
      `create table "privacy_requests" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" uuid not null, "kind" text check ("kind" in ('CORRECTION', 'ERASURE')) not null, "status" text check ("status" in ('OPEN', 'COMPLETED', 'REJECTED')) not null default 'OPEN', "details" text null, "due_at" timestamptz not null, "handled_by_id" uuid null, "handled_at" timestamptz null, "resolution" text null, "kept" jsonb null, constraint "privacy_requests_pkey" primary key ("id"));`,
      `create index "privacy_requests_customer_id_index" on "privacy_requests" ("customer_id");`,
      `create index "privacy_requests_status_due_at_index" on "privacy_requests" ("status", "due_at");`,
      `alter table "two_factor_recovery_codes" add constraint "two_factor_recovery_codes_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
      `alter table "privacy_requests" add constraint "privacy_requests_customer_id_foreign" foreign key ("customer_id") references "users" ("id") on update cascade;`,
      `alter table "privacy_requests" add constraint "privacy_requests_handled_by_id_foreign" foreign key ("handled_by_id") references "users" ("id") on update cascade on delete set null;`,
      `alter table "users" add column "nik_hash" varchar(64) null, add column "totp_secret" text null, add column "totp_pending_secret" text null, add column "totp_enabled_at" timestamptz null, add column "totp_last_step" int null, add column "erased_at" timestamptz null;`,
      `alter table "users" alter column "nik" type text using ("nik"::text);`,
      `create index "users_nik_hash_index" on "users" ("nik_hash");`,
      `alter table "refresh_tokens" add column "mfa" boolean not null default false;`,
    ]) {
      await this.execute(sql);
    }
    await encryptExistingRows(this);
  }

  override async down(): Promise<void> {
    // Back to plain text first, or the old varchar(16) column could not hold the NIK.
    const cipher = fieldCipher();
    const rows = (await this.execute(`select id, nik, address from "users" where nik is not null or address is not null`)) as { id: string; nik: string | null; address: string | null }[];
    for (const row of rows) {
      await this.execute(`update "users" set nik = ?, address = ? where id = ?`, [
        row.nik === null ? null : cipher.decrypt(row.nik, 'users.nik'),
        row.address === null ? null : cipher.decrypt(row.address, 'users.address'),
        row.id,
      ]);
    }
    for (const sql of [
      `drop table if exists "two_factor_recovery_codes" cascade;`,
      `drop table if exists "privacy_requests" cascade;`,
      `alter table "refresh_tokens" drop column "mfa";`,
      `drop index "users_nik_hash_index";`,
      `alter table "users" drop column "nik_hash", drop column "totp_secret", drop column "totp_pending_secret", drop column "totp_enabled_at", drop column "totp_last_step", drop column "erased_at";`,
      `alter table "users" alter column "nik" type varchar(16) using ("nik"::varchar(16));`,
    ]) {
      await this.execute(sql);
    }
  }
}

/** NIK and address of every existing user, encrypted in place, with the NIK's keyed hash beside it. */
async function encryptExistingRows(m: Migration) {
  const cipher = fieldCipher();
  const rows = (await m.execute(`select id, nik, address from "users" where nik is not null or address is not null`)) as { id: string; nik: string | null; address: string | null }[];
  for (const row of rows) {
    await m.execute(`update "users" set nik = ?, nik_hash = ?, address = ? where id = ?`, [
      row.nik === null ? null : cipher.encrypt(row.nik, 'users.nik'),
      row.nik === null ? null : cipher.hash(row.nik, 'users.nik'),
      row.address === null ? null : cipher.encrypt(row.address, 'users.address'),
      row.id,
    ]);
  }
}
