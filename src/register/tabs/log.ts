import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { instant, text } from '../cells';

const A = 'automation' as const;

export const LogTab = defineTab({
  name: 'Log',
  purpose: 'Everything the automation did or refused to do, newest at the bottom.',
  schema: z.object({
    At: instant,
    Job: text,
    Action: text,
    'Ticket ID': text,
    'Client ID': text,
    Detail: text,
  }),
  columns: {
    At: { note: 'When.', owner: A, format: 'datetime', width: 140 },
    Job: { note: 'Which job (setup, ingest, sweep, billing, edit).', owner: A, width: 80 },
    Action: { note: 'What happened.', owner: A, width: 160 },
    'Ticket ID': { note: 'The ticket concerned, if any.', owner: A, width: 95 },
    'Client ID': { note: 'The client concerned, if any.', owner: A, width: 90 },
    Detail: { note: 'The details, in words.', owner: A, width: 480 },
  },
});
