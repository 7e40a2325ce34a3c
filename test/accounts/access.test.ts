import { describe, expect, it } from 'vitest';
import { can, canSee, ownerScope, requirePermission, visibleRecord } from '../../server/src/accounts/access';
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
    expect(() => visibleRecord(alice, order, (o) => o.owner, 'order.notFound')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }));
    expect(() => visibleRecord(alice, null, (o: typeof order) => o.owner, 'order.notFound')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }));
    expect(visibleRecord(support, order, (o) => o.owner, 'order.notFound')).toBe(order);
    expect(visibleRecord(alice, { owner: 'alice' }, (o) => o.owner, 'order.notFound')).toEqual({ owner: 'alice' });
    expect(ownerScope(alice)).toEqual({ customerId: 'alice' });
    expect(ownerScope(finance)).toEqual({});
  });
});
