import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBps, divRoundHalfUp, formatRupiah, parseRupiah, splitWithRemainderLast } from '../../server/src/money/rupiah';
import { terbilang, terbilangRupiah } from '../../server/src/money/terbilang';

describe('rupiah formatting', () => {
  it.each([
    [0n, 'Rp 0'],
    [500n, 'Rp 500'],
    [1_500n, 'Rp 1.500'],
    [1_500_000n, 'Rp 1.500.000'],
    [123_456_789_012n, 'Rp 123.456.789.012'],
    [-25_000n, '-Rp 25.000'],
  ])('%s -> %s', (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it('parses what it formats', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (n) => parseRupiah(formatRupiah(n)) === n));
  });

  it('refuses fractions and garbage', () => {
    expect(() => parseRupiah('1,5')).toThrow();
    expect(() => parseRupiah(1.5)).toThrow();
    expect(() => parseRupiah('abc')).toThrow();
  });
});

describe('rounding and splitting', () => {
  it('rounds half away from zero', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(4n, 3n)).toBe(1n);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(applyBps(1_000_000n, 1_250)).toBe(125_000n);
    expect(applyBps(333n, 5_000)).toBe(167n);
  });

  it('split always adds up, with the remainder on the last part', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 1, max: 60 }), (total, parts) => {
        const split = splitWithRemainderLast(total, parts);
        const sum = split.reduce((a, b) => a + b, 0n);
        const base = split[0]!;
        return sum === total && split.length === parts && split.slice(0, -1).every((p) => p === base) && split.at(-1)! >= base;
      }),
    );
  });
});

describe('terbilang', () => {
  it.each([
    [0n, 'nol'],
    [1n, 'satu'],
    [10n, 'sepuluh'],
    [11n, 'sebelas'],
    [15n, 'lima belas'],
    [21n, 'dua puluh satu'],
    [100n, 'seratus'],
    [111n, 'seratus sebelas'],
    [1_000n, 'seribu'],
    [1_100n, 'seribu seratus'],
    [2_000n, 'dua ribu'],
    [10_000n, 'sepuluh ribu'],
    [101_000n, 'seratus satu ribu'],
    [1_500_000n, 'satu juta lima ratus ribu'],
    [6_000_000n, 'enam juta'],
    [1_000_000_000n, 'satu miliar'],
    [2_345_678_901_234n, 'dua triliun tiga ratus empat puluh lima miliar enam ratus tujuh puluh delapan juta sembilan ratus satu ribu dua ratus tiga puluh empat'],
  ])('%s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('says rupiah', () => {
    expect(terbilangRupiah(1_500_000n)).toBe('satu juta lima ratus ribu rupiah');
  });
});
