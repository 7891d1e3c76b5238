import { addMonths, currentMonth, monthSpan, type YearMonth } from '../hours/month';
import { PRIORITIES, SLA_STATES, type Priority, type SlaState } from '../types/vocab';

/** What the dashboard needs of a ticket. */
export interface TicketFact {
  readonly priority: Priority;
  readonly status: string;
  readonly slaState: SlaState | null;
  /** Epoch ms, or null when the row has none (then it belongs to no month). */
  readonly receivedAt: number | null;
}

export interface AttainmentCell {
  readonly met: number;
  readonly breached: number;
  /** met ÷ (met + breached) in percent (one decimal), null when no ticket was judged. */
  readonly percent: number | null;
}

export interface MonthAttainment {
  readonly month: YearMonth;
  readonly byPriority: Readonly<Record<Priority, AttainmentCell>>;
}

/** The current month and the five before it, oldest first (provider zone). */
export function lastMonths(now: number, zone: string, count = 6): YearMonth[] {
  const current = currentMonth(now, zone);
  return Array.from({ length: count }, (_, i) => addMonths(current, i - (count - 1)));
}

const cell = (met: number, breached: number): AttainmentCell => ({
  met,
  breached,
  percent: met + breached === 0 ? null : Math.round((met * 1000) / (met + breached)) / 10,
});

/**
 * SLA attainment by priority for tickets received in each month: of the tickets whose SLA
 * state is final (Met or Breached), the share that met it. Tickets still running (On
 * track, At risk, Paused) are not judged yet, so a month fills in as its tickets close.
 */
export function slaAttainmentByPriority(tickets: Iterable<TicketFact>, months: readonly YearMonth[], zone: string): MonthAttainment[] {
  const spans = months.map((m) => ({ month: m, ...monthSpan(m, zone) }));
  const counts = months.map(
    () => Object.fromEntries(PRIORITIES.map((p) => [p, { met: 0, breached: 0 }])) as Record<Priority, { met: number; breached: number }>,
  );
  for (const t of tickets) {
    if (t.receivedAt === null || (t.slaState !== 'Met' && t.slaState !== 'Breached')) continue;
    const i = spans.findIndex((s) => t.receivedAt! >= s.start && t.receivedAt! < s.end);
    if (i < 0) continue;
    const c = counts[i]![t.priority];
    if (t.slaState === 'Met') c.met++;
    else c.breached++;
  }
  return spans.map((s, i) => ({
    month: s.month,
    byPriority: Object.fromEntries(PRIORITIES.map((p) => [p, cell(counts[i]![p].met, counts[i]![p].breached)])) as Record<
      Priority,
      AttainmentCell
    >,
  }));
}

export const NOT_EVALUATED = 'Not evaluated';
export const OPEN_STATES = [...SLA_STATES, NOT_EVALUATED] as const;
export type OpenState = (typeof OPEN_STATES)[number];
const DONE = new Set(['Resolved', 'Closed']);

/** Open tickets (not Resolved or Closed) by SLA state; a ticket the sweep has not reached yet is "Not evaluated". */
export function openBySlaState(tickets: Iterable<TicketFact>): Record<OpenState, number> {
  const out = Object.fromEntries(OPEN_STATES.map((s) => [s, 0])) as Record<OpenState, number>;
  for (const t of tickets) {
    if (DONE.has(t.status)) continue;
    out[t.slaState ?? NOT_EVALUATED]++;
  }
  return out;
}
