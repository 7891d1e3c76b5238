import { dayOfWall } from './civil';
import { offsetAt } from './zone';
import type { BusinessCalendar } from './calendar';
import type { DayNumber, EpochMs } from './types';

/** The calendar's local date at an instant: what decides weekday and holiday. */
export function localDay(cal: BusinessCalendar, t: EpochMs): DayNumber {
  return dayOfWall(t + offsetAt(cal.timeZone, t));
}
