/**
 * Business calendars: weekly local hours in an IANA zone plus holidays, compiled to UTC
 * open intervals so deadlines are arithmetic. The rules: docs/design.md, Rules: Business time.
 */
export type { CalendarSpec, DayHours, DayNumber, EpochMs, LocalInterval, MinuteOfDay, WeekdayKey } from './types';
export { WEEKDAYS } from './types';
export { CalendarError, NeverOpenError } from './errors';
export { makeCalendar, type BusinessCalendar } from './calendar';
export { parseCalendarJson, parseCalendarSpecJson, parseCalendarsJson } from './json';
export { calendarFromRows, type CalendarRow, type HolidayRow } from './rows';
export { parseHoursCell } from './cells';
export { formatHours } from './time-of-day';
export { due, dueAfterOpenMs, elapsedMinutes, isOpen, nextOpen, openMsBetween } from './ops';
export { dueBusinessDays } from './business-days';
export { explainDue, explainSpan } from './explain';
export { localDay } from './local-day';
export { MINUTE_MS, DAY_MS } from './civil';
