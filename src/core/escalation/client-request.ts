import type { LedgerEntry } from './ledger';
import type { Tier } from './matrix';

/** A client's request to escalate, read from the Notified ledger, with what answering it means. */
export interface ClientRequest {
  /** `client escalation@<ISO>`: the request's own line; the answer's lines extend it. */
  readonly topic: string;
  readonly requestedAtMs: number;
  /** Who asked and in which words, as the inbox job recorded it. */
  readonly detail: string;
  /** The tier to tell now: the lowest above every tier already told; null when all were told. */
  readonly tier: Tier | null;
  /** Who owns the ticket once answered: `tier`, else the highest tier already told (the client is told so). */
  readonly owner: Tier | null;
  /** What earlier notices already told, for the tier's mail. */
  readonly previously: readonly LedgerEntry[];
}

const TOLD: ReadonlySet<LedgerEntry['outcome']> = new Set(['sent', 'draft', 'caught up']);

/** The tiers any line of the ledger says were told (SLA escalations and client requests alike). */
export function toldTiers(ledger: readonly LedgerEntry[]): Set<number> {
  const told = new Set<number>();
  for (const e of ledger) {
    const m = / T(\d+)$/.exec(e.topic);
    if (m && TOLD.has(e.outcome)) told.add(Number(m[1]));
  }
  return told;
}

/** The tiers told because a client asked: SLA escalations do not tell them again. */
export function tiersToldOnRequest(ledger: readonly LedgerEntry[]): Set<number> {
  const told = new Set<number>();
  for (const e of ledger) {
    const m = /^client escalation@\S+ T(\d+)$/.exec(e.topic);
    if (m && TOLD.has(e.outcome)) told.add(Number(m[1]));
  }
  return told;
}

/**
 * The client requests in a ticket's ledger not yet answered, oldest first, each raising the
 * ticket one tier above every tier told so far (by the SLA sweep or an earlier request). A
 * request answered on any outcome (sent, draft, no address, skipped) is not answered again;
 * a failed one is, at the next sweep.
 */
export function pendingClientRequests(ledger: readonly LedgerEntry[], tiers: readonly Tier[]): ClientRequest[] {
  const out: ClientRequest[] = [];
  const told = toldTiers(ledger);
  for (const e of ledger) {
    if (e.outcome !== 'requested' || !e.topic.startsWith('client escalation@')) continue;
    const answered = ledger.some((a) => a.topic.startsWith(`${e.topic} T`) && a.outcome !== 'failed');
    if (answered) continue;
    const top = Math.max(0, ...told);
    const tier = tiers.find((t) => t.tier > top && !told.has(t.tier)) ?? null;
    const owner = tier ?? [...tiers].reverse().find((t) => told.has(t.tier)) ?? tiers[tiers.length - 1] ?? null;
    out.push({
      topic: e.topic,
      requestedAtMs: e.atMs,
      detail: e.detail,
      tier,
      owner,
      previously: ledger.filter((x) => / T\d+$/.test(x.topic) && TOLD.has(x.outcome)),
    });
    // Two requests read in one sweep raise the ticket two tiers, as two mails a day apart would.
    if (tier) told.add(tier.tier);
  }
  return out;
}
