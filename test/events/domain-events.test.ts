import type { EntityManager } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { DomainEvents } from '../../server/src/events/domain-events';

// The handlers get the emitter's entity manager; these tests only pass it through, so any object serves.
// eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- a stand-in the handlers never call
const em = {} as EntityManager;

describe('domain events', () => {
  it('runs handlers in registration order with the payload and the actor', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on('payment.settled', 'first', (_em, p, meta) => void seen.push(`first ${p.paymentId} ${meta.actorId}`));
    events.on('payment.settled', 'second', async (_em, p) => void seen.push(`second ${p.amount}`));
    events.on('order.placed', 'other', () => void seen.push('wrong event'));
    await events.emit(em, 'payment.settled', { paymentId: 'p1', orderId: 'o1', customerId: 'c1', amount: 5n, method: 'VA' }, { actorId: 'u1' });
    expect(seen).toEqual(['first p1 u1', 'second 5']);
    expect(events.listeners('payment.settled')).toEqual(['first', 'second']);
  });

  it('stops at the first failing handler and names it, so the transaction rolls back', async () => {
    const events = new DomainEvents();
    const seen: string[] = [];
    events.on('spk.confirmed', 'billing: open schedule', () => {
      throw new Error('boom');
    });
    events.on('spk.confirmed', 'later', () => void seen.push('later'));
    await expect(events.emit(em, 'spk.confirmed', { spkId: 's', orderId: 'o', customerId: 'c' })).rejects.toThrow('spk.confirmed → billing: open schedule: boom');
    expect(seen).toEqual([]);
  });

  it('unsubscribes', async () => {
    const events = new DomainEvents();
    let calls = 0;
    const off = events.on('order.placed', 'count', () => void calls++);
    await events.emit(em, 'order.placed', { orderId: 'o', customerId: 'c' });
    off();
    await events.emit(em, 'order.placed', { orderId: 'o', customerId: 'c' });
    expect(calls).toBe(1);
    expect(events.listeners('order.placed')).toEqual([]);
  });
});
