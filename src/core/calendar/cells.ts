import { CalendarError } from './errors';
import { intervalProblem, normaliseHours, parseHhmm } from './time-of-day';
import type { DayHours, LocalInterval } from './types';

/** Where a piece of calendar text came from, so an error can point at it. */
export interface CellContext {
  readonly calendarId: string;
  /** `Mon`, or a holiday date such as `2026-12-31`. */
  readonly day: string;
}

export function cellError(ctx: CellContext, text: string, problem: string): CalendarError {
  return new CalendarError(`calendar "${ctx.calendarId}", ${ctx.day}: "${text}": ${problem}`);
}

// Sheets users type en dashes as often as hyphens, so both separate start and end.
const RANGE = /^(\S+?)\s*[-–]\s*(\S+)$/;

/**
 * Reads an hours cell from the Calendars or Holidays tab: `08:00-17:00`,
 * `09:00-12:00, 13:00-18:00`, `closed`, `24h`. Blank means closed (a missing weekday
 * is a closed one); the Holidays tab relies on that for "closed all day".
 */
export function parseHoursCell(text: string, ctx: CellContext): DayHours {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower === '' || lower === 'closed') return [];
  if (lower === '24h') return [{ start: 0, end: 1440 }];
  const intervals: LocalInterval[] = [];
  for (const part of t.split(/[,;]/)) {
    const p = part.trim();
    const m = RANGE.exec(p);
    if (!m) throw cellError(ctx, text, `"${p}" is not an interval like 08:00-17:00 (or closed, 24h)`);
    const start = parseHhmm(m[1] ?? '');
    const end = parseHhmm(m[2] ?? '');
    const problem = intervalProblem(start, end);
    if (problem !== null || start === null || end === null) throw cellError(ctx, text, problem ?? 'bad interval');
    intervals.push({ start, end });
  }
  return normaliseHours(intervals);
}
