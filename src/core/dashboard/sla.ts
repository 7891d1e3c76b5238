import { addMonths, currentMonth, monthSpan, type YearMonth } from '../hours/month';
import { type Attainment, NO_ATTAINMENT, withTicket } from '../sla/attainment';
import { PRIORITIES, SLA_STATES, type Priority, type SlaState } from '../types/vocab';

/** What the dashboard needs of a ticket. */
export interface TicketFact {
  readonly priority: Priority;
  readonly status: string;
  readonly slaState: SlaState | null;
  /** Epoch ms, or null when the row has none (then it belongs to no month). */
  readonly receivedAt: number | null;
}

/** One priority's attainment in one month: the single definition in core/sla/attainment. */
export type AttainmentCell = Attainment;

export interface MonthAttainment {
  readonly month: YearMonth;
  readonly byPriority: Readonly<Record<Priority, AttainmentCell>>;
}

/** The current month and the five before it, oldest first (provider zone). */
export function lastMonths(now: number, zone: string, count = 6): YearMonth[] {
  return monthsEndingAt(currentMonth(now, zone), count);
}

/** A month and the ones before it, oldest first. */
export function monthsEndingAt(last: YearMonth, count = 6): YearMonth[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - (count - 1)));
}

/**
 * SLA attainment by priority for tickets received in each month (see core/sla/attainment:
 * per ticket, of those settled Met or Breached). Tickets still running are pending, so a
 * month fills in as its tickets close.
 */
export function slaAttainmentByPriority(tickets: Iterable<TicketFact>, months: readonly YearMonth[], zone: string): MonthAttainment[] {
  const spans = months.map((m) => ({ month: m, ...monthSpan(m, zone) }));
  const cells = months.map(() => Object.fromEntries(PRIORITIES.map((p) => [p, NO_ATTAINMENT])) as Record<Priority, Attainment>);
  for (const t of tickets) {
    if (t.receivedAt === null) continue;
    const i = spans.findIndex((s) => t.receivedAt! >= s.start && t.receivedAt! < s.end);
    if (i < 0) continue;
    const row = cells[i]!;
    row[t.priority] = withTicket(row[t.priority], t.slaState);
  }
  return spans.map((s, i) => ({ month: s.month, byPriority: cells[i]! }));
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
