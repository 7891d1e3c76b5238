import * as z from 'zod/mini';
import { defineTab } from '../tab-spec';
import { requiredText, text } from '../cells';

const DAY_NOTE = 'Open hours that day in the calendar’s time zone: 08:00-17:00, several as 09:00-12:00, 13:00-18:00, or closed, or 24h.';

export const CalendarsTab = defineTab({
  name: 'Calendars',
  purpose: 'Business calendars: weekly open hours in a time zone. SLA deadlines count only open time.',
  key: 'Calendar ID',
  problems: true,
  schema: z.object({
    'Calendar ID': requiredText('Calendar ID'),
    'Time zone': requiredText('Time zone'),
    Mon: text,
    Tue: text,
    Wed: text,
    Thu: text,
    Fri: text,
    Sat: text,
    Sun: text,
    Source: text,
    Problems: text,
  }),
  columns: {
    'Calendar ID': { note: 'A short name used by Clients, Holidays and SLA Policies (e.g. MT-8-5).', width: 110 },
    'Time zone': { note: 'An IANA time zone such as America/Denver or Europe/London.', width: 150 },
    Mon: { note: DAY_NOTE, format: 'text', width: 110 },
    Tue: { note: DAY_NOTE, format: 'text', width: 110 },
    Wed: { note: DAY_NOTE, format: 'text', width: 110 },
    Thu: { note: DAY_NOTE, format: 'text', width: 110 },
    Fri: { note: DAY_NOTE, format: 'text', width: 110 },
    Sat: { note: DAY_NOTE, format: 'text', width: 110 },
    Sun: { note: DAY_NOTE, format: 'text', width: 110 },
    Source: {
      note: 'Which document this row comes from (the service description a seeded row was taken from); blank for rows you add.',
      width: 320,
    },
    Problems: { note: 'Filled by the automation when the row cannot be used, with the reason.', owner: 'automation', width: 260 },
  },
});
