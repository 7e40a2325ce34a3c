import type { EntityManager } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { Locale } from '../../server/src/accounts/user.entity';
import type { NotificationEvent } from '../../server/src/notifications/bus';
import { notify, type Recipient } from '../../server/src/notifications/notifications.service';

/**
 * The notice writer without a database: a stand-in transaction whose INSERT answers the rows that
 * `returning` gives. What the writer answers and what the event carries are the inserted row itself,
 * so nobody reads the notification back; a row the INSERT did not answer is an error, not a guess.
 */
const recipient: Recipient = { id: '00000000-0000-4000-8000-000000000001', locale: Locale.id, email: 'budi@contoh.id', phone: '+6281234567890', notifyByEmail: false, notifyByWhatsApp: false };
const params = { customerName: 'Budi', spkNumber: 'SPK/2026/05/000001', orderNumber: 'ORD-202605-0001' };

function standIn(answer: (ids: string[]) => { id: string; created_at: Date | string }[]) {
  const events: NotificationEvent[] = [];
  const knex = {
    raw: (sql: string, bindings: string[]) => {
      // One binding per field, seven fields per notification, the id first.
      const ids = bindings.filter((_, i) => i % 7 === 0);
      return Promise.resolve({ rows: sql.startsWith('insert into notifications') ? answer(ids) : [] });
    },
  };
  const tx = { isInTransaction: () => true, getTransactionContext: () => knex } as unknown as EntityManager;
  const deps = { bus: { enqueue: (_tx: EntityManager, event: NotificationEvent) => Promise.resolve(void events.push(event)) } } as unknown as Parameters<typeof notify>[1];
  return { tx, deps, events };
}

describe('the notice writer', () => {
  it('answers the notification as inserted, the same row its event carries', async () => {
    const at = new Date('2026-05-04T03:00:00.000Z');
    const { tx, deps, events } = standIn((ids) => ids.map((id) => ({ id, created_at: at })));
    const written = await notify(tx, deps, recipient, 'SPK_CONFIRMED', params, { link: '/orders/1' });
    expect(written).toMatchObject({ type: 'SPK_CONFIRMED', link: '/orders/1', readAt: null, createdAt: at, updatedAt: at });
    expect(written.title).not.toBe('');
    expect(events).toHaveLength(1);
    expect(events[0]!.notificationId).toBe(written.id);
    expect(events[0]!.row).toMatchObject({ id: written.id, title: written.title, body: written.body, createdAt: at.toISOString() });
  });

  it('fails loudly when the INSERT does not answer a row it wrote, and announces nothing', async () => {
    const { tx, deps, events } = standIn(() => []);
    await expect(notify(tx, deps, recipient, 'SPK_CONFIRMED', params)).rejects.toThrow(/did not return/);
    expect(events).toHaveLength(0);
  });
});
