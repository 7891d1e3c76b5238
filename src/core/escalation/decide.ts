import { MINUTE_MS, dueAfterOpenMs, type BusinessCalendar } from '../calendar/index';
import { evaluateTicket, overallState, type SlaPolicy, type TargetEvaluation, type TargetName, type TicketFacts } from '../sla/index';
import type { Priority, SlaState } from '../types/vocab';
import { escalationTopic, reminderTopic, resolvedTopic, type LedgerEntry } from './ledger';
import type { Tier } from './matrix';
import type { TargetRecord } from './record';
import { tiersToldOnRequest } from './client-request';

const HOUR_MS = 60 * MINUTE_MS;
const TARGET_ORDER: readonly TargetName[] = ['first response', 'next update', 'resolution'];

/** A resolution notice is only worth sending while the customer still remembers the ticket. */
export const RESOLVED_NOTICE_WINDOW_MS = 72 * HOUR_MS;

export interface TicketSituation {
  readonly facts: TicketFacts;
  readonly policy: SlaPolicy;
  readonly calendar: BusinessCalendar;
  readonly now: number;
  /** The client's escalation matrix; null = none (nothing escalates, the caller reports it). */
  readonly tiers: readonly Tier[] | null;
  readonly ledger: readonly LedgerEntry[];
  readonly record: readonly TargetRecord[];
  readonly explain?: boolean;
}

export interface EscalationNotice {
  readonly kind: 'escalation';
  readonly target: TargetName;
  /** Next update only: the start of the clock this notice is about. */
  readonly cycleStartMs?: number;
  /** The tier to tell now: the highest whose condition holds and who was not told yet. */
  readonly tier: Tier;
  /** Lower tiers also due and not told (the sweep was not running, or the ticket’s notices were queued one per sweep): copied, not mailed apart. */
  readonly caughtUp: readonly Tier[];
  /** What earlier sweeps already did about this target. */
  readonly previously: readonly LedgerEntry[];
  readonly evaluation: TargetEvaluation;
  readonly topic: string;
}

export interface ResolvedNotice {
  readonly kind: 'resolved';
  readonly resolvedAtMs: number;
  /** Resolved too long ago to tell the customer now; recorded as skipped. */
  readonly stale: boolean;
  readonly topic: string;
}

export interface ReminderNotice {
  readonly kind: 'reminder';
  readonly cycleStartMs: number;
  readonly evaluation: TargetEvaluation;
  readonly topic: string;
}

export type Notice = EscalationNotice | ResolvedNotice | ReminderNotice;

export interface TicketDecision {
  readonly evaluations: readonly TargetEvaluation[];
  /** Worst state over the targets, final records included. */
  readonly state: SlaState | null;
  readonly dues: Readonly<Record<TargetName, number | null>>;
  readonly record: readonly TargetRecord[];
  /** Everything due, most important first; the sweep sends at most one per ticket per run. */
  readonly notices: readonly Notice[];
}

/** Whether a target's clock still runs (a met or late-met target no longer escalates). */
function isLive(target: TargetName, facts: TicketFacts): boolean {
  if (facts.status === 'Resolved' || facts.status === 'Closed' || facts.resolvedAt !== null) return false;
  if (target === 'first response') return facts.firstResponseAt === null;
  return true;
}

/** Whether a tier's When holds for this evaluation at `now`. */
export function tierHolds(tier: Tier, ev: TargetEvaluation, cal: BusinessCalendar, now: number): boolean {
  if (tier.when.kind === 'at risk') return ev.state === 'At risk' || ev.state === 'Breached';
  if (ev.state !== 'Breached' || ev.breachedAtMs === undefined) return false;
  if (tier.when.afterHours === 0) return true;
  return now >= dueAfterOpenMs(cal, ev.breachedAtMs, tier.when.afterHours * HOUR_MS);
}

/** When a `breached + N h` tier falls due (for messages); null for other tiers. */
export function tierMoment(tier: Tier, ev: TargetEvaluation, cal: BusinessCalendar): number | null {
  if (tier.when.kind !== 'breached' || ev.breachedAtMs === undefined) return null;
  return tier.when.afterHours === 0 ? ev.breachedAtMs : dueAfterOpenMs(cal, ev.breachedAtMs, tier.when.afterHours * HOUR_MS);
}

/**
 * Everything the sweep needs to know about one ticket at `now`, pure. Escalation: per
 * target, the tiers whose condition holds and that the ledger has not seen; when several
 * are due at once (the sweep was down), only the highest is notified and the others are
 * named in it — one mail, with the history, instead of a burst of stale ones.
 */
export function decideTicket(s: TicketSituation, priority: Priority): TicketDecision {
  const { facts, policy, calendar: cal, now } = s;
  const evaluations = evaluateTicket(facts, policy, cal, now, { explain: s.explain ?? false });
  const cycleStart = Math.max(facts.receivedAt, facts.lastStaffMessageAt ?? facts.receivedAt);

  // Final records: keep what is recorded, add what became final now.
  const record = [...s.record];
  for (const ev of evaluations) {
    if (record.some((r) => r.target === ev.target)) continue;
    if (ev.state === 'Breached' && ev.breachedAtMs !== undefined)
      record.push({ target: ev.target, state: 'Breached', atMs: ev.breachedAtMs });
    else if (ev.state === 'Met' && ev.metAtMs !== undefined && ev.target !== 'next update')
      record.push({ target: ev.target, state: 'Met', atMs: ev.metAtMs });
  }
  const shown = evaluations.map((ev) => {
    const r = record.find((x) => x.target === ev.target);
    return r && ev.target !== 'next update' ? { ...ev, state: r.state } : ev;
  });
  const recordedOnly = record
    .filter((r) => r.target === 'next update' && r.state === 'Breached')
    .map((r) => ({ state: r.state }) as TargetEvaluation);
  const state = overallState([...shown, ...recordedOnly]);

  const dues = { 'first response': null, 'next update': null, resolution: null } as Record<TargetName, number | null>;
  for (const ev of evaluations) dues[ev.target] = ev.dueMs;

  const notices: Notice[] = [];
  const told = new Set(s.ledger.map((e) => e.topic));
  // A tier a client's request already raised the ticket to is not told again by the SLA clock.
  const toldOnRequest = tiersToldOnRequest(s.ledger);
  if (s.tiers && s.tiers.length > 0) {
    const escalations: EscalationNotice[] = [];
    for (const ev of evaluations) {
      if (!isLive(ev.target, facts)) continue;
      const cycle = ev.target === 'next update' ? cycleStart : undefined;
      const topicOf = (t: Tier) => escalationTopic(ev.target, t.tier, cycle);
      const due = s.tiers.filter((t) => !told.has(topicOf(t)) && !toldOnRequest.has(t.tier) && tierHolds(t, ev, cal, now));
      if (due.length === 0) continue;
      const tier = due[due.length - 1]!;
      // Same target (and, for next update, the same clock) as this notice.
      const prefix = escalationTopic(ev.target, 0, cycle).slice(0, -1);
      escalations.push({
        kind: 'escalation',
        target: ev.target,
        ...(cycle === undefined ? {} : { cycleStartMs: cycle }),
        tier,
        caughtUp: due.slice(0, -1),
        previously: s.ledger.filter((e) => e.topic.startsWith(prefix)),
        evaluation: ev,
        topic: topicOf(tier),
      });
    }
    escalations.sort((a, b) => b.tier.tier - a.tier.tier || TARGET_ORDER.indexOf(a.target) - TARGET_ORDER.indexOf(b.target));
    notices.push(...escalations);
  }

  if (facts.status === 'Resolved' && facts.resolvedAt !== null) {
    const topic = resolvedTopic(facts.resolvedAt);
    if (!told.has(topic))
      notices.push({ kind: 'resolved', resolvedAtMs: facts.resolvedAt, stale: now - facts.resolvedAt > RESOLVED_NOTICE_WINDOW_MS, topic });
  }

  if (priority === 'Critical') {
    const nu = evaluations.find((e) => e.target === 'next update');
    const topic = reminderTopic(cycleStart);
    if (nu && isLive('next update', facts) && (nu.state === 'At risk' || nu.state === 'Breached') && !told.has(topic)) {
      // While the update can still be on time, the reminder to the person who sends it
      // goes first: behind the escalations (one mail per ticket per sweep) it would
      // arrive a sweep or two later, after the deadline with a 30-minute sweep interval.
      const reminder: ReminderNotice = { kind: 'reminder', cycleStartMs: cycleStart, evaluation: nu, topic };
      if (nu.state === 'At risk') notices.unshift(reminder);
      else notices.push(reminder);
    }
  }

  return { evaluations, state, dues, record, notices };
}
