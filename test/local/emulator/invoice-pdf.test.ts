/**
 * The invoice document as the client gets it: each kind of invoice rendered to PDF by the
 * emulator's HTML-to-PDF conversion (headless chromium, what Utilities.newBlob(html,
 * 'text/html').getAs('application/pdf') stands for), its text read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildInvoices,
  buildStatement,
  invoiceHtml,
  type ClassifiedEntry,
  type InvoiceTerms,
  type StatementLine,
} from '../../../src/core/billing';
import type { IsoDay, YearMonth } from '../../../src/core/hours';
import { htmlToPdf } from '../../../src/local/emulator/services/html-to-pdf';
import { contract } from '../../core/billing-fixtures';
import { emulator, inSandbox } from '../../support/emulator';

const terms: InvoiceTerms = {
  billingAddress: 'Acme Outfitters\n1 Main St\nDenver, CO',
  paymentTermsDays: 30,
  currency: 'USD',
  taxRateBp: null,
  poNumber: 'PO-77',
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
const adjustment = (clientId: string, cents: number): StatementLine => ({
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

const dir = mkdtempSync(path.join(tmpdir(), 'invoice-pdf-'));
function pdfText(html: string, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  const pdf = htmlToPdf(html);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('invoice PDFs', () => {
  // OVER: overage only; BOTH: overage and a credit for August; CRED: credit only (a credit note).
  const statement = buildStatement({
    month: '2026-09' as YearMonth,
    status: 'Final',
    clients: [
      contract({ clientId: 'OVER', name: 'Over Co', monthlyHours: 1 }),
      contract({ clientId: 'BOTH', name: 'Both Co', monthlyHours: 1 }),
      contract({ clientId: 'CRED', name: 'Credit Co', monthlyHours: 10 }),
    ],
    entries: [entry('OVER', 150), entry('BOTH', 120), entry('CRED', 60)],
    unbilled: [],
    adjustments: [adjustment('BOTH', -5000), adjustment('CRED', -2500)],
    settings: { defaultRateMicros: 12_500_0000, incrementMin: 15 },
  });
  const invoices = buildInvoices({
    statement,
    terms: new Map([
      ['OVER', terms],
      ['BOTH', { ...terms, taxRateBp: 825 }],
      ['CRED', terms],
    ]),
    defaults: terms,
    numberFor: (c) => ({ OVER: 'INV-2026-0001', BOTH: 'INV-2026-0002', CRED: 'INV-2026-0003' })[c]!,
    issuedDay: '2026-10-01',
  });
  const provider = { name: 'Helpdesk Example LLC', address: '1200 Larimer Street\nDenver, CO 80202' };
  const byClient = (id: string) => invoices.find((i) => i.clientId === id)!;

  it('overage only: number, parties, dates, the hours line with rate and amount, the total', () => {
    const t = pdfText(invoiceHtml(byClient('OVER'), provider), 'over');
    for (const s of [
      'Invoice INV-2026-0001',
      'Helpdesk Example LLC',
      '1200 Larimer Street',
      'Over Co',
      '1 Main St',
      'PO PO-77',
      'Issued 2026-10-01',
      'Due 2026-10-31',
      'Period 2026-09',
    ])
      expect(t).toContain(s);
    expect(t).toMatch(/Support hours over the monthly allowance, 2026-09\s+1(\.50|:30)\s+\$125\.00\s+\$187\.50/);
    expect(t).toMatch(/Total\s+\$187\.50/);
    expect(t).toContain('Billing 2026-09 · OVER · overage');
  });

  it('with a credit and tax: the negative adjustment line, subtotal, tax and total', () => {
    const inv = byClient('BOTH');
    expect(inv.totalCents).toBe(12_500 - 5000 + 619);
    const t = pdfText(invoiceHtml(inv, provider), 'both');
    expect(t).toContain('Invoice INV-2026-0002');
    expect(t).toMatch(/Credit for 2026-08 \(hours changed after that month was closed\)\s+-\$50\.00/);
    expect(t).toMatch(/Subtotal\s+\$75\.00/);
    expect(t).toMatch(/Tax 8\.25%\s+\$6\.19/);
    expect(t).toMatch(/Total\s+\$81\.19/);
  });

  it('credit only: a credit note with a negative total', () => {
    const t = pdfText(invoiceHtml(byClient('CRED'), provider), 'cred');
    expect(t).toContain('Invoice INV-2026-0003');
    expect(t).toMatch(/Total\s+-\$25\.00/);
    expect(t).toContain('This is a credit note');
    expect(t).not.toContain('Support hours over');
  });

  it('with SOW lines: the time-and-materials line with its hours, the SOW rate and amount, beside the overage', () => {
    const sowStatement = buildStatement({
      month: '2026-09' as YearMonth,
      status: 'Final',
      clients: [contract({ clientId: 'SOWC', name: 'Sow Co', monthlyHours: 1 })],
      entries: [entry('SOWC', 90), { ...entry('SOWC', 360), sowId: 'SOW-001', counted: false }],
      unbilled: [],
      adjustments: [],
      settings: { defaultRateMicros: 125_000_000, incrementMin: 15 },
      sows: new Map([
        [
          'SOW-001',
          { sowId: 'SOW-001', clientId: 'SOWC', title: 'Onboarding', status: 'Signed', estimateMin: 600, rateMicros: 150_555_000 },
        ],
      ]),
    });
    const [inv] = buildInvoices({
      statement: sowStatement,
      terms: new Map(),
      defaults: terms,
      numberFor: () => 'INV-2026-0004',
      issuedDay: '2026-10-01',
    });
    // 0.5 h overage × $125 = $62.50; 6 h × $150.555 = $903.33.
    expect(inv!.totalCents).toBe(6_250 + 90_333);
    const t = pdfText(invoiceHtml(inv!, provider), 'sow');
    expect(t).toContain('Invoice INV-2026-0004');
    expect(t).toMatch(/SOW SOW-001 — Onboarding: time and materials in 2026-09\s+6(\.00|:00)\s+\$150\.555\s+\$903\.33/);
    expect(t).toMatch(/Support hours over the monthly allowance, 2026-09\s+0(\.50|:30)\s+\$125\.00\s+\$62\.50/);
    expect(t).toMatch(/Total\s+\$965\.83/);
    expect(t).toContain('Billing 2026-09 · SOWC · SOW SOW-001');
  });

  it('in the sandbox, an HTML blob converts to a PDF blob named with the .pdf extension', () => {
    const em = emulator();
    const got = inSandbox<{ type: string; name: string; head: string }>(
      em,
      `
      var pdf = Utilities.newBlob('<html><body><h1>Invoice X</h1></body></html>', 'text/html', 'Invoice X.html').getAs('application/pdf');
      var b = pdf.getBytes();
      return { type: pdf.getContentType(), name: pdf.getName(), head: String.fromCharCode(b[0], b[1], b[2], b[3]) };
    `,
    );
    expect(got).toEqual({ type: 'application/pdf', name: 'Invoice X.pdf', head: '%PDF' });
    expect(() => inSandbox(em, `Utilities.newBlob('a,b', 'text/csv').getAs('image/png');`)).toThrow(/not supported/);
  });
});
