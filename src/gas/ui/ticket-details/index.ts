import { priorityName } from '../../../core/tickets/priority-names';
import page from '../../html/ticket-details.html';
import { ClientsTab, LogTab, MessagesTab, TicketsTab } from '../../../register/tabs';
import { readTable } from '../../../register/table';
import { sheetPort } from '../../sheet-port';
import { activeSpreadsheet } from '../context';
import { escapeHtml, showSidebar } from '../page';
import { showTime, ticketTimeline, type TimelineEvent } from './timeline';

/** What the Ticket details sidebar shows. Plain JSON (google.script.run drops Dates). */
export interface TicketDetails {
  readonly ticket: {
    readonly id: string;
    readonly clientId: string;
    readonly clientName: string;
    readonly subject: string;
    readonly requester: string;
    readonly followers: string;
    readonly priority: string;
    readonly status: string;
    readonly reason: string;
    readonly assignee: string;
    readonly slaState: string;
    readonly escalationTier: string;
    readonly policy: string;
    readonly problems: string;
  };
  readonly timeline: readonly TimelineEvent[];
  readonly messages: readonly { when: string; from: string; kind: string; subject: string; excerpt: string; action: string }[];
  /** The ticket's recent Log lines, newest last. */
  readonly log: readonly { when: string; job: string; action: string; detail: string }[];
  readonly threadUrl: string | null;
  readonly zone: string;
  readonly problems: readonly string[];
}

const LOG_LINES = 15;
const TICKET_ID = /^T-\d+$/i;

function sheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = ss.getSheetByName(name);
  if (!s) throw new Error(`The ${name} tab is missing: run Support Desk → Set up register.`);
  return s;
}

/**
 * The ticket of the selected row: on any tab with a "Ticket ID" column (Tickets, Messages,
 * Hours, Log), the ID in the row of the active cell. Null when the selection names none.
 */
export function selectedTicketId(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string | null {
  const range = ss.getActiveRange();
  if (!range) return null;
  const row = range.getRow();
  if (row < 2) return null;
  const s = range.getSheet();
  const width = s.getLastColumn();
  if (width === 0) return null;
  const header = s
    .getRange(1, 1, 1, width)
    .getValues()[0]!
    .map((h) => String(h).trim());
  const col = header.indexOf('Ticket ID');
  if (col < 0) return null;
  const id = String(s.getRange(row, col + 1).getValue()).trim();
  return id === '' ? null : id.toUpperCase();
}

/** Gmail's web address of a thread, from the Thread ID (Gmail thread ids are hex). */
export function threadUrl(threadId: string): string | null {
  return /^[0-9a-f]{6,32}$/i.test(threadId) ? `https://mail.google.com/mail/u/0/#all/${threadId.toLowerCase()}` : null;
}

export function ticketDetailsNow(requested?: unknown): TicketDetails {
  const ss = activeSpreadsheet();
  const asked = typeof requested === 'string' ? requested.trim().toUpperCase() : '';
  const id = asked || selectedTicketId(ss);
  if (!id) throw new Error('Select a row of the Tickets tab (or any row with a Ticket ID), or type a ticket ID such as T-000123.');
  if (!TICKET_ID.test(id)) throw new Error(`"${id}" is not a ticket ID: they look like T-000123.`);
  const zone = ss.getSpreadsheetTimeZone();
  const now = Date.now();

  const ticketsSheet = sheet(ss, TicketsTab.name);
  const tickets = readTable(sheetPort(ticketsSheet), TicketsTab);
  const row = tickets.rows.find((r) => r.data['Ticket ID'].toUpperCase() === id);
  if (!row) {
    const invalid = tickets.problems.find(
      (p) => String(tickets.raw[p.rowNumber - 1]?.[tickets.columnOf.get('Ticket ID') ?? 0] ?? '').toUpperCase() === id,
    );
    throw new Error(
      invalid ? `${id} is in Tickets row ${invalid.rowNumber} but cannot be read: ${invalid.message}` : `${id} is not in the Tickets tab.`,
    );
  }
  const t = row.data;

  // The due cells' notes explain how each deadline was counted: one read of the row's notes.
  const notesRow = ticketsSheet.getRange(row.rowNumber, 1, 1, tickets.header.length).getNotes()[0] ?? [];
  const notes: Record<string, string> = {};
  tickets.header.forEach((h, i) => {
    const n = notesRow[i];
    if (h && n) notes[h] = String(n);
  });

  const messagesSheet = ss.getSheetByName(MessagesTab.name);
  const messages = messagesSheet
    ? readTable(sheetPort(messagesSheet), MessagesTab)
        .rows.map((r) => r.data)
        .filter((m) => m['Ticket ID'].toUpperCase() === id)
        .sort((a, b) => (a.Date?.getTime() ?? 0) - (b.Date?.getTime() ?? 0))
    : [];

  const logSheet = ss.getSheetByName(LogTab.name);
  const log = logSheet
    ? readTable(sheetPort(logSheet), LogTab)
        .rows.map((r) => r.data)
        .filter((l) => l['Ticket ID'].toUpperCase() === id && l.At)
        .sort((a, b) => a.At!.getTime() - b.At!.getTime())
        .slice(-LOG_LINES)
    : [];

  const clientsSheet = ss.getSheetByName(ClientsTab.name);
  const client = clientsSheet ? readTable(sheetPort(clientsSheet), ClientsTab).byKey(t['Client ID']) : undefined;

  const { events, problems } = ticketTimeline(t, messages, notes, zone, now);
  return {
    ticket: {
      id: t['Ticket ID'],
      clientId: t['Client ID'],
      clientName: client?.data.Name ?? '',
      subject: t.Subject,
      requester: t.Requester,
      followers: t.Followers.join(', '),
      priority: priorityName(tickets.priorityNames, t.Priority),
      status: t.Status,
      reason: t.Reason,
      assignee: t.Assignee,
      slaState: t['SLA state'] ?? '',
      escalationTier: t['Escalation tier'] === null ? '' : String(t['Escalation tier']),
      policy: t.Policy,
      problems: t.Problems,
    },
    timeline: events,
    messages: messages.map((m) => ({
      when: m.Date ? showTime(m.Date.getTime(), zone) : '',
      from: m.From,
      kind: m.Kind,
      subject: m.Subject,
      excerpt: m.Excerpt,
      action: m.Action,
    })),
    log: log.map((l) => ({ when: showTime(l.At!.getTime(), zone), job: l.Job, action: l.Action, detail: l.Detail })),
    threadUrl: threadUrl(t['Thread ID']),
    zone,
    problems,
  };
}

/** Menu "Ticket details…": the sidebar for the selected row's ticket. */
export function showTicketDetailsNow(): void {
  const ss = activeSpreadsheet();
  const id = selectedTicketId(ss) ?? '';
  // The ID is handed to the page in a data attribute (escaped), so the page asks for it first.
  showSidebar('Ticket details', page.replace('data-ticket=""', `data-ticket="${escapeHtml(id)}"`));
}
