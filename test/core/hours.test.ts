import { activityRows } from '../../src/register/defaults/reference-data';
import {
  activityIndex,
  addMonths,
  decide,
  dueAlert,
  parseDuration,
  parseMonth,
  validateEntries,
  workDay,
  type ActivityRule,
  type HoursEntry,
  type IsoDay,
} from '../../src/core/hours';
import type { CountsToward } from '../../src/core/types/vocab';

// The seeds' defaults, exactly as setup seeds the Activities tab.
const RULES: ActivityRule[] = activityRows().map((r) => ({
  activity: String(r.Activity),
  counts: r['Counts toward contract'] as CountsToward,
  rule: '',
}));
const rule = activityIndex(RULES);

const entry = (over: Partial<HoursEntry> = {}): HoursEntry => ({
  rowNumber: 2,
  day: '2026-10-05' as IsoDay,
  clientId: 'ACME',
  person: 'csm@helpdesk.test',
  ticketId: '',
  activity: 'Status update',
  minutes: 60,
  required: true,
  ...over,
});

describe('counting rules (Activities tab, seeds)', () => {
  it.each([
    'Status update',
    'Account review',
    'Strategic planning',
    'Help desk request',
    'Reporting',
    'Enhancement management',
    'Training',
  ])('%s counts toward the contract', (activity) => {
    expect(decide(entry({ activity }), rule(activity)!, null).counted).toBe(true);
  });

  it('product troubleshooting never counts', () => {
    const d = decide(entry({ activity: 'Product troubleshooting' }), rule('product troubleshooting')!, null);
    expect(d).toMatchObject({ counted: false });
    expect(d.reason).toMatch(/does not count/);
  });

  it('troubleshooting is excluded when its ticket is a bug and counted otherwise (user error, training gap, no bug found)', () => {
    const t = rule('Troubleshooting')!;
    const e = entry({ activity: 'Troubleshooting', ticketId: 'T-000007' });
    expect(decide(e, t, { clientId: 'ACME', reason: 'Bug' })).toMatchObject({
      counted: false,
      reason: expect.stringContaining('Reason: Bug'),
    });
    expect(decide(e, t, { clientId: 'ACME', reason: 'Question' }).counted).toBe(true);
    expect(decide(e, t, { clientId: 'ACME', reason: 'Unclassified' }).counted).toBe(true);
    expect(decide(entry({ activity: 'Troubleshooting' }), t, null).counted).toBe(true);
  });

  it('a non-required attendee is excluded whatever the activity', () => {
    const d = decide(entry({ activity: 'Account review', required: false }), rule('Account review')!, null);
    expect(d).toMatchObject({ counted: false, reason: expect.stringContaining('required attendee') });
  });

  it('is data-driven: a new activity row is honoured without code changes', () => {
    const custom = activityIndex([...RULES, { activity: 'Onboarding call', counts: 'No', rule: 'Implementation is in the setup fee.' }]);
    const d = decide(entry({ activity: 'Onboarding call' }), custom('onboarding CALL')!, null);
    expect(d).toEqual({
      counted: false,
      reason: 'Onboarding call does not count toward the contract (Implementation is in the setup fee.)',
    });
  });
});

describe('validation of Hours rows', () => {
  const ctx = {
    clientIds: new Set(['ACME', 'BETA']),
    hasActivity: (a: string) => rule(a) !== undefined,
    ticket: (id: string) => (id === 'T-000001' ? { clientId: 'ACME', reason: 'Question' } : undefined),
    today: '2026-10-20' as IsoDay,
  };

  it('flags unknown client, unknown activity, unknown ticket, a ticket of another client and a future date, with reasons', () => {
    const p = validateEntries(
      [
        entry({ rowNumber: 2, clientId: 'NOPE' }),
        entry({ rowNumber: 3, activity: 'Lunch' }),
        entry({ rowNumber: 4, ticketId: 'T-000099' }),
        entry({ rowNumber: 5, clientId: 'BETA', ticketId: 'T-000001' }),
        entry({ rowNumber: 6, day: '2026-10-21' as IsoDay }),
        entry({ rowNumber: 7, ticketId: 'T-000001' }),
      ],
      ctx,
    );
    expect(p.get(2)).toEqual(['Client ID NOPE is not in the Clients tab']);
    expect(p.get(3)).toEqual(['Activity "Lunch" is not in the Activities tab']);
    expect(p.get(4)).toEqual(['Ticket T-000099 is not in the Tickets tab']);
    expect(p.get(5)).toEqual(['Ticket T-000001 belongs to client ACME, not BETA']);
    expect(p.get(6)).toEqual(['Date 2026-10-21 is in the future']);
    expect(p.has(7)).toBe(false);
  });

  it('flags every row of a person-day over 24 h, and only those', () => {
    const p = validateEntries(
      [
        entry({ rowNumber: 2, minutes: 20 * 60 }),
        entry({ rowNumber: 3, minutes: 5 * 60, person: 'CSM@helpdesk.test ' }),
        entry({ rowNumber: 4, minutes: 5 * 60, day: '2026-10-06' as IsoDay }),
        entry({ rowNumber: 5, minutes: 24 * 60, person: 'other@helpdesk.test' }),
      ],
      ctx,
    );
    expect(p.get(2)?.[0]).toMatch(/logged 25 h on 2026-10-05: more than 24 h in one day/);
    expect(p.get(3)?.[0]).toMatch(/more than 24 h/);
    expect(p.has(4)).toBe(false);
    expect(p.has(5)).toBe(false);
  });
});

describe('durations and days', () => {
  it('reads 1.5, 1:30 and 90m as the same 90 minutes', () => {
    for (const v of [1.5, '1.5', '1:30', '90m', '1,5', '1h 30m', '1h30', '1 hr 30 min'])
      expect(parseDuration(v)).toEqual({ ok: true, minutes: 90 });
  });

  it('reads a leading-point fraction as Sheets does (.5 typed in the Hours tab is 0.5)', () => {
    expect(parseDuration('.5')).toEqual({ ok: true, minutes: 30 });
    expect(parseDuration(',25')).toEqual({ ok: true, minutes: 15 });
    for (const v of ['.', '1h60', '1.5h30', '-1', '1:75']) expect(parseDuration(v).ok, v).toBe(false);
  });

  it('a date-only cell is the day typed; an instant is placed on the provider calendar', () => {
    // 2026-10-31 00:00 in a UTC sheet is 2026-10-30 18:00 in Denver, but a date-only cell means Oct 31.
    expect(workDay(Date.UTC(2026, 9, 31), 'UTC', 'America/Denver')).toBe('2026-10-31');
    // 22:30 on Oct 31 in Denver is already Nov 1 in UTC: still October for the provider.
    expect(workDay(Date.UTC(2026, 10, 1, 4, 30), 'UTC', 'America/Denver')).toBe('2026-10-31');
    expect(workDay(Date.UTC(2026, 10, 1, 4, 30), 'UTC', 'UTC')).toBe('2026-11-01');
  });

  it('parses months and steps across years', () => {
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth(' 2026-01 ')).toBe('2026-01');
    expect(addMonths(parseMonth('2026-01')!, -1)).toBe('2025-12');
    expect(addMonths(parseMonth('2026-12')!, 1)).toBe('2027-01');
  });
});

describe('usage alerts', () => {
  it('fires at 80% and at 100%, once each', () => {
    expect(dueAlert('ACME', 7 * 60, 10 * 60, [])).toBeNull();
    expect(dueAlert('ACME', 8 * 60, 10 * 60, [])).toMatchObject({ threshold: 80, settles: [80] });
    expect(dueAlert('ACME', 9 * 60, 10 * 60, [80])).toBeNull();
    expect(dueAlert('ACME', 10 * 60, 10 * 60, [80])).toMatchObject({ threshold: 100, settles: [100] });
    expect(dueAlert('ACME', 12 * 60, 10 * 60, [80, 100])).toBeNull();
  });

  it('a jump past both thresholds sends one alert (100%) that settles both', () => {
    expect(dueAlert('ACME', 11 * 60, 10 * 60, [])).toMatchObject({ threshold: 100, settles: [80, 100] });
  });

  it('no allowance, no alerts', () => {
    expect(dueAlert('ACME', 600, 0, [])).toBeNull();
  });
});
