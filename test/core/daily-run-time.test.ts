import fc from 'fast-check';
import { EMPTY_LEDGER, paceFor, readLedger, skipsThisTime, usedInLastDay, withRun } from '../../src/core/time/daily-run-time';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 10, 2, 15, 30);

describe('trigger run time over a rolling day', () => {
  it('counts only the 24 hours before now, and a new run drops hours older than a day', () => {
    let l = withRun(EMPTY_LEDGER, T - 30 * HOUR, 60_000);
    l = withRun(l, T - 23 * HOUR, 2_000);
    l = withRun(l, T, 3_000);
    expect(usedInLastDay(l, T)).toBe(5_000);
    expect(Object.keys(l.hours)).toHaveLength(2);
    expect(usedInLastDay(l, T + 2 * HOUR)).toBe(3_000);
  });

  it('the sum of runs within a day is what it reports, whatever their order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 23 * HOUR }), fc.integer({ min: 0, max: 360_000 })), { maxLength: 40 }),
        (runs) => {
          const sorted = [...runs].sort((a, b) => a[0] - b[0]);
          let l = EMPTY_LEDGER;
          for (const [at, ms] of sorted) l = withRun(l, T - 23 * HOUR + at, ms);
          expect(usedInLastDay(l, T)).toBe(runs.reduce((a, [, ms]) => a + ms, 0));
        },
      ),
    );
  });

  it('reads back what it wrote, and anything unreadable as empty', () => {
    const l = withRun(EMPTY_LEDGER, T, 1234);
    expect(readLedger(JSON.stringify(l))).toEqual(l);
    for (const bad of [null, '', 'not json', '[]', '{"hours":{"x":1,"5":-3}}']) expect(usedInLastDay(readLedger(bad), T)).toBe(0);
  });

  it('backs off at 75 % and 90 % of the quota', () => {
    const q = 90 * 60_000;
    expect(paceFor(0.74 * q, q).every).toBe(1);
    expect(paceFor(0.75 * q, q).every).toBe(2);
    expect(paceFor(0.9 * q, q).every).toBe(4);
    const pace = paceFor(0.95 * q, q);
    expect(skipsThisTime(pace, null, T, 300_000)).toBe(false);
    expect(skipsThisTime(pace, T - 15 * 60_000, T, 300_000)).toBe(true);
    expect(skipsThisTime(pace, T - 20 * 60_000, T, 300_000)).toBe(false);
    expect(skipsThisTime(paceFor(0, q), T - 60_000, T, 300_000)).toBe(false);
  });
});
