import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DownPaymentType } from '../../server/src/catalog/enums';
import { buildSchedule, ScheduleError } from '../../server/src/installments/schedule';
import { sum } from '../../server/src/money/rupiah';
import { contractVat, vatOf, vatPerInstallment, vatTermsFrom, type VatTerms } from '../../server/src/tax/vat';

const pmk131 = (pricesIncludeVat: boolean): VatTerms => ({ rateBps: 1200, baseNumerator: 11, baseDenominator: 12, pricesIncludeVat });

const terms = fc.record({
  rateBps: fc.integer({ min: 1, max: 2500 }),
  baseNumerator: fc.integer({ min: 1, max: 12 }),
  baseDenominator: fc.integer({ min: 12, max: 12 }),
  pricesIncludeVat: fc.boolean(),
}).chain((t) => fc.constant(t as VatTerms));
const prices = fc.array(fc.bigInt({ min: 0n, max: 5_000_000_000n }), { minLength: 1, maxLength: 61 });

describe('VAT rule (tax/vat.ts, PMK 131/2024)', () => {
  it('is effectively 11 % on a price without VAT: Rp 1.000.000 → DPP nilai lain 916.666, PPN 109.999', () => {
    // 1.000.000 × 11/12 = 916.666,67 → 916.666 (down); × 12 % = 109.999,92 → 109.999 (down).
    expect(vatOf(1_000_000n, pmk131(false))).toEqual({ taxBase: 1_000_000n, otherTaxBase: 916_666n, vat: 109_999n, gross: 1_109_999n });
    expect(vatOf(1_200_000n, pmk131(false))).toEqual({ taxBase: 1_200_000n, otherTaxBase: 1_100_000n, vat: 132_000n, gross: 1_332_000n });
  });

  it('takes the VAT out of a price that includes it: Rp 1.110.000 = 1.000.000 + 110.000', () => {
    expect(vatOf(1_110_000n, pmk131(true))).toEqual({ taxBase: 1_000_000n, otherTaxBase: 916_666n, vat: 110_000n, gross: 1_110_000n });
  });

  it('reads its terms from configuration; rate 0 is no VAT', () => {
    expect(vatTermsFrom({ VAT_RATE_BPS: 1200, VAT_BASE_FACTOR: '11/12' }, false)).toEqual(pmk131(false));
    expect(vatTermsFrom({ VAT_RATE_BPS: 0, VAT_BASE_FACTOR: '11/12' }, true)).toBeNull();
  });

  it('property: the installments’ VAT adds up exactly to the contract’s VAT, whole rupiah, following the rule', () => {
    fc.assert(
      fc.property(prices, terms, (ps, t) => {
        const parts = vatPerInstallment(ps, t);
        const whole = contractVat(ps, t);
        expect(sum(parts.map((p) => p.vat))).toBe(whole.vat);
        expect(sum(parts.map((p) => p.taxBase))).toBe(whole.taxBase);
        expect(sum(parts.map((p) => p.otherTaxBase))).toBe(whole.otherTaxBase);
        expect(sum(parts.map((p) => p.gross))).toBe(whole.gross);
        let running = 0n;
        parts.forEach((p, k) => {
          for (const v of Object.values(p)) expect(typeof v).toBe('bigint'); // whole rupiah: bigint, never a float
          expect(p.vat >= 0n && p.taxBase >= 0n).toBe(true);
          expect(p.taxBase + p.vat).toBe(p.gross);
          // What this installment costs: its price plus VAT, or its price when VAT is included.
          expect(p.gross).toBe(t.pricesIncludeVat ? ps[k] : ps[k]! + p.vat);
          // The stated rule, on the running total: each installment is what the rule adds.
          running += ps[k]!;
          expect(sum(parts.slice(0, k + 1).map((x) => x.vat))).toBe(vatOf(running, t).vat);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('property: base × rate rounds down to the rupiah (price without VAT), within a rupiah per installment', () => {
    fc.assert(
      fc.property(prices, terms, (ps, t0) => {
        const t = { ...t0, pricesIncludeVat: false };
        for (const p of ps) {
          const one = vatOf(p, t);
          // otherTaxBase = ⌊p × n/d⌋ and vat = ⌊otherTaxBase × rate⌋: the exact fractions lie in [x, x+1).
          const d = BigInt(t.baseDenominator);
          expect(one.otherTaxBase * d <= p * BigInt(t.baseNumerator) && p * BigInt(t.baseNumerator) < (one.otherTaxBase + 1n) * d).toBe(true);
          expect(one.vat * 10_000n <= one.otherTaxBase * BigInt(t.rateBps) && one.otherTaxBase * BigInt(t.rateBps) < (one.vat + 1n) * 10_000n).toBe(true);
        }
        // Each installment's share differs from the exact VAT of its own price by less than 2 rupiah
        // (two floors, one on the running total before and one after it).
        const parts = vatPerInstallment(ps, t);
        parts.forEach((part, k) => {
          const exactTimes = ps[k]! * BigInt(t.baseNumerator) * BigInt(t.rateBps); // VAT × d × 10 000
          const scale = BigInt(t.baseDenominator) * 10_000n;
          const diff = part.vat * scale - exactTimes;
          expect(diff > -2n * scale && diff < 2n * scale).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('property: a schedule with VAT terms carries the VAT on its lines for random prices and plans', () => {
    const plan = fc.record({
      tenorMonths: fc.integer({ min: 1, max: 60 }),
      downPaymentType: fc.constantFrom(DownPaymentType.PERCENT, DownPaymentType.FIXED),
      downPaymentValue: fc.bigInt({ min: 0n, max: 9_000n }),
      marginBpsPerMonth: fc.integer({ min: 0, max: 1_000 }),
      adminFee: fc.bigInt({ min: 0n, max: 1_000_000n }),
    });
    fc.assert(
      fc.property(
        fc.bigInt({ min: 100_000n, max: 2_000_000_000n }),
        fc.bigInt({ min: 0n, max: 5_000_000n }),
        plan,
        terms,
        fc.integer({ min: 1, max: 5 }),
        (cashPrice, setupFee, p, t, quantity) => {
          let s;
          try {
            s = buildSchedule({ cashPrice, setupFee }, p, '2026-01-31', quantity, t);
          } catch (err) {
            if (err instanceof ScheduleError) return;
            throw err;
          }
          const net = buildSchedule({ cashPrice, setupFee }, p, '2026-01-31', quantity);
          expect(sum(s.lines.map((l) => l.vat))).toBe(s.vatAmount);
          expect(sum(s.lines.map((l) => l.amount))).toBe(s.totalPrice);
          // Per unit the contract's VAT is the rule on the unit's price; quantity multiplies it.
          expect(s.vatAmount).toBe(contractVat(net.lines.map((l) => l.amount / BigInt(quantity)), t).vat * BigInt(quantity));
          expect(s.totalPrice).toBe(t.pricesIncludeVat ? net.totalPrice : net.totalPrice + s.vatAmount);
          for (const l of s.lines) expect(l.taxBase + l.vat).toBe(l.amount);
        },
      ),
      { numRuns: 200 },
    );
  });
});
