import type { EntityManager } from '@mikro-orm/postgresql';
import { todayJakarta, type Clock } from '../common/time';
import type { DomainEvents } from '../events/domain-events';
import { PAYABLE_SQL } from './owed-sql';
import { CLOSED_LINE_SQL } from './rules';

export interface InvoicingDeps {
  clock: Clock;
  events: DomainEvents;
  /** INVOICE_LEAD_DAYS: an installment is invoiced this many days before it falls due. */
  leadDays: number;
}

/** Rows claimed per transaction: bounded, so a payment on one of these orders waits for one batch at most. */
const BATCH = 500;

/**
 * The invoicing moment: every installment of a payable order (SPK confirmed, not closed) whose due date
 * is at most `leadDays` away is invoiced, exactly once. Each batch is claimed set-based in one statement
 * (`invoiced_at is null` → now, SKIP LOCKED, so two processes running this never claim the same row and
 * a payment holding a row is not waited for), and `installment.invoiced` is emitted for each claimed row
 * in the same transaction: a handler that fails rolls the claim back, to be retried by the next run.
 * Lines already paid are invoiced too (paid in advance, still delivered that month). Returns the count.
 */
export async function invoiceDueInstallments(em: EntityManager, deps: InvoicingDeps, signal?: AbortSignal): Promise<number> {
  let total = 0;
  for (;;) {
    if (signal?.aborted) return total;
    const today = todayJakarta(deps.clock);
    const now = deps.clock.now();
    const claimed = await em.fork().transactional(async (tx) => {
      const rows = await tx.getConnection().execute<{ id: string; order_id: string; customer_id: string }[]>(
        `update installments i set invoiced_at = ?, updated_at = ?
         from orders o
         where i.id in (select i.id from installments i join orders o on o.id = i.order_id
                        where i.invoiced_at is null and not ${CLOSED_LINE_SQL} and o.status in ${PAYABLE_SQL}
                          and i.due_date <= ?::date + ?::int
                        order by i.due_date, i.id limit ${BATCH} for update of i skip locked)
           and o.id = i.order_id and i.invoiced_at is null
         returning i.id, i.order_id, o.customer_id`,
        [now, now, today, deps.leadDays],
        'all',
        tx.getTransactionContext(),
      );
      for (const r of rows) {
        await deps.events.emit(tx, 'installment.invoiced', { installmentId: r.id, orderId: r.order_id, customerId: r.customer_id }, { at: now });
      }
      return rows.length;
    });
    total += claimed;
    if (claimed < BATCH) return total;
  }
}
