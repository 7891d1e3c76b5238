import { formatIsoDate, weekdayIndex } from './civil';
import { localDay } from './local-day';
import type { BusinessCalendar } from './calendar';
import type { EpochMs } from './types';

/**
 * Whether `t` falls on a holiday of the calendar that is a Monday–Friday in its zone: the days
 * Ascent360 gives "emergency contacts and contact information" for ("national holidays that
 * fall on weekdays"). A weekend holiday needs none: the office is closed anyway.
 */
export function isWeekdayHoliday(cal: BusinessCalendar, t: EpochMs): boolean {
  const day = localDay(cal, t);
  return weekdayIndex(day) < 5 && cal.holidays.has(formatIsoDate(day));
}
