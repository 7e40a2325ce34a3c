import { todayInJakarta } from '../format';

/** Adds days to a LocalDate ("2026-11-24"), in the calendar (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** This week in Jakarta, Monday to Sunday (the Indonesian working week), as LocalDates. */
export function weekInJakarta(now: Date = new Date()): { from: string; to: string } {
  const today = todayInJakarta(now);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const from = addDays(today, -weekday);
  return { from, to: addDays(from, 6) };
}
