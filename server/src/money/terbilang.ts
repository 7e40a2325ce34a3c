import type { Rupiah } from './rupiah';

const ONES = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];
const SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'];

function below1000(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(`${ONES[hundreds]} ratus`);
  if (rest > 0 && rest < 12) words.push(ONES[rest]!);
  else if (rest >= 12 && rest < 20) words.push(`${ONES[rest - 10]} belas`);
  else if (rest >= 20) {
    words.push(`${ONES[Math.floor(rest / 10)]} puluh`);
    if (rest % 10) words.push(ONES[rest % 10]!);
  }
  return words.join(' ');
}

/** Indonesian words for a whole number: 1_500_000n -> "satu juta lima ratus ribu". */
export function terbilang(value: bigint): string {
  if (value === 0n) return 'nol';
  if (value < 0n) return `minus ${terbilang(-value)}`;
  const groups: number[] = [];
  for (let v = value; v > 0n; v /= 1000n) groups.push(Number(v % 1000n));
  if (groups.length > SCALES.length) throw new RangeError('number too large for terbilang');
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    // "seribu", not "satu ribu"; every other scale keeps "satu" (satu juta, satu miliar).
    if (i === 1 && g === 1) words.push('seribu');
    else words.push(SCALES[i] ? `${below1000(g)} ${SCALES[i]}` : below1000(g));
  }
  return words.join(' ');
}

/** "satu juta lima ratus ribu rupiah" */
export function terbilangRupiah(amount: Rupiah): string {
  return `${terbilang(amount)} rupiah`;
}
