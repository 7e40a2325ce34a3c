import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/src/common/errors';
import type { StateMachine } from '../../server/src/common/state-machine';
import { ServiceAction, ServiceStatus, serviceMachine } from '../../server/src/hosting/service-status';
import { InstallmentStatus } from '../../server/src/installments/installment-status';
import { InstallmentAction, applyStatus, installmentMachine, isClosedLine, owed, statusOn } from '../../server/src/installments/rules';
import { summarize, type InstallmentLike } from '../../server/src/installments/summary';
import { formatRupiah, parseRupiah, splitWithRemainderLast, sum } from '../../server/src/money/rupiah';
import { terbilang } from '../../server/src/money/terbilang';
import { OrderAction, OrderStatus, orderMachine } from '../../server/src/orders/order-status';
import { allocate, outstanding } from '../../server/src/payments/allocation';
import { PaymentAction, PaymentStatus, paymentMachine } from '../../server/src/payments/enums';
import { SpkAction, SpkStatus, spkMachine } from '../../server/src/spk/spk-status';

/**
 * Properties of the pure core at thousands of cases each (PROPERTY_RUNS to change): the money rules,
 * the order summary and every transition table. Each states an invariant that a wrong rule breaks.
 */
const runs = Number(process.env.PROPERTY_RUNS ?? 2000);
const assert = <T>(property: fc.IProperty<T>) => fc.assert(property, { numRuns: runs });

const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
const money = (max: bigint) => fc.bigInt({ min: 0n, max });

/** An installment with any mix of paid principal and fees (never more paid than charged). */
const installment = fc
  .record({
    amount: fc.bigInt({ min: 1n, max: 50_000_000n }),
    paidShare: fc.integer({ min: 0, max: 100 }),
    lateFee: money(2_000_000n),
    feeShare: fc.integer({ min: 0, max: 100 }),
    dueDate: day,
    status: fc.constantFrom(...Object.values(InstallmentStatus)),
  })
  .map(({ amount, paidShare, lateFee, feeShare, dueDate, status }) => ({
    amount,
    paidAmount: (amount * BigInt(paidShare)) / 100n,
    lateFee,
    lateFeePaid: (lateFee * BigInt(feeShare)) / 100n,
    dueDate,
    status: status as string,
  }));
const schedule = fc.array(installment, { minLength: 1, maxLength: 14 }).map((list) => list.map((i, n) => ({ ...i, id: `i${n}`, number: n })));
/** The lines money can still go to: cancelled and restructured lines are closed (rules.ts). */
const openOnly = (list: (InstallmentLike & { id: string })[]) => list.filter((i) => !isClosedLine(i.status));

describe('allocation (payments/allocation.ts)', () => {
  it('allocations + remainder = payment; none negative; none above what is owed; oldest first, fee before principal', () => {
    assert(
      fc.property(schedule, fc.bigInt({ min: 1n, max: 200_000_000n }), (list, amount) => {
        const open = openOnly(list);
        const { allocations, remainder } = allocate(amount, open);
        expect(sum(allocations.map((a) => a.principal + a.lateFee)) + remainder).toBe(amount);
        expect(remainder >= 0n && allocations.every((a) => a.principal >= 0n && a.lateFee >= 0n && a.principal + a.lateFee > 0n)).toBe(true);
        const byId = new Map(open.map((i) => [i.id, i]));
        for (const a of allocations) {
          const i = byId.get(a.installmentId)!;
          expect(a.lateFee <= i.lateFee - i.lateFeePaid && a.principal <= i.amount - i.paidAmount).toBe(true);
          // Principal only once the fee is covered.
          if (a.principal > 0n) expect(a.lateFee).toBe(i.lateFee - i.lateFeePaid);
        }
        // Money left over only when everything open is paid; an installment gets money only when every older one is settled.
        if (remainder > 0n) expect(sum(allocations.map((a) => a.principal + a.lateFee))).toBe(outstanding(open));
        const paidIds = allocations.map((a) => a.installmentId);
        for (let k = 0; k < paidIds.length - 1; k++) {
          const a = allocations[k]!;
          const i = byId.get(a.installmentId)!;
          expect(a.principal + a.lateFee).toBe(owed(i));
        }
      }),
    );
  });
});

describe('order summary (installments/summary.ts)', () => {
  it('counts add up, outstanding = sum owed, arrears within outstanding, and a payment moves paid and outstanding by exactly its allocation', () => {
    assert(
      fc.property(schedule, day, fc.boolean(), fc.bigInt({ min: 1n, max: 100_000_000n }), (list, today, payable, amount) => {
        const before = summarize(list, today, { payable });
        const active = openOnly(list);
        expect(before.paidCount + before.remainingCount).toBe(before.installmentsCount);
        expect(before.installmentsCount).toBe(active.length);
        expect(before.outstandingAmount).toBe(outstanding(active));
        expect(before.arrearsAmount >= 0n && before.arrearsAmount <= before.outstandingAmount).toBe(true);
        expect(before.overdueCount <= before.remainingCount).toBe(true);
        if (!payable) expect([before.overdueCount, before.arrearsAmount]).toEqual([0, 0n]);
        if (before.nextDue) expect(before.nextDue.amount > 0n).toBe(true);
        else expect(before.outstandingAmount).toBe(0n);

        // Pay: the allocation is applied to the installments; the summary must follow it exactly.
        const { allocations, remainder } = allocate(amount, active);
        const paid = list.map((i) => {
          const a = allocations.find((x) => x.installmentId === i.id);
          return a ? { ...i, paidAmount: i.paidAmount + a.principal, lateFeePaid: i.lateFeePaid + a.lateFee } : i;
        });
        const after = summarize(paid, today, { payable });
        expect(after.paidAmount - before.paidAmount).toBe(amount - remainder);
        expect(before.outstandingAmount - after.outstandingAmount).toBe(amount - remainder);
      }),
    );
  });
});

/** Every state and action of a machine: apply succeeds exactly where allowedActions says, else CONFLICT. */
function checkMachine<S extends string, A extends string>(machine: StateMachine<S, A>, states: S[], actions: A[], start: S) {
  // Plain checks (no expect) inside the walk: thousands of walks must stay well inside the unit budget.
  const conflictOf = (state: S, action: A) => {
    try {
      machine.apply(state, action);
      return null;
    } catch (e) {
      return e instanceof AppError ? e.code : String(e);
    }
  };
  assert(
    fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 25 }), (walk) => {
      let state = start;
      for (const action of walk) {
        const allowed = machine.allowedActions(state).includes(action);
        if (allowed !== machine.can(state, action)) return false;
        if (!allowed) {
          if (conflictOf(state, action) !== 'CONFLICT') return false;
          continue;
        }
        state = machine.apply(state, action);
        if (!states.includes(state)) return false;
      }
      return true;
    }),
  );
}

describe('transition tables', () => {
  it('order: only listed moves happen, every other move is a CONFLICT', () =>
    checkMachine(orderMachine, Object.values(OrderStatus), Object.values(OrderAction), OrderStatus.AWAITING_SPK));
  it('SPK', () => checkMachine(spkMachine, Object.values(SpkStatus), Object.values(SpkAction), SpkStatus.DRAFT));
  it('hosting service', () => checkMachine(serviceMachine, Object.values(ServiceStatus), Object.values(ServiceAction), ServiceStatus.PENDING_SETUP));
  it('payment', () => checkMachine(paymentMachine, Object.values(PaymentStatus), Object.values(PaymentAction), PaymentStatus.PENDING));
  it('installment', () => checkMachine(installmentMachine, Object.values(InstallmentStatus), Object.values(InstallmentAction), InstallmentStatus.PENDING));

  it('nothing leaves a cancelled order, SPK, installment or terminated service', () => {
    expect(orderMachine.allowedActions(OrderStatus.CANCELLED)).toEqual([]);
    expect(spkMachine.allowedActions(SpkStatus.CANCELLED)).toEqual([]);
    expect(installmentMachine.allowedActions(InstallmentStatus.CANCELLED)).toEqual([]);
    expect(serviceMachine.allowedActions(ServiceStatus.TERMINATED)).toEqual([]);
  });

  it('installment: whatever the date and the money say (statusOn), the machine allows the move (applyStatus never refuses)', () => {
    assert(
      fc.property(installment, day, fc.boolean(), (i, date, payable) => {
        const row = { ...i, paidAt: null as Date | null };
        const target = statusOn(row, date, payable);
        const changed = applyStatus(row, date, payable, new Date(0));
        expect(row.status).toBe(target);
        expect(changed).toBe(target !== i.status);
        // paidAt follows a move (a row already in its status is left as it is).
        if (changed) expect(row.paidAt !== null).toBe(target === InstallmentStatus.PAID);
      }),
    );
  });
});

describe('rupiah and terbilang', () => {
  it('split: parts add up to the total, none negative, all equal but the last (which carries the remainder)', () => {
    assert(
      fc.property(money(10n ** 13n), fc.integer({ min: 1, max: 72 }), (total, parts) => {
        const split = splitWithRemainderLast(total, parts);
        expect(split).toHaveLength(parts);
        expect(sum(split)).toBe(total);
        expect(split.every((p) => p >= 0n && (p === split[0] || p === split.at(-1)))).toBe(true);
        expect(split.at(-1)! - split[0]! < BigInt(parts)).toBe(true);
      }),
    );
  });

  it('format: "Rp" and dot-grouped thousands, read back to the same amount', () => {
    assert(
      fc.property(money(10n ** 15n), (n) => {
        const text = formatRupiah(n);
        expect(text).toMatch(/^Rp\s\d{1,3}(\.\d{3})*$/);
        expect(parseRupiah(text)).toBe(n);
      }),
    );
  });

  it('terbilang: words only, and two different amounts never read the same', () => {
    assert(
      fc.property(money(10n ** 15n - 1n), money(10n ** 15n - 1n), (a, b) => {
        expect(terbilang(a)).toMatch(/^[a-z]+( [a-z]+)*$/);
        if (a !== b) expect(terbilang(a)).not.toBe(terbilang(b));
      }),
    );
  });
});
