/**
 * Replacements for voided invoices of months already closed Final (issue 19): finance sets
 * an invoice to Void on the Invoices tab; the next Final close (of any month), or running the
 * Final close of that month again, issues its replacement with a new number, from the month's
 * billing tab as it was closed. The voided invoice keeps its number, which is never given
 * again; a replaced invoice is not replaced twice, so re-runs issue nothing new.
 */
import { accountingCsv, allocateNumbers, buildInvoices, DRAFT_NUMBER, invoiceKey, voidNumber, type Invoice } from '../../core/billing';
import type { IsoDay, YearMonth } from '../../core/hours/month';
import type { MailAttachment } from '../../core/notify/index';
import { InvoicesTab } from '../../register/tabs';
import { readTable } from '../../register/table';
import type { RegisterData } from '../hours/register-data';
import type { BillingPorts } from './bill-month';
import { INVOICE_LEDGER_KEY, readLedger, saveDrafts, termsOf, writeTab } from './invoices';
import { billingTabName, parseBillingTab, statementOf } from './tab-layout';

export interface Replacements {
  readonly invoices: readonly Invoice[];
  /** The import file of the replacements alone (each file adds up to what it imports). */
  readonly csv: MailAttachment | null;
}

export function replaceVoided(p: BillingPorts, data: RegisterData, finals: ReadonlySet<YearMonth>, today: IsoDay): Replacements {
  const none: Replacements = { invoices: [], csv: null };
  const port = p.workbook.tab(InvoicesTab.name);
  if (!port) return none;
  let ledger = readLedger(p);
  const voided = readTable(port, InvoicesTab)
    .rows.map(({ data: r }) => r)
    .filter(
      (r) =>
        r.Status === 'Void' &&
        r['Invoice number'] !== DRAFT_NUMBER &&
        finals.has(r.Month as YearMonth) &&
        ledger.issued[invoiceKey(r['Client ID'], r.Month)] === r['Invoice number'],
    );
  if (!voided.length) return none;

  const s = data.settings.invoice;
  const { terms, defaults } = termsOf(data);
  const out: Invoice[] = [];
  for (const month of [...new Set(voided.map((r) => r.Month as YearMonth))].sort()) {
    const tab = p.tabs.get(billingTabName(month));
    const rows = voided.filter((r) => r.Month === month);
    if (!tab) {
      p.log.add(
        'Invoice not replaced',
        `${billingTabName(month)} is missing: the Void ${rows.map((r) => r['Invoice number']).join(', ')} cannot be raised again until it is restored`,
      );
      continue;
    }
    const statement = statementOf(parseBillingTab(month, tab.readAll()));
    const keys = rows.map((r) => invoiceKey(r['Client ID'], month));
    for (const k of keys) ledger = voidNumber(ledger, k);
    const alloc = allocateNumbers(ledger, { prefix: s.prefix, start: s.start }, keys);
    ledger = alloc.ledger;
    // Saved before anything is written: a run cut short never hands the new number out again.
    p.kv.set(INVOICE_LEDGER_KEY, JSON.stringify(ledger));
    const clients = new Set(rows.map((r) => r['Client ID']));
    const invoices = buildInvoices({
      statement,
      terms,
      defaults,
      numberFor: (clientId) => alloc.numbers[invoiceKey(clientId, month)] ?? DRAFT_NUMBER,
      issuedDay: today,
    }).filter((inv) => clients.has(inv.clientId));
    const notes = new Map<string, string>();
    for (const r of rows) {
      const inv = invoices.find((i) => i.clientId === r['Client ID']);
      if (!inv) continue;
      notes.set(invoiceKey(r['Client ID'], month), `Replaces ${r['Invoice number']} (void)`);
      p.log.add(
        'Invoice replaced',
        `${r['Invoice number']} for ${r['Client ID']} ${month} is Void: replaced by ${inv.number}, issued ${today}; ${r['Invoice number']} keeps its number and is never given again`,
        { clientId: r['Client ID'] },
      );
    }
    writeTab(p, month, invoices, notes);
    saveDrafts(p, data, month, invoices, clients);
    out.push(...invoices);
  }
  const csv = out.length
    ? {
        name: `${s.accountingSystem.toLowerCase()}-invoices-replacements-${today}.csv`,
        contentType: 'text/csv',
        content: accountingCsv(s.accountingSystem, out, { accountCode: s.accountCode, itemName: s.itemName, taxType: s.taxType }),
      }
    : null;
  return { invoices: out, csv };
}
