import { DateTime } from 'luxon';
import type { Locale } from './request-context';

export const ZONE = 'Asia/Jakarta';

/** Where "now" comes from; jobs and tests pass their own to travel in time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The Jakarta day last asked about, as the instants it spans: [from, to) in ms since the epoch. */
let lastDay: { date: string; from: number; to: number } | null = null;

/**
 * Today's calendar date in Jakarta, YYYY-MM-DD. Asked for every order of a list (its summary), so
 * the day last computed is kept with the instants it spans: an instant inside them is that date
 * whatever clock asks (tests travel in time), and only a new day goes through luxon's zone maths.
 */
export function todayJakarta(clock: Clock = systemClock): string {
  const at = clock.now().getTime();
  if (lastDay && at >= lastDay.from && at < lastDay.to) return lastDay.date;
  const start = DateTime.fromMillis(at, { zone: ZONE }).startOf('day');
  lastDay = { date: start.toISODate()!, from: start.toMillis(), to: start.plus({ days: 1 }).toMillis() };
  return lastDay.date;
}

/**
 * The date `months` months after `anchor` (YYYY-MM-DD), on the anchor's day clamped at month end:
 * counting from the anchor each time keeps 31 Jan -> 28/29 Feb -> 31 Mar (not 28 Mar).
 */
export function addMonthsClamped(anchor: string, months: number): string {
  return DateTime.fromISO(anchor, { zone: ZONE }).plus({ months }).toISODate()!;
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "24 November 2026", in Jakarta's calendar. */
export function formatDateID(value: Date | string): string {
  return formatDate(value, 'id');
}

/** "28 Februari 2026" / "28 February 2026", in Jakarta's calendar. */
export function formatDate(value: Date | string, locale: Locale): string {
  const d = typeof value === 'string' ? DateTime.fromISO(value, { zone: ZONE }) : DateTime.fromJSDate(value, { zone: ZONE });
  return `${d.day} ${(locale === 'id' ? MONTHS_ID : MONTHS_EN)[d.month - 1]} ${d.year}`;
}
