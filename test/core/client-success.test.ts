import fc from 'fast-check';
import type { IsoDay } from '../../src/core/hours/month';
import { plusDays } from '../../src/core/success/days';
import { entitlementProblems, entitlementsOf, type EntitlementRow } from '../../src/core/success/entitlements';
import { healthOf, riskReasons } from '../../src/core/success/health';
import { kickoffState, kickoffWindow } from '../../src/core/success/kickoff';
import { annualReviewHours, reviewsDue } from '../../src/core/success/reviews';
import { onDuty, parseRota, RotaError } from '../../src/core/success/rota';
import { DEFAULT_COMPLAINT_PHRASES, DEFAULT_THANKS_PHRASES, sentimentOf } from '../../src/core/success/sentiment';
import { nextTouch } from '../../src/core/success/touch-cadence';
import { phraseList } from '../../src/register/settings/parse';

const d = (s: string) => s as IsoDay;
const weekdays = (day: IsoDay) => ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());
const rules = { weeklyWeeks: 8, pooledDays: 45, dueSoonDays: 3 };

describe('touch cadence (Ascent360: weekly for 6 to 8 weeks, monthly thereafter; ClientSuccess: every 45 days)', () => {
  it('a designated client is due a week after each touch for the first 8 weeks, then a month after', () => {
    const start = d('2026-09-07');
    expect(nextTouch({ cohort: 'Designated', contractStart: start, lastTouch: null }, d('2026-09-08'), rules).next).toBe('2026-09-14');
    expect(nextTouch({ cohort: 'Designated', contractStart: start, lastTouch: d('2026-10-26') }, d('2026-10-27'), rules).next).toBe(
      '2026-11-02',
    );
    expect(nextTouch({ cohort: 'Designated', contractStart: start, lastTouch: d('2026-11-02') }, d('2026-11-03'), rules).next).toBe(
      '2026-12-02',
    );
  });

  it('in the weekly phase a touch is never due more than 7 days after the last, after it never more than a month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 30 }), (offset, gap) => {
        const start = d('2026-01-05');
        const last = plusDays(start, offset);
        const due = nextTouch({ cohort: 'Designated', contractStart: start, lastTouch: last }, plusDays(last, gap), rules).next;
        const days = (Date.parse(due) - Date.parse(last)) / 86_400_000;
        return offset + 7 <= 56 ? days === 7 : days >= 28 && days <= 31;
      }),
    );
  });

  it('a pooled client with no touch for 45 days is Overdue; within 3 days of it, Due soon', () => {
    const c = { cohort: 'Pooled' as const, contractStart: d('2026-01-05'), lastTouch: d('2026-09-10') };
    expect(nextTouch(c, d('2026-10-21'), rules)).toMatchObject({ next: '2026-10-25', state: 'On track' });
    expect(nextTouch(c, d('2026-10-22'), rules).state).toBe('Due soon');
    expect(nextTouch(c, d('2026-10-25'), rules).state).toBe('Due soon');
    expect(nextTouch(c, d('2026-10-26'), rules).state).toBe('Overdue');
  });
});

describe('kick-off 1 to 2 business days after contract signature', () => {
  it('signed Monday: due Tuesday to Wednesday; Missed on Thursday without a kick-off; Done once held', () => {
    const w = kickoffWindow(d('2026-11-02'), { from: 1, to: 2 }, weekdays);
    expect(w).toEqual({ from: '2026-11-03', by: '2026-11-04' });
    expect(kickoffState(w, null, d('2026-11-04'))).toBe('Due');
    expect(kickoffState(w, null, d('2026-11-05'))).toBe('Missed');
    expect(kickoffState(w, d('2026-11-05'), d('2026-11-06'))).toBe('Done');
  });
  it('signed Friday: due Monday to Tuesday; a holiday Monday moves it a day', () => {
    expect(kickoffWindow(d('2026-11-06'), { from: 1, to: 2 }, weekdays)).toEqual({ from: '2026-11-09', by: '2026-11-10' });
    const noMonday = (day: IsoDay) => weekdays(day) && day !== '2026-11-09';
    expect(kickoffWindow(d('2026-11-06'), { from: 1, to: 2 }, noMonday)).toEqual({ from: '2026-11-10', by: '2026-11-11' });
  });
});

describe('reviews and entitlements (essensys: QBR for Enterprise editions only; Ascent360: 8+ hours for a CSM)', () => {
  const rows: EntitlementRow[] = [
    {
      kind: 'Edition',
      name: 'Enterprise',
      includes: { CSM: true, QBR: true, 'Incident reporting': true, 'Monthly reporting': true },
      minMonthlyHours: null,
      rowNumber: 2,
    },
    { kind: 'Edition', name: 'Other', includes: { CSM: false, QBR: false }, minMonthlyHours: null, rowNumber: 3 },
    { kind: 'Plan', name: 'CSM', includes: { CSM: true, 'Monthly review': true }, minMonthlyHours: null, rowNumber: 4 },
  ];
  it('an Enterprise client has a QBR due at the end of each quarter; an Other-edition client none', () => {
    const ent = entitlementsOf({ plan: 'Standard', edition: 'enterprise' }, rows);
    const other = entitlementsOf({ plan: 'Standard', edition: 'Other' }, rows);
    const due = (e: typeof ent, last: string | null) =>
      reviewsDue(
        { contractStart: d('2026-01-05'), monthlyHours: 20, last: (k) => (k === 'QBR' && last ? d(last) : null) },
        { monthly: e.includes['Monthly review'], qbr: e.includes.QBR, annual: e.includes['Annual review'] },
        d('2026-11-10'),
        { dueSoonDays: 3, annualHours: [{ fromMonthlyHours: 0, hours: 1 }] },
      );
    expect(due(ent, null).map((r) => [r.kind, r.due])).toEqual([['QBR', '2026-12-31']]);
    expect(due(ent, '2026-10-15').map((r) => r.due)).toEqual(['2027-03-31']);
    expect(due(other, null)).toEqual([]);
  });
  it('a CSM plan under the minimum monthly hours is a problem; at the minimum it is not', () => {
    const e = entitlementsOf({ plan: 'CSM', edition: 'Other' }, rows);
    expect(entitlementProblems({ plan: 'CSM', monthlyHours: 6, csmEmail: 'a@x.com', cohort: 'Designated' }, e, 8)).toEqual([
      'plan CSM includes a CSM, which needs at least 8 monthly hours; the contract has 6 (Entitlements; Settings → CSM minimum monthly hours)',
    ]);
    expect(entitlementProblems({ plan: 'CSM', monthlyHours: 8, csmEmail: 'a@x.com', cohort: 'Designated' }, e, 8)).toEqual([]);
  });
  it('annual review hours grow with the contract (1 to 4 hours)', () => {
    const table = [
      { fromMonthlyHours: 0, hours: 1 },
      { fromMonthlyHours: 10, hours: 2 },
      { fromMonthlyHours: 20, hours: 3 },
      { fromMonthlyHours: 40, hours: 4 },
    ];
    expect([4, 10, 25, 60].map((h) => annualReviewHours(table, h))).toEqual([1, 2, 3, 4]);
  });
});

describe('pooled CSM rota (ClientSuccess: pooled hours Tuesday, Wednesday and Thursday)', () => {
  const rota = parseRota('Tue: t@x.com; Wed: w@x.com; Thu: h@x.com');
  it('hands a Monday or a Friday to the next day with someone on duty', () => {
    expect(onDuty(rota, d('2026-11-02'))).toEqual({ email: 't@x.com', day: '2026-11-03' });
    expect(onDuty(rota, d('2026-11-04'))).toEqual({ email: 'w@x.com', day: '2026-11-04' });
    expect(onDuty(rota, d('2026-11-06'))).toEqual({ email: 't@x.com', day: '2026-11-10' });
    expect(onDuty(parseRota(''), d('2026-11-02'))).toBeNull();
  });
  it('refuses what is not "Weekday: address"', () => {
    expect(() => parseRota('Tuesday t@x.com')).toThrow(RotaError);
  });
});

describe('health and risk (ClientSuccess: engagement, sentiment, usage; risk flags)', () => {
  const weights = { SLA: 30, Touch: 20, Hours: 15, Reopens: 15, Sentiment: 20 };
  const calm = {
    slaMet: 4,
    slaSettled: 4,
    breaches30: 0,
    touch: 'On track' as const,
    hoursUsedPercent: 60,
    tickets90: 4,
    reopened90: 0,
    complaints30: 0,
    positives30: 1,
  };
  it('a calm client is healthy and not at risk; three breaches and two complaints in 30 days flag it', () => {
    const rules = { healthBelow: 60, breaches30: 3, complaints30: 2 };
    expect(healthOf(calm, weights).score).toBe(100);
    expect(riskReasons(calm, healthOf(calm, weights), rules)).toEqual([]);
    const rough = { ...calm, slaMet: 1, breaches30: 3, complaints30: 2, positives30: 0 };
    const h = healthOf(rough, weights);
    expect(riskReasons(rough, h, rules)).toEqual(expect.arrayContaining(['SLA breaches', 'Complaints']));
    expect(h.parts.map((p) => p.name)).toEqual(['SLA', 'Touch', 'Hours', 'Reopens', 'Sentiment']);
  });
  it('the score is always between 0 and 100', () => {
    fc.assert(
      fc.property(
        fc.record({
          slaMet: fc.nat(20),
          extra: fc.nat(20),
          breaches30: fc.nat(20),
          touch: fc.constantFrom('On track' as const, 'Due soon' as const, 'Overdue' as const),
          hoursUsedPercent: fc.option(fc.nat(1000), { nil: null }),
          tickets90: fc.nat(50),
          reopened: fc.nat(50),
          complaints30: fc.nat(10),
          positives30: fc.nat(10),
        }),
        (r) => {
          const s = healthOf({ ...r, slaSettled: r.slaMet + r.extra, reopened90: Math.min(r.reopened, r.tickets90) }, weights).score;
          return s >= 0 && s <= 100;
        },
      ),
    );
  });
});

describe('sentiment from the client’s own words', () => {
  const complaints = (phraseList(DEFAULT_COMPLAINT_PHRASES) as { ok: true; value: string[] }).value;
  const thanks = (phraseList(DEFAULT_THANKS_PHRASES) as { ok: true; value: string[] }).value;
  it('a complaint, thanks, and a complaint outweighing thanks in one message', () => {
    expect(sentimentOf('This is not acceptable.', complaints, thanks)).toBe('complaint');
    expect(sentimentOf('Works now, much appreciated!', complaints, thanks)).toBe('thanks');
    expect(sentimentOf('Thanks so much, but it is still broken.', complaints, thanks)).toBe('complaint');
    expect(sentimentOf('Please send the report.', complaints, thanks)).toBeNull();
    expect(sentimentOf('Vielen Dank, funktioniert jetzt.', complaints, thanks)).toBe('thanks');
  });
});
