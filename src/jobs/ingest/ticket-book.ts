import type { TicketIndex, TicketView } from '../../core/tickets/join';
import { formatTicketId, parseTicketNumber, type TicketId } from '../../core/types/ids';
import type { TicketStatus } from '../../core/types/vocab';
import type { SheetPort } from '../../register/sheet-port';
import type { RowOf } from '../../register/tab-spec';
import { appendRows, applyPlan, planWrites, readTable, writesByKey, type Table } from '../../register/table';
import { TicketsTab } from '../../register/tabs';
import type { RunLogPort } from '../ports';
import type { MessageLedger } from './message-ledger';
import { appendLedger, type LedgerEntry } from '../../core/escalation/index';

type TicketRow = RowOf<typeof TicketsTab>;

/** A ticket as this run knows it: the row as read, plus what the run's messages changed. */
export interface WorkTicket extends TicketView {
  followers: string[];
  status: TicketStatus;
  messages: number;
  firstResponseAt: Date | null;
  lastStaffAt: Date | null;
  lastCustomerAt: Date | null;
  resolvedAt: Date | null;
  /** Set when a client's reply agrees the ticket can be closed (older registers may lack the columns). */
  closedBy?: string;
  closedAt?: Date;
  /** Lines this run adds to the ticket's Notified ledger (a client's request to escalate), appended to the cell as re-read. */
  notifiedAdds?: LedgerEntry[];
  readonly isNew: boolean;
  readonly receivedAt: number | null;
  readonly priority: TicketRow['Priority'];
  readonly firstResponseDue: number | null;
  /** Zone of the client's calendar, when known (for the promise in a recovered acknowledgement). */
  readonly timeZone: string | null;
  /** Automation-owned cells changed this run (on a new ticket: by a later message of the run). */
  readonly changed: Set<string>;
  /** The full row of a ticket opened this run, and its due cells' notes. */
  readonly row?: Record<string, unknown>;
  readonly notes?: Record<string, string>;
}

/** Cells the inbox job keeps up to date on existing tickets (it owns no others there). */
const UPDATED = [
  'Messages',
  'First response at',
  'Last staff message at',
  'Last customer message at',
  'Followers',
  'Status',
  'Resolved at',
  'Closed by',
  'Closed at',
  'Notified',
] as const;
type Updated = (typeof UPDATED)[number];

const DUE_NOTES = ['First response due', 'Next update due', 'Resolution due'] as const;
const asDate = (d: Date | null) => (d ? new Date(d.getTime()) : null);

/**
 * The Tickets tab for one inbox run: tickets by ID and by Gmail thread, the numbering of
 * new tickets (never reused, even after rows are deleted: the checkpoint keeps the highest
 * number issued), and the writes — new rows appended, then changed cells of existing rows
 * by Ticket ID after a re-read.
 */
export class TicketBook {
  private readonly tickets = new Map<string, WorkTicket>();
  private readonly threadTicket = new Map<string, string>();
  private readonly opened: WorkTicket[] = [];
  private last: number;

  constructor(
    private readonly table: Table<TicketRow>,
    ledger: MessageLedger,
    lastIssued: number,
  ) {
    this.last = lastIssued;
    for (const { data: d } of table.rows) {
      this.bump(d['Ticket ID']);
      this.tickets.set(d['Ticket ID'], {
        id: d['Ticket ID'] as TicketId,
        clientId: d['Client ID'],
        requester: d.Requester.toLowerCase(),
        followers: [...d.Followers],
        status: d.Status,
        threadId: d['Thread ID'],
        messages: d.Messages ?? 0,
        firstResponseAt: asDate(d['First response at']),
        lastStaffAt: asDate(d['Last staff message at']),
        lastCustomerAt: asDate(d['Last customer message at']),
        resolvedAt: asDate(d['Resolved at']),
        isNew: false,
        receivedAt: d['Received at']?.getTime() ?? null,
        priority: d.Priority,
        firstResponseDue: d['First response due']?.getTime() ?? null,
        timeZone: null,
        changed: new Set(),
      });
    }
    for (const e of ledger.all()) this.bump(e.ticketId);
    // A thread belongs to the newest ticket that lives in it (a closed ticket's thread may carry its successor).
    for (const t of this.tickets.values()) this.claim(t.threadId, t.id);
    for (const e of ledger.all()) if (e.ticketId && ['customer', 'staff', 'follower'].includes(e.kind)) this.claim(e.threadId, e.ticketId);
  }

  private bump(id: string): void {
    const n = parseTicketNumber(id);
    if (n !== null) this.last = Math.max(this.last, n);
  }

  private claim(thread: string, ticket: string): void {
    if (!thread || !this.tickets.has(ticket)) return;
    const cur = this.threadTicket.get(thread);
    if (!cur || (parseTicketNumber(ticket) ?? 0) > (parseTicketNumber(cur) ?? 0)) this.threadTicket.set(thread, ticket);
  }

  /** The highest ticket number issued so far (for the checkpoint). */
  get lastIssued(): number {
    return this.last;
  }

  get(id: string): WorkTicket | undefined {
    return this.tickets.get(id);
  }

  /** Lookups for joining a message to its ticket. */
  index(ledger: MessageLedger): TicketIndex {
    return {
      byThread: (th) => {
        const id = this.threadTicket.get(th);
        return id ? this.tickets.get(id) : undefined;
      },
      byMessageId: (mid) => {
        const e = ledger.entry(mid);
        return e?.ticketId ? this.tickets.get(e.ticketId) : undefined;
      },
      byId: (id) => this.tickets.get(id),
    };
  }

  /** The newest ticket of `requester` that is neither Resolved nor Closed (where a capped sender's mail goes). */
  latestOpenOf(requester: string): WorkTicket | undefined {
    let best: WorkTicket | undefined;
    for (const t of this.tickets.values()) {
      if (t.requester !== requester || t.status === 'Resolved' || t.status === 'Closed') continue;
      if (!best || (parseTicketNumber(t.id) ?? 0) > (parseTicketNumber(best.id) ?? 0)) best = t;
    }
    return best;
  }

  /** Later mail in this thread joins `ticketId` too (Gmail starts a new thread when a subject changes). */
  adoptThread(threadId: string, ticketId: string): void {
    if (!this.threadTicket.has(threadId)) this.threadTicket.set(threadId, ticketId);
  }

  /** The number nextId() will issue, without issuing it. */
  peekId(): TicketId {
    return formatTicketId(this.last + 1);
  }

  nextId(): TicketId {
    return formatTicketId(++this.last);
  }

  /** A ticket opened by this run: its row is appended by write(). */
  add(t: WorkTicket): void {
    this.tickets.set(t.id, t);
    this.opened.push(t);
    this.threadTicket.set(t.threadId, t.id);
  }

  /** Records that one of the cells the job updates changed on `t` (on a new ticket, so its SLA cells are settled before the write). */
  touch(t: WorkTicket, header: Updated, value: unknown): void {
    if (t.isNew) t.row![header] = value;
    t.changed.add(header);
  }

  /** Adds a line to the ticket's Notified ledger (the sweep acts on it); never rewrites what is there. */
  addLedgerLine(t: WorkTicket, entry: LedgerEntry): void {
    (t.notifiedAdds ??= []).push(entry);
    if (t.isNew) t.row!.Notified = appendLedger(String(t.row!.Notified ?? ''), [entry]);
    t.changed.add('Notified');
  }

  /** Tickets opened by this run, in the order they were opened. */
  get openedTickets(): readonly WorkTicket[] {
    return this.opened;
  }

  /**
   * New rows (with their due notes) first, then changed cells of existing tickets, by
   * Ticket ID after a re-read under the lock: people may have sorted or edited Tickets
   * since the run began. A ticket whose row has gone is logged; its messages are in Messages.
   */
  write(port: SheetPort, log: RunLogPort): void {
    const columns = this.table.columnOf;
    if (this.opened.length > 0) {
      const present = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([h]) => columns.has(h)));
      const first = appendRows(
        port,
        this.table,
        this.opened.map((t) => present(t.row!)),
      );
      const noteBlocks = DUE_NOTES.filter((h) => columns.has(h) && this.opened.some((t) => t.notes![h])).map((h) => ({
        row: first,
        column: columns.get(h)! + 1,
        notes: this.opened.map((t) => [t.notes![h] ?? '']),
      }));
      if (noteBlocks.length) port.writeNotes(noteBlocks);
    }
    const changed = [...this.tickets.values()].filter((t) => !t.isNew && t.changed.size > 0);
    if (changed.length === 0) return;
    const fresh = readTable(port, TicketsTab);
    const updates = changed.map((t) => ({
      key: t.id,
      // Closed by / Closed at are written where the register has them (setup adds them).
      values: Object.fromEntries(
        [...t.changed]
          .filter((h) => fresh.columnOf.has(h))
          .map((h) =>
            h === 'Notified'
              ? [h, appendLedger(String(fresh.byKey(t.id)?.data.Notified ?? ''), t.notifiedAdds ?? [])]
              : [h, cellOf(t, h as Updated)],
          ),
      ),
    }));
    const { writes, notFound } = writesByKey(fresh, updates);
    for (const k of notFound)
      log.add('Ticket row missing', `${k} was not found on Tickets; its new messages are in Messages`, { ticketId: k });
    applyPlan(port, planWrites(fresh, writes, ['Status']));
  }
}

function cellOf(t: WorkTicket, header: Updated): unknown {
  switch (header) {
    case 'Messages':
      return t.messages;
    case 'First response at':
      return t.firstResponseAt ?? '';
    case 'Last staff message at':
      return t.lastStaffAt ?? '';
    case 'Last customer message at':
      return t.lastCustomerAt ?? '';
    case 'Followers':
      return t.followers;
    case 'Status':
      return t.status;
    case 'Resolved at':
      return t.resolvedAt ?? '';
    case 'Closed by':
      return t.closedBy ?? '';
    case 'Closed at':
      return t.closedAt ?? '';
    case 'Notified':
      return ''; // appended to the re-read cell in write()
  }
}
