import type { IsoDay } from '../hours/month';
import type { Cohort, TouchState } from '../types/vocab';
import { daysBetween, plusDays, plusMonths } from './days';

/**
 * When a client is next due a touch (a CSM call, review or training logged on Hours):
 * - Designated (Ascent360 onboarding: CSM calls "recommended weekly for 6 to 8 weeks,
 *   monthly thereafter"): weekly while within the first N weeks of Contract start, then a
 *   calendar month after the last touch;
 * - Pooled (ClientSuccess: "engage with a CSM every 45 days"): N calendar days after the
 *   last touch (or Contract start).
 * A client never touched is due from Contract start (or today, when there is none).
 */
export interface CadenceRules {
  readonly weeklyWeeks: number;
  readonly pooledDays: number;
  /** "Due soon" this many days before the due date. */
  readonly dueSoonDays: number;
}

export interface TouchDue {
  readonly next: IsoDay;
  readonly state: TouchState;
  /** The cadence applied, in words, for the Success tab. */
  readonly rule: string;
}

export function touchStateOf(next: IsoDay, today: IsoDay, dueSoonDays: number): TouchState {
  const left = daysBetween(today, next);
  return left < 0 ? 'Overdue' : left <= dueSoonDays ? 'Due soon' : 'On track';
}

export function nextTouch(
  c: {
    readonly cohort: Cohort;
    readonly contractStart: IsoDay | null;
    readonly lastTouch: IsoDay | null;
    /** The client's own cadence in days (Clients → Touch every (days)), over its cohort's; null = the cohort's. */
    readonly everyDays?: number | null;
  },
  today: IsoDay,
  rules: CadenceRules,
): TouchDue {
  const from = c.lastTouch ?? c.contractStart;
  if (c.everyDays) {
    const next = from ? plusDays(from, c.everyDays) : today;
    return { next, state: touchStateOf(next, today, rules.dueSoonDays), rule: `every ${c.everyDays} days (the client's own)` };
  }
  if (c.cohort === 'Pooled') {
    const next = from ? plusDays(from, rules.pooledDays) : today;
    return { next, state: touchStateOf(next, today, rules.dueSoonDays), rule: `pooled: every ${rules.pooledDays} days` };
  }
  const weeklyUntil = c.contractStart ? plusDays(c.contractStart, rules.weeklyWeeks * 7) : null;
  const inWeeklyPhase = from !== null && weeklyUntil !== null && plusDays(from, 7) <= weeklyUntil;
  const next = from === null ? today : inWeeklyPhase ? plusDays(from, 7) : plusMonths(from, 1);
  const rule = inWeeklyPhase ? `weekly until ${weeklyUntil} (${rules.weeklyWeeks} weeks), then monthly` : 'monthly';
  return { next, state: touchStateOf(next, today, rules.dueSoonDays), rule };
}
