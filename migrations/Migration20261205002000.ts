import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboard's book kept by due date (issue 14 item 5): insert-only delta tables, the
 * statement-level triggers on installments and orders that fill them, and the backfill of the book as
 * it is. The trigger functions are the text reports/dashboard-book.ts rendered from the installment
 * rules (OPEN_SQL, OWED_SQL, PAYABLE_SQL) when this was written, frozen here as a migration must be
 * (test/dashboard/dashboard-book.test.ts fails when the rules render something else, until a new
 * migration installs `bookFunctions()` again). `after`/`before` are the statement's transition tables,
 * or an empty set for the one an INSERT or DELETE lacks.
 */
const installmentsDelta = (after: string, before: string) =>
  `
begin
  with a as (select i.id, i.order_id, i.due_date, i.number, (not (i.status in ('CANCELLED', 'RESTRUCTURED')) and (i.paid_amount < i.amount or i.late_fee_paid < i.late_fee)) as open, (i.amount - i.paid_amount + i.late_fee - i.late_fee_paid) as owed from ${after} i), b as (select i.id, i.order_id, i.due_date, i.number, (not (i.status in ('CANCELLED', 'RESTRUCTURED')) and (i.paid_amount < i.amount or i.late_fee_paid < i.late_fee)) as open, (i.amount - i.paid_amount + i.late_fee - i.late_fee_paid) as owed from ${before} i),
    moved as (
      select a.order_id, a.due_date, a.open, a.owed, 1 as sign, (a.order_id, a.due_date, a.number, a.open) is not distinct from (b.order_id, b.due_date, b.number, b.open) as kept_shape from a left join b using (id) where b.id is null or not (a.order_id, a.due_date, a.number, a.open, a.owed) is not distinct from (b.order_id, b.due_date, b.number, b.open, b.owed)
      union all
      select b.order_id, b.due_date, b.open, b.owed, -1, (a.order_id, a.due_date, a.number, a.open) is not distinct from (b.order_id, b.due_date, b.number, b.open) from b left join a using (id) where a.id is null or not (a.order_id, a.due_date, a.number, a.open, a.owed) is not distinct from (b.order_id, b.due_date, b.number, b.open, b.owed)
    ),
    days as (
      insert into dashboard_book_days (due_date, installments, owed)
      select m.due_date, sum(m.sign), sum(m.sign * m.owed) from moved m join orders o on o.id = m.order_id
      where m.open and o.status in ('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED')
      group by m.due_date having sum(m.sign) <> 0 or sum(m.sign * m.owed) <> 0
    ),
    touched as (
      select distinct m.order_id as id from moved m join orders o on o.id = m.order_id
      where m.open and not m.kept_shape and o.status in ('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED')
    ),
    now_open as (select i.order_id, i.due_date, i.number, 1 as sign from installments i join touched t on t.id = i.order_id where (not (i.status in ('CANCELLED', 'RESTRUCTURED')) and (i.paid_amount < i.amount or i.late_fee_paid < i.late_fee))),
    was_open as (
      select i.order_id, i.due_date, i.number, -1 as sign from installments i join touched t on t.id = i.order_id
        where (not (i.status in ('CANCELLED', 'RESTRUCTURED')) and (i.paid_amount < i.amount or i.late_fee_paid < i.late_fee)) and not exists (select 1 from a where a.id = i.id)
      union all
      select b.order_id, b.due_date, b.number, -1 from b join touched t on t.id = b.order_id where b.open
    )
    insert into dashboard_book_edges (due_date, prev_due, orders)
    select due_date, prev_due, sum(sign) from (select due_date, lag(due_date) over (partition by order_id order by due_date, number) as prev_due, sign from now_open x union all select due_date, lag(due_date) over (partition by order_id order by due_date, number) as prev_due, sign from was_open x) e group by due_date, prev_due having sum(sign) <> 0;
  return null;
end
`;
const statusesSql = (after: string, before: string) =>
  `insert into dashboard_order_statuses (status, orders)
    select status, sum(sign) from (select status, 1 as sign from ${after} x union all select status, -1 from ${before} x) s
    group by status having sum(sign) <> 0`;
const statuses = (after: string, before: string) => `\nbegin\n  ${statusesSql(after, before)};\n  return null;\nend\n`;
const NO_INSTALLMENTS = `(select * from installments where false)`;
const NO_ORDERS = `(select * from orders where false)`;

const FUNCTIONS: Record<string, string> = {
  angsur_book_installments_inserted: installmentsDelta('new_rows', NO_INSTALLMENTS),
  angsur_book_installments_updated: installmentsDelta('new_rows', 'old_rows'),
  angsur_book_installments_deleted: installmentsDelta(NO_INSTALLMENTS, 'old_rows'),
  angsur_book_orders_inserted: statuses('new_rows', NO_ORDERS),
  angsur_book_orders_updated: `
begin
  with statuses as (${statusesSql('new_rows', 'old_rows')}),
    flipped as (
      select n.id, case when n.status in ('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED') then 1 else -1 end as sign from new_rows n join old_rows b using (id)
      where (n.status in ('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED')) <> (b.status in ('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED'))
    ),
    lines as (select i.order_id, i.due_date, i.number, (i.amount - i.paid_amount + i.late_fee - i.late_fee_paid) as owed, f.sign from installments i join flipped f on f.id = i.order_id where (not (i.status in ('CANCELLED', 'RESTRUCTURED')) and (i.paid_amount < i.amount or i.late_fee_paid < i.late_fee))),
    days as (
      insert into dashboard_book_days (due_date, installments, owed)
      select due_date, sum(sign), sum(sign * owed) from lines group by due_date having sum(sign) <> 0 or sum(sign * owed) <> 0
    )
    insert into dashboard_book_edges (due_date, prev_due, orders)
    select due_date, prev_due, sum(sign) from (select due_date, lag(due_date) over (partition by order_id order by due_date, number) as prev_due, sign from lines x) e group by due_date, prev_due having sum(sign) <> 0;
  return null;
end
`,
  angsur_book_orders_deleted: statuses(NO_ORDERS, 'old_rows'),
  angsur_book_truncated: `
begin
  delete from dashboard_book_days;
  delete from dashboard_book_edges;
  delete from dashboard_order_statuses;
  return null;
end
`,
};

export class Migration20261205002000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of [
      `create table dashboard_book_days (due_date date not null, installments bigint not null, owed bigint not null)`,
      `create index dashboard_book_days_due_date_index on dashboard_book_days (due_date)`,
      `create table dashboard_book_edges (due_date date not null, prev_due date null, orders bigint not null)`,
      `create table dashboard_order_statuses (status text not null, orders bigint not null)`,
      `create index if not exists installments_due_date_index on installments (due_date)`,
      ...Object.entries(FUNCTIONS).map(([name, body]) => `create or replace function ${name}() returns trigger language plpgsql as $fn$${body}$fn$`),
      `create trigger angsur_book_installments_inserted after insert on installments referencing new table as new_rows for each statement execute function angsur_book_installments_inserted()`,
      `create trigger angsur_book_installments_updated after update on installments referencing old table as old_rows new table as new_rows for each statement execute function angsur_book_installments_updated()`,
      `create trigger angsur_book_installments_deleted after delete on installments referencing old table as old_rows for each statement execute function angsur_book_installments_deleted()`,
      `create trigger angsur_book_orders_inserted after insert on orders referencing new table as new_rows for each statement execute function angsur_book_orders_inserted()`,
      `create trigger angsur_book_orders_updated after update on orders referencing old table as old_rows new table as new_rows for each statement execute function angsur_book_orders_updated()`,
      `create trigger angsur_book_orders_deleted after delete on orders referencing old table as old_rows for each statement execute function angsur_book_orders_deleted()`,
      `create trigger angsur_book_installments_truncated after truncate on installments  for each statement execute function angsur_book_truncated()`,
      `create trigger angsur_book_orders_truncated after truncate on orders  for each statement execute function angsur_book_truncated()`,
      // The backfill: the book as it is.
      `insert into dashboard_book_days (due_date, installments, owed)
   select i.due_date, count(*), sum((i.amount - i.paid_amount + i.late_fee - i.late_fee_paid)) from installments i join orders o on o.id = i.order_id
   where o.status in ('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED') and (not (i.status in ('CANCELLED', 'RESTRUCTURED')) and (i.paid_amount < i.amount or i.late_fee_paid < i.late_fee)) group by i.due_date`,
      `insert into dashboard_book_edges (due_date, prev_due, orders)
    select due_date, prev_due, sum(sign) from (select due_date, lag(due_date) over (partition by order_id order by due_date, number) as prev_due, sign from (select i.order_id, i.due_date, i.number, 1 as sign from installments i join orders o on o.id = i.order_id where o.status in ('AWAITING_DOWN_PAYMENT', 'ACTIVE', 'SUSPENDED') and (not (i.status in ('CANCELLED', 'RESTRUCTURED')) and (i.paid_amount < i.amount or i.late_fee_paid < i.late_fee))) x) e group by due_date, prev_due having sum(sign) <> 0`,
      `insert into dashboard_order_statuses (status, orders)
    select status, sum(sign) from (select status, 1 as sign from orders x union all select status, -1 from (select * from orders where false) x) s
    group by status having sum(sign) <> 0`,
    ]) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of [
      `drop trigger if exists angsur_book_installments_inserted on installments`,
      `drop trigger if exists angsur_book_installments_updated on installments`,
      `drop trigger if exists angsur_book_installments_deleted on installments`,
      `drop trigger if exists angsur_book_installments_truncated on installments`,
      `drop trigger if exists angsur_book_orders_inserted on orders`,
      `drop trigger if exists angsur_book_orders_updated on orders`,
      `drop trigger if exists angsur_book_orders_deleted on orders`,
      `drop trigger if exists angsur_book_orders_truncated on orders`,
      `drop function if exists angsur_book_installments_inserted()`,
      `drop function if exists angsur_book_installments_updated()`,
      `drop function if exists angsur_book_installments_deleted()`,
      `drop function if exists angsur_book_orders_inserted()`,
      `drop function if exists angsur_book_orders_updated()`,
      `drop function if exists angsur_book_orders_deleted()`,
      `drop function if exists angsur_book_truncated()`,
      `drop index if exists installments_due_date_index`,
      `drop table if exists dashboard_book_days`,
      `drop table if exists dashboard_book_edges`,
      `drop table if exists dashboard_order_statuses`,
    ]) this.addSql(sql);
  }
}
