import { providerHolidays } from '../../core/holidays/provider-holidays';

/**
 * Reference rows a new register starts with, taken from the seed service descriptions:
 * the provider's business hours (Mon–Fri 8am–5pm Mountain Time) and holidays, the
 * support response matrix, the activities that do or do not count against contracted
 * hours, and the two escalation paths (CSM → Director → VP, CSM → COO → CEO).
 */
type Row = Readonly<Record<string, string | number | Date>>;

/** The seed documents, as a row's Source cell names them. */
const ASCENT360 = 'Ascent360 Service and Support Overview';
const ADVENDIO = 'ADvendio Support Team Process';
const ESSENSYS = 'essensys Service Description – Customer Success';
const ONBOARDING = 'Ascent360 Client Onboarding & Support Model';

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
      Source: `${ASCENT360}: business hours Monday through Friday, 8am to 5pm Mountain Time${zone === SEED_ZONE ? '' : ` (here in ${zone}, the spreadsheet's zone)`}.`,
    },
    {
      'Calendar ID': '24x7',
      'Time zone': zone,
      Mon: '24h',
      Tue: '24h',
      Wed: '24h',
      Thu: '24h',
      Fri: '24h',
      Sat: '24h',
      Sun: '24h',
      Source: `${ASCENT360}: 24/7 monitoring of production servers. No seeded policy uses it: after-hours requests are reviewed the next business day.`,
    },
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
    providerHolidays(y).map((h) => ({
      'Calendar ID': id,
      Date: toDate(h.date),
      Name: h.name,
      'Open hours': h.open,
      Source: `${ASCENT360}, Appendix A – Holidays Observed (the 2020 list, carried to ${y} by the same rule).`,
    })),
  );
}

/**
 * The seeds give one response-time matrix, the same for every plan (Ascent360: Critical
 * "proactively monitored: updates within 2 business hours", High 4, Medium 8, Low 8
 * business hours), and no resolution target anywhere: essensys aims to fix problems "according
 * to the timescales set out in Schedule 2", which the seeds do not include. So every plan,
 * Enterprise too, gets the matrix, and Resolution is left blank with a Source saying why,
 * rather than a number no document gives.
 */
export function slaPolicyRows(): Row[] {
  const rows: Row[] = [];
  const matrix = `${ASCENT360}, Support Response Time Matrix`;
  const noResolution = `Resolution: no seed gives one (the ${ESSENSYS} aims to fix problems per its Schedule 2 timescales, which are not included); fill in from your contract.`;
  const add = (plan: string, priority: string, first: number, update: number | '', why: string) =>
    rows.push({
      Plan: plan,
      Priority: priority,
      'First response (h)': first,
      'Next update (h)': update,
      'Resolution (h)': '',
      Calendar: '',
      'At risk at (%)': '',
      Source: `${matrix}: ${why}. ${noResolution} At risk at: blank = the product's 80% (no seed sets one).`,
    });
  for (const plan of ['Standard', 'CSM', 'Professional', 'Enterprise']) {
    add(plan, 'Critical', 2, 2, 'Critical, proactively monitored, updates within 2 business hours');
    add(plan, 'High', 4, '', 'High, 4 business hours');
    add(plan, 'Medium', 8, '', 'Medium, 8 business hours');
    add(plan, 'Low', 8, '', 'Low, 8 business hours');
  }
  return rows;
}

export function activityRows(): Row[] {
  const source = `${ASCENT360}, Support Inclusions and Exclusions`;
  const yes = (a: string, rule: string, touch = '', from = source) => ({
    Activity: a,
    'Counts toward contract': 'Yes',
    Touch: touch,
    Rule: rule,
    Source: from,
  });
  const touchNote = `; as a touch: ${ONBOARDING}, "Regular phone calls with your CSM"`;
  return [
    yes('Status update', 'Status calls and updates count against contracted hours.', 'Touch', `${source}${touchNote}`),
    yes(
      'Account review',
      'Account reviews and incremental meetings count.',
      'Monthly review',
      `${source}; as the monthly review: ${ASCENT360}, open requests "jointly reviewed … not less frequently than monthly"`,
    ),
    yes('Strategic planning', 'Strategic planning and recommendations count.', 'Touch', `${source}${touchNote}`),
    yes('Help desk request', 'Help desk requests count.'),
    yes('Reporting', 'Reporting requests count.'),
    yes('Enhancement management', 'New features and enhancements are first charged against contracted hours.'),
    yes('Training', 'Supplemental training counts.', 'Touch', `${source}; training with the CSM is an interaction`),
    {
      Activity: 'Kick-off call',
      'Counts toward contract': 'No',
      Touch: 'Kick-off',
      Rule: 'Part of the implementation the contract includes: 1 to 2 days after contract signature.',
      Source: `${ONBOARDING}, Implementation Management. Counts toward contract: the product's reading (implementation is part of onboarding, not support hours).`,
    },
    yes(
      'Quarterly business review',
      'Account reviews and incremental meetings count.',
      'QBR',
      `${ESSENSYS}, Customer Success Engagement (Enterprise editions); counting: ${source}`,
    ),
    yes(
      'Annual account review',
      'A 1 to 4 hour deep dive into performance and planning.',
      'Annual review',
      `${ONBOARDING}, Professional Services`,
    ),
    {
      Activity: 'Troubleshooting',
      'Counts toward contract': 'Unless bug',
      Rule: 'Not deducted if a bug is identified; deducted if it is a user error, training gap, or no bug is found.',
      Source: `${ASCENT360}: "time spent troubleshooting a client inquiry that is ultimately not a bug/defect" counts`,
    },
    {
      Activity: 'Product troubleshooting',
      'Counts toward contract': 'No',
      Rule: 'Product troubleshooting, reported by or for the benefit of the client, is excluded.',
      Source: source,
    },
    {
      Activity: 'Server monitoring',
      'Counts toward contract': 'No',
      Rule: 'Server monitoring and performance troubleshooting are excluded.',
      Source: `${ASCENT360}, Items Covered by Client's Monthly Fees`,
    },
  ];
}

/**
 * What each plan and edition includes, from the service descriptions: essensys's Customer
 * Success Engagement table (Enterprise editions: CSM, QBR, incident and monthly reporting;
 * Other edition: none) and Ascent360's plans (Client Support for all clients; the CSM
 * option with "8+ hours of monthly CSM support", regular calls and a monthly joint review;
 * Professional Services adding the annual account review). Plan Enterprise is not
 * described by any seed and is left out.
 */
export function entitlementRows(): Row[] {
  const none = {
    CSM: 'No',
    QBR: 'No',
    'Monthly review': 'No',
    'Annual review': 'No',
    'Incident reporting': 'No',
    'Monthly reporting': 'No',
  };
  return [
    {
      'Applies to': 'Edition Enterprise',
      ...none,
      CSM: 'Yes',
      QBR: 'Yes',
      'Incident reporting': 'Yes',
      'Monthly reporting': 'Yes',
      'Min monthly hours': '',
      Source: `${ESSENSYS}, 1.2.1 Customer Success Engagement: Enterprise Editions`,
    },
    {
      'Applies to': 'Edition Other',
      ...none,
      'Min monthly hours': '',
      Source: `${ESSENSYS}, 1.2.1 Customer Success Engagement: Other Edition`,
    },
    {
      'Applies to': 'Plan Standard',
      ...none,
      'Min monthly hours': '',
      Source: `${ONBOARDING}, Client Support (standard for all clients, no CSM)`,
    },
    {
      'Applies to': 'Plan CSM',
      ...none,
      CSM: 'Yes',
      'Monthly review': 'Yes',
      'Min monthly hours': '',
      Source: `${ASCENT360}: a CSM for clients with "8+ hours of monthly CSM support" (blank = Settings → CSM minimum monthly hours; ${ONBOARDING} speaks of 6); monthly joint review of open requests`,
    },
    {
      'Applies to': 'Plan Professional',
      ...none,
      CSM: 'Yes',
      'Monthly review': 'Yes',
      'Annual review': 'Yes',
      'Min monthly hours': '',
      Source: `${ONBOARDING}, Professional Services: Client Success Management "PLUS" custom support and Annual Account Reviews`,
    },
  ];
}

/**
 * The two seeded matrices: tiers and titles from Ascent360's Communication Matrix and
 * ADvendio's Support Escalation Path. Names and e-mails are each team's own (the seeds say
 * they are "provided by each side"), so they are blank. Neither seed says when a slipping
 * target escalates (both matrices are for the client to use), so When is the product's own
 * default, and the Source says so.
 */
export function escalationRows(): Row[] {
  const when = "When: the product's default; the seed gives no timing.";
  const a = `${ASCENT360}, Communication Matrix. ${when}`;
  const v = `${ADVENDIO}, Support Escalation Path. ${when}`;
  return [
    { Matrix: 'CSM-Director-VP', Tier: 1, Title: 'Client Success Manager', Name: '', Email: '', When: 'at risk', Source: a },
    { Matrix: 'CSM-Director-VP', Tier: 2, Title: 'Director Client Success', Name: '', Email: '', When: 'breached', Source: a },
    { Matrix: 'CSM-Director-VP', Tier: 3, Title: 'VP Client Success', Name: '', Email: '', When: 'breached + 4 h', Source: a },
    { Matrix: 'CSM-COO-CEO', Tier: 1, Title: 'Customer Success Manager', Name: '', Email: '', When: 'at risk', Source: v },
    { Matrix: 'CSM-COO-CEO', Tier: 2, Title: 'COO - Chief Operating Officer', Name: '', Email: '', When: 'breached', Source: v },
    { Matrix: 'CSM-COO-CEO', Tier: 3, Title: 'CEO - Chief Executive Officer', Name: '', Email: '', When: 'breached + 8 h', Source: v },
  ];
}
