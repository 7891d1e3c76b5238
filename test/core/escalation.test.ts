import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  appendLedger,
  buildMatrices,
  decideTicket,
  formatRecord,
  highestTier,
  matrixFor,
  parseLedger,
  parseRecord,
  parseWhen,
  type LedgerEntry,
} from '../../src/core/escalation/index';
import { calendarFromRows } from '../../src/core/calendar/index';
import type { SlaPolicy, TicketFacts } from '../../src/core/sla/index';

const mt = (iso: string) => DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis();
const day = '08:00-17:00';
const cal = calendarFromRows(
  { id: 'MT-8-5', timeZone: 'America/Denver', mon: day, tue: day, wed: day, thu: day, fri: day, sat: 'closed', sun: 'closed' },
  [],
);
const high: SlaPolicy = {
  plan: 'Standard',
  priority: 'High',
  firstResponse: { unit: 'hours', hours: 4 },
  nextUpdate: null,
  resolution: null,
  calendarId: null,
  atRiskPercent: 75,
};
const facts: TicketFacts = {
  receivedAt: mt('2026-11-02T09:00'),
  priority: 'High',
  status: 'Open',
  pauses: [],
  firstResponseAt: null,
  lastStaffMessageAt: null,
  resolvedAt: null,
};
const matrix = buildMatrices([
  { rowNumber: 2, matrix: 'CSM-Director-VP', tier: 1, title: 'CSM', name: '', email: '', when: 'at risk' },
  { rowNumber: 3, matrix: 'CSM-Director-VP', tier: 2, title: 'Director', name: '', email: 'd@x.test', when: 'breached' },
  { rowNumber: 4, matrix: 'CSM-Director-VP', tier: 3, title: 'VP', name: '', email: 'v@x.test', when: 'Breached + 4 h' },
]);
const tiers = matrixFor(matrix, '', 'csm-director-vp')!.tiers;

describe('When cells', () => {
  it('reads at risk, breached and breached + N business hours, as users type them', () => {
    expect(parseWhen(' At Risk ')).toEqual({ kind: 'at risk' });
    expect(parseWhen('breached')).toEqual({ kind: 'breached', afterHours: 0 });
    expect(parseWhen('breached + 4 h')).toEqual({ kind: 'breached', afterHours: 4 });
    expect(parseWhen('Breached+8h')).toEqual({ kind: 'breached', afterHours: 8 });
    expect(parseWhen('breached + 1,5 business hours')).toEqual({ kind: 'breached', afterHours: 1.5 });
    expect(() => parseWhen('soon')).toThrow(/is not "at risk", "breached" or "breached \+ N h"/);
  });

  it('reports bad and duplicate tiers as row problems and keeps the rest of the matrix', () => {
    const m = buildMatrices([
      { rowNumber: 2, matrix: 'A', tier: 1, title: '', name: '', email: '', when: 'at risk' },
      { rowNumber: 3, matrix: 'A', tier: 1, title: '', name: '', email: '', when: 'breached' },
      { rowNumber: 4, matrix: 'A', tier: 2, title: '', name: '', email: '', when: 'later' },
    ]);
    expect(m.problems.map((p) => p.rowNumber)).toEqual([3, 4]);
    expect(matrixFor(m, 'a', '')!.tiers).toHaveLength(1);
    expect(matrixFor(m, 'nope', 'also nope')).toBeNull();
  });
});

describe('the Notified ledger and the SLA record', () => {
  it('round-trips any entries and keeps lines people typed', () => {
    const entry = fc.record({
      atMs: fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2035, 0, 1) / 1000 }).map((s) => s * 1000),
      topic: fc.constantFrom('first response T1', 'resolution T3', 'next update@2026-11-02T16:00:00Z T2', 'resolved@2026-11-02T16:00:00Z'),
      outcome: fc.constantFrom('sent', 'draft', 'caught up', 'no address', 'failed', 'skipped') as fc.Arbitrary<LedgerEntry['outcome']>,
      detail: fc.string().map((s) => s.replace(/\s+/g, ' ').trim()),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const cell = appendLedger('a note by a person', entries);
        expect(parseLedger(cell)).toEqual(entries);
        expect(cell.startsWith('a note by a person')).toBe(true);
      }),
    );
  });

  it('highest tier counts sent, drafted and caught-up tiers, not failed ones', () => {
    const e = (topic: string, outcome: LedgerEntry['outcome']) => ({ atMs: 0, topic, outcome, detail: '' });
    expect(highestTier([e('first response T1', 'sent'), e('resolution T2', 'caught up'), e('resolution T3', 'failed')])).toBe(2);
    expect(highestTier([e('resolved@2026-11-02T16:00:00Z', 'sent')])).toBeNull();
  });

  it('records round-trip', () => {
    const r = [
      { target: 'resolution' as const, state: 'Breached' as const, atMs: mt('2026-11-04T10:00') },
      { target: 'first response' as const, state: 'Met' as const, atMs: mt('2026-11-02T10:00') },
    ];
    expect(parseRecord(formatRecord(r))).toEqual([r[1], r[0]]);
  });
});

describe('decideTicket', () => {
  const decide = (now: number, ledger: LedgerEntry[] = [], f: TicketFacts = facts) =>
    decideTicket({ facts: f, policy: high, calendar: cal, now, tiers, ledger, record: [] }, 'High');

  it('due tiers follow the matrix moments in business time', () => {
    expect(decide(mt('2026-11-02T11:59')).notices).toEqual([]);
    expect(decide(mt('2026-11-02T12:00')).notices.map((n) => n.kind === 'escalation' && n.tier.tier)).toEqual([1]);
    expect(decide(mt('2026-11-02T13:01')).notices.map((n) => n.kind === 'escalation' && n.tier.tier)).toEqual([2]);
    // Breach at 13:00 + 4 business hours = 17:00 (closing time) the same day.
    expect(decide(mt('2026-11-02T16:59')).notices.map((n) => n.kind === 'escalation' && n.tier.tier)).toEqual([2]);
    expect(decide(mt('2026-11-02T17:00')).notices.map((n) => n.kind === 'escalation' && n.tier.tier)).toEqual([3]);
  });

  it('catching up: the highest due tier with the lower ones named, nothing already told repeated', () => {
    const n = decide(mt('2026-11-03T10:00')).notices[0]!;
    expect(n.kind === 'escalation' && [n.tier.tier, n.caughtUp.map((t) => t.tier)]).toEqual([3, [1, 2]]);
    const told: LedgerEntry = { atMs: mt('2026-11-02T12:00'), topic: 'first response T1', outcome: 'sent', detail: '' };
    const m = decide(mt('2026-11-03T10:00'), [told]).notices[0]!;
    expect(m.kind === 'escalation' && [m.tier.tier, m.caughtUp.map((t) => t.tier), m.previously]).toEqual([3, [2], [told]]);
  });

  it('a met target, even late, no longer escalates; its final state is recorded', () => {
    const d = decide(mt('2026-11-03T10:00'), [], { ...facts, firstResponseAt: mt('2026-11-02T14:00') });
    expect(d.notices).toEqual([]);
    expect(d.state).toBe('Breached');
    expect(d.record).toEqual([{ target: 'first response', state: 'Breached', atMs: mt('2026-11-02T13:00') }]);
  });

  it('whatever the sweep times, each tier is decided at most once (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 20 }), (offsets) => {
        const times = offsets.map((m) => mt('2026-11-02T09:00') + m * 60_000).sort((a, b) => a - b);
        const ledger: LedgerEntry[] = [];
        for (const now of times) {
          const n = decide(now, ledger).notices[0];
          if (n && n.kind === 'escalation') {
            ledger.push({ atMs: now, topic: n.topic, outcome: 'sent', detail: '' });
            for (const c of n.caughtUp) ledger.push({ atMs: now, topic: `first response T${c.tier}`, outcome: 'caught up', detail: '' });
          }
        }
        const topics = ledger.map((e) => e.topic);
        expect(new Set(topics).size).toBe(topics.length);
        // By the last sweep, every tier whose moment has passed is accounted for.
        const last = times[times.length - 1]!;
        const expected = last >= mt('2026-11-02T17:00') ? 3 : last > mt('2026-11-02T13:00') ? 2 : last >= mt('2026-11-02T12:00') ? 1 : 0;
        expect(topics.length).toBe(expected);
      }),
    );
  });
});
