import { dueAfterOpenMs, openMsBetween, type BusinessCalendar, type EpochMs } from '../calendar/index';
import type { PauseInterval } from './types';

interface Span {
  from: EpochMs;
  to: EpochMs;
}

/** Sorted, merged pauses; an open-ended pause runs to `openEnd`. */
export function normalisePauses(pauses: readonly PauseInterval[], openEnd: EpochMs): Span[] {
  const spans = pauses
    .map((p) => ({ from: p.from, to: p.to ?? openEnd }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/**
 * When `targetMs` of open time outside the pauses has passed since `start`: the clock
 * does not run during a pause, so each pause that begins before the target is reached
 * pushes the due by the open time it covers. Null when a pause with no end (Infinity)
 * starts before the target is reached: the due is not yet known.
 */
export function dueOutsidePauses(cal: BusinessCalendar, start: EpochMs, targetMs: number, pauses: readonly Span[]): EpochMs | null {
  let cursor = start;
  let remaining = targetMs;
  for (const p of pauses) {
    if (p.to <= cursor) continue;
    if (p.from > cursor) {
      const candidate = dueAfterOpenMs(cal, cursor, remaining);
      if (remaining > 0 && candidate <= p.from) return candidate;
      if (remaining === 0 && candidate < p.from) return candidate;
      remaining -= openMsBetween(cal, cursor, p.from);
    }
    if (!Number.isFinite(p.to)) return null;
    cursor = p.to;
  }
  return dueAfterOpenMs(cal, cursor, remaining);
}

/** Open time in `[from, to)` with the pauses taken out. */
export function openMsOutsidePauses(cal: BusinessCalendar, from: EpochMs, to: EpochMs, pauses: readonly Span[]): number {
  let sum = openMsBetween(cal, from, to);
  for (const p of pauses) {
    const a = Math.max(p.from, from);
    const b = Math.min(p.to, to);
    if (b > a) sum -= openMsBetween(cal, a, b);
  }
  return sum;
}
