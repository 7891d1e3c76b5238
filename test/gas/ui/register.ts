import { DateTime } from 'luxon';
import type { Emulator } from '../../../src/local/emulator';
import { inSandbox } from '../../support/emulator';

/** A date-time or date-only cell in the sheet's zone (America/Denver). */
export const at = (iso: string) => ({ $date: DateTime.fromISO(iso, { zone: 'America/Denver' }).toMillis() });

type Cell = string | number | boolean | { $date: number };

/** Appends rows to a tab by header, as a person pasting them would (one setValues). */
export function fill(em: Emulator, tab: string, records: readonly Record<string, Cell>[]): void {
  inSandbox(
    em,
    `
    var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(tab)});
    var header = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
    var rows = ${JSON.stringify(records)}.map(function (r) {
      return header.map(function (h) {
        var v = r[h];
        if (v && typeof v === 'object') return new Date(v.$date);
        return v === undefined ? '' : v;
      });
    });
    sh.getRange(sh.getLastRow() + 1, 1, rows.length, header.length).setValues(rows);
  `,
  );
}

/** Rows of a tab as header → value records. */
export function records(em: Emulator, tab: string): Record<string, unknown>[] {
  const [header, ...rows] = em.workbook.sheetValues(tab);
  return rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i]])));
}

/** The emulator's default now: Monday 2026-11-02 09:00 in Denver. */
export const NOW = Date.UTC(2026, 10, 2, 16, 0, 0);

/**
 * A register on Monday 2 November 2026: two active clients and an ended one, tickets
 * open and closed (one subject carries markup, as outside mail may), a ticket with a full
 * SLA history, messages, and a few hours already logged this month.
 */
export function novemberRegister(em: Emulator): void {
  em.call('setup');
  fill(em, 'Clients', [
    {
      'Client ID': 'ACME',
      Name: 'Acme Outfitters',
      Plan: 'CSM',
      Edition: 'Enterprise',
      'Monthly hours': 6,
      'CSM email': 'dana@helpdesk.test',
      Status: 'Active',
    },
    {
      'Client ID': 'BETA',
      Name: 'Beta Bikes',
      Plan: 'Professional',
      Edition: 'Other',
      'Monthly hours': 10,
      'CSM email': 'lee@helpdesk.test',
      Status: 'Active',
    },
    { 'Client ID': 'OLD', Name: 'Old Co', Plan: 'CSM', 'Monthly hours': 4, Status: 'Ended' },
  ]);
  fill(em, 'Tickets', [
    {
      'Ticket ID': 'T-000010',
      'Client ID': 'ACME',
      Requester: 'pat@acme.test',
      Subject: 'Sync broken <img src=x onerror=alert(1)>',
      Reason: 'Bug',
      Priority: 'High',
      Status: 'Open',
      'Received at': at('2026-10-29T10:00'),
      'First response due': at('2026-10-29T14:00'),
      'First response at': at('2026-10-29T11:30'),
      'Resolution due': at('2026-11-05T10:00'),
      'SLA state': 'At risk',
      'Escalation tier': 1,
      'Thread ID': '18c0ffee00000010',
      'Last customer message at': at('2026-10-30T09:00'),
      'Last staff message at': at('2026-10-29T11:30'),
      Messages: 3,
      Policy: 'CSM / High / MST',
      Paused: '2026-10-30T09:00-06:00 → 2026-10-30T15:00-06:00',
      'SLA record': 'first response: Met 2026-10-29T17:30:00Z',
      Notified: '2026-11-02T15:00:00Z resolution T1 — sent: dana@helpdesk.test',
    },
    {
      'Ticket ID': 'T-000011',
      'Client ID': 'ACME',
      Subject: 'Old question',
      Reason: 'Question',
      Priority: 'Low',
      Status: 'Closed',
      'Received at': at('2026-08-03T09:00'),
      'Resolved at': at('2026-08-04T09:00'),
      'SLA state': 'Met',
    },
    {
      'Ticket ID': 'T-000012',
      'Client ID': 'ACME',
      Subject: 'Export question',
      Reason: 'Question',
      Priority: 'Low',
      Status: 'Resolved',
      'Received at': at('2026-10-20T09:00'),
      'Resolved at': at('2026-10-21T09:00'),
      'SLA state': 'Met',
    },
    {
      'Ticket ID': 'T-000020',
      'Client ID': 'BETA',
      Subject: 'Report request',
      Reason: 'Question',
      Priority: 'Medium',
      Status: 'Open',
      'Received at': at('2026-10-31T09:00'),
      'SLA state': 'On track',
    },
  ]);
  fill(em, 'Messages', [
    {
      'Message ID': '<m1@acme.test>',
      'Thread ID': '18c0ffee00000010',
      'Ticket ID': 'T-000010',
      From: 'pat@acme.test',
      Date: at('2026-10-29T10:00'),
      Kind: 'customer',
      Action: 'Opened T-000010; acknowledged',
      Subject: 'Sync broken',
      Excerpt: 'Since this morning the sync fails with error 500.',
    },
    {
      'Message ID': '<m2@helpdesk.test>',
      'Thread ID': '18c0ffee00000010',
      'Ticket ID': 'T-000010',
      From: 'dana@helpdesk.test',
      Date: at('2026-10-29T11:30'),
      Kind: 'staff',
      Action: 'First response stamped',
      Subject: 'Re: Sync broken',
      Excerpt: 'We are looking into it.',
    },
    {
      'Message ID': '<m3@acme.test>',
      'Thread ID': '18c0ffee00000010',
      'Ticket ID': 'T-000010',
      From: 'pat@acme.test',
      Date: at('2026-10-30T09:00'),
      Kind: 'customer',
      Action: 'Joined T-000010',
      Subject: 'Re: Sync broken',
      Excerpt: 'Any news?',
    },
    {
      'Message ID': '<m4@beta.test>',
      'Thread ID': '18c0ffee00000020',
      'Ticket ID': 'T-000020',
      From: 'kim@beta.test',
      Date: at('2026-10-31T09:00'),
      Kind: 'customer',
      Action: 'Opened T-000020',
      Subject: 'Report request',
      Excerpt: 'Please send the report.',
    },
  ]);
  fill(em, 'Hours', [
    {
      Date: at('2026-11-02'),
      'Client ID': 'ACME',
      Person: 'dana@helpdesk.test',
      Activity: 'Status update',
      Hours: '3',
      'Required attendee': 'Yes',
    },
    {
      Date: at('2026-11-02'),
      'Client ID': 'BETA',
      Person: 'lee@helpdesk.test',
      Activity: 'Reporting',
      Hours: '1',
      'Required attendee': 'Yes',
    },
    {
      Date: at('2026-10-30'),
      'Client ID': 'ACME',
      Person: 'dana@helpdesk.test',
      Activity: 'Training',
      Hours: '5',
      'Required attendee': 'Yes',
    }, // October: not this month
  ]);
}
