import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { optionalEmail, optionalNumber, requiredText, text } from '../cells';

export const EscalationTab = defineTab({
  name: 'Escalation',
  purpose: 'Escalation matrices: who is told, and when, as a ticket’s target slips. Each tier is told once per ticket and target.',
  problems: true,
  schema: z.object({
    Matrix: requiredText('Matrix'),
    Tier: optionalNumber('Tier').check(z.refine((n) => n !== null && Number.isInteger(n) && n >= 1, 'Tier must be a whole number from 1')),
    Title: text,
    Name: text,
    Email: optionalEmail('Email'),
    When: requiredText('When'),
    Source: text,
    Problems: text,
  }),
  columns: {
    Matrix: { note: 'The matrix name a client picks in Clients → Escalation matrix.', width: 140 },
    Tier: { note: '1, 2, 3…: tiers are told in this order.', format: 'number', width: 60 },
    Title: { note: 'E.g. Client Success Manager, Director Client Success, VP Client Success.', width: 200 },
    Name: { note: 'Who holds the tier.', width: 160 },
    Email: { note: 'Where the notice goes; blank = the client’s CSM email.', width: 200 },
    When: { note: '"at risk", "breached", or "breached + N h" (N business hours after the breach).', width: 150 },
    Source: {
      note: 'Which document this row comes from (the service description a seeded row was taken from); blank for rows you add.',
      width: 320,
    },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
