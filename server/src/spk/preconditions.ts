import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../accounts/user.entity';
import { AppError } from '../common/errors';
import { currentScope } from '../common/request-context';
import { todayJakarta, type Clock } from '../common/time';
import { Installment } from '../installments/installment.entity';
import { liveLines } from '../installments/rules';
import { summarize } from '../installments/summary';
import { formatRupiah } from '../money/rupiah';
import { OrderStatus } from '../orders/order-status';
import { Order } from '../orders/order.entity';

const REQUIRED: (keyof User)[] = ['fullName', 'nik', 'address', 'phone', 'email'];

/**
 * "Harus punya data": an SPK names the customer with NIK and address, so those must be on file.
 * Throws PROFILE_INCOMPLETE listing what is missing.
 */
export function assertProfileComplete(customer: User) {
  const missing = REQUIRED.filter((k) => !customer[k] || String(customer[k]).trim() === '');
  if (missing.length) {
    const en = currentScope()?.locale === 'en';
    throw new AppError(
      'PROFILE_INCOMPLETE',
      en ? `The customer's profile is incomplete: ${missing.join(', ')}.` : `Data pelanggan belum lengkap: ${missing.join(', ')}.`,
      { missing },
    );
  }
}

/**
 * A customer in arrears on another order gets no new SPK until it is settled (the seed's rule 2).
 * Throws CUSTOMER_IN_ARREARS with the orders and the amount.
 */
export async function assertNoArrears(em: EntityManager, customerId: string, exceptOrderId: string, clock: Clock) {
  const today = todayJakarta(clock);
  const orders = await em.find(Order, {
    customer: customerId,
    id: { $ne: exceptOrderId },
    status: { $in: [OrderStatus.AWAITING_DOWN_PAYMENT, OrderStatus.ACTIVE, OrderStatus.SUSPENDED] },
  });
  if (!orders.length) return;
  const installments = await em.find(Installment, { order: { $in: orders.map((o) => o.id) }, ...liveLines() });
  const inArrears = orders
    .map((o) => ({ order: o, arrears: summarize(installments.filter((i) => i.order.id === o.id), today).arrearsAmount }))
    .filter((x) => x.arrears > 0n);
  if (!inArrears.length) return;
  const total = inArrears.reduce((s, x) => s + x.arrears, 0n);
  const en = currentScope()?.locale === 'en';
  throw new AppError(
    'CUSTOMER_IN_ARREARS',
    en
      ? `The customer has arrears of ${formatRupiah(total)}; settle them (pay) or suspend before a new SPK.`
      : `Pelanggan masih memiliki tunggakan ${formatRupiah(total)}; lunasi (bayar) atau suspend sebelum SPK baru dibuat.`,
    { orders: inArrears.map((x) => x.order.number), arrearsAmount: total.toString() },
  );
}
