import { DateTime } from 'luxon';
import type { Emulator } from '../../src/local/emulator';
import { inSandbox } from '../support/emulator';

/** A date-only cell: local midnight in the sheet's zone (America/Denver by default). */
export const day = (iso: string, zone = 'America/Denver') => ({ $date: DateTime.fromISO(iso, { zone }).toMillis() });
/** A date-time cell. */
export const at = (iso: string, zone = 'America/Denver') => ({ $date: DateTime.fromISO(iso, { zone }).toMillis() });

type Cell = string | number | boolean | { $date: number };

/** Appends rows to a tab by header, through setValues as a person pasting them would. */
export function fill(em: Emulator, tab: string, records: readonly Record<string, Cell>[]): void {
  if (records.length === 0) return;
  inSandbox(
    em,
    `
    var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(tab)});
    var header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
    var records = ${JSON.stringify(records)};
    var rows = records.map(function (r) {
      return header.map(function (h) {
        var v = r[h];
        if (v && typeof v === 'object' && v.$date !== undefined) return new Date(v.$date);
        return v === undefined ? '' : v;
      });
    });
    sh.getRange(sh.getLastRow() + 1, 1, rows.length, header.length).setValues(rows);
  `,
  );
}

/** Sets one cell of the row whose `keyHeader` is `key`. */
export function setCell(em: Emulator, tab: string, keyHeader: string, key: string, header: string, value: Cell): void {
  inSandbox(
    em,
    `
    var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(tab)});
    var values = sh.getDataRange().getValues();
    var k = values[0].indexOf(${JSON.stringify(keyHeader)}), c = values[0].indexOf(${JSON.stringify(header)});
    var v = ${JSON.stringify(value)};
    if (v && typeof v === 'object') v = new Date(v.$date);
    for (var r = 1; r < values.length; r++) if (String(values[r][k]) === ${JSON.stringify(key)}) { sh.getRange(r + 1, c + 1).setValue(v); return; }
    throw new Error('no row ' + ${JSON.stringify(key)});
  `,
  );
}

export function setSetting(em: Emulator, key: string, value: Cell): void {
  setCell(em, 'Settings', 'Key', key, 'Value', value);
}

/** Rows of a tab as header → value records (Dates as host Dates). */
export function records(em: Emulator, tab: string): Record<string, unknown>[] {
  const [header, ...rows] = em.workbook.sheetValues(tab);
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}

/**
 * Three clients on different contracts, tickets, and a month of hours (October 2026)
 * including rows that must be refused.
 */
export function octoberRegister(em: Emulator): void {
  em.call('setup');
  setSetting(em, 'Finance email', 'finance@helpdesk.test');
  fill(em, 'Clients', [
    {
      'Client ID': 'ACME',
      Name: 'Acme Outfitters',
      Plan: 'CSM',
      Edition: 'Enterprise',
      'Monthly hours': 6,
      'CSM email': 'dana@helpdesk.test',
      'Finance email': 'ap@acme.test',
      Status: 'Active',
    },
    {
      'Client ID': 'BETA',
      Name: 'Beta Bikes',
      Plan: 'Professional',
      Edition: 'Other',
      'Monthly hours': 10,
      'Hourly rate': 150,
      'CSM email': 'lee@helpdesk.test',
      Status: 'Active',
    },
    {
      'Client ID': 'GAMMA',
      Name: 'Gamma Gear',
      Plan: 'CSM',
      Edition: 'Other',
      'Monthly hours': 8,
      'CSM email': 'dana@helpdesk.test',
      Status: 'Active',
      'Contract start': day('2026-10-15'),
    },
  ]);
  fill(em, 'Tickets', [
    {
      'Ticket ID': 'T-000001',
      'Client ID': 'ACME',
      Subject: 'Sync broken',
      Reason: 'Bug',
      Priority: 'High',
      Status: 'Open',
      'Received at': at('2026-10-02T09:00'),
      'SLA state': 'Met',
    },
    {
      'Ticket ID': 'T-000002',
      'Client ID': 'ACME',
      Subject: 'How do I export?',
      Reason: 'Question',
      Priority: 'Low',
      Status: 'Resolved',
      'Received at': at('2026-10-03T09:00'),
      'SLA state': 'Breached',
    },
    {
      'Ticket ID': 'T-000003',
      'Client ID': 'BETA',
      Subject: 'Report request',
      Reason: 'Question',
      Priority: 'Low',
      Status: 'Open',
      'Received at': at('2026-10-04T09:00'),
      'SLA state': 'Met',
    },
  ]);
  const h = (d: Cell, client: string, person: string, activity: string, hours: string | number, more: Record<string, Cell> = {}) => ({
    Date: d,
    'Client ID': client,
    Person: person,
    Activity: activity,
    Hours: hours,
    ...more,
  });
  fill(em, 'Hours', [
    h(day('2026-10-01'), 'ACME', 'dana@helpdesk.test', 'Status update', '1:30', { Notes: 'INTERNAL: client is unhappy with pricing' }),
    h(day('2026-10-06'), 'ACME', 'dana@helpdesk.test', 'Troubleshooting', 3, { 'Ticket ID': 'T-000001' }),
    h(day('2026-10-07'), 'ACME', 'dana@helpdesk.test', 'Troubleshooting', '90m', { 'Ticket ID': 'T-000002' }),
    h(day('2026-10-08'), 'ACME', 'sam@helpdesk.test', 'Account review', 2, { 'Required attendee': 'No' }),
    h(day('2026-10-08'), 'ACME', 'dana@helpdesk.test', 'Account review', 2),
    h(day('2026-10-09'), 'ACME', 'dana@helpdesk.test', 'Training', '2.1'),
    h(at('2026-10-31T22:30'), 'ACME', 'dana@helpdesk.test', 'Reporting', 0.5), // last evening of the month, provider zone
    h(at('2026-11-01T00:30'), 'ACME', 'dana@helpdesk.test', 'Reporting', 0.25), // already November
    h(day('2026-10-10'), 'BETA', 'lee@helpdesk.test', 'Strategic planning', 4),
    h(day('2026-10-11'), 'BETA', 'lee@helpdesk.test', 'Product troubleshooting', 5),
    h(day('2026-10-20'), 'GAMMA', 'dana@helpdesk.test', 'Help desk request', 5),
    h(day('2026-10-12'), 'NOPE', 'dana@helpdesk.test', 'Reporting', 1),
    h(day('2026-10-13'), 'BETA', 'lee@helpdesk.test', 'Troubleshooting', 1, { 'Ticket ID': 'T-000001' }),
    h(day('2026-10-14'), 'BETA', 'lee@helpdesk.test', 'Lunch', 1),
    h(day('2026-10-15'), 'BETA', 'lee@helpdesk.test', 'Reporting', -1),
    h(day('2026-10-16'), 'BETA', 'lee@helpdesk.test', 'Reporting', 14),
    h(day('2026-10-16'), 'GAMMA', 'lee@helpdesk.test', 'Reporting', 11),
    h(day('2026-11-20'), 'ACME', 'dana@helpdesk.test', 'Reporting', 1),
  ]);
}
