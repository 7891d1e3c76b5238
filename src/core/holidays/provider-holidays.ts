/**
 * The provider holidays from the seed service description (its "Holidays Observed"
 * appendix): New Year's Day, Presidents' Day, Memorial Day, Independence Day, Labor Day,
 * Thanksgiving and the day after, Christmas Eve, Christmas Day, and New Year's Eve as a
 * half day (open 08:00–12:00). The appendix lists 2020's dates; these rules give the same
 * dates for 2020 (e.g. Independence Day observed Fri Jul 3 when the 4th is a Saturday)
 * and carry them to any year.
 */
export interface HolidaySeed {
  /** Local date, YYYY-MM-DD. */
  readonly date: string;
  readonly name: string;
  /** Replacement open hours like `08:00-12:00`; empty = closed all day. */
  readonly open: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** 0 = Sunday … 6 = Saturday, for a civil date (no time zone involved). */
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay();

function nthWeekday(y: number, m: number, dow: number, n: number): number {
  const first = weekday(y, m, 1);
  return 1 + ((dow - first + 7) % 7) + (n - 1) * 7;
}

function lastWeekday(y: number, m: number, dow: number): number {
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = weekday(y, m, days);
  return days - ((last - dow + 7) % 7);
}

/** A fixed-date holiday on a weekend is observed on the Friday before or Monday after. */
function observed(y: number, m: number, d: number): string {
  const t = Date.UTC(y, m - 1, d);
  const dow = weekday(y, m, d);
  const shift = dow === 6 ? -1 : dow === 0 ? 1 : 0;
  return new Date(t + shift * 86_400_000).toISOString().slice(0, 10);
}

export function providerHolidays(year: number): HolidaySeed[] {
  const list: HolidaySeed[] = [
    { date: observed(year, 1, 1), name: "New Year's Day", open: '' },
    { date: iso(year, 2, nthWeekday(year, 2, 1, 3)), name: "Presidents' Day", open: '' },
    { date: iso(year, 5, lastWeekday(year, 5, 1)), name: 'Memorial Day', open: '' },
    { date: observed(year, 7, 4), name: 'Independence Day', open: '' },
    { date: iso(year, 9, nthWeekday(year, 9, 1, 1)), name: 'Labor Day', open: '' },
    { date: iso(year, 11, nthWeekday(year, 11, 4, 4)), name: 'Thanksgiving', open: '' },
    { date: iso(year, 11, nthWeekday(year, 11, 4, 4) + 1), name: 'Day after Thanksgiving', open: '' },
    { date: iso(year, 12, 24), name: 'Christmas Eve', open: '' },
    { date: observed(year, 12, 25), name: 'Christmas Day', open: '' },
  ];
  // A half day replaces the day's hours, so on a weekend it would *open* a closed day.
  const nyeDow = weekday(year, 12, 31);
  if (nyeDow >= 1 && nyeDow <= 5) list.push({ date: iso(year, 12, 31), name: "New Year's Eve (half day)", open: '08:00-12:00' });
  // Keep one entry per date (Christmas observed on Fri 24th coincides with Christmas Eve)
  // and only dates inside the year (New Year's Day observed on Dec 31 of the year before).
  const seen = new Set<string>();
  return list.filter((h) => {
    if (!h.date.startsWith(`${year}-`) || seen.has(h.date)) return false;
    seen.add(h.date);
    return true;
  });
}
