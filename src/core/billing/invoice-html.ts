/**
 * The invoice document as one self-contained HTML page (no scripts, no remote assets), so
 * the same text becomes the PDF in Apps Script (an HTML blob converted to PDF) and in the
 * emulator's renderer.
 */
import type { Invoice } from './invoice';
import { formatMoney, formatRate } from './money';
import { escapeHtml, hoursText } from './render-text';

export interface Provider {
  readonly name: string;
  readonly address: string;
}

const lines = (text: string): string => text.split(/\r?\n/).map(escapeHtml).join('<br>');
const inCurrency = (text: string, currency: string): string =>
  `${text.replace('$', currency === 'USD' ? '$' : '')}${currency === 'USD' ? '' : ` ${escapeHtml(currency)}`}`;
const money = (cents: number, currency: string): string => inCurrency(formatMoney(cents), currency);

export function invoiceHtml(inv: Invoice, provider: Provider): string {
  const cur = inv.terms.currency;
  const rows = inv.lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.description)}<div class="ref">${escapeHtml(l.reference)}</div></td>` +
        `<td class="n">${l.minutes === null ? '' : hoursText(l.minutes)}</td>` +
        `<td class="n">${l.rateMicros === null ? '' : inCurrency(formatRate(l.rateMicros), cur)}</td>` +
        `<td class="n">${money(l.amountCents, cur)}</td></tr>`,
    )
    .join('');
  const taxRow =
    inv.terms.taxRateBp === null
      ? ''
      : `<tr><td colspan="3">Tax ${(inv.terms.taxRateBp / 100).toFixed(2)}%</td><td class="n">${money(inv.taxCents, cur)}</td></tr>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Invoice ${escapeHtml(inv.number)}</title><style>
body{font-family:Helvetica,Arial,sans-serif;font-size:11pt;margin:32px;color:#222}
h1{font-size:20pt;margin:0 0 16px}table{border-collapse:collapse;width:100%}
th,td{padding:6px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}.n{text-align:right}
.ref{color:#777;font-size:8pt}.meta td{border:none;padding:2px 6px}.total td{font-weight:bold}
</style></head><body>
<h1>Invoice ${escapeHtml(inv.number)}</h1>
<table class="meta"><tr><td><b>${escapeHtml(provider.name)}</b><br>${lines(provider.address)}</td>
<td><b>Bill to</b><br>${escapeHtml(inv.clientName)}<br>${lines(inv.terms.billingAddress)}${inv.terms.poNumber ? `<br>PO ${escapeHtml(inv.terms.poNumber)}` : ''}</td>
<td>Issued ${escapeHtml(inv.issued)}<br>Due ${escapeHtml(inv.due)}<br>Period ${escapeHtml(inv.month)}</td></tr></table>
<br><table><tr><th>Description</th><th class="n">Hours</th><th class="n">Rate</th><th class="n">Amount</th></tr>${rows}
<tr><td colspan="3">Subtotal</td><td class="n">${money(inv.subtotalCents, cur)}</td></tr>${taxRow}
<tr class="total"><td colspan="3">Total</td><td class="n">${money(inv.totalCents, cur)}</td></tr></table>
<p>Payment terms: ${inv.terms.paymentTermsDays} days (due ${escapeHtml(inv.due)}).${inv.totalCents < 0 ? ' This is a credit note: the amount is owed to you.' : ''}</p>
</body></html>`;
}
