import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthUser } from '../accounts/auth-user';
import { User } from '../accounts/user.entity';
import { audit } from '../audit/audit';
import { waMeLink } from '../common/id-formats';
import { t } from '../common/messages';
import { formatDate, todayJakarta, type Clock } from '../common/time';
import { daysLate as daysLateOn, isOverdueOn, liveLines } from '../installments/rules';
import { Installment } from '../installments/installment.entity';
import { summarize } from '../installments/summary';
import { formatRupiah } from '../money/rupiah';
import type { NotificationBus } from '../notifications/bus';
import { notify } from '../notifications/notifications.service';
import type { Order } from '../orders/order.entity';
import { appLinks } from '../common/app-links';

/**
 * The admin's notice to an overdue customer ("pilih suspend atau bayar"): in-app, email and WhatsApp
 * in one action, plus a wa.me click-to-chat link with a prefilled Indonesian message for a personal chat.
 */
export async function sendOverdueNotice(
  em: EntityManager,
  deps: { clock: Clock; bus: NotificationBus; publicUrl: string },
  order: Order,
  sender: AuthUser | null,
) {
  // The notice is written in the transaction of the audit entry (a handler's, or one of its own).
  return em.transactional(async (em) => {
    const today = todayJakarta(deps.clock);
    const installments = await em.find(Installment, { order, ...liveLines() }, { orderBy: { number: 'asc' } });
    const summary = summarize(installments, today);
    const oldest = installments.find((i) => isOverdueOn(i, today));
    const daysLate = oldest ? daysLateOn(oldest.dueDate, today) : 0;
    const customer = await em.findOneOrFail(User, order.customer.id);
    const admin = sender ? await em.findOne(User, sender.id) : null;
    const payUrl = `${deps.publicUrl}${appLinks.customerOrder(order.id)}`;
    const notification = await notify(
      em,
      deps,
      customer,
      'OVERDUE_NOTICE',
      {
        customerName: order.customerName,
        orderNumber: order.number,
        arrearsAmount: summary.arrearsAmount,
        daysLate,
        payUrl,
        adminName: admin?.fullName ?? 'Admin',
        adminPhone: admin?.phone ?? customer.phone,
      },
      { link: appLinks.customerOrder(order.id) },
    );
    // In the customer's language, as the notice itself.
    const L = customer.locale;
    const since = oldest ? t('billing.overdueChatSince', { date: formatDate(oldest.dueDate, L) }, L) : '';
    const text = t('billing.overdueChat', { customerName: order.customerName, orderNumber: order.number, since, arrears: formatRupiah(summary.arrearsAmount), payUrl }, L);
    audit(em, sender, 'order.overdue_notice', { entityType: 'Order', entityId: order.id }, { arrearsAmount: summary.arrearsAmount, daysLate });
    return { notification, waLink: waMeLink(order.customerPhone, text), arrearsAmount: summary.arrearsAmount, daysLate };
  });
}
