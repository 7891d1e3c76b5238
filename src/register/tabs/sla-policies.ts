import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { oneOf, optionalNumber, requiredText, text } from '../cells';
import { PRIORITIES } from '../../core/types/vocab';

const positiveHours = (what: string) => optionalNumber(what).check(z.refine((n) => n === null || n > 0, `${what} must be more than 0`));

export const SlaPoliciesTab = defineTab({
  name: 'SLA Policies',
  purpose: 'Response and resolution targets in business hours, per plan and priority.',
  problems: true,
  schema: z.object({
    Plan: requiredText('Plan'),
    Priority: oneOf(PRIORITIES, 'Priority'),
    'First response (h)': positiveHours('First response (h)'),
    'Next update (h)': positiveHours('Next update (h)'),
    'Resolution (h)': positiveHours('Resolution (h)'),
    Calendar: text,
    'At risk at (%)': optionalNumber('At risk at (%)').check(
      z.refine((n) => n === null || (n > 0 && n < 100), 'At risk at (%) must be between 0 and 100'),
    ),
    Problems: text,
  }),
  columns: {
    Plan: { note: 'The client plan this row applies to (Clients → Plan).', width: 110 },
    Priority: { note: 'Ticket priority.', vocab: PRIORITIES, width: 90 },
    'First response (h)': { note: 'Business hours from receipt to the first staff reply.', format: 'hours', width: 130 },
    'Next update (h)': {
      note: 'Business hours between staff updates while the ticket is open; blank = no update target.',
      format: 'hours',
      width: 120,
    },
    'Resolution (h)': {
      note: 'Business hours from receipt to Resolved, not counting time Waiting on customer; blank = no target.',
      format: 'hours',
      width: 120,
    },
    Calendar: { note: 'Calendar whose open hours count; blank = the client’s calendar (e.g. a 24h calendar for Critical).', width: 100 },
    'At risk at (%)': { note: 'A target is At risk once this share of it has passed (blank = 80).', format: 'number', width: 110 },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
