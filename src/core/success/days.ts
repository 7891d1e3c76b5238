import { DateTime } from 'luxon';
import type { IsoDay } from '../hours/month';

/** Calendar arithmetic on provider-zone dates (IsoDay): no time of day, no zone to get wrong. */
const at = (d: IsoDay) => DateTime.fromISO(d, { zone: 'UTC' });
const iso = (dt: DateTime) => dt.toISODate() as IsoDay;

export const plusDays = (d: IsoDay, n: number): IsoDay => iso(at(d).plus({ days: n }));
/** One calendar month on, clamped to the month's end (31 Jan → 28 Feb), as people count "monthly". */
export const plusMonths = (d: IsoDay, n: number): IsoDay => iso(at(d).plus({ months: n }));
export const daysBetween = (from: IsoDay, to: IsoDay): number => Math.round(at(to).diff(at(from), 'days').days);
/** The last day of the calendar month `d` falls in. */
export const monthEnd = (d: IsoDay): IsoDay => iso(at(d).endOf('month'));
/** The last day of the calendar quarter `d` falls in. */
export const quarterEnd = (d: IsoDay): IsoDay => iso(at(d).endOf('quarter'));
export const quarterStart = (d: IsoDay): IsoDay => iso(at(d).startOf('quarter'));
/** The n-th business day after `d` (n ≥ 1) by a predicate of the provider's calendar. */
export function plusBusinessDays(d: IsoDay, n: number, isBusinessDay: (day: IsoDay) => boolean): IsoDay {
  let day = d;
  let counted = 0;
  for (let i = 0; i < 3660 && counted < n; i++) {
    day = plusDays(day, 1);
    if (isBusinessDay(day)) counted++;
  }
  return day;
}
