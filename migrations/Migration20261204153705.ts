import { Migration } from '@mikro-orm/migrations';

export class Migration20261204153705 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification_deliveries" add column "claimed_by" varchar(64) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification_deliveries" drop column "claimed_by";`);
  }

}
