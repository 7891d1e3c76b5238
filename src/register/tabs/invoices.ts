import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { optionalNumber, text, preprocess } from '../cells';

const A = 'automation' as const;

/** Draft: a Draft close's preview; Issued: numbered by a Final close; Paid / Void: set by finance. */
export const INVOICE_STATUSES = ['Draft', 'Issued', 'Paid', 'Void'] as const;

export const InvoicesTab = defineTab({
  name: 'Invoices',
  purpose:
    'One invoice per client and month with an amount due. A Final close numbers them (numbers are never reused or changed); a Draft close shows "(draft)". Finance sets Paid or Void by hand; a voided invoice keeps its number, which is never given again.',
  schema: z.object({
    'Invoice number': text,
    'Client ID': text,
    Month: text,
    Issued: text,
    Due: text,
    Currency: text,
    Amount: optionalNumber('Amount'),
    Status: preprocess((v) => (v === '' || v === null || v === undefined ? 'Draft' : String(v).trim()), z.enum(INVOICE_STATUSES)),
    'Sent to': text,
    PDF: text,
    Notes: text,
  }),
  columns: {
    'Invoice number': {
      note: 'From the Settings sequence, given on a Final close; "(draft)" until then. Never reused.',
      owner: A,
      format: 'text',
      width: 130,
    },
    'Client ID': { note: 'The client billed.', owner: A, width: 90 },
    Month: { note: 'The month billed (YYYY-MM).', owner: A, format: 'text', width: 80 },
    Issued: { note: 'Issue date (YYYY-MM-DD, the day the month was closed).', owner: A, format: 'text', width: 95 },
    Due: { note: 'Issue date plus the client’s payment terms.', owner: A, format: 'text', width: 95 },
    Currency: { note: 'Invoice currency.', owner: A, width: 70 },
    Amount: {
      note: 'Total including tax; negative for a credit note. Equals the billing tab’s Due when no tax is charged.',
      owner: A,
      format: 'number',
      width: 100,
    },
    Status: { note: 'Draft, Issued (set by the automation), Paid or Void (set by finance).', vocab: INVOICE_STATUSES, width: 80 },
    'Sent to': { note: 'The Finance email the Gmail draft is addressed to (never sent automatically).', owner: A, width: 200 },
    PDF: { note: 'The PDF file attached to the draft.', owner: A, width: 170 },
    Notes: { note: 'Free text; the automation adds why a number was replaced.', width: 260 },
  },
});
