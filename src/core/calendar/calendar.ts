import { compilePieces } from './compile';
import { DAY_MS, parseIsoDate } from './civil';
import { CalendarError, NeverOpenError } from './errors';
import { checkSpec } from './spec';
import { offsetPeriods } from './zone';
import type { CalendarSpec, EpochMs } from './types';

/**
 * One compiled stretch of 4 weeks. Open intervals are sorted `[starts[i], ends[i])` and
 * `cumEnd[i]` is the open time from the chunk's start to `ends[i]`, so "how much is open
 * before t" and "where does the N-th open ms fall" are binary searches.
 */
export interface Chunk {
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly cumEnd: Float64Array;
  readonly total: number;
}

/**
 * Four weeks: compiling asks the time-zone database for offsets across the chunk, and
 * Apps Script keeps nothing between runs, so each trigger run pays for what it compiles.
 * A sweep or an inbox run needs days to weeks around now; a 4-week chunk costs well under
 * a millisecond where a 52-week one cost about 9 ms per calendar per run.
 */
export const CHUNK_MS = 28 * DAY_MS;
/**
 * The engine answers for instants in years 0000–9999 UTC, the years ISO-8601 writes
 * without an expanded form. The bound also keeps a far-off due finite work: without it
 * a typo such as `minutes: 1e300` walked chunk after chunk towards year 275,000,
 * compiling and caching each one until memory ran out.
 */
export const FIRST_INSTANT = -62_167_219_200_000; // 0000-01-01T00:00:00Z
export const END_INSTANT = 253_402_300_800_000; // 10000-01-01T00:00:00Z

export function outOfRange(calendarId: string): CalendarError {
  return new CalendarError(`calendar "${calendarId}": the answer would fall after 9999-12-31 (UTC)`);
}

/**
 * The compiled form of a calendar. Weeks would repeat if not for DST and holidays, so
 * instead of a periodic formula it keeps exact intervals, compiled on first use per
 * 4-week chunk and cached, which also serves dates far in the future.
 */
export class Timeline {
  private readonly chunks = new Map<number, Chunk>();
  private lastIndex = Number.NaN;
  private lastChunk: Chunk | undefined;
  /** No open time at or after this instant (Infinity when the week has hours). */
  readonly horizon: EpochMs;

  constructor(private readonly spec: CalendarSpec) {
    let horizon = -Infinity;
    if (spec.week.some((d) => d.length > 0)) horizon = Infinity;
    else {
      for (const [date, hours] of spec.holidays) {
        if (hours.length === 0) continue;
        const end = ((parseIsoDate(date) ?? 0) + 2) * DAY_MS;
        if (end > horizon) horizon = end;
      }
    }
    this.horizon = horizon;
  }

  chunk(index: number): Chunk {
    if (index === this.lastIndex && this.lastChunk) return this.lastChunk;
    let c = this.chunks.get(index);
    if (!c) {
      c = this.compile(index);
      this.chunks.set(index, c);
    }
    this.lastIndex = index;
    this.lastChunk = c;
    return c;
  }

  /**
   * The chunk after `index`; a NeverOpenError when nothing can open from there on, a
   * CalendarError past year 9999.
   */
  following(index: number): Chunk {
    const next = index + 1;
    if (next * CHUNK_MS >= this.horizon) throw new NeverOpenError(this.spec.id);
    if (next * CHUNK_MS >= END_INSTANT) throw outOfRange(this.spec.id);
    return this.chunk(next);
  }

  private compile(index: number): Chunk {
    const start = index * CHUNK_MS;
    const end = start + CHUNK_MS;
    const periods = offsetPeriods(this.spec.timeZone, start, end);
    const p = compilePieces(this.spec, periods, -Infinity, Infinity, start, end);
    const n = p.starts.length;
    const starts = new Float64Array(p.starts);
    const ends = new Float64Array(p.ends);
    const cumEnd = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += (ends[i] ?? 0) - (starts[i] ?? 0);
      cumEnd[i] = sum;
    }
    return { start, end, starts, ends, cumEnd, total: sum };
  }
}

export interface BusinessCalendar extends CalendarSpec {
  readonly timeline: Timeline;
}

export function makeCalendar(spec: CalendarSpec): BusinessCalendar {
  checkSpec(spec);
  return { ...spec, timeline: new Timeline(spec) };
}
