import { CHUNK_MS, END_INSTANT, FIRST_INSTANT, outOfRange, type BusinessCalendar, type Chunk } from './calendar';
import { MINUTE_MS } from './civil';
import { CalendarError } from './errors';
import type { EpochMs } from './types';

/** First index whose interval ends after `t` (= ends.length when none). */
function firstEndAfter(ends: Float64Array, t: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ends[mid] as number) > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index whose cumulative open time reaches `target`. */
function firstCumAtLeast(cum: Float64Array, target: number): number {
  let lo = 0;
  let hi = cum.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Open time from the chunk's start up to `t`. */
function openBefore(c: Chunk, t: number): number {
  const i = firstEndAfter(c.ends, t);
  let sum = i > 0 ? (c.cumEnd[i - 1] as number) : 0;
  if (i < c.ends.length) {
    const s = c.starts[i] as number;
    if (s < t) sum += t - s;
  }
  return sum;
}

const chunkIndex = (t: EpochMs) => Math.floor(t / CHUNK_MS);

function checkInstant(t: EpochMs, what: string): void {
  if (!Number.isFinite(t)) throw new CalendarError(`${what} is not a valid instant`);
  if (t < FIRST_INSTANT || t >= END_INSTANT) throw new CalendarError(`${what} is outside the years 0000–9999 (UTC)`);
}

/** The last chunk runs a few weeks past year 9999; an answer there is out of range too. */
function inRange(cal: BusinessCalendar, t: EpochMs): EpochMs {
  if (t >= END_INSTANT) throw outOfRange(cal.id);
  return t;
}

export function isOpen(cal: BusinessCalendar, at: EpochMs): boolean {
  checkInstant(at, 'at');
  const c = cal.timeline.chunk(chunkIndex(at));
  const i = firstEndAfter(c.ends, at);
  return i < c.ends.length && (c.starts[i] as number) <= at;
}

/** `at` itself when open, else the next opening. Throws NeverOpenError when there is none. */
export function nextOpen(cal: BusinessCalendar, at: EpochMs): EpochMs {
  checkInstant(at, 'at');
  const tl = cal.timeline;
  let k = chunkIndex(at);
  let c = tl.chunk(k);
  let i = firstEndAfter(c.ends, at);
  while (i >= c.ends.length) {
    c = tl.following(k);
    k++;
    i = 0;
  }
  return inRange(cal, Math.max(at, c.starts[i] as number));
}

/**
 * The earliest instant by which `openMs` of open time has passed since `start`. It lands
 * inside an open interval or exactly on its end (a due may equal a closing time); zero
 * means "the next moment the clock runs", i.e. nextOpen.
 */
export function dueAfterOpenMs(cal: BusinessCalendar, start: EpochMs, openMs: number): EpochMs {
  checkInstant(start, 'start');
  if (!(openMs >= 0) || !Number.isFinite(openMs)) throw new CalendarError(`open time must be a non-negative number, got ${openMs}`);
  if (openMs === 0) return nextOpen(cal, start);
  // Open time never runs faster than real time, so this due is out of range for sure;
  // saying so now spares walking thousands of years of chunks to find out.
  if (start + openMs >= END_INSTANT) throw outOfRange(cal.id);
  const tl = cal.timeline;
  let k = chunkIndex(start);
  let c = tl.chunk(k);
  let target = openBefore(c, start) + openMs;
  // A whole chunk (4 weeks) is skipped per step, whatever its holidays and DST.
  while (target > c.total) {
    target -= c.total;
    c = tl.following(k);
    k++;
  }
  const j = firstCumAtLeast(c.cumEnd, target);
  return inRange(cal, (c.ends[j] as number) - ((c.cumEnd[j] as number) - target));
}

export function due(cal: BusinessCalendar, start: EpochMs, minutes: number): EpochMs {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new CalendarError(`minutes must be a non-negative number, got ${minutes}`);
  return dueAfterOpenMs(cal, start, minutes * MINUTE_MS);
}

/** Open time in `[from, to)`, in ms; 0 when `to` ≤ `from`. */
export function openMsBetween(cal: BusinessCalendar, from: EpochMs, to: EpochMs): number {
  checkInstant(from, 'from');
  checkInstant(to, 'to');
  if (to <= from) return 0;
  const tl = cal.timeline;
  const kf = chunkIndex(from);
  const kt = chunkIndex(to);
  const cf = tl.chunk(kf);
  if (kf === kt) return openBefore(cf, to) - openBefore(cf, from);
  let sum = cf.total - openBefore(cf, from);
  for (let k = kf + 1; k < kt; k++) sum += tl.chunk(k).total;
  return sum + openBefore(tl.chunk(kt), to);
}

/** Open time in `[from, to)` in whole minutes, floored (70 min 25 s → 70). */
export function elapsedMinutes(cal: BusinessCalendar, from: EpochMs, to: EpochMs): number {
  return Math.floor(openMsBetween(cal, from, to) / MINUTE_MS);
}
