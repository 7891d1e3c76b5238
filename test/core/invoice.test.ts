import {
  addDays,
  buildInvoices,
  invoiceHtml,
  buildStatement,
  taxCents,
  xeroCsv,
  quickbooksCsv,
  type ClassifiedEntry,
  type InvoiceTerms,
  type StatementLine,
} from '../../src/core/billing';
import type { IsoDay, YearMonth } from '../../src/core/hours';
import { contract } from './billing-fixtures';

const terms: InvoiceTerms = {
  billingAddress: '1 Main St\nDenver',
  paymentTermsDays: 30,
  currency: 'USD',
  taxRateBp: null,
  poNumber: 'PO-7',
  financeEmail: 'ap@acme.test',
};
const entry = (clientId: string, minutes: number): ClassifiedEntry => ({
  rowNumber: 2,
  day: '2026-09-03' as IsoDay,
  clientId,
  person: 'a@x.test',
  ticketId: '',
  activity: 'Reporting',
  minutes,
  required: true,
  counted: true,
  reason: 'r',
});
const credit = (clientId: string, cents: number): StatementLine => ({
  kind: 'Adjustment total',
  clientId,
  day: '',
  person: '',
  ticketId: '',
  activity: '',
  required: null,
  loggedMin: null,
  countedMin: null,
  excludedMin: null,
  amountCents: cents,
  reason: 'x',
  forMonth: '2026-08',
});

describe('invoices', () => {
  const s = buildStatement({
    month: '2026-09' as YearMonth,
    status: 'Final',
    clients: [
      contract({ clientId: 'ACME', name: 'Acme', monthlyHours: 1 }),
      contract({ clientId: 'BETA', name: 'Beta', monthlyHours: 10 }),
      contract({ clientId: 'ZERO', name: 'Zero', monthlyHours: 10 }),
    ],
    entries: [entry('ACME', 150), entry('BETA', 60)],
    unbilled: [],
    adjustments: [credit('ACME', -5000), credit('BETA', -2500)],
    settings: { defaultRateMicros: 12_500_0000, incrementMin: 15 },
  });
  const invoices = buildInvoices({
    statement: s,
    terms: new Map([['ACME', terms]]),
    defaults: { ...terms, poNumber: '', taxRateBp: 825 },
    numberFor: (c) => `INV-${c}`,
    issuedDay: '2026-10-01',
  });

  it('gives one invoice per client owing money (a credit-only one included), none at zero', () => {
    expect(invoices.map((i) => [i.clientId, i.totalCents])).toEqual([
      ['ACME', 18_750 - 5000],
      ['BETA', -2500 - 206],
    ]);
    const acme = invoices[0]!;
    expect(acme.lines.map((l) => [l.minutes, l.rateMicros, l.amountCents])).toEqual([
      [90, 125_000_000, 18_750],
      [null, null, -5000],
    ]);
    expect(acme.due).toBe('2026-10-31');
  });

  it('taxes in cents, half away from zero, and dates across months', () => {
    expect(taxCents(2500, 825)).toBe(206);
    expect(taxCents(-2500, 825)).toBe(-206);
    expect(taxCents(2500, null)).toBe(0);
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
  });

  it('writes Xero and QuickBooks rows with plain numbers and the importers’ date forms', () => {
    const opt = { accountCode: '200', itemName: 'Support hours', taxType: 'Tax Exempt' };
    const x = xeroCsv(invoices, opt).split('\r\n');
    expect(x[0]).toBe(
      'ContactName,EmailAddress,InvoiceNumber,Reference,InvoiceDate,DueDate,Description,Quantity,UnitAmount,AccountCode,TaxType,Currency',
    );
    expect(x[1]).toBe(
      'Acme,ap@acme.test,INV-ACME,PO-7,01/10/2026,31/10/2026,"Support hours over the monthly allowance, 2026-09",1.50,125.00,200,Tax Exempt,USD',
    );
    expect(x[2]).toContain(',1,-50.00,');
    const q = quickbooksCsv(invoices, opt).split('\r\n');
    // The headers QuickBooks Online maps by itself (see QUICKBOOKS_COLUMNS for the source).
    expect(q[0]).toBe(
      'Invoice number,Customer,Invoice date,Due date,Terms,Memo,Item (Product/Service),Item Description,Item Quantity,Item Rate,Item Amount',
    );
    expect(q[1]).toBe(
      'INV-ACME,Acme,10/01/2026,10/31/2026,Net 30,PO PO-7,Support hours,"Support hours over the monthly allowance, 2026-09",1.50,125.00,187.50',
    );
  });
});

describe('invoice document', () => {
  it('has number, parties, dates, every line and the total, with text escaped', () => {
    const inv = buildInvoices({
      statement: buildStatement({
        month: '2026-09' as YearMonth,
        status: 'Final',
        clients: [contract({ clientId: 'ACME', name: 'Acme & Co', monthlyHours: 1 })],
        entries: [entry('ACME', 150)],
        unbilled: [],
        adjustments: [credit('ACME', -5000)],
        settings: { defaultRateMicros: 12_500_0000, incrementMin: 15 },
      }),
      terms: new Map(),
      defaults: terms,
      numberFor: () => 'INV-0007',
      issuedDay: '2026-10-01',
    })[0]!;
    const html = invoiceHtml(inv, { name: 'Helpdesk', address: '9 Side St\nBoulder' });
    for (const t of [
      'Invoice INV-0007',
      'Acme &amp; Co',
      '1 Main St<br>Denver',
      'Issued 2026-10-01',
      'Due 2026-10-31',
      'Period 2026-09',
      '1.50',
      '$125.00',
      '$187.50',
      '-$50.00',
      '$137.50',
      'PO PO-7',
    ]) {
      expect(html).toContain(t);
    }
  });
});
