import fc from 'fast-check';
import { due, elapsedMinutes, isOpen, nextOpen, parseCalendarJson } from '../../src/core/calendar/index';
import { NaiveCalendar, type CalendarJson } from './reference/naive-calendar';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** 2026's offset changes (UTC instants); Kolkata has none, so any date serves. */
const ANCHORS: { zone: string; at: number }[] = [
  { zone: 'America/Denver', at: Date.parse('2026-03-08T09:00:00Z') },
  { zone: 'America/Denver', at: Date.parse('2026-11-01T08:00:00Z') },
  { zone: 'Europe/London', at: Date.parse('2026-03-29T01:00:00Z') },
  { zone: 'Europe/London', at: Date.parse('2026-10-25T01:00:00Z') },
  { zone: 'Australia/Sydney', at: Date.parse('2026-04-04T16:00:00Z') },
  { zone: 'Australia/Sydney', at: Date.parse('2026-10-03T16:00:00Z') },
  { zone: 'Asia/Kolkata', at: Date.parse('2026-03-08T09:00:00Z') },
];

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

// Boundaries favour the hours DST moves (01:00–03:00) and the day's ends, so the
// interesting cases come up often; any minute can still appear.
const boundary = fc.oneof(fc.constantFrom(0, 60, 90, 120, 150, 165, 180, 195, 1440), fc.integer({ min: 0, max: 1440 }));
const interval = fc
  .tuple(boundary, boundary)
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [string, string] => [hhmm(Math.min(a, b)), hhmm(Math.max(a, b))]);
const dayHours = fc.oneof(
  { weight: 1, arbitrary: fc.constant([] as [string, string][]) },
  { weight: 1, arbitrary: fc.constant([['00:00', '24:00']] as [string, string][]) },
  { weight: 4, arbitrary: fc.array(interval, { minLength: 1, maxLength: 3 }) },
);

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Case {
  json: CalendarJson;
  anchor: number;
}

const calendarCase: fc.Arbitrary<Case> = fc
  .record({
    anchor: fc.constantFrom(...ANCHORS),
    week: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
    holidays: fc.uniqueArray(
      fc.record({ offsetDays: fc.integer({ min: -3, max: 6 }), open: fc.option(fc.array(interval, { maxLength: 2 })) }),
      { selector: (h) => h.offsetDays, maxLength: 3 },
    ),
  })
  .filter(({ week }) => week.some((d) => d.length > 0))
  .map(({ anchor, week, holidays }) => ({
    anchor: anchor.at,
    json: {
      id: 'prop',
      timezone: anchor.zone,
      week: Object.fromEntries(KEYS.map((k, i) => [k, week[i] ?? []])),
      holidays: holidays.map((h) => ({ date: isoDate(anchor.at + h.offsetDays * DAY), ...(h.open ? { open: h.open } : {}) })),
    },
  }));

/** An instant within a couple of days of the DST change, to the second. */
const nearAnchor = (anchor: number) => fc.integer({ min: -2 * 86_400, max: 2 * 86_400 }).map((s) => anchor + s * 1000);

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe('calendar engine agrees with the naive minute walk', () => {
  it('due(start, minutes)', () => {
    fc.assert(
      fc.property(
        calendarCase.chain((c) => fc.tuple(fc.constant(c), nearAnchor(c.anchor), fc.integer({ min: 0, max: 1500 }))),
        ([c, start, minutes]) => {
          const naive = new NaiveCalendar(c.json).due(start, minutes, 21 * 24 * 60);
          fc.pre(naive !== null);
          expect(iso(due(parseCalendarJson(c.json), start, minutes))).toBe(iso(naive));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('elapsed(from, to)', () => {
    fc.assert(
      fc.property(
        calendarCase.chain((c) => fc.tuple(fc.constant(c), nearAnchor(c.anchor), nearAnchor(c.anchor))),
        ([c, a, b]) => {
          const naive = new NaiveCalendar(c.json).elapsedMinutes(a, b);
          expect(elapsedMinutes(parseCalendarJson(c.json), a, b)).toBe(naive);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('isOpen(at) and nextOpen(at)', () => {
    fc.assert(
      fc.property(
        calendarCase.chain((c) => fc.tuple(fc.constant(c), fc.array(nearAnchor(c.anchor), { minLength: 1, maxLength: 20 }))),
        ([c, ats]) => {
          const naive = new NaiveCalendar(c.json);
          const cal = parseCalendarJson(c.json);
          for (const at of ats) {
            expect(isOpen(cal, at)).toBe(naive.isOpen(at));
            const n = naive.nextOpen(at, 21 * 24 * 60);
            if (n !== null) expect(iso(nextOpen(cal, at))).toBe(iso(n));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('calendar engine invariants', () => {
  it('exactly `minutes` of open time lie between start and due, and due is the earliest such instant', () => {
    fc.assert(
      fc.property(
        calendarCase.chain((c) => fc.tuple(fc.constant(c), nearAnchor(c.anchor), fc.integer({ min: 1, max: 20_000 }))),
        ([c, start, minutes]) => {
          const cal = parseCalendarJson(c.json);
          const d = due(cal, start, minutes);
          expect(elapsedMinutes(cal, start, d)).toBe(minutes);
          expect(elapsedMinutes(cal, start, d - 1000)).toBe(minutes - 1);
          // The last second before the due is open: a due never sits inside a closed stretch.
          expect(isOpen(cal, d - 1000)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('due(s, 0) is nextOpen(s), and due composes: due(due(s, a), b) = due(s, a + b)', () => {
    fc.assert(
      fc.property(
        calendarCase.chain((c) =>
          fc.tuple(fc.constant(c), nearAnchor(c.anchor), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })),
        ),
        ([c, s, a, b]) => {
          const cal = parseCalendarJson(c.json);
          expect(due(cal, s, 0)).toBe(nextOpen(cal, s));
          expect(due(cal, due(cal, s, a), b)).toBe(due(cal, s, a + b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
