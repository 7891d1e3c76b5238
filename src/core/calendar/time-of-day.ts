import type { DayHours, LocalInterval, MinuteOfDay } from './types';

const HHMM = /^(\d{2}):(\d{2})$/;

/** `HH:MM` → minutes, `24:00` → 1440; anything else → null. Callers decide where 24:00 may stand. */
export function parseHhmm(text: string): MinuteOfDay | null {
  const m = HHMM.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0) return 1440;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

export function formatHhmm(minutes: MinuteOfDay): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * Checks one interval's ends; returns a reason when it is wrong. Kept separate from the
 * parsers so cells and JSON give the same wording.
 */
export function intervalProblem(start: MinuteOfDay | null, end: MinuteOfDay | null): string | null {
  if (start === null) return 'start is not a time HH:MM';
  if (end === null) return 'end is not a time HH:MM';
  if (start === 1440) return '24:00 can only end an interval';
  if (start >= end) return 'start must be before end (an overnight shift is two intervals on two days)';
  return null;
}

/** Sorts and merges overlapping or touching intervals, so each date is a clean list. */
export function normaliseHours(intervals: readonly LocalInterval[]): DayHours {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: LocalInterval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) {
      if (iv.end > last.end) out[out.length - 1] = { start: last.start, end: iv.end };
    } else {
      out.push(iv);
    }
  }
  return out;
}

export function formatHours(hours: DayHours): string {
  if (hours.length === 0) return 'closed';
  return hours.map((h) => `${formatHhmm(h.start)}-${formatHhmm(h.end)}`).join(', ');
}
