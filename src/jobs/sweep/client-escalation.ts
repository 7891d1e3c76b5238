import { pendingClientRequests, type LedgerEntry, type Tier } from '../../core/escalation/index';
import { clientEscalationMail, clientEscalationReply, ownerName, type TicketBrief } from '../../core/notify/index';
import type { QuotaMailer } from '../mail/quota';
import type { ClientRecord } from '../shared/sla-context';
import type { RowUpdate } from '../tickets/compute-row';
import type { TicketRecord } from '../tickets/prepare';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ClientEscalationOutcome {
  readonly entries: LedgerEntry[];
  readonly logs: { action: string; detail: string }[];
  readonly sent: number;
  readonly drafted: number;
}

/**
 * Answers the client requests to escalate that the inbox job wrote into a ticket's Notified
 * cell: the next tier of the client's matrix is mailed with the history (its address, else
 * the client's CSM), and the client who asked hears in the ticket's thread who owns it now,
 * copied to the followers. A tier already told is never told again; when all were, the
 * client is told who already owns the ticket. Null when no request waits.
 */
export function answerClientEscalations(
  row: TicketRecord,
  u: RowUpdate,
  tiers: readonly Tier[] | null,
  client: ClientRecord,
  brief: () => TicketBrief,
  mailer: QuotaMailer,
  now: number,
): ClientEscalationOutcome | null {
  const requests = pendingClientRequests(u.ledger, tiers ?? []);
  if (requests.length === 0) return null;
  const out: ClientEscalationOutcome = { entries: [], logs: [], sent: 0, drafted: 0 };
  const count = (d: 'sent' | 'draft') => (d === 'sent' ? (out as { sent: number }).sent++ : (out as { drafted: number }).drafted++);
  const b = brief();
  for (const r of requests) {
    const asker = /^([^\s:]+@[^\s:]+)/.exec(r.detail)?.[1]?.toLowerCase() ?? row.Requester.toLowerCase();
    if (!tiers || tiers.length === 0 || !r.owner) {
      out.entries.push({ atMs: now, topic: `${r.topic} T0`, outcome: 'no address', detail: 'the client has no escalation matrix' });
      out.logs.push({
        action: 'Client escalation not sent',
        detail: `${asker} asked to escalate, but the client has no escalation matrix (Clients → Escalation matrix, Settings → Default escalation matrix)`,
      });
      continue;
    }
    if (r.tier) {
      const address = r.tier.email || client['CSM email'];
      if (!EMAIL.test(address)) {
        out.entries.push({
          atMs: now,
          topic: `${r.topic} T${r.tier.tier}`,
          outcome: 'no address',
          detail: `tier ${r.tier.tier} has no Email and the client no CSM email`,
        });
        out.logs.push({
          action: 'Client escalation not sent',
          detail: `${asker} asked to escalate: tier ${r.tier.tier} (${r.tier.title}) has no address`,
        });
        continue;
      }
      let d: 'sent' | 'draft';
      try {
        d = mailer.deliver(clientEscalationMail(b, r, r.tier, address)).delivery;
      } catch (e) {
        out.entries.push({
          atMs: now,
          topic: `${r.topic} T${r.tier.tier}`,
          outcome: 'failed',
          detail: e instanceof Error ? e.message : String(e),
        });
        out.logs.push({ action: 'Client escalation failed', detail: `tier ${r.tier.tier}: ${e instanceof Error ? e.message : String(e)}` });
        continue;
      }
      count(d);
      out.entries.push({ atMs: now, topic: `${r.topic} T${r.tier.tier}`, outcome: d, detail: `${address} (asked by ${asker})` });
      out.logs.push({
        action: d === 'sent' ? `Escalated to tier ${r.tier.tier} on request` : `Escalation tier ${r.tier.tier} on request held as draft`,
        detail: `${asker} asked to escalate → ${address} (${ownerName(r.tier)})`,
      });
    } else {
      out.entries.push({
        atMs: now,
        topic: `${r.topic} T${r.owner.tier}`,
        outcome: 'skipped',
        detail: `every tier already told; ${ownerName(r.owner)} owns it`,
      });
      out.logs.push({
        action: 'Client escalation',
        detail: `${asker} asked to escalate; every tier was already told, ${ownerName(r.owner)} owns it`,
      });
    }
    if (!EMAIL.test(asker)) continue;
    const followers = row.Followers.filter((f) => EMAIL.test(f));
    const reply = clientEscalationReply(b, r.tier ?? r.owner, r.tier !== null, asker, followers, '');
    try {
      const d = mailer.deliver(reply, row['Thread ID'] ? { threadId: row['Thread ID'] } : undefined).delivery;
      count(d);
      out.entries.push({ atMs: now, topic: `${r.topic} reply`, outcome: d, detail: [...reply.to, ...reply.cc].join(', ') });
    } catch (e) {
      out.entries.push({ atMs: now, topic: `${r.topic} reply`, outcome: 'failed', detail: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
