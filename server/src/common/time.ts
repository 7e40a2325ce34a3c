import { DateTime } from 'luxon';

export const ZONE = 'Asia/Jakarta';

/** Where "now" comes from; jobs and tests pass their own to travel in time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Today's calendar date in Jakarta, YYYY-MM-DD. */
export function todayJakarta(clock: Clock = systemClock): string {
  return DateTime.fromJSDate(clock.now(), { zone: ZONE }).toISODate()!;
}

/**
 * The date `months` months after `anchor` (YYYY-MM-DD), on the anchor's day clamped at month end:
 * counting from the anchor each time keeps 31 Jan -> 28/29 Feb -> 31 Mar (not 28 Mar).
 */
export function addMonthsClamped(anchor: string, months: number): string {
  return DateTime.fromISO(anchor, { zone: ZONE }).plus({ months }).toISODate()!;
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "24 November 2026", in Jakarta's calendar. */
export function formatDateID(value: Date | string): string {
  const d = typeof value === 'string' ? DateTime.fromISO(value, { zone: ZONE }) : DateTime.fromJSDate(value, { zone: ZONE });
  return `${d.day} ${MONTHS_ID[d.month - 1]} ${d.year}`;
}
