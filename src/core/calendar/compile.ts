import { DAY_MS, MINUTE_MS, dayOfWall, formatIsoDate, weekdayIndex } from './civil';
import { offsetPeriods, type OffsetPeriod } from './zone';
import type { CalendarSpec, DayHours, DayNumber, EpochMs } from './types';

/** Sorted, disjoint, non-touching UTC open intervals `[starts[i], ends[i])`. */
export interface Pieces {
  readonly starts: number[];
  readonly ends: number[];
}

/** A holiday's hours replace the weekday's; the date is the calendar's local date. */
export function hoursOn(spec: CalendarSpec, day: DayNumber): DayHours {
  if (spec.holidays.size > 0) {
    const h = spec.holidays.get(formatIsoDate(day));
    if (h) return h;
  }
  return spec.week[weekdayIndex(day)] ?? [];
}

function push(out: Pieces, s: number, e: number): void {
  const n = out.ends.length;
  // Touching stretches (24:00 then 00:00, or the two sides of an offset change) merge.
  if (n > 0 && out.ends[n - 1] === s) out.ends[n - 1] = e;
  else {
    out.starts.push(s);
    out.ends.push(e);
  }
}

/**
 * The UTC instants whose local wall time falls on a date in `[fromDay, toDay]` inside that
 * date's hours, clipped to `[clipStart, clipEnd)`. Within one offset period wall time is
 * `t + offset`, so a local interval `[a, b)` is simply `[a − offset, b − offset)` cut to
 * the period. That keeps the part of an interval that exists on a spring-forward day and
 * counts a repeated hour twice on a fall-back day, where converting each local time to
 * one instant would not.
 */
export function compilePieces(
  spec: CalendarSpec,
  periods: readonly OffsetPeriod[],
  fromDay: DayNumber,
  toDay: DayNumber,
  clipStart: EpochMs,
  clipEnd: EpochMs,
): Pieces {
  const out: Pieces = { starts: [], ends: [] };
  for (const p of periods) {
    const lo = Math.max(p.start, clipStart);
    const hi = Math.min(p.end, clipEnd);
    if (lo >= hi) continue;
    const o = p.offsetMs;
    const firstDay = Math.max(fromDay, dayOfWall(lo + o));
    const lastDay = Math.min(toDay, dayOfWall(hi - 1 + o));
    for (let d = firstDay; d <= lastDay; d++) {
      const base = d * DAY_MS - o;
      for (const iv of hoursOn(spec, d)) {
        const s = Math.max(base + iv.start * MINUTE_MS, lo);
        const e = Math.min(base + iv.end * MINUTE_MS, hi);
        if (s < e) push(out, s, e);
      }
    }
  }
  return out;
}

// Wider than any UTC offset, so a date's instants all lie within this margin of its wall times.
const ZONE_MARGIN_MS = 16 * 3_600_000;

/** The open instants of one local date (for business days and explanations). */
export function piecesOfDay(spec: CalendarSpec, day: DayNumber): Pieces {
  const from = day * DAY_MS - ZONE_MARGIN_MS;
  const to = (day + 1) * DAY_MS + ZONE_MARGIN_MS;
  return compilePieces(spec, offsetPeriods(spec.timeZone, from, to), day, day, from, to);
}

export function openMsOf(p: Pieces, from = -Infinity, to = Infinity): number {
  let sum = 0;
  for (let i = 0; i < p.starts.length; i++) {
    const s = Math.max(p.starts[i] ?? 0, from);
    const e = Math.min(p.ends[i] ?? 0, to);
    if (e > s) sum += e - s;
  }
  return sum;
}
