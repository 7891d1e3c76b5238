import { dueBusinessDays } from '../../core/calendar/index';
import { isoOf, type LedgerEntry, parseLedger } from '../../core/escalation/index';
import { autoClosedMail } from '../../core/notify/auto-closed';
import type { TicketBrief } from '../../core/notify/index';
import { deliverInThread } from '../mail/letters';
import type { QuotaMailer } from '../mail/quota';
import type { RowUpdate } from '../tickets/compute-row';
import type { TicketRecord } from '../tickets/prepare';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The Notified topic of the close after silence, one per resolution. */
export const autoClosedTopic = (resolvedAtMs: number) => `auto-closed@${isoOf(resolvedAtMs)}`;

/**
 * When a Resolved ticket closes for silence: `days` business days of its calendar after
 * Resolved at (a reply in between reopens or closes it, so a ticket still Resolved has had
 * none), or null when it is not due, already done, or the setting is 0 (never).
 */
export function autoCloseDue(row: TicketRecord, u: RowUpdate, days: number, now: number): number | null {
  if (days <= 0 || row.Status !== 'Resolved' || !u.prepared.ok) return null;
  const resolvedAt = row['Resolved at']?.getTime();
  if (resolvedAt === undefined) return null;
  if (parseLedger(row.Notified).some((e) => e.topic === autoClosedTopic(resolvedAt))) return null;
  const due = dueBusinessDays(u.prepared.calendar, resolvedAt, days);
  return now >= due ? due : null;
}

export interface AutoClosed {
  readonly entry: LedgerEntry;
  /** The cells to write: Status Closed, Closed by, Closed at. */
  readonly values: Record<string, unknown>;
  readonly log: { action: string; detail: string };
}

/**
 * Closes the ticket with a notice to the requester and followers in its thread ("closed as
 * resolved; reply and we pick it up again"), recorded in Notified and as Closed by
 * `auto-closed`. A notice that cannot be sent (the send threw) leaves the ticket Resolved
 * for the next sweep; one with nobody to receive it closes the ticket and says so.
 */
export function autoClose(
  row: TicketRecord,
  brief: TicketBrief,
  mailer: QuotaMailer,
  days: number,
  dueMs: number,
  now: number,
): AutoClosed | null {
  const resolvedAt = row['Resolved at']!.getTime();
  const topic = autoClosedTopic(resolvedAt);
  const values = {
    Status: 'Closed',
    'Closed by': `auto-closed (no reply in ${days} business day${days === 1 ? '' : 's'})`,
    'Closed at': new Date(dueMs),
  };
  if (!EMAIL.test(row.Requester)) {
    return {
      entry: { atMs: now, topic, outcome: 'no address', detail: 'the ticket has no requester address' },
      values,
      log: { action: 'Auto-closed', detail: `no reply in ${days} business days after Resolved; no requester address to tell` },
    };
  }
  const mail = autoClosedMail(
    brief,
    row.Followers.filter((f) => EMAIL.test(f)),
    days,
    now,
  );
  const outcome = deliverInThread(mailer, mail, row['Thread ID']);
  if (!outcome) return null;
  const recipients = [...mail.to, ...mail.cc].join(', ');
  return {
    entry: { atMs: now, topic, outcome, detail: recipients },
    values,
    log: {
      action: 'Auto-closed',
      detail: `no reply in ${days} business days after Resolved; notice ${outcome === 'sent' ? 'sent' : 'held as draft'} to ${recipients}`,
    },
  };
}
