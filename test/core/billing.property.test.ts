import fc from 'fast-check';
import { buildStatement, type ClassifiedEntry, type StatementLine } from '../../src/core/billing';
import type { IsoDay, YearMonth } from '../../src/core/hours';
import { contract } from './billing-fixtures';

const CLIENTS = ['ACME', 'BETA', 'GAMMA'];

const entryArb = fc.record({
  clientId: fc.constantFrom(...CLIENTS, 'GHOST'),
  day: fc.integer({ min: 1, max: 30 }).map((d) => `2026-11-${String(d).padStart(2, '0')}` as IsoDay),
  minutes: fc.integer({ min: 1, max: 600 }),
  counted: fc.boolean(),
  required: fc.boolean(),
  person: fc.constantFrom('a@x.test', 'b@x.test'),
});
const clientArb = fc.record({
  monthlyHours: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  rateMicros: fc.option(
    fc.integer({ min: 0, max: 30_000 }).map((c) => c * 10_000),
    { nil: null },
  ),
  startDay: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  status: fc.constantFrom('Active', 'Ended', 'Paused'),
});

describe('billing statement (property)', () => {
  it('client rows are the sums of their detail lines, and the totals the sums of the rows', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 40 }),
        fc.tuple(clientArb, clientArb, clientArb),
        fc.constantFrom(1, 6, 15, 30),
        (raw, cs, inc) => {
          const entries: ClassifiedEntry[] = raw.map((e, i) => ({
            ...e,
            rowNumber: i + 2,
            ticketId: '',
            activity: 'Reporting',
            reason: 'r',
          }));
          const clients = cs.map((c, i) =>
            contract({
              clientId: CLIENTS[i]!,
              name: CLIENTS[i]!,
              monthlyHours: c.monthlyHours,
              rateMicros: c.rateMicros,
              status: c.status,
              start: c.startDay === null ? null : (`2026-11-${String(c.startDay).padStart(2, '0')}` as IsoDay),
            }),
          );
          const s = buildStatement({
            month: '2026-11' as YearMonth,
            status: 'Draft',
            clients,
            entries,
            unbilled: [],
            adjustments: [],
            settings: { defaultRateMicros: 12_500_0000, incrementMin: inc },
          });
          const sum = (ls: StatementLine[], f: (l: StatementLine) => number | null) => ls.reduce((a, l) => a + (f(l) ?? 0), 0);
          for (const r of s.rows) {
            const own = s.lines.filter((l) => l.clientId === r.clientId && l.kind === 'Hours');
            expect(r.loggedMin).toBe(sum(own, (l) => l.loggedMin));
            expect(r.countedMin).toBe(sum(own, (l) => l.countedMin));
            expect(r.excludedMin).toBe(sum(own, (l) => l.excludedMin));
            expect(r.loggedMin).toBe(r.countedMin + r.excludedMin);
            expect(r.overageMin % inc).toBe(0);
            expect(r.overageMin).toBeGreaterThanOrEqual(Math.max(0, r.countedMin - r.allowanceMin));
            expect(r.overageMin).toBeLessThan(Math.max(0, r.countedMin - r.allowanceMin) + inc);
            expect(Number.isInteger(r.overageCents)).toBe(true);
            expect(r.dueCents).toBe(r.overageCents + r.adjustmentCents);
          }
          // Every valid entry of a known client is on exactly one Hours line; lines are grouped by client.
          const known = entries.filter((e) => CLIENTS.includes(e.clientId));
          expect(s.lines.filter((l) => l.kind === 'Hours' && CLIENTS.includes(l.clientId))).toHaveLength(known.length);
          const order = s.lines.map((l) => l.clientId).filter((c, i, a) => c !== a[i - 1]);
          expect(new Set(order).size).toBe(order.length);
          for (const k of ['loggedMin', 'excludedMin', 'countedMin', 'overageMin', 'overageCents', 'dueCents', 'allowanceMin'] as const) {
            expect(s.totals[k]).toBe(s.rows.reduce((a, r) => a + r[k], 0));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
