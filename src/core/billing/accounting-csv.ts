/**
 * Import files for the accounting system (issue 19). Amounts are plain numbers (no currency
 * sign, no apostrophe), one row per invoice line; the rows of a file add up to the invoices'
 * totals, so to the billing tab's total when no tax is charged.
 */
import { MICROS_PER_CENT, plainRate, type Cents } from './money';
import type { Invoice, InvoiceLine } from './invoice';

export const ACCOUNTING_SYSTEMS = ['Xero', 'QuickBooks'] as const;
export type AccountingSystem = (typeof ACCOUNTING_SYSTEMS)[number];

export interface AccountingOptions {
  readonly accountCode: string;
  readonly itemName: string;
  /** Xero tax type for lines (e.g. "Tax Exempt"), as the organisation names it. */
  readonly taxType: string;
}

export const XERO_COLUMNS = [
  'ContactName',
  'EmailAddress',
  'InvoiceNumber',
  'Reference',
  'InvoiceDate',
  'DueDate',
  'Description',
  'Quantity',
  'UnitAmount',
  'AccountCode',
  'TaxType',
  'Currency',
] as const;

/**
 * QuickBooks Online's invoice import maps these headers by itself (its own defaults; other
 * names have to be mapped by hand on every import). Source: Intuit's answer "Do we need to map
 * field everytime when import invoices??" (QuickBooks Community, en-ca), which lists Invoice
 * number*, Customer*, Invoice date*, Due date*, Terms, Item (Product/Service), Item Description,
 * Item Quantity, Item Rate, Item Amount*, Memo (* mandatory) and points to Intuit's "Import
 * invoices in batches" help article:
 * https://quickbooks.intuit.com/learn-support/en-ca/sales-and-invoicing/do-we-need-to-map-field-everytime-when-import-invoices/01/394876
 * Currency is not among them: QuickBooks takes it from the customer, so it is left out.
 */
export const QUICKBOOKS_COLUMNS = [
  'Invoice number',
  'Customer',
  'Invoice date',
  'Due date',
  'Terms',
  'Memo',
  'Item (Product/Service)',
  'Item Description',
  'Item Quantity',
  'Item Rate',
  'Item Amount',
] as const;

/** Cents as a plain decimal number: -1250 → "-12.50". */
export function plainAmount(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Text fields: quoted when needed; a formula-looking start is defused with a space. */
function text(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? ` ${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Quantity and unit amount whose product is exactly the line's amount: hours × rate when that
 * is exact in cents and hours is a short decimal, otherwise 1 × amount (the importer would
 * otherwise round the product and the file would no longer add up).
 */
export function quantityAndUnit(line: InvoiceLine): { quantity: string; unit: string } {
  const { minutes, rateMicros, amountCents } = line;
  if (minutes !== null && rateMicros !== null && minutes > 0) {
    const hundredthHours = (minutes * 100) / 60;
    const perCent = 60 * MICROS_PER_CENT;
    if (Number.isInteger(hundredthHours) && (minutes * rateMicros) % perCent === 0 && (minutes * rateMicros) / perCent === amountCents) {
      return { quantity: plainAmount(hundredthHours), unit: plainRate(rateMicros) };
    }
  }
  return { quantity: '1', unit: plainAmount(amountCents) };
}

/** dd/mm/yyyy, the form Xero's import template shows for dates. */
function xeroDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** mm/dd/yyyy, the form QuickBooks Online's invoice import uses. */
function qboDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

/** Tax, when the invoice charges it, is its own line so the file still adds up. */
function linesWithTax(inv: Invoice): InvoiceLine[] {
  if (inv.taxCents === 0) return [...inv.lines];
  return [...inv.lines, { description: 'Tax', minutes: null, rateMicros: null, amountCents: inv.taxCents, reference: '' }];
}

export function xeroCsv(invoices: readonly Invoice[], opt: AccountingOptions): string {
  const rows = [XERO_COLUMNS.join(',')];
  for (const inv of invoices) {
    for (const line of linesWithTax(inv)) {
      const { quantity, unit } = quantityAndUnit(line);
      rows.push(
        [
          text(inv.clientName),
          text(inv.terms.financeEmail.split(',')[0]!.trim()),
          text(inv.number),
          text(inv.terms.poNumber || `${inv.clientId} ${inv.month}`),
          xeroDate(inv.issued),
          xeroDate(inv.due),
          text(line.description),
          quantity,
          unit,
          text(opt.accountCode),
          text(opt.taxType),
          text(inv.terms.currency),
        ].join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function quickbooksCsv(invoices: readonly Invoice[], opt: AccountingOptions): string {
  const rows = [QUICKBOOKS_COLUMNS.join(',')];
  for (const inv of invoices) {
    for (const line of linesWithTax(inv)) {
      const { quantity, unit } = quantityAndUnit(line);
      rows.push(
        [
          text(inv.number),
          text(inv.clientName),
          qboDate(inv.issued),
          qboDate(inv.due),
          text(`Net ${inv.terms.paymentTermsDays}`),
          text(inv.terms.poNumber ? `PO ${inv.terms.poNumber}` : ''),
          text(opt.itemName),
          text(line.description),
          quantity,
          unit,
          plainAmount(line.amountCents),
        ].join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function accountingCsv(system: AccountingSystem, invoices: readonly Invoice[], opt: AccountingOptions): string {
  return system === 'Xero' ? xeroCsv(invoices, opt) : quickbooksCsv(invoices, opt);
}
