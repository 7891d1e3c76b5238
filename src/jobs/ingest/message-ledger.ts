import {
  formatAction,
  heldReason,
  isHeld,
  parseAction,
  withOutcome,
  type MessageAction,
  type ReplyOutcome,
} from '../../core/mail/message-action';
import { excerptOf, type MessageFace } from '../../core/mail/message-id';
import type { RepliedMessage } from '../../core/mail/reply-limits';
import { receivedAt, type ParsedMessage } from '../../core/mail/parsed';
import type { MessageKind } from '../../core/types/vocab';
import type { SheetPort } from '../../register/sheet-port';
import type { RowOf } from '../../register/tab-spec';
import { appendRows, applyPlan, planWrites, readTable, writesByKey, type Table } from '../../register/table';
import { MessagesTab } from '../../register/tabs';

export interface LedgerEntry extends MessageFace {
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

/** A message recorded as held: not handled, so every run reads it again. */
interface HeldEntry {
  readonly threadId: string;
  readonly reason: string;
  /** The held message, to tell it from a different one reusing its Message-ID. */
  readonly face: MessageFace;
}

/**
 * The Messages tab: every message seen, by RFC 5322 Message-ID, so none is processed twice.
 * Holds the rows as read and those this run adds; the rows are appended in one write, and
 * what became of each queued reply is written afterwards into the same rows' Action cells
 * (after a re-read, by key), so a run cut between the two leaves "queued", never a false "sent".
 *
 * A held row (see message-action) is not an entry: the message counts as unread and
 * unhandled, its thread is read again by every run, and when it is handled at last its
 * own row is rewritten (same Message ID, so the tab keeps one row per message).
 */
export class MessageLedger {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly gmailIds = new Set<string>();
  private readonly namedTickets = new Set<string>();
  private readonly added: Record<string, unknown>[] = [];
  private readonly outcomes = new Map<string, ReplyOutcome>();
  private readonly held = new Map<string, HeldEntry>();
  /** Reasons held rows gave before this run: a problem is announced once, not per message or run. */
  private readonly knownReasons = new Set<string>();
  /** Held rows (from earlier runs) rewritten by this run, by Message ID. */
  private readonly rewrites = new Map<string, Record<string, unknown>>();

  constructor(private readonly table: Table<MessagesRow>) {
    const faceOf = (d: MessagesRow): MessageFace => ({
      from: d.From.toLowerCase(),
      subject: table.columnOf.has('Subject') ? String(d.Subject ?? '') : null,
      excerpt: table.columnOf.has('Excerpt') ? String(d.Excerpt ?? '') : null,
    });
    for (const { data: d } of table.rows) {
      const action = parseAction(d.Action);
      if (isHeld(action)) {
        this.held.set(d['Message ID'], { threadId: d['Thread ID'], reason: heldReason(action), face: faceOf(d) });
        this.knownReasons.add(heldReason(action));
        continue;
      }
      this.entries.set(d['Message ID'], {
        ticketId: d['Ticket ID'],
        threadId: d['Thread ID'],
        kind: d.Kind,
        ...faceOf(d),
        at: d.Date?.getTime() ?? 0,
        action,
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

  /** The held message under this key, if one is held (it is not an entry: it is handled again). */
  heldFace(ledgerId: string): MessageFace | undefined {
    return this.held.get(ledgerId)?.face;
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

  /** Threads with held messages, to be read again by this run. */
  heldThreadIds(): string[] {
    return [...new Set([...this.held.values()].map((h) => h.threadId))];
  }

  /** How many messages are held after this run's records. */
  heldCount(): number {
    return this.held.size;
  }

  /**
   * Records `p` as held for `reason`. Returns whether the reason is new (no held row gave
   * it before, in this run or an earlier one), so the caller tells people once per problem.
   */
  hold(p: ParsedMessage, kind: MessageKind, action: MessageAction): boolean {
    const reason = heldReason(action);
    const fresh = !this.knownReasons.has(reason);
    this.knownReasons.add(reason);
    const before = this.held.get(p.ledgerId);
    if (before?.reason === reason) return fresh; // held again for the same reason: nothing to write
    this.write(p, kind, '', action);
    this.held.set(p.ledgerId, {
      threadId: p.msg.threadId,
      reason,
      face: { from: p.sender.address, subject: p.msg.subject, excerpt: excerptOf(p.msg.body) },
    });
    this.entries.delete(p.ledgerId);
    return fresh;
  }

  record(p: ParsedMessage, kind: MessageKind, ticketId: string, action: MessageAction): void {
    this.write(p, kind, ticketId, action);
    this.held.delete(p.ledgerId);
    if (ticketId) this.namedTickets.add(ticketId);
    this.entries.set(p.ledgerId, {
      ticketId,
      threadId: p.msg.threadId,
      kind,
      from: p.sender.address,
      subject: p.msg.subject,
      excerpt: excerptOf(p.msg.body),
      at: receivedAt(p),
      action,
      thisRun: true,
    });
  }

  /** A new row, or the rewrite of the message's held row from an earlier run. */
  private write(p: ParsedMessage, kind: MessageKind, ticketId: string, action: MessageAction): void {
    const m = p.msg;
    const row = {
      'Message ID': p.ledgerId,
      'Thread ID': m.threadId,
      'Ticket ID': ticketId,
      From: p.sender.address || m.from,
      Date: new Date(receivedAt(p)),
      Kind: kind,
      Action: formatAction(action),
      'Gmail ID': m.gmailId,
      Subject: m.subject,
      Excerpt: excerptOf(m.body),
    };
    const onSheet = this.table.byKey(p.ledgerId);
    if (onSheet) this.rewrites.set(p.ledgerId, row);
    else {
      const i = this.added.findIndex((r) => r['Message ID'] === p.ledgerId);
      if (i >= 0) this.added[i] = row;
      else this.added.push(row);
    }
  }

  /** What became of the reply a row promised; written to its Action cell by writeOutcomes. */
  settle(ledgerId: string, outcome: ReplyOutcome): void {
    this.outcomes.set(ledgerId, outcome);
    const e = this.entries.get(ledgerId);
    if (e) e.action = withOutcome(e.action, outcome);
  }

  /** Appends this run's rows (one write), then rewrites the held rows this run handled or held anew (one batch, by key after a re-read). */
  appendNew(port: SheetPort): void {
    const present = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([h]) => this.table.columnOf.has(h)));
    if (this.added.length > 0) appendRows(port, this.table, this.added.map(present));
    if (this.rewrites.size === 0) return;
    const fresh = readTable(port, MessagesTab);
    const updates = [...this.rewrites].map(([key, row]) => ({ key, values: present(row) }));
    applyPlan(port, planWrites(fresh, writesByKey(fresh, updates).writes));
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
