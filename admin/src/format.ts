/**
 * How Angsur writes money, dates and phone numbers, whatever the UI language:
 * rupiah as `Rp 1.500.000`, times in Asia/Jakarta (WIB), phones as `+62 812-3456-7890`.
 * Pure functions; the react-admin fields and inputs built on them live in fields.tsx.
 */

export const TIME_ZONE = 'Asia/Jakarta';

/** Digits grouped by thousands with dots: "1500000" -> "1.500.000". Exact for any length (no float). */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * The API's Rupiah scalar is a string of digits; numbers and bigints are accepted too.
 * Returns "" for null/undefined/blank and the input unchanged when it is not a whole number.
 */
export function formatRupiah(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value).trim();
  const match = /^(-?)0*(\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, digits] = match;
  return `${sign}Rp ${groupThousands(digits!)}`;
}

/** "Rp 1.500.000", "1.500.000", "1500000" -> "1500000"; "" -> null. */
export function parseRupiah(text: string | null | undefined): string | null {
  const digits = (text ?? '').replace(/[^\d]/g, '').replace(/^0+(?=\d)/, '');
  return digits === '' ? null : digits;
}

/** Basis points (150) -> percent for humans (1.5). */
export const bpsToPercent = (bps: number | string | null | undefined): number | null =>
  bps === null || bps === undefined || bps === '' ? null : Number(bps) / 100;

/** Percent typed by a human (1.5) -> basis points (150), rounded to a whole basis point. */
export const percentToBps = (percent: number | string | null | undefined): number | null =>
  percent === null || percent === undefined || percent === '' || Number.isNaN(Number(percent)) ? null : Math.round(Number(percent) * 100);

/** "1,5 %" / "1.5 %" in the UI language, from basis points. */
export function formatPercentBps(bps: number | string | null | undefined, locale: string): string {
  const percent = bpsToPercent(bps);
  if (percent === null) return '';
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(percent)}%`;
}

export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'id-ID');

/** An instant (DateTimeISO) in Jakarta time: "24 Nov 2026 22.47 WIB". */
export function formatDateTime(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${text} WIB`;
}

/** An instant's time of day in Jakarta: "22.47 WIB" (id) or "22:47 WIB" (en). */
export function formatTime(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const text = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${text} WIB`;
}

/** A calendar date (LocalDate "YYYY-MM-DD", already Jakarta's) or an instant's Jakarta date: "24 Nov 2026". */
export function formatDate(value: string | Date | null | undefined, locale: string): string {
  if (!value) return '';
  const local = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.exec(value);
  const date = local ? new Date(`${value}T00:00:00Z`) : value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: local ? 'UTC' : TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
}

/** Two-digit area codes of Indonesian landlines (Jakarta 21, Bandung 22, Semarang 24, Surabaya 31, Medan 61). */
const TWO_DIGIT_AREAS = /^(21|22|24|31|61)/;

/**
 * E.164 (+6281234567890) for humans: "+62 812-3456-7890"; landlines "+62 21-5555-1234".
 * Anything that is not +62 is returned unchanged.
 */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const match = /^\+62(\d{6,13})$/.exec(e164.replace(/[\s-]/g, ''));
  if (!match) return e164;
  const national = match[1]!;
  const headLength = national.startsWith('8') ? 3 : TWO_DIGIT_AREAS.test(national) ? 2 : 3;
  const head = national.slice(0, headLength);
  const rest = national.slice(headLength).match(/.{1,4}/g) ?? [];
  return `+62 ${[head, ...rest].join('-')}`;
}

/** A WhatsApp chat link for Indonesian mobile numbers (+628...), null for anything else. */
export function whatsappLink(e164: string | null | undefined): string | null {
  if (!e164) return null;
  const compact = e164.replace(/[\s-]/g, '');
  return /^\+628\d{7,12}$/.test(compact) ? `https://wa.me/${compact.slice(1)}` : null;
}

/** Today's date in Jakarta as a LocalDate ("2026-11-24"), to compare with the API's due dates. */
export function todayInJakarta(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A Rupiah digit string above zero ("0", "", null are not). */
export const isPositiveRupiah = (value: string | null | undefined): boolean => /^0*[1-9]\d*$/.test(String(value ?? '').trim());

/** Operating system templates as people call them (the API's slugs: server/src/hosting OS_TEMPLATES). */
const OS_NAMES: Record<string, string> = {
  'ubuntu-24.04': 'Ubuntu 24.04 LTS',
  'ubuntu-22.04': 'Ubuntu 22.04 LTS',
  'debian-12': 'Debian 12',
  'almalinux-9': 'AlmaLinux 9',
  'rocky-9': 'Rocky Linux 9',
  'windows-server-2022': 'Windows Server 2022',
};

/** "ubuntu-24.04" -> "Ubuntu 24.04 LTS"; a template we do not know is shown as the API names it. */
export const osName = (slug: string | null | undefined) => (slug ? (OS_NAMES[slug] ?? slug) : '');
