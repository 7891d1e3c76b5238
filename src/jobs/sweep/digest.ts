import { escalationDigests } from '../../core/notify/index';
import type { QuotaMailer } from '../mail/quota';
import { recordEscalation, safeDeliver, type Delivered, type PendingEscalation } from './deliver';

/**
 * The escalations one sweep decided, gathered so that tickets due to the same people (the
 * same To and Cc) share one digest mail instead of one mail each. A ticket alone with its
 * people gets its usual escalation mail. Each ticket's Notified ledger and Log line still
 * record its own escalation, naming the digest.
 */
export class EscalationBatch {
  private readonly groups = new Map<string, { ticketId: string; item: PendingEscalation }[]>();

  get size(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.length;
    return n;
  }

  add(ticketId: string, item: PendingEscalation): void {
    const key = audienceKey(item);
    const group = this.groups.get(key) ?? [];
    group.push({ ticketId, item });
    this.groups.set(key, group);
  }

  /**
   * Sends each group while `mayContinue()` says there is time; returns what each ticket's
   * escalation came to. Tickets of a group not sent are absent: the next sweep decides them again.
   */
  flush(mailer: QuotaMailer, now: number, mayContinue: () => boolean): Map<string, Delivered> {
    const out = new Map<string, Delivered>();
    groups: for (const group of this.groups.values()) {
      const first = group[0]!.item;
      const parts = escalationDigests(
        group.map((g) => g.item.mail),
        first.mail.to,
        first.mail.cc,
        DIGEST_MAX_BYTES,
      );
      for (const part of parts) {
        if (!mayContinue()) break groups;
        const outcome = safeDeliver(mailer, part.mail, '');
        for (const i of part.members) {
          const g = group[i]!;
          out.set(g.ticketId, recordEscalation(g.item, outcome, mailer, now, part.members.length));
        }
      }
    }
    this.groups.clear();
    return out;
  }
}

/**
 * The largest digest body sent: half of Gmail's 200 KB consumer limit, so that a flood of
 * hundreds of tickets goes out as a few digests rather than one mail Gmail refuses.
 */
const DIGEST_MAX_BYTES = 100 * 1024;

/** The people a mail goes to, order and case aside. */
function audienceKey(item: PendingEscalation): string {
  const norm = (list: readonly string[]) => [...new Set(list.map((a) => a.toLowerCase()))].sort().join(',');
  return `${norm(item.mail.to)}|${norm(item.mail.cc)}`;
}
