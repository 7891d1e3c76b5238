import { sameClientId } from '../types/client-ids';
import type { TicketId } from '../types/ids';
import type { TicketStatus } from '../types/vocab';
import type { Directory } from '../mail/directory';
import type { ParsedMessage } from '../mail/parsed';
import { ticketTagIn } from '../mail/subject';

/** What the joining rules need to know about a ticket. */
export interface TicketView {
  readonly id: TicketId;
  readonly clientId: string;
  readonly requester: string;
  readonly followers: readonly string[];
  readonly status: TicketStatus;
  readonly threadId: string;
}

/** Lookups over the register as read this run (plus what this run has added so far). */
export interface TicketIndex {
  /** The newest ticket whose messages live in this Gmail thread. */
  byThread(threadId: string): TicketView | undefined;
  /** The ticket of a message in the ledger, by its Message-ID. */
  byMessageId(messageId: string): TicketView | undefined;
  byId(id: string): TicketView | undefined;
}

export type JoinVia = 'thread' | 'references' | 'tag';

export interface Join {
  readonly ticket: TicketView;
  readonly via: JoinVia;
}

/**
 * May this sender continue a ticket just by naming its tag? Anyone can type
 * `[#T-000123]`, so a tag alone joins only mail from people already on the ticket or its
 * client, or from staff. Thread and header joins need no such check: Gmail put the mail
 * there because it answers the conversation.
 */
function mayUseTag(p: ParsedMessage, t: TicketView, dir: Directory): boolean {
  const a = p.sender.address;
  if (a === '') return false;
  if (dir.isStaff(a) || a === t.requester.toLowerCase() || t.followers.includes(a)) return true;
  const c = dir.contact(a);
  return !!c && sameClientId(c.clientId, t.clientId);
}

/**
 * The ticket a message continues, if any: same Gmail thread, else In-Reply-To/References
 * naming a message in the ledger (a changed subject makes Gmail start a new thread, the
 * headers still tie it), else a ticket tag we issued in the subject. Equal subjects never
 * join anything.
 */
export function findTicket(p: ParsedMessage, index: TicketIndex, dir: Directory): Join | null {
  const byThread = index.byThread(p.msg.threadId);
  if (byThread) return { ticket: byThread, via: 'thread' };
  for (let i = p.references.length - 1; i >= 0; i--) {
    const t = index.byMessageId(p.references[i]!);
    if (t) return { ticket: t, via: 'references' };
  }
  const tag = ticketTagIn(p.msg.subject);
  if (tag) {
    const t = index.byId(tag);
    if (t && mayUseTag(p, t, dir)) return { ticket: t, via: 'tag' };
  }
  return null;
}
