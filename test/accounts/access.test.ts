import { describe, expect, it } from 'vitest';
import { can, canSee, ownerScope, requirePermission, accessRecord } from '../../server/src/accounts/access';
import { Role } from '../../server/src/accounts/roles';

const admin = { id: 'a', role: Role.ADMIN };
const finance = { id: 'f', role: Role.FINANCE };
const support = { id: 's', role: Role.SUPPORT };
const alice = { id: 'alice', role: Role.CUSTOMER };

describe('access', () => {
  it('ADMIN may do everything; other roles what the table grants', () => {
    expect(can(admin, 'users.manage')).toBe(true);
    expect(can(finance, 'payment.manage')).toBe(true);
    expect(can(support, 'payment.manage')).toBe(false);
    expect(can(alice, 'staff.console')).toBe(false);
    expect(can(null, 'customer.buy')).toBe(false);
    expect(() => requirePermission(support, 'billing.run')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    expect(() => requirePermission(null, 'billing.run')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
  });

  it("another customer's record is NOT_FOUND, never FORBIDDEN", () => {
    const order = { owner: 'bob' };
    expect(canSee(alice, 'bob')).toBe(false);
    expect(canSee(support, 'bob')).toBe(true);
    expect(() => accessRecord(alice, order, { owner: (o) => o.owner, notFound: 'order.notFound' })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }));
    expect(() => accessRecord(alice, null, { owner: (o: typeof order) => o.owner, notFound: 'order.notFound' })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }));
    expect(accessRecord(support, order, { owner: (o) => o.owner, notFound: 'order.notFound' })).toBe(order);
    expect(accessRecord(alice, { owner: 'alice' }, { owner: (o) => o.owner, notFound: 'order.notFound' })).toEqual({ owner: 'alice' });
    expect(ownerScope(alice)).toEqual({ customerId: 'alice' });
    expect(ownerScope(finance)).toEqual({});
  });

  it('one function answers every shape: permission first, then ownership, then owner-only acts', () => {
    const order = { owner: 'alice' };
    const rule = { owner: (o: typeof order) => o.owner, notFound: 'order.notFound' as const };
    const code = (fn: () => unknown) => { try { fn(); return 'OK'; } catch (e) { return (e as { extensions: { code: string } }).extensions.code; } };
    expect(code(() => accessRecord(null, order, rule))).toBe('UNAUTHENTICATED');
    // A role that may not do this at all is told so; a customer never learns another's record exists.
    expect(code(() => accessRecord(finance, order, { ...rule, permission: 'order.cancel' }))).toBe('FORBIDDEN');
    expect(code(() => accessRecord({ id: 'bob', role: Role.CUSTOMER }, order, { ...rule, permission: 'order.cancel' }))).toBe('NOT_FOUND');
    expect(code(() => accessRecord(alice, order, { ...rule, permission: 'order.cancel' }))).toBe('OK');
    // The customer's own signature: not even staff; another customer still NOT_FOUND.
    expect(code(() => accessRecord(support, order, { ...rule, ownerOnly: true }))).toBe('FORBIDDEN');
    expect(code(() => accessRecord({ id: 'bob', role: Role.CUSTOMER }, order, { ...rule, ownerOnly: true }))).toBe('NOT_FOUND');
    expect(code(() => accessRecord(alice, order, { ...rule, ownerOnly: true }))).toBe('OK');
  });

  it("a customer's own acts are not ADMIN's by being ADMIN", () => {
    expect(can(admin, 'customer.buy')).toBe(false);
    expect(can(admin, 'privacy.request')).toBe(false);
    expect(can(alice, 'customer.buy')).toBe(true);
  });
});
