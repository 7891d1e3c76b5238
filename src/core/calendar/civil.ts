import type { DayNumber, EpochMs } from './types';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → day number, or null when it is not a real calendar date. */
export function parseIsoDate(text: string): DayNumber | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches that.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

export function formatIsoDate(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The civil date of a wall-clock time expressed as "local ms read as UTC". */
export function dayOfWall(wallMs: EpochMs): DayNumber {
  return Math.floor(wallMs / DAY_MS);
}

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function shortWeekday(day: DayNumber): string {
  return SHORT_DAYS[weekdayIndex(day)] ?? '';
}

/** `Wed 25 Nov`, the form support leads read in deadline notes. */
export function shortDate(day: DayNumber): string {
  const d = new Date(day * DAY_MS);
  return `${shortWeekday(day)} ${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()] ?? ''}`;
}
