import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { DateTime } from 'luxon';

/**
 * Indonesian phone numbers as customers type them (08..., +62..., 62..., with spaces or dashes)
 * to E.164 (+62...). Returns null when it is not a valid Indonesian number.
 */
export function normalizePhoneID(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+(\d][\d\s().-]*$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) digits = digits.startsWith('62') ? digits : '';
  else if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  if (!digits.startsWith('62')) return null;
  const phone = parsePhoneNumberFromString(`+${digits}`);
  if (!phone || phone.country !== 'ID' || !phone.isValid()) return null;
  return phone.number;
}

/** `+62 812-3456-7890` for display. */
export function formatPhoneID(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  return phone ? phone.formatInternational().replace(/^(\+62) (\d+)[ -](\d+)[ -](\d+)$/, '$1 $2-$3-$4') : e164;
}

/** wa.me takes digits only. */
export function waMeLink(e164: string, text?: string): string {
  const digits = e164.replace(/\D/g, '');
  return `https://wa.me/${digits}${text ? `?text=${encodeURIComponent(text)}` : ''}`;
}

/**
 * NIK: 16 digits `PP KK CC DDMMYY NNNN`: province code (11-94), regency and district codes (not 00),
 * birth date (women add 40 to the day), and a sequence from 0001.
 */
export function isValidNIK(input: string): boolean {
  if (!/^\d{16}$/.test(input)) return false;
  const province = Number(input.slice(0, 2));
  if (province < 11 || province > 94) return false;
  if (input.slice(2, 4) === '00' || input.slice(4, 6) === '00') return false;
  let day = Number(input.slice(6, 8));
  if (day > 40) day -= 40;
  const month = Number(input.slice(8, 10));
  const yy = Number(input.slice(10, 12));
  // Leap days need a year: try both centuries; a real person's date exists in at least one.
  const valid = [1900 + yy, 2000 + yy].some((year) => DateTime.fromObject({ year, month, day }).isValid);
  if (!valid) return false;
  return input.slice(12) !== '0000';
}
