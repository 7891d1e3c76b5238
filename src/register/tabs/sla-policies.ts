import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { oneOf, optionalNumber, requiredText, text, preprocess } from '../cells';
import { PRIORITIES } from '../../core/types/vocab';
import { PolicyError, parseTargetCell } from '../../core/sla/policy';

/**
 * A target cell: business hours (`4`, `0.5`) or business days (`2 business days`, as ADvendio's
 * plans state some targets); blank = no target. The value is kept as typed (a number or the
 * text), and the policy reader turns it into a target; what it cannot read is the row's problem.
 */
const target = (what: string) =>
  preprocess(
    (v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : v),
    z.union([z.number(), z.string()]).check(
      z.refine((v) => {
        try {
          parseTargetCell(v, what);
          return true;
        } catch (e) {
          if (e instanceof PolicyError) return false;
          throw e;
        }
      }, `${what} must be hours (e.g. 4 or 0.5) or business days (e.g. 2 business days)`),
    ),
  );

export const SlaPoliciesTab = defineTab({
  name: 'SLA Policies',
  purpose: 'Response and resolution targets in business hours or business days, per plan and priority.',
  problems: true,
  schema: z.object({
    Plan: requiredText('Plan'),
    Priority: oneOf(PRIORITIES, 'Priority'),
    'First response (h)': target('First response (h)'),
    'Next update (h)': target('Next update (h)'),
    'Resolution (h)': target('Resolution (h)'),
    Calendar: text,
    'At risk at (%)': optionalNumber('At risk at (%)').check(
      z.refine((n) => n === null || (n > 0 && n < 100), 'At risk at (%) must be between 0 and 100'),
    ),
    Source: text,
    Problems: text,
  }),
  columns: {
    Plan: { note: 'The client plan this row applies to (Clients → Plan).', width: 110 },
    Priority: {
      note: 'The priority level, in the team’s names (Settings → Priority names).',
      vocab: PRIORITIES,
      levelNames: true,
      width: 90,
    },
    'First response (h)': {
      note: 'Business hours from receipt to the first staff reply (4, 0.5), or business days (2 business days: the same time of day two open days later).',
      format: 'hours',
      width: 130,
    },
    'Next update (h)': {
      note: 'Business hours (or business days) between staff updates while the ticket is open; blank = no update target.',
      format: 'hours',
      width: 120,
    },
    'Resolution (h)': {
      note: 'Business hours (or business days, e.g. 2 business days) from receipt to Resolved, not counting time Waiting on customer; blank = no target.',
      format: 'hours',
      width: 120,
    },
    Calendar: { note: 'Calendar whose open hours count; blank = the client’s calendar (e.g. a 24h calendar for Critical).', width: 100 },
    'At risk at (%)': { note: 'A target is At risk once this share of it has passed (blank = 80).', format: 'number', width: 110 },
    Source: {
      note: 'Which document this row comes from (the service description a seeded row was taken from); blank for rows you add.',
      width: 320,
    },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
