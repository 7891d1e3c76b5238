import { asCalendarId } from '../types/ids';
import { makeCalendar, type BusinessCalendar } from './calendar';
import { parseHoursCell } from './cells';
import { parseIsoDate } from './civil';
import { CalendarError } from './errors';
import type { DayHours } from './types';

/** One row of the Calendars tab, cells as text. */
export interface CalendarRow {
  readonly id: string;
  readonly timeZone: string;
  readonly mon?: string;
  readonly tue?: string;
  readonly wed?: string;
  readonly thu?: string;
  readonly fri?: string;
  readonly sat?: string;
  readonly sun?: string;
}

/** One row of the Holidays tab for that calendar; blank `open` = closed all day. */
export interface HolidayRow {
  readonly date: string;
  readonly open?: string;
  readonly name?: string;
}

const DAYS = [
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
] as const;

export function calendarFromRows(row: CalendarRow, holidayRows: readonly HolidayRow[]): BusinessCalendar {
  const id = row.id.trim();
  if (id === '') throw new CalendarError('a Calendars row needs a Calendar ID');
  const week = DAYS.map(([key, label]) => parseHoursCell(row[key] ?? '', { calendarId: id, day: label }));
  const holidays = new Map<string, DayHours>();
  for (const h of holidayRows) {
    const date = h.date.trim();
    if (parseIsoDate(date) === null) throw new CalendarError(`calendar "${id}", holiday: "${h.date}": not a date YYYY-MM-DD`);
    if (holidays.has(date)) throw new CalendarError(`calendar "${id}", ${date}: "${h.date}": duplicate holiday date`);
    holidays.set(date, parseHoursCell(h.open ?? '', { calendarId: id, day: date }));
  }
  return makeCalendar({ id: asCalendarId(id), timeZone: row.timeZone.trim(), week, holidays });
}
