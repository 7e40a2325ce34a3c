import { Migration } from '@mikro-orm/migrations';

/**
 * A provider signing is recorded before the provider is called (state STARTING, no reference yet), so no
 * transaction is held around the HTTP call (issue 14 item 6; spk/provider-signing.ts).
 */
export class Migration20261205004000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "spk_provider_signings" drop constraint if exists "spk_provider_signings_state_check";`);
    this.addSql(`alter table "spk_provider_signings" add constraint "spk_provider_signings_state_check" check ("state" in ('STARTING', 'OTP_REQUIRED', 'AWAITING_SIGNER', 'SIGNED', 'FAILED'));`);
    this.addSql(`alter table "spk_provider_signings" alter column "reference" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "spk_provider_signings" where "reference" is null;`);
    this.addSql(`alter table "spk_provider_signings" alter column "reference" set not null;`);
    this.addSql(`alter table "spk_provider_signings" drop constraint if exists "spk_provider_signings_state_check";`);
    this.addSql(`alter table "spk_provider_signings" add constraint "spk_provider_signings_state_check" check ("state" in ('OTP_REQUIRED', 'AWAITING_SIGNER', 'SIGNED', 'FAILED'));`);
  }

}
