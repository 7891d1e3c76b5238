import type { CalendarId } from '../types/ids';
import type { Priority, SlaState, TicketStatus } from '../types/vocab';
import type { EpochMs } from '../calendar/index';

export type TargetName = 'first response' | 'next update' | 'resolution';

/** A target as the policy states it: business hours, or business days where a plan says so. */
export type Target = { readonly unit: 'hours'; readonly hours: number } | { readonly unit: 'business days'; readonly days: number };

/** One row of SLA Policies. A null target is one the policy does not set. */
export interface SlaPolicy {
  readonly plan: string;
  readonly priority: Priority;
  readonly firstResponse: Target | null;
  readonly nextUpdate: Target | null;
  readonly resolution: Target | null;
  /** The policy's own calendar; null = the client's. */
  readonly calendarId: CalendarId | null;
  /** At risk once this share of the target has been used. */
  readonly atRiskPercent: number;
}

/** A stretch with the clock stopped (Waiting on customer); `to` null = still paused. */
export interface PauseInterval {
  readonly from: EpochMs;
  readonly to: EpochMs | null;
}

/** What the register knows about a ticket; all instants in epoch ms. */
export interface TicketFacts {
  readonly receivedAt: EpochMs;
  readonly priority: Priority;
  readonly status: TicketStatus;
  readonly pauses: readonly PauseInterval[];
  readonly firstResponseAt: EpochMs | null;
  readonly lastStaffMessageAt: EpochMs | null;
  readonly resolvedAt: EpochMs | null;
}

export interface TargetEvaluation {
  readonly target: TargetName;
  /** When the target falls due; null while paused (the clock is stopped, so there is no date yet). */
  readonly dueMs: EpochMs | null;
  readonly targetMinutes: number;
  /** Business minutes used so far (to the stop, or to now), pauses excluded, floored. */
  readonly elapsedMinutes: number;
  /** Target minus elapsed; negative = that many business minutes overdue. */
  readonly remainingMinutes: number;
  readonly percentUsed: number;
  readonly state: SlaState;
  readonly metAtMs?: EpochMs;
  readonly breachedAtMs?: EpochMs;
  /** One line for the due cell's note, when asked for. */
  readonly explanation?: string;
}
