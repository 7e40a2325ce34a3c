import type { EntityManager } from '@mikro-orm/postgresql';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Notifications from '../../server/src/notifications/notifications.service';
import type { NoticeInput, Recipient } from '../../server/src/notifications/notifications.service';
import type { NotificationParams } from '../../server/src/notifications/channels/templates';

/**
 * `notify<T>(type, params: NotificationParams[T])`: a notice with the wrong params does not compile.
 * The checks are the `@ts-expect-error` lines below, enforced by `npm run typecheck` (tsc covers test/):
 * if a wrong call ever compiled, the directive itself would be reported as unused. Nothing here runs
 * against a database: the calls sit in a function that is never called, and the module is imported for
 * its types only (loading it would load the ORM for nothing).
 */
declare const notify: typeof Notifications.notify;
declare const notifyMany: typeof Notifications.notifyMany;
declare const tx: EntityManager;
declare const user: Recipient;
const deps = { bus: { enqueue: async () => {} } } as unknown as Parameters<typeof notify>[1];

function compileOnly() {
  void notify(tx, deps, user, 'SPK_CONFIRMED', { customerName: 'Budi', spkNumber: 'SPK/2026/05/000001', orderNumber: 'ORD-1' });
  // @ts-expect-error SPK_CONFIRMED needs orderNumber
  void notify(tx, deps, user, 'SPK_CONFIRMED', { customerName: 'Budi', spkNumber: 'SPK/2026/05/000001' });
  // @ts-expect-error money is bigint rupiah, not a number
  void notify(tx, deps, user, 'PAYMENT_REJECTED', { customerName: 'Budi', orderNumber: 'ORD-1', amount: 1500000, reason: '-' });
  // @ts-expect-error an unknown notice type
  void notify(tx, deps, user, 'NO_SUCH_NOTICE', {});
  void notifyMany(tx, deps, [
    { recipient: user, type: 'OVERDUE_ORDER_FOR_STAFF', params: { customerName: 'Budi', orderNumber: 'ORD-1', arrearsAmount: 1n, daysLate: 3 } },
    // @ts-expect-error in a batch each notice's params follow its own type (these are another notice's)
    { recipient: user, type: 'SPK_CONFIRMED', params: { customerName: 'Budi', orderNumber: 'ORD-1', arrearsAmount: 1n, daysLate: 3 } },
  ]);
}

describe('typed notify', () => {
  it('takes exactly the params of the notice type', () => {
    expectTypeOf(compileOnly).toBeFunction();
    expectTypeOf<Parameters<typeof notify<'SPK_CONFIRMED'>>[4]>().toEqualTypeOf<NotificationParams['SPK_CONFIRMED']>();
    expectTypeOf<Extract<NoticeInput, { type: 'PAYMENT_SETTLED' }>['params']>().toEqualTypeOf<NotificationParams['PAYMENT_SETTLED']>();
  });
});
