import { MINUTE_MS, dueBusinessDays, explainSpan, nextOpen, openMsBetween, type BusinessCalendar, type EpochMs } from '../calendar/index';
import { dueOutsidePauses, normalisePauses, openMsOutsidePauses } from './paused-clock';
import type { PauseInterval, SlaPolicy, Target, TargetEvaluation, TargetName, TicketFacts } from './types';

const HOUR_MS = 60 * MINUTE_MS;

/** A target in open ms from `start`: business days become the open time they span there. */
function targetOpenMs(cal: BusinessCalendar, start: EpochMs, target: Target): number {
  if (target.unit === 'hours') return Math.round(target.hours * HOUR_MS);
  const from = nextOpen(cal, start);
  return openMsBetween(cal, from, dueBusinessDays(cal, from, target.days));
}

/**
 * The note's heading. A business-day target says how it is counted, since a person checks it
 * against a calendar: the same time of day on the Nth later day with open hours (a half day
 * counts; weekends, holidays and closed days do not).
 */
function headingOf(target: Target): string {
  if (target.unit === 'hours') return `${target.hours} h`;
  const n = target.days;
  return `${n} business day${n === 1 ? '' : 's'} (the same time on the ${ordinal(n)} later day with open hours; weekends and holidays do not count, a half day does)`;
}

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** A target as a client reads it in an acknowledgement: "within 4 business hours", "within 2 business days". */
export function targetInWords(target: Target): string {
  if (target.unit === 'business days') return `within ${target.days} business day${target.days === 1 ? '' : 's'}`;
  const h = target.hours;
  if (h < 1) return `within ${Math.round(h * 60)} business minutes`;
  return `within ${h} business hour${h === 1 ? '' : 's'}`;
}

interface Clock {
  readonly name: TargetName;
  readonly target: Target;
  readonly start: EpochMs;
  readonly pauses: readonly PauseInterval[];
  /** When the target was satisfied (staff message, resolution), else null. */
  readonly stop: EpochMs | null;
  readonly pausedNow: boolean;
}

function evaluateClock(clock: Clock, policy: SlaPolicy, cal: BusinessCalendar, now: EpochMs, explain: boolean): TargetEvaluation {
  const end = clock.stop ?? now;
  // A pause still open when the target stopped ended there; one still open now has no end yet.
  const spans = normalisePauses(clock.pauses, clock.stop ?? Infinity);
  const targetMs = targetOpenMs(cal, clock.start, clock.target);
  const dueMs = dueOutsidePauses(cal, clock.start, targetMs, spans);
  const usedMs = Math.max(
    0,
    openMsOutsidePauses(
      cal,
      clock.start,
      Math.max(end, clock.start),
      spans.map((s) => ({ from: s.from, to: Math.min(s.to, end) })),
    ),
  );
  const targetMinutes = Math.round(targetMs / MINUTE_MS);
  const elapsedMinutes = Math.floor(usedMs / MINUTE_MS);
  const percentUsed = targetMs > 0 ? Math.round((usedMs / targetMs) * 1000) / 10 : 100;
  const base = {
    target: clock.name,
    dueMs,
    targetMinutes,
    elapsedMinutes,
    remainingMinutes: targetMinutes - elapsedMinutes,
    percentUsed,
  };
  const withNote = (e: TargetEvaluation): TargetEvaluation => {
    if (!explain || dueMs === null) return e;
    const pausedMs = openMsBetween(cal, clock.start, dueMs) - targetMs;
    const heading = headingOf(clock.target) + (pausedMs > 0 ? ` (+${Math.round(pausedMs / 360_000) / 10} h paused)` : '');
    return { ...e, explanation: explainSpan(cal, clock.start, dueMs, heading) };
  };
  if (clock.stop !== null) {
    const inTime = dueMs === null || clock.stop <= dueMs;
    return withNote(
      inTime ? { ...base, state: 'Met', metAtMs: clock.stop } : { ...base, state: 'Breached', breachedAtMs: dueMs ?? clock.stop },
    );
  }
  // Breached is final for this target even if a pause begins afterwards.
  if (dueMs !== null && now > dueMs) return withNote({ ...base, state: 'Breached', breachedAtMs: dueMs });
  if (clock.pausedNow) return withNote({ ...base, state: 'Paused' });
  return withNote({ ...base, state: percentUsed >= policy.atRiskPercent ? 'At risk' : 'On track' });
}

export interface EvaluateOptions {
  /** Add the one-line deadline explanation for the due cell's note (costs a few zone look-ups per day spanned). */
  readonly explain?: boolean;
}

/**
 * The ticket's SLA targets at `now`, pure: everything comes in as arguments.
 * - first response: from Received at until the first staff message (a resolution without
 *   one also stops it); the clock is not paused.
 * - next update (when the policy sets it): from the last staff message, or from Received at
 *   if there is none, while the ticket is not resolved; paused while waiting on the customer.
 * - resolution: from Received at until Resolved at, paused while waiting on the customer.
 * Everything counts from Received at with the given priority's policy, so a priority
 * change simply recomputes.
 */
export function evaluateTicket(
  facts: TicketFacts,
  policy: SlaPolicy,
  cal: BusinessCalendar,
  now: EpochMs,
  options: EvaluateOptions = {},
): TargetEvaluation[] {
  const explain = options.explain ?? false;
  const resolved = facts.resolvedAt !== null || facts.status === 'Resolved' || facts.status === 'Closed';
  const waiting = facts.status === 'Waiting on customer';
  const hasOpenPause = facts.pauses.some((p) => p.to === null);
  // The status is the users' word: waiting on the customer with no pause recorded yet pauses from now.
  const pauses: PauseInterval[] = waiting && !hasOpenPause ? [...facts.pauses, { from: now, to: null }] : [...facts.pauses];
  const pausedNow = waiting || hasOpenPause;
  const out: TargetEvaluation[] = [];
  if (policy.firstResponse) {
    const stop = facts.firstResponseAt ?? facts.resolvedAt;
    out.push(
      evaluateClock(
        { name: 'first response', target: policy.firstResponse, start: facts.receivedAt, pauses: [], stop, pausedNow: false },
        policy,
        cal,
        now,
        explain,
      ),
    );
  }
  if (policy.nextUpdate && !resolved) {
    const start = Math.max(facts.receivedAt, facts.lastStaffMessageAt ?? facts.receivedAt);
    out.push(
      evaluateClock({ name: 'next update', target: policy.nextUpdate, start, pauses, stop: null, pausedNow }, policy, cal, now, explain),
    );
  }
  if (policy.resolution) {
    out.push(
      evaluateClock(
        { name: 'resolution', target: policy.resolution, start: facts.receivedAt, pauses, stop: facts.resolvedAt, pausedNow },
        policy,
        cal,
        now,
        explain,
      ),
    );
  }
  return out;
}

/** The worst state across targets, for the ticket's single SLA state cell. */
export function overallState(evaluations: readonly TargetEvaluation[]): TargetEvaluation['state'] | null {
  const rank = ['Met', 'On track', 'Paused', 'At risk', 'Breached'] as const;
  let worst: TargetEvaluation['state'] | null = null;
  for (const e of evaluations) if (worst === null || rank.indexOf(e.state) > rank.indexOf(worst)) worst = e.state;
  return worst;
}

/** What "Reapply policies" logs: each target whose due moved, from → to. */
export function movedDues(
  before: readonly TargetEvaluation[],
  after: readonly TargetEvaluation[],
): { target: TargetName; fromMs: EpochMs | null; toMs: EpochMs | null }[] {
  const moved: { target: TargetName; fromMs: EpochMs | null; toMs: EpochMs | null }[] = [];
  const names: TargetName[] = ['first response', 'next update', 'resolution'];
  for (const name of names) {
    const a = before.find((e) => e.target === name)?.dueMs ?? null;
    const b = after.find((e) => e.target === name)?.dueMs ?? null;
    if (a !== b) moved.push({ target: name, fromMs: a, toMs: b });
  }
  return moved;
}
