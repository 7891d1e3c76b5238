import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { requiredText, text, preprocess } from '../cells';

export const HolidaysTab = defineTab({
  name: 'Holidays',
  purpose: 'Dates a calendar is closed, or open with other hours (e.g. a half day).',
  problems: true,
  schema: z.object({
    'Calendar ID': requiredText('Calendar ID'),
    Date: preprocess((v) => (v === '' ? undefined : v), z.date({ error: 'Date must be a date' })),
    Name: text,
    'Open hours': text,
    Source: text,
    Problems: text,
  }),
  columns: {
    'Calendar ID': { note: 'Which calendar the holiday belongs to.', width: 110 },
    Date: { note: 'The local date of the holiday in the calendar’s time zone.', format: 'date', width: 110 },
    Name: { note: 'What the day is.', width: 200 },
    'Open hours': {
      note: 'Blank = closed all day; or the hours that replace the day’s usual hours, e.g. 08:00-12:00.',
      format: 'text',
      width: 120,
    },
    Source: {
      note: 'Which document this row comes from (the service description a seeded row was taken from); blank for rows you add.',
      width: 320,
    },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
