import {
  formatRate,
  readAmount,
  adjustmentsFor,
  allowanceFor,
  billedSoFar,
  buildStatement,
  clientStatementMail,
  financeMail,
  formatMoney,
  overageCents,
  overageMinutes,
  type BilledMonth,
  type StatementInput,
} from '../../src/core/billing';
import type { IsoDay, YearMonth } from '../../src/core/hours';
import { attainmentOf } from '../../src/core/sla';
import { contract, line } from './billing-fixtures';

const OCT = '2026-10' as YearMonth;
const settings = { defaultRateMicros: 12_500_0000, incrementMin: 15 };
const input = (over: Partial<StatementInput> = {}): StatementInput => ({
  month: OCT,
  status: 'Draft',
  clients: [contract()],
  entries: [],
  unbilled: [],
  adjustments: [],
  settings,
  ...over,
});

describe('overage (docs/design.md, Rules: Billing)', () => {
  it('is max(0, counted − contracted), rounded UP to the increment, times the rate in cents', () => {
    expect(overageMinutes(300, 360, 15)).toBe(0);
    expect(overageMinutes(361, 360, 15)).toBe(15);
    expect(overageMinutes(375, 360, 15)).toBe(15);
    expect(overageMinutes(376, 360, 15)).toBe(30);
    expect(overageCents(15, 125_000_000)).toBe(3_125);
    // $133.33/h × 0.25 h = $33.3325 → 3333 cents, rounded once per client.
    expect(overageCents(15, 133_330_000)).toBe(3_333);
  });

  it('multiplies by the rate as typed and rounds half up once at the end (issue 13, defect 5)', () => {
    // 3.75 h × $150.555 = $564.58125 → $564.58 (a rate rounded first would give $564.60).
    expect(overageCents(225, 150_555_000)).toBe(56_458);
    // Exactly half a cent rounds up: 0.25 h × $0.10 = 2.5 ¢ → 3 ¢.
    expect(overageCents(15, 100_000)).toBe(3);
    expect(readAmount(150.555, 'Rate')).toEqual({ ok: true, micros: 150_555_000 });
    expect(formatRate(150_555_000)).toBe('$150.555');
    expect(formatRate(125_000_000)).toBe('$125.00');
  });

  it('reads money cells as people type them and refuses what could be read two ways', () => {
    const read = (v: unknown) => {
      const r = readAmount(v, 'Hourly rate');
      return r.ok ? r.micros / 1_000_000 : r.problem;
    };
    expect(read('1,200')).toBe(1200);
    expect(read('$1,200.00')).toBe(1200);
    expect(read('1200')).toBe(1200);
    expect(read(1200)).toBe(1200);
    expect(read('150.555')).toBe(150.555);
    expect(read(' $ 99.5 ')).toBe(99.5);
    expect(read('1.200,50')).toMatch(/ambiguous/);
    expect(read('150,5')).toMatch(/ambiguous/);
    expect(read('150 USD')).toMatch(/not an amount: type the number only/);
    expect(read('four')).toMatch(/not an amount/);
    expect(read('1.2345678')).toMatch(/more than six decimals/);
  });

  it('worked example from the seeds: a 6-hour CSM contract', () => {
    const s = buildStatement(
      input({
        entries: [
          line({ activity: 'Status update', minutes: 120 }),
          line({ activity: 'Account review', minutes: 90 }),
          line({ activity: 'Troubleshooting', ticketId: 'T-000001', minutes: 180, counted: false, reason: 'bug' }), // a bug: not deducted
          line({ activity: 'Troubleshooting', ticketId: 'T-000002', minutes: 60 }), // user error: deducted
          line({ activity: 'Account review', minutes: 60, required: false, counted: false, reason: 'not required' }),
          line({ activity: 'Product troubleshooting', minutes: 120, counted: false, reason: 'excluded' }),
          line({ activity: 'Training', minutes: 126 }),
        ],
      }),
    );
    const r = s.rows[0]!;
    expect(r).toMatchObject({
      allowanceMin: 360,
      loggedMin: 756,
      excludedMin: 360,
      countedMin: 396,
      overageMin: 45,
      rateMicros: 12_500_0000,
      overageCents: 9_375,
      dueCents: 9_375,
    });
    expect(formatMoney(r.dueCents)).toBe('$93.75');
  });

  it("uses the client's own rate when the contract names one", () => {
    const s = buildStatement(
      input({ clients: [contract({ rateMicros: 15_000_0000, monthlyHours: 1 })], entries: [line({ minutes: 90 })] }),
    );
    expect(s.rows[0]).toMatchObject({ overageMin: 30, overageCents: 7_500 });
  });
});

describe('proration', () => {
  it('a full month gets the monthly hours', () => {
    expect(allowanceFor(OCT, 10, null, null)).toMatchObject({ minutes: 600, days: 31 });
  });
  it('a contract starting on the 15th of a 31-day month gets 17/31 of it', () => {
    const a = allowanceFor(OCT, 10, '2026-10-15' as IsoDay, null);
    expect(a.minutes).toBe(Math.round((600 * 17) / 31));
    expect(a.explanation).toContain('17 of 31 days');
  });
  it('a contract ending on the 10th gets 10/31; start and end in the month both count', () => {
    expect(allowanceFor(OCT, 31, null, '2026-10-10' as IsoDay).minutes).toBe(600);
    expect(allowanceFor(OCT, 31, '2026-10-11' as IsoDay, '2026-10-20' as IsoDay).minutes).toBe(600);
  });
  it('a month outside the contract gets nothing', () => {
    expect(allowanceFor(OCT, 10, '2026-11-01' as IsoDay, null)).toMatchObject({ minutes: 0, days: 0 });
    expect(allowanceFor(OCT, 10, null, '2026-09-30' as IsoDay)).toMatchObject({ minutes: 0, days: 0 });
  });
  it('an ended client with no hours has no row; one with hours does', () => {
    const ended = contract({ clientId: 'OLD', status: 'Ended' });
    expect(buildStatement(input({ clients: [ended] })).rows).toHaveLength(0);
    expect(buildStatement(input({ clients: [ended], entries: [line({ clientId: 'OLD' })] })).rows).toHaveLength(1);
  });
});

describe('adjustments to a final month', () => {
  const billed: BilledMonth = {
    month: '2026-09' as YearMonth,
    clients: new Map([['ACME', { clientId: 'ACME', allowanceMin: 360, rateMicros: 12_500_0000, countedMin: 360, amountCents: 0 }]]),
    lines: [
      {
        clientId: 'ACME',
        day: '2026-09-10',
        person: 'dana@helpdesk.test',
        ticketId: '',
        activity: 'Status update',
        required: true,
        loggedMin: 360,
        countedMin: 360,
      },
    ],
  };
  const terms = () => ({ allowanceMin: 0, rateMicros: 12_500_0000 });

  it('nothing changed → no adjustment', () => {
    const now = [line({ day: '2026-09-10' as IsoDay, minutes: 360 })];
    expect(adjustmentsFor(billed, now, 15, terms)).toEqual([]);
  });

  it('an unchanged line keeps its billed classification even if its ticket Reason changed later', () => {
    const now = [line({ day: '2026-09-10' as IsoDay, minutes: 360, counted: false })];
    expect(adjustmentsFor(billed, now, 15, terms)).toEqual([]);
  });

  it('an hour added later is billed as a line and a total with the re-computed overage', () => {
    const now = [
      line({ day: '2026-09-10' as IsoDay, minutes: 360 }),
      line({ day: '2026-09-12' as IsoDay, minutes: 60, activity: 'Reporting' }),
    ];
    const adj = adjustmentsFor(billed, now, 15, terms);
    expect(adj.map((a) => [a.kind, a.loggedMin, a.countedMin, a.amountCents])).toEqual([
      ['Adjustment', 60, 60, null],
      ['Adjustment total', 60, 60, 12_500],
    ]);
    expect(adj.every((a) => a.forMonth === '2026-09')).toBe(true);
    // Once that adjustment is final, the same state owes nothing more.
    expect(adjustmentsFor(billedSoFar(billed, adj), now, 15, terms)).toEqual([]);
  });

  it('removing billed time gives a credit', () => {
    const over: BilledMonth = {
      ...billed,
      clients: new Map([['ACME', { clientId: 'ACME', allowanceMin: 300, rateMicros: 12_500_0000, countedMin: 360, amountCents: 12_500 }]]),
    };
    const adj = adjustmentsFor(over, [line({ day: '2026-09-10' as IsoDay, minutes: 300 })], 15, terms);
    expect(adj.at(-1)).toMatchObject({ kind: 'Adjustment total', countedMin: -60, amountCents: -12_500 });
  });
});

describe('mails', () => {
  const s = buildStatement(
    input({
      clients: [contract(), contract({ clientId: 'BETA', name: 'Beta Bikes', monthlyHours: 2 })],
      entries: [line({ minutes: 420, person: 'dana@helpdesk.test' }), line({ clientId: 'BETA', minutes: 60, person: 'lee@helpdesk.test' })],
    }),
  );

  it('the finance mail carries the same figures as the statement, as HTML and CSV', () => {
    const m = financeMail(s, 0);
    expect(m.subject).toContain(formatMoney(s.totals.dueCents));
    expect(m.html).toContain('<table');
    expect(m.html).toContain('$125.00');
    const csv = m.csv.split('\r\n');
    expect(csv[0]).toBe(
      'Client ID,Client,Contracted h,Logged h,Excluded h,Counted h,Overage h,Rate,Overage amount,Adjustments,Amount due,Status,SOW amount',
    );
    expect(csv[1]).toBe('ACME,Acme Outfitters,6.00,7.00,0.00,7.00,1.00,125.00,125.00,0.00,125.00,Draft,0.00');
    expect(csv[3]).toBe('Total,,8.00,8.00,0.00,8.00,1.00,,125.00,0.00,125.00,Draft,0.00');
  });

  it('CSV text that looks like a formula is neutralised', () => {
    const evil = buildStatement(input({ entries: [line({ person: '=HYPERLINK("http://x")' })] }));
    expect(financeMail(evil, 0).csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it("a client statement shows only that client's totals: no people, no lines, no other client", () => {
    const acme = s.rows.find((r) => r.clientId === 'ACME')!;
    const m = clientStatementMail(OCT, acme, { tickets: 3, attainment: attainmentOf(['Met', 'Breached', 'On track']) }, 'Client Success');
    const all = m.subject + m.text + m.html;
    expect(all).toContain('Hours used: 7.00 h');
    expect(all).toContain('Hours remaining: 0.00 h');
    expect(all).toContain('1 of 2 tickets met their targets (50%); 1 still open');
    for (const secret of ['dana@', 'lee@', 'BETA', 'Beta Bikes', 'Status update']) expect(all).not.toContain(secret);
  });
});
