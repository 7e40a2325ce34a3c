import { Migration } from '@mikro-orm/migrations';

/**
 * Every new notification is announced with NOTIFY from a trigger, so the announcement is part of the
 * inserting transaction: PostgreSQL delivers it to every listening server process on commit, and
 * never for a rolled-back insert, whichever code path created the row.
 */
export class Migration20261124171500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function angsur_notification_added() returns trigger language plpgsql as $$
begin
  perform pg_notify('angsur_notifications', json_build_object('notificationId', new.id, 'recipientId', new.recipient_id)::text);
  return new;
end $$;`);
    this.addSql(`create trigger notifications_notify after insert on "notifications" for each row execute function angsur_notification_added();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists notifications_notify on "notifications";`);
    this.addSql(`drop function if exists angsur_notification_added();`);
  }
}
