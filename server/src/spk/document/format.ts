import { formatRupiah } from '../../money/rupiah';

/**
 * Indonesian wording for the values printed in an SPK. Everything here is a pure function of its input,
 * so the same data always prints the same words (the PDF hash of a version depends on it).
 */

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

function parseIsoDate(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`${iso} is not a date YYYY-MM-DD`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new RangeError(`${iso} is not a calendar date`);
  return { y, m, d };
}

/** '2026-11-24' -> '24 November 2026' (a calendar date: no time zone involved). */
export function formatTanggal(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** '2026-11-24' -> 'Selasa', for the customary "Pada hari ini, Selasa, tanggal ..." opening. */
export function namaHari(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** '2026-11-24' -> '24-11-2026', the short form used in the schedule table. */
export function formatTanggalPendek(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`;
}

/** The PDF's creation date: midnight of the SPK date in Asia/Jakarta (UTC+7, no daylight saving). */
export function jakartaMidnight(iso: string): Date {
  const { y, m, d } = parseIsoDate(iso);
  return new Date(Date.UTC(y, m - 1, d, -7));
}

/** Basis points as an Indonesian percentage: 50 -> '0,5%', 125 -> '1,25%', 200 -> '2%'. No floats. */
export function formatBps(bps: bigint): string {
  const negative = bps < 0n;
  const abs = negative ? -bps : bps;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `,${fraction}` : ''}%`;
}

export type ItemCategory = 'CLOUD_SERVER' | 'DEDICATED_SERVER' | 'COLOCATION' | 'VPS';

const CATEGORY_NAMES: Record<ItemCategory, string> = {
  CLOUD_SERVER: 'Cloud Server',
  DEDICATED_SERVER: 'Dedicated Server',
  COLOCATION: 'Colocation',
  VPS: 'VPS',
};

export function categoryName(category: ItemCategory): string {
  return CATEGORY_NAMES[category] ?? category;
}

const present = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/**
 * The key specs of a product in one short Indonesian line, in a fixed order so the text (and the
 * hash) does not depend on the order of keys in the stored JSON. Unknown keys are left out: the
 * contract describes what the catalogue defines, not whatever else was stored.
 */
export function formatSpecs(specs: Record<string, unknown>): string {
  const parts: string[] = [];
  if (present(specs.cpu)) parts.push(`CPU ${String(specs.cpu)}`);
  if (present(specs.ramGb)) parts.push(`RAM ${String(specs.ramGb)} GB`);
  if (present(specs.storageGb)) parts.push(`Penyimpanan ${String(specs.storageGb)} GB${present(specs.storageType) ? ` ${String(specs.storageType)}` : ''}`);
  else if (present(specs.storageType)) parts.push(`Penyimpanan ${String(specs.storageType)}`);
  if (present(specs.bandwidth)) parts.push(`Bandwidth ${String(specs.bandwidth)}`);
  if (present(specs.rackUnits)) parts.push(`Rak ${String(specs.rackUnits)}U`);
  if (present(specs.powerWatts)) parts.push(`Daya ${String(specs.powerWatts)} W`);
  if (present(specs.ipv4Count)) parts.push(`${String(specs.ipv4Count)} alamat IPv4`);
  return parts.length ? parts.join('; ') : '-';
}

export interface LateFeeTerms {
  graceDays: number;
  type: 'FIXED_PER_DAY' | 'PERCENT_PER_DAY';
  value: bigint;
  cap: bigint | null;
}

/** 'Rp 10.000 per hari' or '0,5% dari jumlah angsuran yang terlambat per hari' (value in basis points). */
export function formatLateFeeRate(fee: LateFeeTerms): string {
  return fee.type === 'FIXED_PER_DAY'
    ? `${formatRupiah(fee.value)} per hari keterlambatan`
    : `${formatBps(fee.value)} dari jumlah angsuran yang terlambat per hari keterlambatan`;
}
