/**
 * Issue 19 through the bundle: the demo register (as `npm run demo` writes demo-start.xlsx)
 * with the generated month's hours, closed Final with `run billing`, gives numbered invoices
 * on the Invoices tab, a draft with a PDF for each, and a Xero file adding up to the month's
 * total; a second run changes nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { DateTime } from 'luxon';
import { Emulator, MailboxModel, WorkbookModel } from '../../../src/local/emulator';
import { BUNDLE } from '../../../src/local/bundle';
import { fillDemoRegister } from '../../../src/local/demo/register';
import { SUPPORT_ADDRESS } from '../../../src/local/demo/register-data';
import { generateMonth } from '../../../src/local/demo/month';
import { typeRows } from '../../../src/local/demo/typing';
import { saveXlsx } from '../../../src/local/emulator/spreadsheet/xlsx';
import { loadRegisterXlsx } from '../../../src/local/register-xlsx';
import { runBilling } from '../../../src/local/cli/run-billing';

const ZONE = 'America/Denver';
const sink = () => {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
};
type Row = Record<string, unknown>;
const table = (rows: unknown[][]): Row[] => {
  const header = rows[0]!.map(String);
  return rows
    .slice(1)
    .filter((r) => r.some((v) => v !== '' && v !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
};
const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** "12.50" → 1250, exactly. */
const cents = (s: string): number => {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) throw new Error(`not a plain number: ${s}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0')));
};

function demoEmulator(now = '2026-09-01T07:00:00'): Emulator {
  const em = new Emulator({
    workbook: new WorkbookModel({ name: 'demo', timeZone: ZONE }),
    mailbox: new MailboxModel({ address: SUPPORT_ADDRESS }),
    user: SUPPORT_ADDRESS,
    scriptTimeZone: ZONE,
    now: DateTime.fromISO(now, { zone: ZONE }).toMillis(),
  }).load(readFileSync(BUNDLE, 'utf8'));
  em.call('setup');
  fillDemoRegister(em);
  const month = generateMonth('2026-09', 1);
  typeRows(
    em,
    'Hours',
    month.hours.map((h) => ({
      Date: h.date,
      'Client ID': h.clientId,
      Person: h.person,
      'Ticket ID': '',
      Activity: h.activity,
      Hours: h.hours,
      'Required attendee': h.requiredAttendee,
      Notes: h.notes,
    })),
  );
  return em;
}

async function demoRegister(file: string): Promise<void> {
  await saveXlsx(demoEmulator().workbook, file);
}

describe('run billing --final makes the invoices', () => {
  it('one numbered invoice, PDF and draft per client owing money; a Xero file summing to the total; a second run changes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'invoices-cli-'));
    const file = path.join(dir, 'demo.xlsx');
    const outbox = path.join(dir, 'outbox');
    await demoRegister(file);

    const out = sink();
    expect(await runBilling({ workbook: file, month: '2026-09', final: true, outbox, now: '2026-10-02T09:00:00-06:00' }, out.stream)).toBe(
      0,
    );
    const totalMatch = /Billing 2026-09 written \(Final\): \d+ client\(s\), \$([\d,]+\.\d\d) due/.exec(out.text());
    expect(totalMatch, out.text()).not.toBeNull();
    const total = cents(totalMatch![1]!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(0);

    const wb = await loadRegisterXlsx(file);
    const billing = table(wb.sheet('Billing 2026-09')!.values()).filter(
      (r) => r['Status'] === 'Final' && r['Client ID'] !== 'Total' && Number(r['Amount due'] ?? 0) !== 0,
    );
    const invoices = table(wb.sheet('Invoices')!.values());
    expect(invoices.length).toBeGreaterThan(0);
    expect(invoices.map((r) => r['Client ID']).sort()).toEqual(billing.map((r) => r['Client ID']).sort());
    expect(invoices.map((r) => r['Invoice number'])).toEqual(invoices.map((_, i) => `INV-2026-${String(i + 1).padStart(4, '0')}`));
    for (const r of invoices) {
      expect(r).toMatchObject({ Month: '2026-09', Issued: '2026-10-02', Due: '2026-11-01', Currency: 'USD', Status: 'Issued' });
      expect(String(r['Sent to'])).toMatch(/@/);
    }
    expect(Math.round(invoices.reduce((s, r) => s + Number(r['Amount']) * 100, 0))).toBe(total);

    const files = readdirSync(outbox).sort();
    const drafts = files.filter((f) => /-draft-invoice-inv-2026-\d{4}/.test(f) && f.endsWith('.eml'));
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    expect(drafts).toHaveLength(invoices.length);
    expect(pdfs).toHaveLength(invoices.length);
    for (const r of invoices) {
      const number = String(r['Invoice number']);
      const eml = await simpleParser(readFileSync(path.join(outbox, drafts.find((f) => f.includes(number.toLowerCase()))!)));
      expect(eml.to && 'text' in eml.to ? eml.to.text : '').toBe(String(r['Sent to']));
      expect(eml.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`Invoice ${number}.pdf`, 'application/pdf']]);
      const text = pdfText(path.join(outbox, pdfs.find((f) => f.includes(number.toLowerCase()))!));
      expect(text).toContain(`Invoice ${number}`);
      expect(text).toContain('Issued 2026-10-02');
      expect(text).toContain('Due 2026-11-01');
      expect(text.replace(/,/g, '')).toContain(`$${(Number(r['Amount'])).toFixed(2)}`);
    }

    const financeFile = files.find((f) => f.includes('support-hours-billing'))!;
    const finance = await simpleParser(readFileSync(path.join(outbox, financeFile)));
    const xero = finance.attachments.find((a) => a.filename === 'xero-invoices-2026-09.csv');
    expect(xero, 'the finance draft carries the Xero file').toBeDefined();
    const [head, ...lines] = xero!.content.toString('utf8').trim().split(/\r\n/);
    expect(head).toBe(
      'ContactName,EmailAddress,InvoiceNumber,Reference,InvoiceDate,DueDate,Description,Quantity,UnitAmount,AccountCode,TaxType,Currency',
    );
    // Quantity × UnitAmount per line: quantities are whole hundredths of an hour, so the product is exact in cents.
    const sum = lines.reduce((s, l) => {
      const cols = l.split(',');
      const q = cents(cols.at(-5)!);
      const unit = cents(cols.at(-4)!);
      return s + (q * unit) / 100;
    }, 0);
    expect(sum).toBe(total);
    expect(lines.every((l) => /,\d\d\/10\/2026,\d\d\/11\/2026,/.test(l))).toBe(true);

    // A second Final close: refused, nothing issued, no new mail, the ledger unchanged.
    // The run state also records when the CLI last ran (cli.lastRunAt, for the --at check); every
    // other property — the numbers, the drafts, the final months — must stay as it was.
    const withoutLastRun = (text: string) => {
      const { ['cli.lastRunAt']: _lastRun, ...rest } = JSON.parse(text) as Record<string, string>;
      return rest;
    };
    const props = withoutLastRun(readFileSync(`${file}.properties.json`, 'utf8'));
    const again = sink();
    expect(
      await runBilling({ workbook: file, month: '2026-09', final: true, outbox, now: '2026-10-03T09:00:00-06:00' }, again.stream),
    ).toBe(0);
    expect(again.text()).toContain('is final and is never rewritten');
    expect(readdirSync(outbox).sort()).toEqual(files);
    expect(table((await loadRegisterXlsx(file)).sheet('Invoices')!.values())).toEqual(invoices);
    expect(withoutLastRun(readFileSync(`${file}.properties.json`, 'utf8'))).toEqual(props);
  }, 240_000);

  it('a Draft close shows "(draft)" and replaces its own rows and drafts; the Final close then numbers them', () => {
    const em = demoEmulator('2026-10-02T09:00:00');
    const invoiceDrafts = () => em.mailbox.drafts.filter((d) => /^(Invoice|Credit note) /.test(d.subject));
    const tab = () => table(em.workbook.sheetValues('Invoices'));
    em.call('billMonth', '2026-09', false);
    const first = tab();
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((r) => r['Invoice number'] === '(draft)' && r['Status'] === 'Draft')).toBe(true);
    expect(invoiceDrafts()).toHaveLength(first.length);
    em.call('billMonth', '2026-09', false);
    expect(tab()).toEqual(first);
    expect(invoiceDrafts()).toHaveLength(first.length);

    const msg = em.call<string>('billMonth', '2026-09', true);
    expect(msg).toContain(`${first.length} invoice(s) (${first.length} newly numbered)`);
    expect(tab().map((r) => [r['Invoice number'], r['Status']])).toEqual(
      first.map((_, i) => [`INV-2026-${String(i + 1).padStart(4, '0')}`, 'Issued']),
    );
    expect(
      invoiceDrafts()
        .map((d) => d.subject)
        .every((s) => /INV-2026-\d{4}/.test(s)),
    ).toBe(true);
    expect(invoiceDrafts()).toHaveLength(first.length);
  }, 120_000);
});
