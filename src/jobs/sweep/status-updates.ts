import { isoOf, parseLedger, type LedgerEntry } from '../../core/escalation/index';
import type { TicketBrief } from '../../core/notify/index';
import { waitingMail } from '../../core/notify/waiting';
import { closedMail } from '../../core/notify/closed';
import { deliverInThread } from '../mail/letters';
import type { QuotaMailer } from '../mail/quota';
import type { RowUpdate } from '../tickets/compute-row';
import type { TicketRecord } from '../tickets/prepare';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A ticket already waiting longer than this when first seen (an upgraded register) is not announced now. */
const WINDOW_MS = 24 * 3600_000;

export const waitingTopic = (fromMs: number) => `waiting@${isoOf(fromMs)}`;

/**
 * The status update a client hears when their ticket goes to Waiting on customer, once per
 * wait (its pause's start names it in Notified). Returns the ledger entry and a Log line, or
 * null when none is due or the send threw (the next sweep tries again).
 */
export function waitingUpdate(
  row: TicketRecord,
  u: RowUpdate,
  brief: () => TicketBrief,
  mailer: QuotaMailer,
  now: number,
): { entry: LedgerEntry; log: { action: string; detail: string } } | null {
  if (row.Status !== 'Waiting on customer' || !u.prepared.ok) return null;
  const from = u.prepared.facts.pauses.find((p) => p.to === null)?.from ?? now;
  const topic = waitingTopic(from);
  if (parseLedger(row.Notified).some((e) => e.topic === topic)) return null;
  if (now - from > WINDOW_MS)
    return {
      entry: { atMs: now, topic, outcome: 'skipped', detail: 'waiting since before this version; not announced late' },
      log: { action: 'Status update skipped', detail: 'Waiting on customer since more than a day' },
    };
  if (!EMAIL.test(row.Requester))
    return {
      entry: { atMs: now, topic, outcome: 'no address', detail: 'the ticket has no requester address' },
      log: { action: 'Status update not sent', detail: 'no requester address' },
    };
  const mail = waitingMail(
    brief(),
    row.Followers.filter((f) => EMAIL.test(f)),
    row['Needed from client'] ?? '',
  );
  const outcome = deliverInThread(mailer, mail, row['Thread ID']);
  if (!outcome) return null;
  const recipients = [...mail.to, ...mail.cc].join(', ');
  return {
    entry: { atMs: now, topic, outcome, detail: recipients },
    log: {
      action: outcome === 'sent' ? 'Status update sent' : 'Status update held as draft',
      detail: `Waiting on customer → ${recipients}`,
    },
  };
}

export const closedTopic = (closedAtMs: number) => `closed@${isoOf(closedAtMs)}`;
/** A ticket closed by hand longer ago than this when first seen is not announced late. */
const CLOSED_WINDOW_MS = 72 * 3600_000;

/** Whether a ticket a person closed still owes its requester the closing update. */
export function closedNoticeDue(row: TicketRecord, now: number): boolean {
  const at = row['Closed at']?.getTime();
  if (row.Status !== 'Closed' || at === undefined || !/\(by hand\)$/.test(row['Closed by'] ?? '')) return false;
  if (now - at > CLOSED_WINDOW_MS) return false;
  return !parseLedger(row.Notified).some((e) => e.topic === closedTopic(at));
}

/** The closing update for a ticket a person closed (agreement and silence send their own). */
export function closedUpdate(
  row: TicketRecord,
  mailer: QuotaMailer,
  now: number,
): { entry: LedgerEntry; log: { action: string; detail: string } } | null {
  const topic = closedTopic(row['Closed at']!.getTime());
  if (!EMAIL.test(row.Requester))
    return {
      entry: { atMs: now, topic, outcome: 'no address', detail: 'the ticket has no requester address' },
      log: { action: 'Status update not sent', detail: 'no requester address' },
    };
  const mail = closedMail(
    row['Ticket ID'],
    row.Subject,
    row.Requester.toLowerCase(),
    row.Followers.filter((f) => EMAIL.test(f)),
  );
  const outcome = deliverInThread(mailer, mail, row['Thread ID']);
  if (!outcome) return null;
  const recipients = [...mail.to, ...mail.cc].join(', ');
  return {
    entry: { atMs: now, topic, outcome, detail: recipients },
    log: { action: outcome === 'sent' ? 'Status update sent' : 'Status update held as draft', detail: `Closed → ${recipients}` },
  };
}
