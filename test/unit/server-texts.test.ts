import { describe, expect, it } from 'vitest';
import { storedText, t } from '../../server/src/common/messages';
import { runInRequestScope } from '../../server/src/common/request-context';
import { instructions } from '../../server/src/hosting/drivers/manual';
import { OrderAction, OrderStatus, orderMachine } from '../../server/src/orders/order-status';

/**
 * Server texts go through one i18n path (common/messages.ts): a request's language for answers, and
 * Indonesian for texts stored once and read later by staff (storedText).
 */
const spec = { serviceId: 's1', label: 'colo-budi', category: 'COLOCATION' as const, osTemplate: null, specs: {} };

describe('server texts', () => {
  it('writes staff task instructions in Indonesian, whatever the request language', () => {
    const inEnglish = runInRequestScope({ requestId: 'r1', locale: 'en' }, () => instructions('create', spec));
    expect(inEnglish).toBe('Siapkan colocation "colo-budi": pasang/rak perangkat, alokasikan IP dan port switch, lalu tandai selesai.');
    expect(instructions('suspend', spec)).toBe(storedText('manualTask.suspend', { what: 'colocation', label: 'colo-budi' }));
  });

  it('answers an illegal state move in the request language, naming the entity in that language', () => {
    const conflict = (locale: 'id' | 'en') =>
      runInRequestScope({ requestId: 'r2', locale }, () => {
        try {
          orderMachine.apply(OrderStatus.CANCELLED, OrderAction.CANCEL);
          return null;
        } catch (err) {
          return (err as Error).message;
        }
      });
    expect(conflict('id')).toBe('Status pesanan adalah CANCELLED; tidak dapat menjadi CANCELLED (CANCEL).');
    expect(conflict('en')).toBe('The order is CANCELLED; it cannot go to CANCELLED (CANCEL).');
  });

  it('has the overdue chat message in both languages', () => {
    const params = { customerName: 'Budi', orderNumber: 'ORD-1', since: '', arrears: 'Rp 1.500.000', payUrl: 'https://x' };
    expect(t('billing.overdueChat', params, 'id')).toMatch(/^Halo Bapak\/Ibu Budi, tagihan pesanan ORD-1 sudah lewat jatuh tempo dengan tunggakan Rp 1\.500\.000\./);
    expect(t('billing.overdueChat', params, 'en')).toMatch(/^Hello Budi, the bill for order ORD-1 is past due with arrears of Rp 1\.500\.000\./);
  });
});
