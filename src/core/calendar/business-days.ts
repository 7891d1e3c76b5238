import { openMsOf, piecesOfDay } from './compile';
import { CalendarError, NeverOpenError } from './errors';
import { localDay } from './local-day';
import { dueAfterOpenMs, nextOpen } from './ops';
import type { BusinessCalendar } from './calendar';
import type { EpochMs } from './types';

// A business-day target longer than this is a typo, and a calendar open less than once
// in ten years is as good as never open.
const MAX_SCAN_DAYS = 3660;

/**
 * "N business days" from `start`: the same point of the working day N business days
 * later, where a business day is a local date with any open time (a half day counts).
 * Received after hours, the clock starts at the next opening, so 1 business day from
 * Friday evening ends at Monday's close (never rolled to Tuesday's opening). On a
 * shorter day the position is capped at its close. The answer is then turned into
 * open time and placed with the same interval arithmetic as `due`, so the two agree.
 */
export function dueBusinessDays(cal: BusinessCalendar, start: EpochMs, days: number): EpochMs {
  if (!Number.isInteger(days) || days < 0) throw new CalendarError(`business days must be a whole number ≥ 0, got ${days}`);
  const s = nextOpen(cal, start);
  if (days === 0) return s;
  const first = localDay(cal, s);
  const firstPieces = piecesOfDay(cal, first);
  const before = openMsOf(firstPieces, -Infinity, s);
  let total = openMsOf(firstPieces, s, Infinity);
  let counted = 0;
  for (let d = first + 1; counted < days; d++) {
    if (d - first > MAX_SCAN_DAYS) throw new NeverOpenError(cal.id);
    const len = openMsOf(piecesOfDay(cal, d));
    if (len === 0) continue;
    counted++;
    total += counted < days ? len : Math.min(before, len);
  }
  return dueAfterOpenMs(cal, s, total);
}
