import { DateTime } from 'luxon';

/**
 * Calendar months and working days as billing sees them. A month is `YYYY-MM`; a working
 * day is `YYYY-MM-DD`, both civil dates in the provider's time zone (docs/design.md, Rules: Hours; month
 * boundaries are the provider's).
 */
export type YearMonth = string & { readonly __brand: 'YearMonth' };
export type IsoDay = string & { readonly __brand: 'IsoDay' };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(text: string): YearMonth | null {
  const t = text.trim();
  return MONTH.test(t) ? (t as YearMonth) : null;
}

export function monthOfDay(day: IsoDay): YearMonth {
  return day.slice(0, 7) as YearMonth;
}

export function addMonths(month: YearMonth, n: number): YearMonth {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}` as YearMonth;
}

export function daysInMonth(month: YearMonth): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The civil day of an instant in a zone. */
export function dayInZone(ms: number, zone: string): IsoDay {
  return DateTime.fromMillis(ms, { zone }).toISODate() as IsoDay;
}

export function currentMonth(nowMs: number, zone: string): YearMonth {
  return monthOfDay(dayInZone(nowMs, zone));
}

/** `[start, end)` of a month in a zone, as epoch ms. */
export function monthSpan(month: YearMonth, zone: string): { start: number; end: number } {
  const start = DateTime.fromISO(`${month}-01`, { zone });
  return { start: start.toMillis(), end: start.plus({ months: 1 }).toMillis() };
}

/**
 * The working day a Date cell names. A date-only cell is local midnight in the
 * spreadsheet's zone and means the day the person typed, whatever the provider's zone; a
 * cell with a time of day is an instant, placed on the provider's calendar (so 22:00 on
 * the last evening of a month in Denver stays in that month even when it is already the
 * 1st in UTC).
 */
export function workDay(ms: number, sheetZone: string, providerZone: string): IsoDay {
  const local = DateTime.fromMillis(ms, { zone: sheetZone });
  if (local.hour === 0 && local.minute === 0 && local.second === 0 && local.millisecond === 0) return local.toISODate() as IsoDay;
  return dayInZone(ms, providerZone);
}

/** Whether a zone name is one luxon (and so Apps Script) knows. */
export function isZone(zone: string): boolean {
  // Asked on every run for the same few names; luxon builds a formatter each time to answer.
  let ok = knownZones.get(zone);
  if (ok === undefined) {
    ok = DateTime.now().setZone(zone).isValid;
    knownZones.set(zone, ok);
  }
  return ok;
}

const knownZones = new Map<string, boolean>();
