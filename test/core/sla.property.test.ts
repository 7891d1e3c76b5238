import fc from 'fast-check';
import { parseCalendarJson } from '../../src/core/calendar/index';
import { dueOutsidePauses, normalisePauses, openMsOutsidePauses } from '../../src/core/sla/index';
import { NaiveCalendar, type CalendarJson } from './reference/naive-calendar';

const MIN = 60_000;
const h: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const json: CalendarJson = {
  id: 'split',
  timezone: 'America/Denver',
  week: { mon: h, tue: h, wed: h, thu: h, fri: [['08:00', '16:00']], sat: [['01:00', '03:00']] },
  holidays: [{ date: '2026-11-02' }],
};
const cal = parseCalendarJson(json);
const naive = new NaiveCalendar(json);
// Around the fall-back weekend, so pauses and DST meet.
const BASE = Date.parse('2026-10-30T00:00:00Z');
const minuteIn = (days: number) => fc.integer({ min: 0, max: days * 24 * 60 }).map((m) => BASE + m * MIN);

// Whole hours half the time, so pauses often begin exactly when a target runs out.
const onHour = (days: number) => fc.integer({ min: 0, max: days * 24 }).map((hr) => BASE + hr * 60 * MIN);
const pausesArb = fc.array(
  fc
    .tuple(fc.oneof(minuteIn(8), onHour(8)), fc.integer({ min: 1, max: 2 * 24 * 60 }))
    .map(([from, len]) => ({ from, to: from + len * MIN })),
  { maxLength: 4 },
);

/** Naive: walk whole minutes, counting open minutes that are not paused. */
function naiveDue(start: number, minutes: number, pauses: { from: number; to: number }[]): number | null {
  let need = minutes;
  for (let m = start; m < start + 40 * 24 * 60 * MIN; m += MIN) {
    if (!naive.isOpen(m) || pauses.some((p) => p.from <= m && m < p.to)) continue;
    need--;
    if (need === 0) return m + MIN;
  }
  return null;
}

describe('pause-aware SLA clock agrees with a naive minute walk', () => {
  it('due = when the target of open time outside pauses has passed; the clock stands still in pauses', () => {
    fc.assert(
      fc.property(
        fc.oneof(minuteIn(5), onHour(5)),
        fc.oneof(
          fc.integer({ min: 1, max: 1200 }),
          fc.integer({ min: 1, max: 20 }).map((x) => x * 60),
        ),
        pausesArb,
        (start, minutes, pauses) => {
          const spans = normalisePauses(pauses, Infinity);
          const expected = naiveDue(start, minutes, pauses);
          fc.pre(expected !== null);
          const d = dueOutsidePauses(cal, start, minutes * MIN, spans);
          expect(d).toBe(expected);
          expect(openMsOutsidePauses(cal, start, d!, spans)).toBe(minutes * MIN);
        },
      ),
      { numRuns: 400 },
    );
  });
});
