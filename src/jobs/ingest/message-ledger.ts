import { formatAction, parseAction, withOutcome, type MessageAction, type ReplyOutcome } from '../../core/mail/message-action';
import type { RepliedMessage } from '../../core/mail/reply-limits';
import { receivedAt, type ParsedMessage } from '../../core/mail/parsed';
import type { MessageKind } from '../../core/types/vocab';
import type { SheetPort } from '../../register/sheet-port';
import type { RowOf } from '../../register/tab-spec';
import { appendRows, applyPlan, planWrites, readTable, writesByKey, type Table } from '../../register/table';
import { MessagesTab } from '../../register/tabs';

/** Characters of a message's body kept in the ledger for people to recognise it by. */
const EXCERPT = 300;

export interface LedgerEntry {
  readonly ticketId: string;
  readonly threadId: string;
  readonly kind: string;
  /** The sender, lower-cased. */
  readonly from: string;
  /** When it arrived (epoch ms). */
  readonly at: number;
  action: MessageAction;
  /** Recorded by this run. */
  readonly thisRun: boolean;
}

type MessagesRow = RowOf<typeof MessagesTab>;

/**
 * The Messages tab: every message seen, by RFC 5322 Message-ID, so none is processed twice.
 * Holds the rows as read and those this run adds; the rows are appended in one write, and
 * what became of each queued reply is written afterwards into the same rows' Action cells
 * (after a re-read, by key), so a run cut between the two leaves "queued", never a false "sent".
 */
export class MessageLedger {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly gmailIds = new Set<string>();
  private readonly namedTickets = new Set<string>();
  private readonly added: Record<string, unknown>[] = [];
  private readonly outcomes = new Map<string, ReplyOutcome>();

  constructor(private readonly table: Table<MessagesRow>) {
    for (const { data: d } of table.rows) {
      this.entries.set(d['Message ID'], {
        ticketId: d['Ticket ID'],
        threadId: d['Thread ID'],
        kind: d.Kind,
        from: d.From.toLowerCase(),
        at: d.Date?.getTime() ?? 0,
        action: parseAction(d.Action),
        thisRun: false,
      });
      if (d['Gmail ID']) this.gmailIds.add(d['Gmail ID']);
      if (d['Ticket ID']) this.namedTickets.add(d['Ticket ID']);
    }
  }

  /** Whether the Gmail message was read before (by a ledger row, or earlier in this run). */
  hasRead(gmailId: string): boolean {
    return this.gmailIds.has(gmailId);
  }

  markRead(gmailId: string): void {
    this.gmailIds.add(gmailId);
  }

  has(ledgerId: string): boolean {
    return this.entries.has(ledgerId);
  }

  entry(ledgerId: string): LedgerEntry | undefined {
    return this.entries.get(ledgerId);
  }

  /** Whether any ledger row names this ticket. */
  namesTicket(ticketId: string): boolean {
    return this.namedTickets.has(ticketId);
  }

  all(): IterableIterator<LedgerEntry> {
    return this.entries.values();
  }

  /** The rows as the reply limits read them. */
  replied(): Iterable<RepliedMessage> {
    return [...this.entries.values()].map((e) => ({ from: e.from, at: e.at, thisRun: e.thisRun, reply: e.action.reply }));
  }

  record(p: ParsedMessage, kind: MessageKind, ticketId: string, action: MessageAction): void {
    const m = p.msg;
    this.added.push({
      'Message ID': p.ledgerId,
      'Thread ID': m.threadId,
      'Ticket ID': ticketId,
      From: p.sender.address || m.from,
      Date: new Date(receivedAt(p)),
      Kind: kind,
      Action: formatAction(action),
      'Gmail ID': m.gmailId,
      Subject: m.subject,
      Excerpt: m.body.replace(/\s+/g, ' ').trim().slice(0, EXCERPT),
    });
    if (ticketId) this.namedTickets.add(ticketId);
    this.entries.set(p.ledgerId, { ticketId, threadId: m.threadId, kind, from: p.sender.address, at: receivedAt(p), action, thisRun: true });
  }

  /** What became of the reply a row promised; written to its Action cell by writeOutcomes. */
  settle(ledgerId: string, outcome: ReplyOutcome): void {
    this.outcomes.set(ledgerId, outcome);
    const e = this.entries.get(ledgerId);
    if (e) e.action = withOutcome(e.action, outcome);
  }

  /** Appends this run's rows (one write). */
  appendNew(port: SheetPort): void {
    if (this.added.length === 0) return;
    const present = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([h]) => this.table.columnOf.has(h)));
    appendRows(port, this.table, this.added.map(present));
  }

  /**
   * Writes the settled outcomes into the rows that still say "queued" (re-read first:
   * people may have sorted the tab), in one batch.
   */
  writeOutcomes(port: SheetPort): void {
    if (this.outcomes.size === 0) return;
    const fresh = readTable(port, MessagesTab);
    const updates: { key: string; values: Record<string, unknown> }[] = [];
    for (const [key, outcome] of this.outcomes) {
      const row = fresh.byKey(key);
      if (!row) continue;
      const action = parseAction(row.data.Action);
      if (action.reply?.outcome !== 'queued') continue;
      const text = formatAction(withOutcome(action, outcome));
      if (text !== row.data.Action) updates.push({ key, values: { Action: text } });
    }
    applyPlan(port, planWrites(fresh, writesByKey(fresh, updates).writes));
  }
}

export const readLedger = (port: SheetPort): MessageLedger => new MessageLedger(readTable(port, MessagesTab));
