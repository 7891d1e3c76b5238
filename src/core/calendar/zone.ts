import { IANAZone } from 'luxon';
import type { EpochMs } from './types';

/** A stretch of UTC time `[start, end)` during which the zone keeps one offset. */
export interface OffsetPeriod {
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly offsetMs: number;
}

// Zones change offset at most a few times a year and never twice within a day of each
// other (tzdb has no such pair in the years a support desk deals with), so sampling daily
// and bisecting where samples differ finds every change. Each sample is an Intl call, the
// dominant cost of compiling a calendar in an Apps Script run.
const SAMPLE_MS = 24 * 3_600_000;

/**
 * The zone's offset periods covering `[from, to)`, found with luxon's zone offsets. This
 * is the only place that asks a time-zone database anything; everything after it is
 * arithmetic.
 */
export function offsetPeriods(zoneName: string, from: EpochMs, to: EpochMs): readonly OffsetPeriod[] {
  // The same days are asked about by every ticket and every run: answers are kept, by zone
  // and span (the tz database does not change while a script runs), up to a bound.
  const key = `${zoneName}|${from}|${to}`;
  const known = periodCache.get(key);
  if (known) return known;
  const periods = Object.freeze(computePeriods(zoneName, from, to));
  if (periodCache.size >= PERIOD_CACHE_MAX) periodCache.clear();
  periodCache.set(key, periods);
  return periods;
}

const PERIOD_CACHE_MAX = 20_000;
const periodCache = new Map<string, readonly OffsetPeriod[]>();

function computePeriods(zoneName: string, from: EpochMs, to: EpochMs): OffsetPeriod[] {
  const zone = IANAZone.create(zoneName);
  const offsetAt = (t: EpochMs) => Math.round(zone.offset(t) * 60_000);
  const periods: OffsetPeriod[] = [];
  let periodStart = from;
  let current = offsetAt(from);
  let t = from;
  while (t < to) {
    const next = Math.min(t + SAMPLE_MS, to);
    const o = offsetAt(next);
    if (o !== current) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === current) lo = mid;
        else hi = mid;
      }
      periods.push({ start: periodStart, end: hi, offsetMs: current });
      periodStart = hi;
      current = offsetAt(hi);
      t = hi;
      continue;
    }
    t = next;
  }
  periods.push({ start: periodStart, end: to, offsetMs: current });
  return periods;
}

const validZones = new Map<string, boolean>();

/** Whether `name` is an IANA zone this runtime knows (luxon builds a formatter to find out: asked once per name). */
export function isKnownZone(name: string): boolean {
  let ok = validZones.get(name);
  if (ok === undefined) {
    ok = IANAZone.isValidZone(name);
    validZones.set(name, ok);
  }
  return ok;
}

/** The zone's offset at one instant, in ms (for labelling, not for arithmetic). */
export function offsetAt(zoneName: string, t: EpochMs): number {
  return Math.round(IANAZone.create(zoneName).offset(t) * 60_000);
}
