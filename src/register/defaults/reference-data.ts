import { providerHolidays } from '../../core/holidays/provider-holidays';

/**
 * Reference rows a new register starts with, taken from the seed service descriptions:
 * the provider's business hours (Mon–Fri 8am–5pm Mountain Time) and holidays, the
 * support response matrix, the activities that do or do not count against contracted
 * hours, and the two escalation paths (CSM → Director → VP, CSM → COO → CEO).
 */
type Row = Readonly<Record<string, string | number | Date>>;

export const DEFAULT_CALENDAR_ID = 'MT-8-5';
const SEED_ZONE = 'America/Denver';

/**
 * The business-hours calendar a new register starts with, named for its zone: the seeds'
 * MT-8-5 in Mountain Time, otherwise the zone's city (Europe/London → London-8-5), so a
 * register set up in London does not start on a calendar called Mountain Time.
 */
export function defaultCalendarId(zone: string = SEED_ZONE): string {
  if (!zone || zone === SEED_ZONE) return DEFAULT_CALENDAR_ID;
  const city = zone
    .split('/')
    .pop()!
    .replace(/[^A-Za-z0-9]+/g, '-');
  return `${city}-8-5`;
}

/** The default calendar and a 24×7 one, both in `zone` (the spreadsheet's time zone). */
export function calendarRows(zone: string = SEED_ZONE): Row[] {
  const day = '08:00-17:00';
  return [
    {
      'Calendar ID': defaultCalendarId(zone),
      'Time zone': zone,
      Mon: day,
      Tue: day,
      Wed: day,
      Thu: day,
      Fri: day,
      Sat: 'closed',
      Sun: 'closed',
    },
    { 'Calendar ID': '24x7', 'Time zone': zone, Mon: '24h', Tue: '24h', Wed: '24h', Thu: '24h', Fri: '24h', Sat: '24h', Sun: '24h' },
  ];
}

/**
 * Holidays of the default calendar for `year` and the year after. `toDate` turns YYYY-MM-DD
 * into a date cell value. The seeds' provider holidays are the only list there is, so they
 * go on the default calendar whatever its zone; a team elsewhere edits the Holidays tab.
 */
export function holidayRows(year: number, toDate: (isoDate: string) => Date, zone: string = SEED_ZONE): Row[] {
  const id = defaultCalendarId(zone);
  return [year, year + 1].flatMap((y) =>
    providerHolidays(y).map((h) => ({ 'Calendar ID': id, Date: toDate(h.date), Name: h.name, 'Open hours': h.open })),
  );
}

export function slaPolicyRows(): Row[] {
  const rows: Row[] = [];
  const add = (plan: string, priority: string, first: number, update: number | '', resolution: number | '', calendar = '') =>
    rows.push({
      Plan: plan,
      Priority: priority,
      'First response (h)': first,
      'Next update (h)': update,
      'Resolution (h)': resolution,
      Calendar: calendar,
      'At risk at (%)': 75,
    });
  // The seed's Support Response Time Matrix: Critical "proactively monitored: updates within
  // 2 business hours", High 4, Medium 8, Low 8 business hours.
  for (const plan of ['Standard', 'CSM', 'Professional']) {
    add(plan, 'Critical', 2, 2, '');
    add(plan, 'High', 4, '', '');
    add(plan, 'Medium', 8, '', '');
    add(plan, 'Low', 8, '', '');
  }
  // Enterprise: a production outage is watched around the clock (24/7 monitoring in the seed).
  add('Enterprise', 'Critical', 2, 2, 24, '24x7');
  add('Enterprise', 'High', 4, '', 40);
  add('Enterprise', 'Medium', 8, '', 80);
  add('Enterprise', 'Low', 16, '', '');
  return rows;
}

export function activityRows(): Row[] {
  const yes = (a: string, rule: string) => ({ Activity: a, 'Counts toward contract': 'Yes', Rule: rule });
  return [
    yes('Status update', 'Status calls and updates count against contracted hours.'),
    yes('Account review', 'Account reviews and incremental meetings count.'),
    yes('Strategic planning', 'Strategic planning and recommendations count.'),
    yes('Help desk request', 'Help desk requests count.'),
    yes('Reporting', 'Reporting requests count.'),
    yes('Enhancement management', 'New features and enhancements are first charged against contracted hours.'),
    yes('Training', 'Supplemental training counts.'),
    {
      Activity: 'Troubleshooting',
      'Counts toward contract': 'Unless bug',
      Rule: 'Not deducted if a bug is identified; deducted if it is a user error, training gap, or no bug is found.',
    },
    {
      Activity: 'Product troubleshooting',
      'Counts toward contract': 'No',
      Rule: 'Product troubleshooting, reported by or for the benefit of the client, is excluded.',
    },
    {
      Activity: 'Server monitoring',
      'Counts toward contract': 'No',
      Rule: 'Server monitoring and performance troubleshooting are excluded.',
    },
  ];
}

export function escalationRows(): Row[] {
  return [
    { Matrix: 'CSM-Director-VP', Tier: 1, Title: 'Client Success Manager', Name: '', Email: '', When: 'at risk' },
    { Matrix: 'CSM-Director-VP', Tier: 2, Title: 'Director Client Success', Name: '', Email: '', When: 'breached' },
    { Matrix: 'CSM-Director-VP', Tier: 3, Title: 'VP Client Success', Name: '', Email: '', When: 'breached + 4 h' },
    { Matrix: 'CSM-COO-CEO', Tier: 1, Title: 'Customer Success Manager', Name: '', Email: '', When: 'at risk' },
    { Matrix: 'CSM-COO-CEO', Tier: 2, Title: 'COO - Chief Operating Officer', Name: '', Email: '', When: 'breached' },
    { Matrix: 'CSM-COO-CEO', Tier: 3, Title: 'CEO - Chief Executive Officer', Name: '', Email: '', When: 'breached + 8 h' },
  ];
}
