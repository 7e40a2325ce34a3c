/**
 * Money in Angsur is integer rupiah held in `bigint`. Nothing here ever touches a float: rates are
 * basis points (1 bp = 0.01 %), and every rounding is explicit and documented at its call.
 */
export type Rupiah = bigint;

const BPS = 10_000n;

/** `Rp 1.500.000` (dot thousands, no decimals), negative as `-Rp 1.500`. */
export function formatRupiah(amount: Rupiah): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}Rp ${grouped}`;
}

/** a / b rounded half away from zero; b must be positive. */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new RangeError('divisor must be positive');
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= b) return a < 0n ? q - 1n : q + 1n;
  return q;
}

/** amount × bps / 10 000, rounded half up to the rupiah. */
export function applyBps(amount: Rupiah, bps: bigint | number): Rupiah {
  return divRoundHalfUp(amount * BigInt(bps), BPS);
}

/**
 * Splits `total` into `parts` integer amounts: each gets the floor share and the last one carries the
 * remainder, so the parts always add up to `total` exactly.
 */
export function splitWithRemainderLast(total: Rupiah, parts: number): Rupiah[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  const n = BigInt(parts);
  const base = total / n;
  const remainder = total - base * n;
  return Array.from({ length: parts }, (_, i) => (i === parts - 1 ? base + remainder : base));
}

export function sum(amounts: Iterable<Rupiah>): Rupiah {
  let s = 0n;
  for (const a of amounts) s += a;
  return s;
}

/** Parses digits (optionally `Rp 1.500.000`-style) into rupiah; throws on anything else. */
export function parseRupiah(input: string | number | bigint): Rupiah {
  if (typeof input === 'bigint') return input;
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input)) throw new RangeError('amount must be a whole number of rupiah');
    return BigInt(input);
  }
  const cleaned = input.trim().replace(/^(-)?\s*(rp\.?\s*)?/i, '$1').replace(/\./g, '');
  if (!/^-?\d+$/.test(cleaned)) throw new RangeError('amount must be a whole number of rupiah');
  return BigInt(cleaned);
}

/**
 * Splits what `rule` gives for the whole of `amounts` into one part per amount, by cumulative
 * differences: part k = rule(a1 + … + ak) − rule(a1 + … + ak−1). The parts always add up to
 * rule(total) exactly, and each part is within one rounding step of what `rule` gives for its own
 * amount, because a rule that rounds once is applied to running totals and never to rounded parts.
 */
export function splitByRunningTotal<K extends string>(amounts: Rupiah[], rule: (amount: Rupiah) => Record<K, Rupiah>): Record<K, Rupiah>[] {
  let running = 0n;
  let previous = rule(0n);
  return amounts.map((a) => {
    running += a;
    const current = rule(running);
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- every key of the rule's result is filled just below
    const part = {} as Record<K, Rupiah>;
    for (const k of Object.keys(current) as K[]) part[k] = (current[k] as Rupiah) - (previous[k] as Rupiah);
    previous = current;
    return part;
  });
}
