import { divRoundHalfUp, splitByRunningTotal, sum, type Rupiah } from '../money/rupiah';

/**
 * The one home of the VAT (PPN) rule. Quotes, checkout, the schedule, the SPK, restructuring and the
 * tax invoices all take their VAT from here; nothing else multiplies by a rate.
 *
 * PMK 131/2024: from 2025 PPN is 12 % on a tax base of 11/12 of the price ("DPP nilai lain") for
 * deliveries such as hosting, so effectively 11 %. Rate and base factor come from configuration and are
 * copied onto each order at checkout (`VatTerms`), so a later change of the law never changes a contract.
 *
 * The stated rounding rule (whole rupiah, never a float):
 * - price WITHOUT VAT (the catalog price is the tax base, "harga jual"):
 *     DPP nilai lain = ⌊ base × 11 / 12 ⌋,  PPN = ⌊ DPP nilai lain × 12 % ⌋,  to pay = base + PPN;
 * - price WITH VAT (the catalog price is what the customer pays):
 *     base = price × 12 / (12 + 11 × 12 %) = price × 100/111, rounded half up;
 *     DPP nilai lain = ⌊ base × 11 / 12 ⌋,  PPN = price − base (so base + PPN is exactly the price).
 * - per installment: the rule is applied to the running total of the installments and each
 *   installment gets the difference (`splitByRunningTotal`), so the installments' PPN adds up exactly to
 *   the contract's PPN, and each installment's PPN is within one rupiah of its own exact PPN.
 */
export interface VatTerms {
  /** 1200 = 12 %. 0 turns VAT off (a provider that is not a PKP). */
  rateBps: number;
  /** The DPP nilai lain factor, 11/12 under PMK 131/2024; 1/1 is the plain tax base. */
  baseNumerator: number;
  baseDenominator: number;
  /** Whether the prices this order was sold at already include VAT. */
  pricesIncludeVat: boolean;
}

export interface VatAmounts {
  /** Harga jual / penggantian: the price without VAT. */
  taxBase: Rupiah;
  /** DPP nilai lain: the base the rate applies to. */
  otherTaxBase: Rupiah;
  vat: Rupiah;
  /** What the customer pays: taxBase + vat. */
  gross: Rupiah;
}

const BPS = 10_000n;

/** ⌊ a / b ⌋ for a ≥ 0 (every VAT amount is non-negative). */
const floorDiv = (a: bigint, b: bigint) => a / b;

export const otherTaxBaseOf = (taxBase: Rupiah, t: Pick<VatTerms, 'baseNumerator' | 'baseDenominator'>) =>
  floorDiv(taxBase * BigInt(t.baseNumerator), BigInt(t.baseDenominator));

/** PPN on a DPP nilai lain: rounded down to the rupiah. */
export const vatOnOtherBase = (otherTaxBase: Rupiah, t: Pick<VatTerms, 'rateBps'>) => floorDiv(otherTaxBase * BigInt(t.rateBps), BPS);

/** The rule for one amount, a price with or without VAT as the terms say. */
export function vatOf(price: Rupiah, t: VatTerms): VatAmounts {
  if (price < 0n) throw new RangeError('price must not be negative');
  if (t.pricesIncludeVat) {
    const den = BigInt(t.baseDenominator) * BPS;
    const taxBase = divRoundHalfUp(price * den, den + BigInt(t.baseNumerator) * BigInt(t.rateBps));
    return { taxBase, otherTaxBase: otherTaxBaseOf(taxBase, t), vat: price - taxBase, gross: price };
  }
  const otherTaxBase = otherTaxBaseOf(price, t);
  const vat = vatOnOtherBase(otherTaxBase, t);
  return { taxBase: price, otherTaxBase, vat, gross: price + vat };
}

/**
 * The VAT of each installment of a schedule whose lines cost `prices` (with or without VAT as the
 * terms say): the rule on the running total, differenced. `sum(result.vat) === vatOf(sum(prices)).vat`.
 */
export function vatPerInstallment(prices: Rupiah[], t: VatTerms): VatAmounts[] {
  return splitByRunningTotal<keyof VatAmounts>(prices, (p) => vatOf(p, t));
}

/** The contract's VAT: what the installments' VAT adds up to. */
export const contractVat = (prices: Rupiah[], t: VatTerms) => vatOf(sum(prices), t);

export const NO_VAT: VatAmounts = { taxBase: 0n, otherTaxBase: 0n, vat: 0n, gross: 0n };

/** Configuration → the terms a new order is sold under (the product says whether its price includes VAT). */
export type TaxConfig = { VAT_RATE_BPS: number; VAT_BASE_FACTOR: string };

export function vatTermsFrom(config: TaxConfig, pricesIncludeVat: boolean): VatTerms | null {
  if (config.VAT_RATE_BPS === 0) return null;
  const [num, den] = config.VAT_BASE_FACTOR.split('/').map(Number);
  return { rateBps: config.VAT_RATE_BPS, baseNumerator: num!, baseDenominator: den!, pricesIncludeVat };
}
