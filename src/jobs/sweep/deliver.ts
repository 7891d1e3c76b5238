import type { EscalationNotice, LedgerEntry, Notice, Tier } from '../../core/escalation/index';
import type { EscalationBatch } from './digest';
import { escalationMail, reminderMail, resolvedMail, type OutgoingMail, type TicketBrief } from '../../core/notify/index';
import { inThread } from '../mail/letters';
import type { QuotaMailer } from '../mail/quota';
import type { ClientRecord } from '../shared/sla-context';
import type { TicketRecord } from '../tickets/prepare';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Delivered {
  readonly entries: LedgerEntry[];
  readonly logs: { action: string; detail: string }[];
  /** Whether a mail (or draft) went out: at most one per ticket per sweep. */
  readonly mailed: boolean;
  /** The ticket's escalation waits in the batch: its outcome comes from EscalationBatch.flush. */
  readonly batched?: boolean;
}

/** An escalation decided for one ticket, its mail written, not yet sent. */
export interface PendingEscalation {
  readonly notice: EscalationNotice;
  readonly mail: OutgoingMail;
  /** "First response breached: tier 1 (CSM)", for the Log. */
  readonly what: string;
}

/** What the Notified ledger and the Log say about an escalation once its mail (alone, or in a digest of `digestOf`) went out or failed. */
export function recordEscalation(
  item: PendingEscalation,
  outcome: 'sent' | 'draft' | Error,
  mailer: QuotaMailer,
  now: number,
  digestOf = 1,
): Delivered {
  const { notice: n, mail, what } = item;
  const entries: LedgerEntry[] = [];
  const logs: { action: string; detail: string }[] = [];
  const record = (topic: string, o: LedgerEntry['outcome'], detail: string) => entries.push({ atMs: now, topic, outcome: o, detail });
  if (outcome instanceof Error) {
    record(n.topic, 'failed', outcome.message);
    logs.push({ action: 'Escalation failed', detail: `${what}: ${outcome.message}` });
    return { entries, logs, mailed: false };
  }
  const digest = digestOf > 1 ? ` (one digest mail for ${digestOf} tickets)` : '';
  record(n.topic, outcome, `${mail.to.join(', ')}${mail.cc.length ? ` (cc ${mail.cc.join(', ')})` : ''}${digest}`);
  for (const c of n.caughtUp) record(n.topic.replace(/T\d+$/, `T${c.tier}`), 'caught up', `copied on the tier ${n.tier.tier} notice`);
  const history = n.previously.length ? `; told before: ${n.previously.map((e) => e.topic.replace(/^.* T/, 'tier ')).join(', ')}` : '';
  const caught = n.caughtUp.length ? `; caught up tiers ${n.caughtUp.map((t) => t.tier).join(', ')} in the same mail` : '';
  logs.push({
    action: outcome === 'sent' ? `Escalated to tier ${n.tier.tier}` : `Escalation tier ${n.tier.tier} held as draft`,
    detail: `${what} → ${mail.to.join(', ')}${caught}${history}${digest}${outcome === 'draft' ? ` (${mailer.heldReason(mailer.remaining())})` : ''}`,
  });
  return { entries, logs, mailed: true };
}

function tierAddress(t: Tier, client: ClientRecord): string {
  const a = t.email || client['CSM email'];
  return EMAIL.test(a) ? a : '';
}

const label = (t: Tier) => `tier ${t.tier}${t.title ? ` (${t.title})` : ''}`;

/**
 * Acts on the first notice of a ticket that can be acted on. Notices nobody can receive
 * (no address) are recorded as such, so they are reported once and not retried every run.
 */
export function deliverNotice(
  notices: readonly Notice[],
  row: TicketRecord,
  client: ClientRecord,
  brief: TicketBrief,
  mailer: QuotaMailer,
  now: number,
  batch?: EscalationBatch,
): Delivered {
  const entries: LedgerEntry[] = [];
  const logs: { action: string; detail: string }[] = [];
  const record = (topic: string, outcome: LedgerEntry['outcome'], detail: string) => entries.push({ atMs: now, topic, outcome, detail });

  for (const n of notices) {
    let mail: OutgoingMail;
    let threadId = '';
    let what: string;
    if (n.kind === 'escalation') {
      const to = tierAddress(n.tier, client);
      what = `${n.target} ${n.evaluation.state.toLowerCase()}: ${label(n.tier)}`;
      if (to === '') {
        record(n.topic, 'no address', `${label(n.tier)} has no Email and the client has no CSM email`);
        for (const c of n.caughtUp)
          record(n.topic.replace(/T\d+$/, `T${c.tier}`), 'caught up', `with tier ${n.tier.tier}, which had no address`);
        logs.push({ action: 'Escalation not sent', detail: `${what}: no address (Escalation tab Email, or Clients → CSM email)` });
        continue;
      }
      const cc = n.caughtUp.map((tier) => ({ tier, email: tierAddress(tier, client) })).filter((c) => c.email !== '');
      mail = escalationMail(n, brief, { to, cc });
      const item: PendingEscalation = { notice: n, mail, what };
      // Sent by the batch after every ticket is seen, so tickets due to the same people share a mail.
      if (batch) {
        batch.add(brief.ticketId, item);
        return { entries, logs, mailed: false, batched: true };
      }
      const outcome = safeDeliver(mailer, mail, threadId);
      const done = recordEscalation(item, outcome, mailer, now);
      return { entries: [...entries, ...done.entries], logs: [...logs, ...done.logs], mailed: done.mailed };
    }
    if (n.kind === 'resolved') {
      if (n.stale) {
        record(n.topic, 'skipped', 'resolved more than 72 h before the sweep saw it');
        logs.push({ action: 'Resolution notice skipped', detail: 'resolved more than 72 h ago; not telling the customer this late' });
        continue;
      }
      const followers = row.Followers.filter((f) => EMAIL.test(f));
      if (!EMAIL.test(row.Requester)) {
        record(n.topic, 'no address', 'the ticket has no requester address');
        logs.push({ action: 'Resolution notice not sent', detail: 'no requester address' });
        continue;
      }
      mail = resolvedMail(brief, followers, n.resolvedAtMs);
      threadId = row['Thread ID'];
      what = 'resolution notice';
    } else {
      const to = EMAIL.test(row.Assignee.toLowerCase())
        ? row.Assignee.toLowerCase()
        : EMAIL.test(client['CSM email'])
          ? client['CSM email']
          : '';
      what = 'Critical update reminder';
      if (to === '') {
        record(n.topic, 'no address', 'no Assignee address and no CSM email');
        logs.push({ action: 'Update reminder not sent', detail: 'no Assignee address and no CSM email' });
        continue;
      }
      mail = reminderMail(n, brief, to);
    }
    const outcome = safeDeliver(mailer, mail, threadId);
    if (outcome instanceof Error) {
      record(n.topic, 'failed', outcome.message);
      logs.push({ action: `${what} failed`, detail: outcome.message });
      return { entries, logs, mailed: false };
    }
    const recipients = [...mail.to, ...mail.cc].join(', ');
    record(n.topic, outcome, recipients);
    logs.push({
      action:
        n.kind === 'resolved'
          ? outcome === 'sent'
            ? 'Resolution notice sent'
            : 'Resolution notice held as draft'
          : outcome === 'sent'
            ? 'Update reminder sent'
            : 'Update reminder held as draft',
      detail: `to ${recipients}${threadId ? ' (reply in the ticket’s thread)' : ''}${outcome === 'draft' ? ` (${mailer.heldReason(mailer.remaining())})` : ''}`,
    });
    return { entries, logs, mailed: true };
  }
  return { entries, logs, mailed: false };
}

/** A resolution notice answers in the ticket's thread, under its own tagged subject; the rest are new mails. */
export function safeDeliver(mailer: QuotaMailer, mail: OutgoingMail, threadId: string): 'sent' | 'draft' | Error {
  try {
    const reply = inThread(mail, threadId);
    return mailer.deliver(reply.mail, reply.replyIn).delivery;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
