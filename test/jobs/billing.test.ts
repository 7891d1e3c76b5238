import { buildStatement, type StatementLine } from '../../src/core/billing';
import type { IsoDay, YearMonth } from '../../src/core/hours';
import { parseBillingTab, renderStatement, BillingTabError } from '../../src/jobs/billing/tab-layout';
import { contract, line } from '../core/billing-fixtures';

const SEP = '2026-09' as YearMonth;

describe('Billing tab layout (the ledger of a final month)', () => {
  const adj: StatementLine = {
    kind: 'Adjustment total',
    clientId: 'ACME',
    day: '',
    person: '',
    ticketId: '',
    activity: '',
    required: null,
    loggedMin: 20,
    countedMin: 20,
    excludedMin: 0,
    amountCents: 3_125,
    reason: 'r',
    forMonth: '2026-08',
  };
  const s = buildStatement({
    month: SEP,
    status: 'Final',
    clients: [contract(), contract({ clientId: 'BETA', name: 'Beta', rateMicros: 13_333_0000 })],
    settings: { defaultRateMicros: 12_500_0000, incrementMin: 15 },
    entries: [
      line({ day: '2026-09-03' as IsoDay, minutes: 400 }),
      line({ day: '2026-09-04' as IsoDay, minutes: 20, required: false, counted: false }),
      line({ clientId: 'BETA', day: '2026-09-05' as IsoDay, minutes: 371 }),
    ],
    unbilled: [
      {
        rowNumber: 9,
        clientId: 'ACME',
        day: '2026-09-06' as IsoDay,
        person: 'x',
        activity: 'Lunch',
        problem: 'Activity "Lunch" is not in the Activities tab',
      },
    ],
    adjustments: [adj],
  });

  it('reads back exactly what it billed: statuses, per-client counted minutes, rates and amounts, lines and adjustments', () => {
    const tab = renderStatement(s);
    // Sheets stores what was written; the reader finds columns by header.
    const parsed = parseBillingTab(SEP, tab.values);
    expect(parsed.status).toBe('Final');
    expect([...parsed.billed.clients.values()]).toEqual(
      s.rows.map((r) => ({
        clientId: r.clientId,
        allowanceMin: r.allowanceMin,
        rateMicros: r.rateMicros,
        countedMin: r.countedMin,
        amountCents: r.overageCents,
      })),
    );
    expect(parsed.billed.lines.map((l) => [l.clientId, l.day, l.loggedMin, l.countedMin, l.required])).toEqual([
      ['ACME', '2026-09-03', 400, 400, true],
      ['ACME', '2026-09-04', 20, 0, false],
      ['BETA', '2026-09-05', 371, 371, true],
    ]);
    expect(parsed.adjustments).toEqual([adj]);
    expect(tab.boldRows).toEqual([1, s.rows.length + 2, s.rows.length + 4]);
  });

  it('still reads when a person reordered the summary columns', () => {
    const values = renderStatement(s).values.map((r, i) => (i < s.rows.length + 2 ? [r[11], ...r.slice(0, 11), r[12]] : r));
    expect(parseBillingTab(SEP, values).billed.clients.get('BETA')?.countedMin).toBe(371);
  });

  it('refuses a tab that is not a billing tab rather than guessing', () => {
    expect(() => parseBillingTab(SEP, [['Notes'], ['hello']])).toThrow(BillingTabError);
  });
});
