import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { oneOf, preprocess, requiredText, text } from '../cells';
import { COUNTS_TOWARD, TOUCH_KINDS } from '../../core/types/vocab';

export const ActivitiesTab = defineTab({
  name: 'Activities',
  purpose: 'What kinds of work are logged, and whether each counts against the client’s contracted hours.',
  key: 'Activity',
  problems: true,
  needs: { hours: ['Activity', 'Counts toward contract'], billing: ['Activity', 'Counts toward contract'] },
  schema: z.object({
    Activity: requiredText('Activity'),
    'Counts toward contract': oneOf(COUNTS_TOWARD, 'Counts toward contract'),
    Touch: preprocess(
      (v) =>
        v === '' || v === null || v === undefined
          ? null
          : (TOUCH_KINDS.find((k) => k.toLowerCase() === String(v).trim().toLowerCase()) ?? String(v)),
      z.nullable(z.enum(TOUCH_KINDS, { error: `Touch must be blank or one of: ${TOUCH_KINDS.join(', ')}` })),
    ),
    Rule: text,
    Source: text,
    Problems: text,
  }),
  columns: {
    Activity: { note: 'The activity name CSMs pick in the Hours tab.', width: 200 },
    'Counts toward contract': {
      note: 'Yes, No, or Unless bug (excluded when the ticket’s Reason is Bug).',
      vocab: COUNTS_TOWARD,
      width: 150,
    },
    Touch: {
      note: 'Whether logging this activity for a client counts as engaging with them, and as what: Touch (a CSM call, training …), Kick-off, Monthly review, QBR or Annual review. Blank = not a touch.',
      vocab: TOUCH_KINDS,
      width: 130,
    },
    Rule: { note: 'The contract wording behind the rule.', width: 420 },
    Source: {
      note: 'Which document this row comes from (the service description a seeded row was taken from); blank for rows you add.',
      width: 320,
    },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
