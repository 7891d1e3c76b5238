import fc from 'fast-check';
import {
  allocateNumbers,
  buildInvoices,
  buildStatement,
  emptyLedger,
  invoiceKey,
  quickbooksCsv,
  voidNumber,
  xeroCsv,
  type ClassifiedEntry,
  type InvoiceTerms,
  type StatementLine,
} from '../../src/core/billing';
import type { IsoDay, YearMonth } from '../../src/core/hours';
import { contract } from './billing-fixtures';

const CLIENTS = ['ACME', 'BETA', 'GAMMA'];
const defaults: InvoiceTerms = {
  billingAddress: '1 Main St',
  paymentTermsDays: 30,
  currency: 'USD',
  taxRateBp: null,
  poNumber: '',
  financeEmail: 'ap@x.test',
};
const opt = { accountCode: '200', itemName: 'Support hours', taxType: 'Tax Exempt' };

/** One CSV record into fields (quoted fields may hold commas). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Sums the amount column of a CSV (quantity × unit for Xero, the amount column for QuickBooks). */
function sumCsv(csv: string, system: 'Xero' | 'QuickBooks'): number {
  const rows = csv.trim().split('\r\n').slice(1);
  return rows.reduce((s, r) => {
    const f = splitCsv(r);
    if (system === 'QuickBooks') return s + Math.round(Number(f[10]) * 100);
    return s + Math.round(Number(f[7]) * Number(f[8]) * 100);
  }, 0);
}

describe('accounting CSV (property)', () => {
  it('the lines of each file add up to the billing tab total, amounts are plain numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ clientId: fc.constantFrom(...CLIENTS), minutes: fc.integer({ min: 1, max: 900 }) }), { maxLength: 30 }),
        fc.array(fc.record({ clientId: fc.constantFrom(...CLIENTS), amountCents: fc.integer({ min: -200_000, max: 200_000 }) }), {
          maxLength: 4,
        }),
        fc.integer({ min: 0, max: 33_333 }),
        fc.constantFrom(1, 6, 15),
        (raw, adj, rate, inc) => {
          const entries: ClassifiedEntry[] = raw.map((e, i) => ({
            ...e,
            rowNumber: i + 2,
            day: '2026-09-10' as IsoDay,
            person: 'a@x.test',
            ticketId: '',
            activity: 'Reporting',
            required: true,
            counted: true,
            reason: 'r',
          }));
          const adjustments: StatementLine[] = adj.map((a) => ({
            kind: 'Adjustment total',
            clientId: a.clientId,
            day: '',
            person: '',
            ticketId: '',
            activity: '',
            required: null,
            loggedMin: null,
            countedMin: null,
            excludedMin: null,
            amountCents: a.amountCents,
            reason: 'late hours',
            forMonth: '2026-08',
          }));
          const clients = CLIENTS.map((c) => contract({ clientId: c, name: `${c}, Inc`, monthlyHours: 2, rateMicros: rate * 10_000 }));
          const s = buildStatement({
            month: '2026-09' as YearMonth,
            status: 'Final',
            clients,
            entries,
            unbilled: [],
            adjustments,
            settings: { defaultRateMicros: rate * 10_000, incrementMin: inc },
          });

          const invoices = buildInvoices({
            statement: s,
            terms: new Map(),
            defaults,
            numberFor: (c) => `INV-${c}`,
            issuedDay: '2026-10-01',
          });
          expect(invoices.map((i) => i.clientId)).toEqual(s.rows.filter((r) => r.dueCents !== 0).map((r) => r.clientId));
          // Every invoice line is one the billing tab explains: no remainder line is needed.
          for (const inv of invoices) expect(inv.lines.some((l) => l.reference.endsWith('adjustment total'))).toBe(false);
          for (const inv of invoices) expect(inv.totalCents).toBe(s.rows.find((r) => r.clientId === inv.clientId)!.dueCents);
          const xero = xeroCsv(invoices, opt);
          const qbo = quickbooksCsv(invoices, opt);
          expect(sumCsv(xero, 'Xero')).toBe(s.totals.dueCents);
          expect(sumCsv(qbo, 'QuickBooks')).toBe(s.totals.dueCents);
          expect(xero + qbo).not.toMatch(/\$|'/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('invoice numbers (property)', () => {
  it('are never reused across re-runs, voids and lowered starts', () => {
    const op = fc.oneof(
      fc.record({
        t: fc.constant('close' as const),
        keys: fc.subarray(['A|1', 'B|1', 'C|1', 'A|2', 'B|2']),
        start: fc.integer({ min: 1, max: 5 }),
      }),
      fc.record({ t: fc.constant('void' as const), key: fc.constantFrom('A|1', 'B|1', 'C|1', 'A|2', 'B|2') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let ledger = emptyLedger();
        const handedOut: string[] = [];
        for (const o of ops) {
          if (o.t === 'void') {
            ledger = voidNumber(ledger, o.key);
            continue;
          }
          const before = { ...ledger.issued };
          const a = allocateNumbers(ledger, { prefix: 'INV-2026-', start: o.start }, o.keys);
          for (const k of o.keys) if (before[k] !== undefined) expect(a.numbers[k]).toBe(before[k]);
          for (const k of a.fresh) handedOut.push(a.numbers[k]!);
          // A re-run with the same keys hands out nothing new.
          const again = allocateNumbers(a.ledger, { prefix: 'INV-2026-', start: o.start }, o.keys);
          expect(again.fresh).toEqual([]);
          ledger = a.ledger;
        }
        expect(new Set(handedOut).size).toBe(handedOut.length);
      }),
      { numRuns: 300 },
    );
  });

  it('formats the sequence with the Settings prefix', () => {
    const a = allocateNumbers(emptyLedger(), { prefix: 'INV-2026-', start: 1 }, [
      invoiceKey('ACME', '2026-09'),
      invoiceKey('BETA', '2026-09'),
    ]);
    expect(Object.values(a.numbers)).toEqual(['INV-2026-0001', 'INV-2026-0002']);
  });
});
