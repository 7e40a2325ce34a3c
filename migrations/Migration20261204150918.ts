import { Migration } from '@mikro-orm/migrations';

export class Migration20261204150918 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "spks" drop constraint if exists "spks_status_check";`);

    this.addSql(`alter table "spk_events" drop constraint if exists "spk_events_from_status_check";`);
    this.addSql(`alter table "spk_events" drop constraint if exists "spk_events_to_status_check";`);

    this.addSql(`alter table "spks" add constraint "spks_status_check" check("status" in ('DRAFT', 'UNDER_REVIEW', 'APPROVED', 'REVISION_REQUESTED', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED', 'SIGNATURE_REJECTED', 'CONFIRMED', 'CANCELLED'));`);

    this.addSql(`alter table "spk_events" add constraint "spk_events_from_status_check" check("from_status" in ('DRAFT', 'UNDER_REVIEW', 'APPROVED', 'REVISION_REQUESTED', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED', 'SIGNATURE_REJECTED', 'CONFIRMED', 'CANCELLED'));`);
    // SPKs the customer already approved were left UNDER_REVIEW; the move is now the staff's.
    this.addSql(`update "spks" set "status" = 'APPROVED' where "status" = 'UNDER_REVIEW' and "approved_at" is not null;`);
    this.addSql(`alter table "spk_events" add constraint "spk_events_to_status_check" check("to_status" in ('DRAFT', 'UNDER_REVIEW', 'APPROVED', 'REVISION_REQUESTED', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED', 'SIGNATURE_REJECTED', 'CONFIRMED', 'CANCELLED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "spks" set "status" = 'UNDER_REVIEW' where "status" = 'APPROVED';`);
    this.addSql(`update "spk_events" set "to_status" = 'UNDER_REVIEW' where "to_status" = 'APPROVED';`);
    this.addSql(`update "spk_events" set "from_status" = 'UNDER_REVIEW' where "from_status" = 'APPROVED';`);
    this.addSql(`alter table "spk_events" drop constraint if exists "spk_events_from_status_check";`);
    this.addSql(`alter table "spk_events" drop constraint if exists "spk_events_to_status_check";`);

    this.addSql(`alter table "spks" drop constraint if exists "spks_status_check";`);

    this.addSql(`alter table "spk_events" add constraint "spk_events_from_status_check" check("from_status" in ('DRAFT', 'UNDER_REVIEW', 'REVISION_REQUESTED', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED', 'SIGNATURE_REJECTED', 'CONFIRMED', 'CANCELLED'));`);
    this.addSql(`alter table "spk_events" add constraint "spk_events_to_status_check" check("to_status" in ('DRAFT', 'UNDER_REVIEW', 'REVISION_REQUESTED', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED', 'SIGNATURE_REJECTED', 'CONFIRMED', 'CANCELLED'));`);

    this.addSql(`alter table "spks" add constraint "spks_status_check" check("status" in ('DRAFT', 'UNDER_REVIEW', 'REVISION_REQUESTED', 'ADMIN_SIGNED', 'CUSTOMER_SIGNED', 'SIGNATURE_REJECTED', 'CONFIRMED', 'CANCELLED'));`);
  }

}
