import { asCalendarId } from '../types/ids';
import { makeCalendar, type BusinessCalendar } from './calendar';
import { parseIsoDate } from './civil';
import { CalendarError } from './errors';
import { cellError, type CellContext } from './cells';
import { intervalProblem, normaliseHours, parseHhmm } from './time-of-day';
import { WEEKDAYS, type CalendarSpec, type DayHours, type LocalInterval } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
const cap = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);
// `timeZone` is the spelling of the tab's column and of luxon; `name` is a label for people.
const CALENDAR_FIELDS: readonly string[] = ['id', 'timezone', 'timeZone', 'week', 'holidays', 'name'];
const HOLIDAY_FIELDS: readonly string[] = ['date', 'open', 'name'];

function parseJsonHours(value: unknown, ctx: CellContext): DayHours {
  if (!Array.isArray(value)) throw cellError(ctx, show(value), 'hours must be a list of ["HH:MM","HH:MM"] pairs');
  const out: LocalInterval[] = [];
  for (const pair of value) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw cellError(ctx, show(pair), 'an interval is a pair ["HH:MM","HH:MM"]');
    }
    const start = parseHhmm(pair[0]);
    const end = parseHhmm(pair[1]);
    const problem = intervalProblem(start, end);
    if (problem !== null || start === null || end === null) throw cellError(ctx, show(pair), problem ?? 'bad interval');
    out.push({ start, end });
  }
  return normaliseHours(out);
}

/**
 * Reads one calendar in the CLI's JSON shape:
 * `{"id","timezone","week":{"mon":[["08:00","17:00"]],…},"holidays":[{"date","open"?}]}`.
 * A missing weekday is closed; a holiday without `open` (or with `[]`) is closed all day.
 */
export function parseCalendarSpecJson(json: unknown): CalendarSpec {
  if (!isRecord(json)) throw new CalendarError(`a calendar must be a JSON object, got ${show(json)}`);
  const id = json['id'];
  if (typeof id !== 'string' || id.trim() === '') throw new CalendarError(`a calendar needs a text "id", got ${show(id)}`);
  // A misspelt field would otherwise be ignored without a word: `"holiday": […]` dropping
  // every holiday, or a holiday's `"opn"` closing a day meant to open. Deadlines hang on
  // these, so an unknown field is an error.
  const unknown = Object.keys(json).find((k) => !CALENDAR_FIELDS.includes(k));
  if (unknown !== undefined) {
    throw new CalendarError(
      `calendar "${id}": unknown field "${unknown}" (a calendar has id, timezone, week, holidays and an optional name)`,
    );
  }
  const zone = json['timezone'] ?? json['timeZone'];
  if (typeof zone !== 'string') throw new CalendarError(`calendar "${id}": "timezone" must be an IANA zone name, got ${show(zone)}`);
  const weekJson = json['week'] ?? {};
  if (!isRecord(weekJson)) throw new CalendarError(`calendar "${id}": "week" must be an object keyed mon…sun, got ${show(weekJson)}`);
  for (const key of Object.keys(weekJson)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      throw new CalendarError(`calendar "${id}": "${key}" is not a weekday (use mon, tue, wed, thu, fri, sat, sun)`);
    }
  }
  const week = WEEKDAYS.map((k) => (weekJson[k] === undefined ? [] : parseJsonHours(weekJson[k], { calendarId: id, day: cap(k) })));
  const holidaysJson = json['holidays'] ?? [];
  if (!Array.isArray(holidaysJson)) throw new CalendarError(`calendar "${id}": "holidays" must be a list, got ${show(holidaysJson)}`);
  const holidays = new Map<string, DayHours>();
  for (const h of holidaysJson) {
    if (!isRecord(h) || typeof h['date'] !== 'string') {
      throw new CalendarError(`calendar "${id}": holiday ${show(h)}: needs a "date" YYYY-MM-DD`);
    }
    const date = h['date'];
    const extra = Object.keys(h).find((k) => !HOLIDAY_FIELDS.includes(k));
    if (extra !== undefined) {
      throw cellError({ calendarId: id, day: date }, show(h), `unknown field "${extra}" (a holiday has date, open and an optional name)`);
    }
    if (parseIsoDate(date) === null) throw cellError({ calendarId: id, day: 'holiday' }, date, 'not a date YYYY-MM-DD');
    if (holidays.has(date)) throw cellError({ calendarId: id, day: date }, date, 'duplicate holiday date');
    holidays.set(date, h['open'] === undefined ? [] : parseJsonHours(h['open'], { calendarId: id, day: date }));
  }
  return { id: asCalendarId(id), timeZone: zone, week, holidays };
}

export function parseCalendarJson(json: unknown): BusinessCalendar {
  return makeCalendar(parseCalendarSpecJson(json));
}

/** The CLI's calendars file: an array of calendars, ids unique. */
export function parseCalendarsJson(json: unknown): Map<string, BusinessCalendar> {
  if (!Array.isArray(json)) throw new CalendarError('the calendars file must hold a JSON array of calendars');
  const out = new Map<string, BusinessCalendar>();
  for (const c of json) {
    const cal = parseCalendarJson(c);
    if (out.has(cal.id)) throw new CalendarError(`calendar "${cal.id}" is defined twice`);
    out.set(cal.id, cal);
  }
  return out;
}
