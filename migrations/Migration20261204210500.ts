import { Migration } from '@mikro-orm/migrations';

/**
 * The NOTIFY of a new notification carries the row's public fields (issue 14 item 7): every listening
 * process hands it to its subscribers without reading the row back, however many subscribers an event
 * reaches. PostgreSQL caps a NOTIFY payload below 8000 bytes; a row too large for that is announced by
 * id only, as before, and read once per event.
 */
export class Migration20261204210500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function angsur_notification_added() returns trigger language plpgsql as $$
declare
  payload text;
begin
  payload := json_build_object('notificationId', new.id, 'recipientId', new.recipient_id, 'row', json_build_object(
    'id', new.id, 'type', new.type, 'title', new.title, 'body', new.body, 'link', new.link, 'data', new.data,
    'readAt', new.read_at, 'createdAt', new.created_at, 'updatedAt', new.updated_at))::text;
  if octet_length(payload) > 7900 then
    payload := json_build_object('notificationId', new.id, 'recipientId', new.recipient_id)::text;
  end if;
  perform pg_notify('angsur_notifications', payload);
  return new;
end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function angsur_notification_added() returns trigger language plpgsql as $$
begin
  perform pg_notify('angsur_notifications', json_build_object('notificationId', new.id, 'recipientId', new.recipient_id)::text);
  return new;
end $$;`);
  }
}
