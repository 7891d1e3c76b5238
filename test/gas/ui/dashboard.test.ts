import { emulator } from '../../support/emulator';
import { chartsOf } from '../../../src/local/emulator/spreadsheet/charts';
import { lastMonths, monthShown, openBySlaState, slaAttainmentByPriority, type TicketFact } from '../../../src/core/dashboard';
import type { IsoDay, YearMonth } from '../../../src/core/hours/month';
import { at, fill, novemberRegister } from './register';
import fc from 'fast-check';

const ZONE = 'America/Denver';
const ms = (iso: string) => Date.parse(iso);

describe('dashboard figures (pure)', () => {
  it('lastMonths is the current month and the five before, in the provider zone', () => {
    // 1 Dec 05:00 UTC is still 30 Nov in Denver.
    expect(lastMonths(ms('2026-12-01T05:00:00Z'), ZONE)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('attainment counts only judged tickets, by month received and priority', () => {
    const t = (priority: TicketFact['priority'], slaState: TicketFact['slaState'], iso: string): TicketFact => ({
      priority,
      status: 'Resolved',
      slaState,
      receivedAt: ms(iso),
    });
    const rows = slaAttainmentByPriority(
      [
        t('High', 'Met', '2026-11-02T16:00:00Z'),
        t('High', 'Breached', '2026-11-03T16:00:00Z'),
        t('High', 'Met', '2026-11-04T16:00:00Z'),
        t('High', 'On track', '2026-11-04T16:00:00Z'),
        t('Low', 'Met', '2026-10-31T23:00:00Z'),
      ],
      ['2026-10', '2026-11'] as never,
      ZONE,
    );
    expect(rows[1]!.byPriority.High).toEqual({ met: 2, breached: 1, pending: 1, percent: 67 });
    expect(rows[1]!.byPriority.Critical.percent).toBeNull();
    expect(rows[0]!.byPriority.Low).toEqual({ met: 1, breached: 0, pending: 0, percent: 100 }); // 17:00 on Oct 31 in Denver
  });

  it('every open ticket lands in exactly one SLA state bucket (property)', () => {
    const fact = fc.record({
      priority: fc.constantFrom('Critical', 'High', 'Medium', 'Low'),
      status: fc.constantFrom('New', 'Open', 'Waiting on customer', 'Resolved', 'Closed'),
      slaState: fc.constantFrom(null, 'On track', 'At risk', 'Breached', 'Met', 'Paused'),
      receivedAt: fc.constant(null),
    }) as fc.Arbitrary<TicketFact>;
    fc.assert(
      fc.property(fc.array(fact), (facts) => {
        const counts = openBySlaState(facts);
        const open = facts.filter((f) => f.status !== 'Resolved' && f.status !== 'Closed').length;
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(open);
      }),
    );
  });
});

describe('the month the Dashboard follows', () => {
  const day = (d: string) => d as IsoDay;
  const closed = (months: string[]) => (m: YearMonth) => months.includes(m);

  it('is the current month, or the month just closed during the first week after it', () => {
    expect(monthShown(day('2026-10-15'), '', closed(['2026-09'])).month).toBe('2026-10');
    expect(monthShown(day('2026-10-01'), '', closed(['2026-09'])).month).toBe('2026-09');
    expect(monthShown(day('2026-10-07'), '', closed(['2026-09'])).month).toBe('2026-09');
    expect(monthShown(day('2026-10-08'), '', closed(['2026-09'])).month).toBe('2026-10');
    expect(monthShown(day('2026-10-02'), '', closed([])).month).toBe('2026-10'); // not closed yet: nothing to read
  });

  it('a month typed in the picker wins; anything else is said beside it and ignored', () => {
    expect(monthShown(day('2026-10-20'), ' 2026-07 ', closed([]))).toMatchObject({ month: '2026-07', problem: null });
    const bad = monthShown(day('2026-10-20'), 'Sept', closed([]));
    expect(bad.month).toBe('2026-10');
    expect(bad.problem).toMatch(/"Sept" is not a month \(type YYYY-MM/);
  });
});

describe('Dashboard tab with native charts (real bundle)', () => {
  it('after a month close it shows the month just billed for a week, and a month typed in B3 at once', () => {
    const em = emulator({ clockFollowsCalls: false });
    novemberRegister(em);
    em.clock.set(Date.parse('2026-12-01T16:00:00Z')); // 1 December, 09:00 in Denver
    expect(em.run('billMonth', '2026-11').error).toBeUndefined();
    expect(em.run('refreshDashboard').error).toBeUndefined();
    const hoursTitle = () => em.workbook.sheetValues('Dashboard').find((r) => String(r[0]).startsWith('Hours in '))![0];
    const picker = () => em.workbook.sheetValues('Dashboard')[2]!.slice(0, 3);
    expect(hoursTitle()).toBe('Hours in 2026-11: counted toward the contract vs contracted');
    expect(picker()).toEqual(['Month shown', '', expect.stringMatching(/^automatic: 2026-11 was closed/)]);
    const acme = () =>
      em.workbook
        .sheetValues('Dashboard')
        .find((r) => r[0] === 'Acme Outfitters (ACME)')!
        .slice(1, 5);
    expect(acme()).toEqual([6, 3, 3, 50]); // November's hours, not December's zeros

    em.clock.set(Date.parse('2026-12-08T16:00:00Z'));
    em.call('refreshDashboard');
    expect(hoursTitle()).toBe('Hours in 2026-12: counted toward the contract vs contracted');

    // A person types a month in the picker: the installed edit trigger refreshes at once.
    em.call('installTriggers');
    const edited = em.edit('Dashboard', 'B3', '2026-10');
    expect(JSON.stringify(edited)).not.toMatch(/error/i);
    expect(hoursTitle()).toBe('Hours in 2026-10: counted toward the contract vs contracted');
    expect(picker()).toEqual(['Month shown', '2026-10', expect.stringMatching(/^typed in the picker/)]);
    const months = em.workbook.sheetValues('Dashboard');
    const att = months.findIndex((r) => r[0] === 'Month');
    expect(months[att + 6]![0]).toBe('2026-10'); // attainment's six months end at the month shown
    em.call('refreshDashboard');
    expect(picker()[1]).toBe('2026-10'); // the hourly refresh keeps what was typed
  });

  it('writes the three tables and inserts three charts over them; a second refresh touches no chart', () => {
    const em = emulator({ clockFollowsCalls: false });
    novemberRegister(em);
    const run = em.run<string>('refreshDashboard');
    expect(run.error).toBeUndefined();
    expect(run.value).toMatch(/^Dashboard refreshed: 2 open ticket\(s\), 2 client\(s\), SLA attainment for 2026-06 to 2026-11\.$/);
    const v = em.workbook.sheetValues('Dashboard');
    const find = (label: string) => v.findIndex((r) => r[0] === label);
    const att = find('Month');
    expect(v[att]!.slice(0, 5)).toEqual(['Month', 'Critical %', 'High %', 'Medium %', 'Low %']);
    expect(v.slice(att + 1, att + 7).map((r) => r[0])).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    // October: T-000012 (Low, Met). August: T-000011 (Low, Met).
    expect(v[att + 5]!.slice(0, 5)).toEqual(['2026-10', '', '', '', 100]);
    expect(v[att + 3]![4]).toBe(100);
    const open = find('SLA state');
    expect(Object.fromEntries(v.slice(open + 1, open + 7).map((r) => [r[0], r[1]]))).toEqual({
      'On track': 1,
      'At risk': 1,
      Breached: 0,
      Met: 0,
      Paused: 0,
      'Not evaluated': 0,
    });
    const hours = find('Client');
    expect(v.slice(hours + 1, hours + 3).map((r) => r.slice(0, 5))).toEqual([
      ['Acme Outfitters (ACME)', 6, 3, 3, 50],
      ['Beta Bikes (BETA)', 10, 1, 1, 10],
    ]);

    const charts = chartsOf(em.workbook.sheet('Dashboard')!);
    expect(charts.map((c) => [c.type, c.options.title])).toEqual([
      ['COLUMN', 'SLA attainment by priority (% met)'],
      ['PIE', 'Open tickets by SLA state'],
      ['BAR', 'Hours this month: counted vs contracted'],
    ]);
    const sheetId = em.workbook.sheet('Dashboard')!.id;
    expect(charts[0]!.ranges).toEqual([{ sheetId, row: att + 1, column: 1, numRows: 7, numColumns: 5 }]);
    expect(charts[2]!.ranges).toEqual([{ sheetId, row: hours + 1, column: 1, numRows: 3, numColumns: 3 }]);

    const again = em.run('refreshDashboard');
    expect(again.calls.counts['SpreadsheetApp.Sheet.insertChart'] ?? 0).toBe(0);
    expect(again.calls.counts['SpreadsheetApp.Sheet.updateChart'] ?? 0).toBe(0);
    expect(chartsOf(em.workbook.sheet('Dashboard')!)).toHaveLength(3);
  });

  it('a new client grows the hours chart’s range; a shorter dashboard leaves no stale rows', () => {
    const em = emulator({ clockFollowsCalls: false });
    novemberRegister(em);
    em.call('refreshDashboard');
    fill(em, 'Clients', [{ 'Client ID': 'GAMMA', Name: 'Gamma Gear', Plan: 'CSM', 'Monthly hours': 8, Status: 'Active' }]);
    const run = em.run('refreshDashboard');
    expect(run.calls.counts['SpreadsheetApp.Sheet.updateChart']).toBe(1);
    const hoursChart = chartsOf(em.workbook.sheet('Dashboard')!)[2]!;
    expect(hoursChart.ranges[0]!.numRows).toBe(4);
    // The register is read once per tab, the dashboard written in one block.
    expect(run.calls.counts['SpreadsheetApp.Range.setValues']).toBe(2); // Dashboard + Log line
  });

  it('counts hours logged this month with the billing rules', () => {
    const em = emulator({ clockFollowsCalls: false });
    novemberRegister(em);
    fill(em, 'Hours', [
      {
        Date: at('2026-11-02'),
        'Client ID': 'ACME',
        Person: 'sam@helpdesk.test',
        Activity: 'Account review',
        Hours: '2',
        'Required attendee': 'No',
      },
    ]);
    em.call('refreshDashboard');
    const v = em.workbook.sheetValues('Dashboard');
    const acme = v.find((r) => r[0] === 'Acme Outfitters (ACME)')!;
    expect(acme.slice(1, 5)).toEqual([6, 3, 5, 50]); // the non-required 2 h are logged, not counted
  });
});
