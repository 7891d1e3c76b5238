import { formatTicketId, parseTicketNumber, type TicketId } from '../../core/types/ids';
import type { KeyValuePort } from '../ports';
import { loadCheckpoint, saveCheckpoint } from '../ingest/checkpoint';

/**
 * Cells a person may type on a ticket that did not come by mail (taken by phone or chat):
 * who asked, what about, when, and when they were first answered. On a mail ticket these
 * are the automation's (read from the thread) and a typed value is put back.
 */
export const MANUAL_TYPED = new Set(['Requester', 'Followers', 'Subject', 'Received at', 'First response at']);

/** People's columns a new manual ticket gets the default of when left blank (as a mail ticket is opened with them). */
export const MANUAL_DEFAULTED = ['Status', 'Priority', 'Reason'] as const;

/** Typing any of these into a row with no Ticket ID starts a ticket. */
const STARTERS = ['Client ID', 'Requester', 'Subject'] as const;

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/** Whether the row's `h` cell is blank (a missing column counts as blank). */
export const isBlankAt = (line: readonly unknown[], header: readonly string[], h: string): boolean =>
  header.indexOf(h) < 0 || blank(line[header.indexOf(h)]);

/**
 * A ticket entered by a person: no Gmail thread and Messages 0 (the handler writes 0 when it
 * starts one; a mail ticket starts at 1). Its MANUAL_TYPED cells are the person's.
 */
export function isManualRow(line: readonly unknown[], header: readonly string[]): boolean {
  const thread = header.indexOf('Thread ID');
  const messages = header.indexOf('Messages');
  return thread >= 0 && messages >= 0 && blank(line[thread]) && line[messages] === 0;
}

/** A row a person is starting: no Ticket ID yet, and a client, requester or subject typed. */
export function startsTicket(line: readonly unknown[], header: readonly string[]): boolean {
  const id = header.indexOf('Ticket ID');
  if (id < 0 || !blank(line[id])) return false;
  return STARTERS.some((h) => header.indexOf(h) >= 0 && !blank(line[header.indexOf(h)]));
}

/**
 * Issues ticket numbers for manual tickets from the same sequence the inbox check uses (its
 * checkpoint keeps the highest number issued, so a number is never given twice, even after
 * a row is deleted); `existing` are the Ticket IDs on the tab now.
 */
export class ManualNumbers {
  private last: number | null = null;

  constructor(
    private readonly state: KeyValuePort,
    private readonly existing: () => readonly unknown[],
  ) {}

  next(): TicketId {
    if (this.last === null) {
      let max = loadCheckpoint(this.state).lastTicket;
      for (const v of this.existing()) max = Math.max(max, parseTicketNumber(String(v ?? '')) ?? 0);
      this.last = max;
    }
    return formatTicketId(++this.last);
  }

  /** Records the numbers issued (under the document lock, like the inbox check's own save). */
  save(): void {
    if (this.last === null) return;
    const cp = loadCheckpoint(this.state);
    if (this.last > cp.lastTicket) saveCheckpoint(this.state, { ...cp, lastTicket: this.last });
  }
}

/**
 * What a new manual row gets: its number, Received at now unless one was typed (a Date;
 * anything else typed there is replaced, the Log says which), Messages 0 (the mark of a
 * manual ticket), and the default Status, Priority and Reason where left blank. `line` is
 * patched in place so the deadlines are computed from it.
 */
export function startManual(
  line: unknown[],
  header: readonly string[],
  id: TicketId,
  now: number,
): { id: TicketId; typedReceived: boolean; cells: Record<string, unknown> } {
  const cells: Record<string, unknown> = { 'Ticket ID': id, Messages: 0 };
  const received = line[header.indexOf('Received at')];
  const typedReceived = received instanceof Date && !Number.isNaN(received.getTime());
  if (!typedReceived) cells['Received at'] = new Date(now);
  const defaults: Record<(typeof MANUAL_DEFAULTED)[number], string> = { Status: 'New', Priority: 'Medium', Reason: 'Unclassified' };
  for (const [h, v] of Object.entries(defaults)) if (blank(line[header.indexOf(h)])) cells[h] = v;
  for (const [h, v] of Object.entries(cells)) {
    const c = header.indexOf(h);
    if (c >= 0) line[c] = v;
  }
  return { id, typedReceived, cells: Object.fromEntries(Object.entries(cells).filter(([h]) => header.includes(h))) };
}
