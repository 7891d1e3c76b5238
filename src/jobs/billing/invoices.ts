/**
 * The invoices of a month close (issue 19): one per client with an amount due other than
 * zero, written to the Invoices tab, each with a Gmail draft to the client's Finance email
 * (else its Billing, else Authorized representative contacts)
 * carrying the invoice as a PDF (never sent). A Final close numbers them from the ledger in
 * document properties; a Draft close shows "(draft)" and replaces its own earlier rows and
 * drafts.
 */
import {
  accountingCsv,
  allocateNumbers,
  buildInvoices,
  DRAFT_NUMBER,
  emptyLedger,
  formatMoney,
  invoiceHtml,
  invoiceKey,
  voidNumber,
  type Invoice,
  type InvoiceTerms,
  type MonthStatement,
  type NumberLedger,
} from '../../core/billing';
import type { MailAttachment } from '../../core/notify/index';
import { InvoicesTab } from '../../register/tabs';
import { headersOf } from '../../register/tab-spec';
import { readTable } from '../../register/table';
import type { IsoDay, YearMonth } from '../../core/hours/month';
import type { RegisterData } from '../hours/register-data';
import type { BillingPorts } from './bill-month';
import { billingRecipients } from './recipients';

/**
 * Every number ever handed out and the next one, in document properties: a person cannot
 * edit them by accident, and a changed or lowered Settings start never repeats a number.
 */
export const INVOICE_LEDGER_KEY = 'billing.invoiceNumbers';
export const invoiceDraftsKey = (m: YearMonth) => `billing.invoiceDrafts.${m}`;

export interface InvoiceRun {
  readonly invoices: readonly Invoice[];
  /** The import file for the finance draft; only on a Final close (draft numbers would import as real ones). */
  readonly csv: MailAttachment | null;
  readonly fresh: number;
  readonly drafts: number;
}

export function readLedger(p: BillingPorts): NumberLedger {
  const raw = p.kv.get(INVOICE_LEDGER_KEY);
  if (!raw) return emptyLedger();
  const parsed = JSON.parse(raw) as NumberLedger; // written only by this module
  return { next: parsed.next, issued: parsed.issued ?? {}, used: parsed.used ?? [] };
}

export function termsOf(data: RegisterData): { terms: Map<string, InvoiceTerms>; defaults: InvoiceTerms } {
  const s = data.settings.invoice;
  const defaults: InvoiceTerms = {
    billingAddress: '',
    paymentTermsDays: s.paymentTermsDays,
    currency: s.currency,
    taxRateBp: null,
    poNumber: '',
    financeEmail: '',
  };
  const terms = new Map<string, InvoiceTerms>();
  for (const c of data.clients) {
    const i = c.invoice;
    terms.set(c.clientId, {
      billingAddress: i.billingAddress,
      paymentTermsDays: i.paymentTermsDays ?? s.paymentTermsDays,
      currency: i.currency || s.currency,
      taxRateBp: i.taxRatePercent === null ? null : Math.round(i.taxRatePercent * 100),
      poNumber: i.poNumber,
      financeEmail: billingRecipients(c, data).join(', '),
    });
  }
  return { terms, defaults };
}

const pdfName = (inv: Invoice): string =>
  inv.number === DRAFT_NUMBER ? `Invoice ${inv.clientId} ${inv.month} (draft).pdf` : `Invoice ${inv.number}.pdf`;

/**
 * Rewrites the Invoices tab body in one call: rows of other months and every numbered row
 * are kept as they are (finance's Paid / Void and notes included); this month's Draft rows
 * are replaced by `invoices` whose number is not on the tab yet.
 */
export function writeTab(
  p: BillingPorts,
  month: YearMonth,
  invoices: readonly Invoice[],
  notes: ReadonlyMap<string, string>,
  voids: ReadonlyMap<string, string> = new Map(),
): void {
  const port = p.workbook.tab(InvoicesTab.name) ?? p.workbook.ensureTab(InvoicesTab.name);
  let table = readTable(port, InvoicesTab);
  if (table.raw.length === 0 || table.header.every((h) => h === '')) {
    port.writeBlocks([{ row: 1, column: 1, values: [headersOf(InvoicesTab)] }]);
    table = readTable(port, InvoicesTab);
  }
  const col = (h: string): number => {
    const c = table.columnOf.get(h);
    if (c === undefined) throw new Error(`The Invoices tab has no "${h}" column. Run Support Desk → Set up register to restore it.`);
    return c;
  };
  const width = table.header.length;
  const cell = (r: readonly unknown[], h: string): string => String(r[col(h)] ?? '').trim();
  const body = table.raw.slice(1);
  const kept = body.filter(
    (r) =>
      !(
        cell(r, 'Month') === month &&
        (cell(r, 'Status') === 'Draft' || cell(r, 'Status') === '' || cell(r, 'Invoice number') === DRAFT_NUMBER)
      ),
  );
  const onTab = new Set(kept.map((r) => cell(r, 'Invoice number')).filter((n) => n !== '' && n !== DRAFT_NUMBER));
  const added = invoices
    .filter((inv) => inv.number === DRAFT_NUMBER || !onTab.has(inv.number))
    .map((inv) => {
      const line: unknown[] = new Array(width).fill('');
      const put = (h: string, v: unknown) => (line[col(h)] = v);
      put('Invoice number', inv.number);
      put('Client ID', inv.clientId);
      put('Month', inv.month);
      put('Issued', inv.issued);
      put('Due', inv.due);
      put('Currency', inv.terms.currency);
      put('Amount', inv.totalCents / 100);
      put('Status', inv.number === DRAFT_NUMBER ? 'Draft' : 'Issued');
      put('Sent to', inv.terms.financeEmail);
      put('PDF', pdfName(inv));
      put('Notes', notes.get(invoiceKey(inv.clientId, inv.month)) ?? '');
      return line;
    });
  const voided = (r: unknown[]): unknown[] => {
    const why = voids.get(cell(r, 'Invoice number'));
    if (!why) return r;
    const out = [...r];
    out[col('Status')] = 'Void';
    out[col('Notes')] = cell(r, 'Notes') ? `${cell(r, 'Notes')}; ${why}` : why;
    return out;
  };
  const rows = [...kept.map((r) => voided([...r, ...new Array(Math.max(0, width - r.length)).fill('')].slice(0, width))), ...added];
  const blanks = Math.max(0, body.length - rows.length);
  const values = [...rows, ...Array.from({ length: blanks }, () => new Array(width).fill(''))];
  if (values.length) port.writeBlocks([{ row: 2, column: 1, values }]);
}

/**
 * Makes the month's invoices. On a Final close the numbers are taken (and saved) before
 * anything is written, so a run that stops half-way never hands the same number out
 * again; numbers already issued for a client and month are reused, so a re-run issues
 * nothing new. A Void row on the tab frees its client and month: the replacement gets a
 * new number and the voided one stays used.
 */
export function makeInvoices(p: BillingPorts, data: RegisterData, statement: MonthStatement, today: IsoDay, final: boolean): InvoiceRun {
  const month = statement.month;
  const s = data.settings.invoice;
  const notes = new Map<string, string>();
  const voids = new Map<string, string>();
  let numberFor: (clientId: string) => string = () => DRAFT_NUMBER;
  let fresh = 0;
  const { terms, defaults } = termsOf(data);
  if (final) {
    let ledger = readLedger(p);
    const tabPort = p.workbook.tab(InvoicesTab.name);
    // What each client's invoice comes to now: an issued one that no longer matches (a month
    // reopened and closed again with other figures) is voided and replaced, never rewritten
    // under its number.
    const now = new Map(
      buildInvoices({ statement, terms, defaults, numberFor: () => DRAFT_NUMBER, issuedDay: today }).map((i) => [i.clientId, i.totalCents]),
    );
    if (tabPort) {
      for (const { data: r } of readTable(tabPort, InvoicesTab).rows) {
        const key = invoiceKey(r['Client ID'], r.Month);
        const standing = r.Month === month && ledger.issued[key] === r['Invoice number'];
        if (
          standing &&
          (r.Status === 'Issued' || r.Status === 'Paid') &&
          Math.round((r.Amount ?? 0) * 100) !== (now.get(r['Client ID']) ?? 0)
        ) {
          ledger = voidNumber(ledger, key);
          voids.set(r['Invoice number'], `Void: ${month} was reopened and closed again with another amount`);
          if (now.has(r['Client ID'])) notes.set(key, `Replaces ${r['Invoice number']} (void: ${month} closed again)`);
          p.log.add(
            'Invoice voided',
            `${r['Invoice number']} for ${r['Client ID']} ${month} (${r.Status}, ${r.Amount}) no longer matches ${month} as closed again: set Void${now.has(r['Client ID']) ? ', and its replacement gets a new number' : ''}${r.Status === 'Paid' ? '; it was Paid: settle the difference with the client' : ''}`,
            { clientId: r['Client ID'] },
          );
          continue;
        }
        if (r.Month === month && r.Status === 'Void' && ledger.issued[key] === r['Invoice number']) {
          ledger = voidNumber(ledger, key);
          notes.set(key, `Replaces ${r['Invoice number']} (void)`);
          p.log.add(
            'Invoice replaced',
            `${r['Invoice number']} for ${r['Client ID']} ${month} is Void: its replacement gets a new number; ${r['Invoice number']} is never reused`,
            { clientId: r['Client ID'] },
          );
        }
      }
    }
    const keys = statement.rows.filter((r) => r.dueCents !== 0).map((r) => invoiceKey(r.clientId, month));
    const alloc = allocateNumbers(ledger, { prefix: s.prefix, start: s.start }, keys);
    p.kv.set(INVOICE_LEDGER_KEY, JSON.stringify(alloc.ledger));
    fresh = alloc.fresh.length;
    numberFor = (clientId) => alloc.numbers[invoiceKey(clientId, month)] ?? DRAFT_NUMBER;
  }
  const invoices = buildInvoices({ statement, terms, defaults, numberFor, issuedDay: today });
  writeTab(p, month, invoices, notes, voids);
  const drafts = saveDrafts(p, data, month, invoices);
  const csv = final
    ? {
        name: `${s.accountingSystem.toLowerCase()}-invoices-${month}.csv`,
        contentType: 'text/csv',
        content: accountingCsv(s.accountingSystem, invoices, { accountCode: s.accountCode, itemName: s.itemName, taxType: s.taxType }),
      }
    : null;
  return { invoices, csv, fresh, drafts };
}

/**
 * One draft per invoice; this month's earlier invoice drafts are deleted first, so a re-run
 * leaves one each. `only` replaces just those clients' drafts (a replacement invoice) and
 * keeps the others.
 */
export function saveDrafts(
  p: BillingPorts,
  data: RegisterData,
  month: YearMonth,
  invoices: readonly Invoice[],
  only?: ReadonlySet<string>,
): number {
  const key = invoiceDraftsKey(month);
  let ids: Record<string, string> = {};
  try {
    ids = JSON.parse(p.kv.get(key) ?? '{}') as Record<string, string>;
  } catch {
    ids = {};
  }
  const next: Record<string, string> = {};
  for (const [clientId, id] of Object.entries(ids)) {
    if (only && !only.has(clientId)) next[clientId] = id;
    else p.mail.deleteDraft(id);
  }
  const provider = { name: data.settings.providerName, address: data.settings.invoice.providerAddress };
  for (const inv of invoices) {
    const to = inv.terms.financeEmail ? inv.terms.financeEmail.split(', ') : [];
    if (!to.length)
      p.log.add(
        'Invoice draft has no recipient',
        `${inv.clientId} has no Finance email and no Billing or Authorized representative contact: fill one in, or address the draft for ${inv.number} by hand`,
        { clientId: inv.clientId },
      );
    const credit = inv.totalCents < 0;
    const body =
      `Hello,\n\nPlease find attached ${credit ? 'credit note' : 'invoice'} ${inv.number} for support in ${inv.month}: ` +
      `${formatMoney(inv.totalCents)} ${inv.terms.currency}${credit ? ' in your favour' : `, due ${inv.due}`}.\n\n${data.settings.providerName}\n`;
    next[inv.clientId] = p.mail.saveDraft({
      to,
      cc: [],
      subject: `${credit ? 'Credit note' : 'Invoice'} ${inv.number} — ${inv.clientName}, ${inv.month} (${data.settings.providerName})`,
      body,
      // Converted to PDF where the mail is made (Apps Script: an HTML blob's getAs('application/pdf')).
      attachments: [{ name: pdfName(inv), contentType: 'application/pdf', content: invoiceHtml(inv, provider), fromHtml: true }],
    });
  }
  p.kv.set(key, JSON.stringify(next));
  return invoices.length;
}
