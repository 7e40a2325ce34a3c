import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can } from '../../server/src/accounts/access';
import { Role } from '../../server/src/accounts/roles';
import { PaymentAction, PaymentMethod, PaymentStatus, paymentMachine } from '../../server/src/payments/enums';
import { allowedPaymentActions } from '../../server/src/payments/payment-actions';
import { allowedServiceActions } from '../../server/src/hosting/service-actions';
import { ServiceAction, ServiceStatus, serviceMachine } from '../../server/src/hosting/service-status';

const runs = Number(process.env.PROPERTY_RUNS ?? 2000);
const user = fc.option(fc.record({ id: fc.uuid(), role: fc.constantFrom(...Object.values(Role)) }), { nil: null });

describe('Payment.allowedActions', () => {
  it('offers only transitions the state allows, only to who may manage payments, never EXPIRE, SETTLE only with a proof on a transfer', () => {
    fc.assert(
      fc.property(user, fc.constantFrom(...Object.values(PaymentStatus)), fc.constantFrom(...Object.values(PaymentMethod)), fc.boolean(), (u, status, method, hasProof) => {
        const actions = allowedPaymentActions(u, { status, method, hasProof });
        const possible = paymentMachine.allowedActions(status);
        expect(actions.every((a) => possible.includes(a))).toBe(true);
        if (!can(u, 'payment.manage')) expect(actions).toEqual([]);
        expect(actions).not.toContain(PaymentAction.EXPIRE);
        if (actions.includes(PaymentAction.SETTLE)) expect(method === PaymentMethod.BANK_TRANSFER && hasProof).toBe(true);
        if (actions.includes(PaymentAction.REJECT)) expect(method).toBe(PaymentMethod.BANK_TRANSFER);
        // FINANCE on a settled payment can always refund.
        if (can(u, 'payment.manage') && status === PaymentStatus.SETTLED) expect(actions).toEqual([PaymentAction.REFUND]);
      }),
      { numRuns: runs },
    );
  });
});

describe('Service.allowedActions', () => {
  it('offers only transitions the state allows, never ACTIVATE, TERMINATE only to ADMIN', () => {
    fc.assert(
      fc.property(user, fc.constantFrom(...Object.values(ServiceStatus)), (u, status) => {
        const actions = allowedServiceActions(u, { status });
        const possible = serviceMachine.allowedActions(status);
        expect(actions.every((a) => possible.includes(a))).toBe(true);
        expect(actions).not.toContain(ServiceAction.ACTIVATE);
        expect(actions.includes(ServiceAction.TERMINATE)).toBe(u?.role === Role.ADMIN && status !== ServiceStatus.TERMINATED);
        if (!u) expect(actions).toEqual([]);
      }),
      { numRuns: runs },
    );
  });
});
