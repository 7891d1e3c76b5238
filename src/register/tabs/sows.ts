import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { money, oneOf, optionalNumber, preprocess, requiredText, text } from '../cells';
import { SOW_STATUSES } from '../../core/billing/sow';

/** Statements of work (issue 16, item 9): time-and-materials work billed in full, apart from contracted hours. */
export const SowsTab = defineTab({
  name: 'SOWs',
  purpose:
    'Statements of work: extra work billed as time and materials. Hours whose SOW ID names a Signed (or Done) SOW are billed in full at its rate in the month worked, never against contracted hours; hours on an SOW not signed yet are held.',
  key: 'SOW ID',
  schema: z.object({
    'SOW ID': requiredText('SOW ID'),
    'Client ID': requiredText('Client ID'),
    Title: text,
    Status: oneOf(SOW_STATUSES, 'Status', 'Proposed'),
    'Estimate (h)': optionalNumber('Estimate (h)').check(z.refine((n) => n === null || n >= 0, 'Estimate (h) cannot be negative')),
    Rate: money('Rate').check(z.refine((n) => n === null || n >= 0, 'Rate cannot be negative')),
    'Signed at': preprocess((v) => (v === '' ? null : v), z.nullable(z.date({ error: 'Signed at is not a date' }))),
    Notes: text,
  }),
  columns: {
    'SOW ID': { note: 'A short unique code (e.g. SOW-001); typed in the Hours tab’s SOW ID column.', width: 100 },
    'Client ID': { note: 'The client the work is for.', pick: { tab: 'Clients', header: 'Client ID' }, width: 90 },
    Title: { note: 'What the work is (shown on the billing tab and the invoice).', outside: true, width: 220 },
    Status: {
      note: 'Proposed → Approved (the client approved the estimate) → Signed (the client signed: its hours are billed) → Done; or Declined.',
      vocab: SOW_STATUSES,
      width: 100,
    },
    'Estimate (h)': { note: 'Estimated hours, shown against the actual hours on the billing tab.', format: 'hours', width: 100 },
    Rate: { note: 'Hourly rate in dollars; blank = the client’s Hourly rate.', format: 'money', width: 90 },
    'Signed at': { note: 'When the client signed.', format: 'date', width: 100 },
    Notes: { note: 'Free text.', width: 260 },
  },
});
