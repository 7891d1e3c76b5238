import { showDayTime } from '../time/show';
import { openMsOf, piecesOfDay } from './compile';
import { MINUTE_MS, formatIsoDate, shortDate, shortWeekday, weekdayIndex } from './civil';
import { localDay } from './local-day';
import { dueAfterOpenMs } from './ops';
import type { BusinessCalendar } from './calendar';
import type { DayNumber, EpochMs } from './types';

type Step =
  | { kind: 'open'; day: DayNumber; ms: number; holidayHours: boolean }
  | { kind: 'holiday' | 'closed'; from: DayNumber; to: DayNumber };

// Past this many dates the note would not be read anyway; the end time still says it all.
const MAX_DAYS = 60;

/** Hours to one decimal, `4` rather than `4.0`; under 6 minutes reads better in minutes. */
function amount(ms: number): string {
  if (ms < 6 * MINUTE_MS) return `${Math.round(ms / MINUTE_MS)} min`;
  const h = Math.round(ms / 360_000) / 10;
  return `${h} h`;
}

function range(from: DayNumber, to: DayNumber): string {
  return from === to ? shortDate(from) : `${shortWeekday(from)}–${shortWeekday(to)}`;
}

function label(step: Step): string {
  switch (step.kind) {
    case 'open':
      return `${amount(step.ms)} ${shortDate(step.day)}${step.holidayHours ? ' (holiday hours)' : ''}`;
    case 'holiday':
      return `${step.from === step.to ? 'holiday' : 'holidays'} ${range(step.from, step.to)}`;
    case 'closed': {
      let weekend = true;
      for (let d = step.from; d <= step.to; d++) if (weekdayIndex(d) < 5) weekend = false;
      return weekend ? 'weekend' : `closed ${range(step.from, step.to)}`;
    }
  }
}

/**
 * One line a support lead can check by eye, e.g.
 * `4 h: 0.8 h Wed 25 Nov + holidays Thu–Fri + weekend + 3.2 h Mon 30 Nov → Mon 11:10 MST`.
 * The due instant comes from `due` itself; the per-day amounts are the same compiled
 * open intervals cut at local dates, so the parts always add up to the target.
 */
export function explainDue(cal: BusinessCalendar, start: EpochMs, minutes: number): string {
  const end = dueAfterOpenMs(cal, start, minutes * MINUTE_MS);
  return explainSpan(cal, start, end, amount(minutes * MINUTE_MS));
}

/** Explains an already computed deadline `[start, end)` under a heading such as `4 h`. */
export function explainSpan(cal: BusinessCalendar, start: EpochMs, end: EpochMs, heading: string): string {
  const steps: Step[] = [];
  const first = localDay(cal, start);
  const last = localDay(cal, end);
  let truncated = false;
  for (let d = first; d <= last; d++) {
    if (d - first >= MAX_DAYS) {
      truncated = true;
      break;
    }
    const pieces = piecesOfDay(cal, d);
    const used = openMsOf(pieces, start, end);
    if (used > 0) {
      steps.push({ kind: 'open', day: d, ms: used, holidayHours: cal.holidays.has(formatIsoDate(d)) });
      continue;
    }
    // A working day merely outside [start, end) (start after hours, end at midnight) is not news.
    if (openMsOf(pieces) > 0) continue;
    const kind = cal.holidays.has(formatIsoDate(d)) ? 'holiday' : 'closed';
    const prev = steps[steps.length - 1];
    if (prev && prev.kind === kind && prev.to === d - 1) prev.to = d;
    else steps.push({ kind, from: d, to: d });
  }
  const dueText = showDayTime(end, cal.timeZone);
  const parts = steps.map(label);
  if (truncated) parts.push('…');
  return `${heading}: ${parts.length > 0 ? parts.join(' + ') + ' ' : ''}→ ${dueText}`;
}
