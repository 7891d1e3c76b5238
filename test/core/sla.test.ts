import fc from 'fast-check';
import { PRIORITIES } from '../../src/core/types/vocab';
import { parseCalendarJson } from '../../src/core/calendar/index';
import {
  decodePolicy,
  describePolicy,
  encodePolicy,
  evaluateTicket,
  lookupPolicy,
  movedDues,
  overallState,
  parseTargetCell,
  policyCalendarId,
  policyFromRow,
  type TicketFacts,
} from '../../src/core/sla/index';
import { asCalendarId } from '../../src/core/types/ids';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));
const h9to5: [string, string][] = [['08:00', '17:00']];

const mt = parseCalendarJson({
  id: 'mt',
  timezone: 'America/Denver',
  week: { mon: h9to5, tue: h9to5, wed: h9to5, thu: h9to5, fri: h9to5 },
  holidays: [{ date: '2026-11-26' }, { date: '2026-11-27' }],
});

// The seed's response matrix: Critical updates within 2 business hours, High 4, Medium and Low 8;
// the other seed's plans reach "2 business days".
const policies = [
  policyFromRow({ plan: 'Standard', priority: 'Critical', firstResponse: 2, nextUpdate: 2, resolution: 16 }),
  policyFromRow({ plan: 'Standard', priority: 'High', firstResponse: '4', resolution: '40 h', atRiskPercent: '80%' }),
  policyFromRow({ plan: 'Standard', priority: 'Medium', firstResponse: 8, resolution: 8 }),
  policyFromRow({ plan: 'Basic', priority: 'Low', firstResponse: '2 business days', calendar: 'mt' }),
];
const high = lookupPolicy(policies, 'Standard', 'High')!;
const medium = lookupPolicy(policies, 'Standard', 'Medium')!;
const critical = lookupPolicy(policies, 'Standard', 'Critical')!;

const facts = (over: Partial<TicketFacts> = {}): TicketFacts => ({
  receivedAt: t('2026-11-25T23:10:00Z'),
  priority: 'High',
  status: 'Open',
  pauses: [],
  firstResponseAt: null,
  lastStaffMessageAt: null,
  resolvedAt: null,
  ...over,
});

const get = (evals: ReturnType<typeof evaluateTicket>, target: string) => evals.find((e) => e.target === target)!;

describe('policies', () => {
  it('parses targets in hours or business days; blank = not set', () => {
    expect(parseTargetCell('4', 'x')).toEqual({ unit: 'hours', hours: 4 });
    expect(parseTargetCell(0.5, 'x')).toEqual({ unit: 'hours', hours: 0.5 });
    expect(parseTargetCell('2 business days', 'x')).toEqual({ unit: 'business days', days: 2 });
    expect(parseTargetCell('', 'x')).toBeNull();
    expect(() => parseTargetCell('soon', 'SLA policy Standard/High, First response')).toThrow(/Standard\/High, First response: "soon"/);
    expect(() => policyFromRow({ plan: 'Standard', priority: 'Urgent' })).toThrow(/priority must be one of/);
  });

  it('looks up by (plan, priority) as users type plans; calendar is the policy’s or else the client’s', () => {
    expect(lookupPolicy(policies, ' standard ', 'High')).toBe(high);
    expect(lookupPolicy(policies, 'Standard', 'Low')).toBeNull();
    expect(policyCalendarId(high, asCalendarId('client-cal'))).toBe('client-cal');
    expect(policyCalendarId(lookupPolicy(policies, 'Basic', 'Low')!, asCalendarId('client-cal'))).toBe('mt');
  });

  it('a policy snapshot is written in words a lead can read and reads back exactly', () => {
    expect(encodePolicy(high)).toBe('Standard/High: first response 4 h, next update —, resolution 40 h, at risk at 80%');
    expect(decodePolicy(encodePolicy(high))).toEqual(high);
    expect(describePolicy(high)).toBe(encodePolicy(high));
    expect(decodePolicy('not a policy')).toBeNull();
    expect(decodePolicy('Standard/High: first response soon, next update —, resolution 40 h, at risk at 80%')).toBeNull();
    // Rows written as JSON by earlier versions still read.
    expect(decodePolicy(JSON.stringify(high))).toEqual(high);
  });

  it('any policy survives the row: decode(encode(p)) = p', () => {
    const target = fc.oneof(
      fc.constant(null),
      fc.double({ min: 1e-6, max: 1e6, noNaN: true }).map((hours) => ({ unit: 'hours' as const, hours })),
      fc.integer({ min: 1, max: 60 }).map((days) => ({ unit: 'business days' as const, days })),
    );
    const policy = fc.record({
      plan: fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''),
      priority: fc.constantFrom(...PRIORITIES),
      firstResponse: target,
      nextUpdate: target,
      resolution: target,
      calendarId: fc.option(
        fc
          .string({ minLength: 1 })
          .filter((s) => s.trim() === s && s !== '')
          .map(asCalendarId),
        { nil: null },
      ),
      atRiskPercent: fc.double({ min: 1, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(policy, (p) => {
        expect(decodePolicy(encodePolicy(p))).toEqual(p);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('first response', () => {
  it('is On track, then At risk past the policy percentage, then Breached once the due passes', () => {
    const onTrack = get(evaluateTicket(facts(), high, mt, t('2026-11-30T09:00:00-07:00')), 'first response');
    expect(onTrack).toMatchObject({
      dueMs: t('2026-11-30T18:10:00Z'),
      state: 'On track',
      elapsedMinutes: 110,
      remainingMinutes: 130,
      targetMinutes: 240,
    });
    expect(onTrack.percentUsed).toBeCloseTo(45.8, 1);
    expect(get(evaluateTicket(facts(), high, mt, t('2026-11-30T11:00:00-07:00')), 'first response').state).toBe('At risk');
    // Exactly at the due it has not passed yet.
    expect(get(evaluateTicket(facts(), high, mt, t('2026-11-30T18:10:00Z')), 'first response').state).toBe('At risk');
    const late = get(evaluateTicket(facts(), high, mt, t('2026-11-30T18:10:01Z')), 'first response');
    expect(late).toMatchObject({ state: 'Breached', breachedAtMs: t('2026-11-30T18:10:00Z'), remainingMinutes: 0 });
  });

  it('is Met when the first staff message comes in time, Breached when late', () => {
    const now = t('2026-12-02T12:00:00Z');
    const met = get(evaluateTicket(facts({ firstResponseAt: t('2026-11-30T18:10:00Z') }), high, mt, now), 'first response');
    expect(met).toMatchObject({ state: 'Met', metAtMs: t('2026-11-30T18:10:00Z'), elapsedMinutes: 240 });
    const late = get(evaluateTicket(facts({ firstResponseAt: t('2026-11-30T20:00:00Z') }), high, mt, now), 'first response');
    expect(late).toMatchObject({ state: 'Breached', breachedAtMs: t('2026-11-30T18:10:00Z') });
  });

  it('a priority change recomputes from Received at', () => {
    const now = t('2026-11-30T09:00:00-07:00');
    expect(iso(get(evaluateTicket(facts({ priority: 'Critical' }), critical, mt, now), 'first response').dueMs)).toBe(
      '2026-11-30T16:10:00Z',
    );
    expect(iso(get(evaluateTicket(facts({ priority: 'Medium' }), medium, mt, now), 'first response').dueMs)).toBe('2026-11-30T22:10:00Z');
  });

  it('business-day targets count whole working days', () => {
    const low = lookupPolicy(policies, 'Basic', 'Low')!;
    const e = get(evaluateTicket(facts({ priority: 'Low' }), low, mt, t('2026-11-30T09:00:00-07:00')), 'first response');
    expect(iso(e.dueMs)).toBe('2026-12-01T23:10:00Z');
    expect(e.targetMinutes).toBe(18 * 60);
  });
});

describe('resolution and pauses', () => {
  const monday = t('2026-11-30T08:00:00-07:00');
  const base = facts({ receivedAt: monday, priority: 'Medium' });

  it('pauses while waiting on the customer push the due by the open time they cover', () => {
    const paused = { ...base, pauses: [{ from: t('2026-11-30T10:00:00-07:00'), to: t('2026-12-01T10:00:00-07:00') }] };
    const e = get(evaluateTicket(paused, medium, mt, t('2026-12-01T11:00:00-07:00')), 'resolution');
    expect(iso(e.dueMs)).toBe('2026-12-01T23:00:00Z');
    expect(e).toMatchObject({ state: 'On track', elapsedMinutes: 180, remainingMinutes: 300 });
    // Without the pause it would be due Monday 16:00.
    expect(iso(get(evaluateTicket(base, medium, mt, monday), 'resolution').dueMs)).toBe('2026-11-30T23:00:00Z');
  });

  it('a target that runs out exactly as a pause begins is due then, not after the pause', () => {
    const f = { ...base, pauses: [{ from: t('2026-11-30T16:00:00-07:00'), to: t('2026-12-01T10:00:00-07:00') }] };
    expect(iso(get(evaluateTicket(f, medium, mt, monday), 'resolution').dueMs)).toBe('2026-11-30T23:00:00Z');
  });

  it('is Paused with no due while still waiting on the customer', () => {
    const waiting = { ...base, status: 'Waiting on customer' as const, pauses: [{ from: t('2026-11-30T10:00:00-07:00'), to: null }] };
    const e = get(evaluateTicket(waiting, medium, mt, t('2026-12-03T10:00:00-07:00')), 'resolution');
    expect(e).toMatchObject({ state: 'Paused', dueMs: null, elapsedMinutes: 120, remainingMinutes: 360 });
    // The status alone pauses too (the pause is recorded from now).
    const statusOnly = { ...base, status: 'Waiting on customer' as const };
    expect(get(evaluateTicket(statusOnly, medium, mt, t('2026-11-30T12:00:00-07:00')), 'resolution').state).toBe('Paused');
  });

  it('stays Breached when the pause began after the due had passed', () => {
    const waiting = { ...base, status: 'Waiting on customer' as const, pauses: [{ from: t('2026-12-01T10:00:00-07:00'), to: null }] };
    const e = get(evaluateTicket(waiting, medium, mt, t('2026-12-03T10:00:00-07:00')), 'resolution');
    expect(e).toMatchObject({ state: 'Breached', breachedAtMs: t('2026-11-30T23:00:00Z') });
  });

  it('is Met when resolved in time, counting the pause out', () => {
    const done = {
      ...base,
      status: 'Resolved' as const,
      pauses: [{ from: t('2026-11-30T10:00:00-07:00'), to: t('2026-12-01T10:00:00-07:00') }],
      resolvedAt: t('2026-12-01T15:00:00-07:00'),
    };
    const e = get(evaluateTicket(done, medium, mt, t('2026-12-05T00:00:00Z')), 'resolution');
    expect(e).toMatchObject({ state: 'Met', metAtMs: done.resolvedAt, elapsedMinutes: 420 });
  });
});

describe('next update', () => {
  it('runs from the last staff message while the ticket is open, and is gone once resolved', () => {
    const f = facts({
      receivedAt: t('2026-11-30T08:00:00-07:00'),
      priority: 'Critical',
      firstResponseAt: t('2026-11-30T08:30:00-07:00'),
      lastStaffMessageAt: t('2026-11-30T09:00:00-07:00'),
    });
    const e = get(evaluateTicket(f, critical, mt, t('2026-11-30T10:00:00-07:00')), 'next update');
    expect(iso(e.dueMs)).toBe('2026-11-30T18:00:00Z');
    expect(e.state).toBe('On track');
    expect(get(evaluateTicket(f, critical, mt, t('2026-11-30T11:00:01-07:00')), 'next update').state).toBe('Breached');
    expect(
      evaluateTicket(
        { ...f, status: 'Resolved', resolvedAt: t('2026-11-30T10:00:00-07:00') },
        critical,
        mt,
        t('2026-11-30T10:00:00-07:00'),
      ).map((x) => x.target),
    ).toEqual(['first response', 'resolution']);
    expect(
      get(evaluateTicket({ ...f, status: 'Waiting on customer' }, critical, mt, t('2026-11-30T10:00:00-07:00')), 'next update').state,
    ).toBe('Paused');
  });
});

describe('explanations and reapply', () => {
  it('explains each due in one line when asked', () => {
    const e = get(evaluateTicket(facts(), high, mt, t('2026-11-30T09:00:00-07:00'), { explain: true }), 'first response');
    expect(e.explanation).toBe('4 h: 0.8 h Wed 25 Nov + holidays Thu–Fri + weekend + 3.2 h Mon 30 Nov → Mon 11:10 MST');
    const paused = facts({
      receivedAt: t('2026-11-30T08:00:00-07:00'),
      priority: 'Medium',
      pauses: [{ from: t('2026-11-30T10:00:00-07:00'), to: t('2026-11-30T12:00:00-07:00') }],
    });
    expect(get(evaluateTicket(paused, medium, mt, t('2026-11-30T13:00:00-07:00'), { explain: true }), 'resolution').explanation).toBe(
      '8 h (+2 h paused): 9 h Mon 30 Nov + 1 h Tue 1 Dec → Tue 09:00 MST',
    );
  });

  it('reports the worst state and what a reapply moved', () => {
    const now = t('2026-11-30T09:00:00-07:00');
    const before = evaluateTicket(facts(), high, mt, now);
    const after = evaluateTicket(facts(), critical, mt, now);
    expect(overallState(before)).toBe('On track');
    expect(movedDues(before, after).map((m) => [m.target, iso(m.fromMs), iso(m.toMs)])).toEqual([
      ['first response', '2026-11-30T18:10:00Z', '2026-11-30T16:10:00Z'],
      ['next update', null, '2026-11-30T16:10:00Z'],
      ['resolution', '2026-12-04T18:10:00Z', '2026-12-01T21:10:00Z'],
    ]);
  });
});
