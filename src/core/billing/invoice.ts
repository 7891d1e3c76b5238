/**
 * One invoice per client and month with an amount due other than zero (issue 19): overage
 * hours × rate and adjustments from earlier Final months (credits are negative lines).
 * Everything in integer cents; the total is exactly the billing tab's "Due" for the client.
 */
import type { Cents, RateMicros } from './money';
import type { ClientRow, MonthStatement } from './types';

export interface InvoiceTerms {
  readonly billingAddress: string;
  readonly paymentTermsDays: number;
  readonly currency: string;
  /** Basis points (825 = 8.25 %); null = no tax on the invoice. */
  readonly taxRateBp: number | null;
  readonly poNumber: string;
  /** Where the invoice goes: one address, or several separated by ", " (the import file takes the first). */
  readonly financeEmail: string;
}

export interface InvoiceLine {
  readonly description: string;
  /** Minutes behind the line; null for lines that are not hours (adjustments). */
  readonly minutes: number | null;
  readonly rateMicros: RateMicros | null;
  readonly amountCents: Cents;
  /** Where the line comes from on the billing tab, e.g. "Billing 2026-09 · ACME · overage". */
  readonly reference: string;
}

export interface Invoice {
  readonly clientId: string;
  readonly clientName: string;
  readonly month: string;
  readonly number: string;
  readonly issued: string;
  readonly due: string;
  readonly terms: InvoiceTerms;
  readonly lines: readonly InvoiceLine[];
  readonly subtotalCents: Cents;
  readonly taxCents: Cents;
  readonly totalCents: Cents;
}

export function taxCents(subtotal: Cents, rateBp: number | null): Cents {
  if (rateBp === null || rateBp === 0) return 0;
  // Half away from zero so that a credit's tax mirrors the charge's.
  const raw = (subtotal * rateBp) / 10000;
  return Math.sign(raw) * Math.round(Math.abs(raw));
}

/** Adds `days` to an ISO day without a time zone (calendar arithmetic only). */
export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function invoiceLines(statement: MonthStatement, row: ClientRow): InvoiceLine[] {
  const ref = (what: string): string => `Billing ${statement.month} · ${row.clientId} · ${what}`;
  const lines: InvoiceLine[] = [];
  if (row.overageCents !== 0) {
    lines.push({
      description: `Support hours over the monthly allowance, ${statement.month}`,
      minutes: row.overageMin,
      rateMicros: row.rateMicros,
      amountCents: row.overageCents,
      reference: ref('overage'),
    });
  }
  // Time and materials: one line per signed SOW, its hours billed in full at its rate.
  for (const l of statement.lines) {
    if (l.clientId !== row.clientId || l.kind !== 'SOW total' || !l.amountCents) continue;
    const minutes = l.loggedMin ?? 0;
    lines.push({
      description: `SOW ${l.sowId ?? ''}${l.activity ? ` — ${l.activity}` : ''}: time and materials in ${statement.month}`,
      minutes,
      rateMicros: l.rateMicros ?? null,
      amountCents: l.amountCents,
      reference: ref(`SOW ${l.sowId ?? ''}`),
    });
  }
  // The money of an adjustment is on its client's "Adjustment total" line, one per earlier month.
  for (const l of statement.lines) {
    if (l.clientId !== row.clientId || l.kind !== 'Adjustment total' || l.amountCents === null || l.amountCents === 0) continue;
    const what = l.amountCents < 0 ? 'Credit' : 'Additional hours';
    lines.push({
      description: `${what} for ${l.forMonth} (hours changed after that month was closed)`,
      minutes: null,
      rateMicros: null,
      amountCents: l.amountCents,
      reference: ref(`adjustment ${l.forMonth}`),
    });
  }
  // The tab's Due is the contract; a remainder the detail lines do not explain is shown, not dropped.
  const sum = lines.reduce((s, l) => s + l.amountCents, 0);
  if (sum !== row.dueCents) {
    lines.push({
      description: 'Other adjustments (see the billing tab)',
      minutes: null,
      rateMicros: null,
      amountCents: row.dueCents - sum,
      reference: ref('adjustment total'),
    });
  }
  return lines;
}

export interface InvoiceRequest {
  readonly statement: MonthStatement;
  readonly terms: ReadonlyMap<string, InvoiceTerms>;
  readonly defaults: InvoiceTerms;
  /** clientId → invoice number, or the draft placeholder. */
  readonly numberFor: (clientId: string) => string;
  readonly issuedDay: string;
}

/** Invoices for every client whose amount due is not zero, in the tab's order. */
export function buildInvoices(req: InvoiceRequest): Invoice[] {
  return req.statement.rows
    .filter((r) => r.dueCents !== 0)
    .map((row) => {
      const terms = req.terms.get(row.clientId) ?? req.defaults;
      const lines = invoiceLines(req.statement, row);
      const subtotal = lines.reduce((s, l) => s + l.amountCents, 0);
      const tax = taxCents(subtotal, terms.taxRateBp);
      return {
        clientId: row.clientId,
        clientName: row.name,
        month: req.statement.month,
        number: req.numberFor(row.clientId),
        issued: req.issuedDay,
        due: addDays(req.issuedDay, terms.paymentTermsDays),
        terms,
        lines,
        subtotalCents: subtotal,
        taxCents: tax,
        totalCents: subtotal + tax,
      };
    });
}
