import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { requiredText, text, yesNo, preprocess } from '../cells';
import { parseDuration } from '../../core/hours/duration';

export const HoursTab = defineTab({
  name: 'Hours',
  purpose: 'Time logged by CSMs against clients (and tickets). Counted and Reason are computed: what counts toward the contract and why.',
  problems: true,
  needs: {
    hours: ['Date', 'Client ID', 'Person', 'Ticket ID', 'Activity', 'Hours', 'Required attendee', 'Counted', 'Reason'],
    billing: ['Date', 'Client ID', 'Person', 'Ticket ID', 'Activity', 'Hours', 'Required attendee'],
  },
  schema: z.object({
    Date: preprocess((v) => (v === '' ? undefined : v), z.date({ error: 'Date must be a date' })),
    'Client ID': requiredText('Client ID'),
    Person: requiredText('Person'),
    'Ticket ID': text,
    'SOW ID': text,
    Activity: requiredText('Activity'),
    Hours: z.pipe(
      z.unknown(),
      z.transform((v, ctx) => {
        if (v instanceof Date) {
          // Sheets turns a typed 1:30 into a time of day unless the column is plain text.
          ctx.issues.push({
            code: 'custom',
            message:
              'Hours was read as a time of day: format the Hours column as plain text (Set up register does) and type it again, e.g. 1:30',
            input: v,
          });
          return z.NEVER;
        }
        const d = parseDuration(v);
        if (!d.ok) {
          ctx.issues.push({ code: 'custom', message: `Hours ${d.error}`, input: v });
          return z.NEVER;
        }
        if (d.minutes <= 0) {
          ctx.issues.push({ code: 'custom', message: 'Hours must be more than 0', input: v });
          return z.NEVER;
        }
        if (d.minutes > 24 * 60) {
          ctx.issues.push({ code: 'custom', message: 'Hours cannot exceed 24 in one row', input: v });
          return z.NEVER;
        }
        return d.minutes / 60;
      }),
    ),
    'Required attendee': yesNo(true),
    Counted: text,
    Reason: text,
    Notes: text,
    Problems: text,
  }),
  columns: {
    Date: { note: 'The day the work was done.', format: 'date', width: 100 },
    'Client ID': { note: 'The client the time is for.', pick: { tab: 'Clients', header: 'Client ID' }, width: 90 },
    Person: { note: 'Who did the work (mail address or name).', width: 170 },
    'Ticket ID': { note: 'Optional: the ticket the time belongs to (its Reason decides troubleshooting).', width: 95 },
    'SOW ID': {
      note: 'Optional: the statement of work the time is for (SOWs tab). Signed: billed in full at the SOW rate, not against contracted hours; not signed yet: held.',
      pick: { tab: 'SOWs', header: 'SOW ID' },
      width: 90,
    },
    Activity: { note: 'From the Activities tab.', pick: { tab: 'Activities', header: 'Activity' }, width: 170 },
    Hours: { note: 'Duration: 1.5, 1:30 or 90m (plain text, so Sheets does not turn 1:30 into a time).', format: 'text', width: 70 },
    'Required attendee': { note: 'No = an extra meeting attendee who was not required: not counted.', vocab: ['Yes', 'No'], width: 120 },
    Counted: { note: 'Hours counted toward the contract (computed).', owner: 'automation', format: 'hours', width: 80 },
    Reason: { note: 'Why the time counts or not (computed).', owner: 'automation', width: 260 },
    Notes: { note: 'Free text.', width: 260 },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
