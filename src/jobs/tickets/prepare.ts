import { asCalendarId } from '../../core/types/ids';
import { decodePolicy, encodePolicy, lookupPolicy, policyCalendarId, type SlaPolicy, type TicketFacts } from '../../core/sla/index';
import type { BusinessCalendar } from '../../core/calendar/index';
import type { RowOf } from '../../register/tab-spec';
import type { TicketsTab } from '../../register/tabs';
import { clientCalendarId, type ClientRecord, type SlaContext } from '../shared/sla-context';
import { parsePaused, PausedCellError } from './paused-cell';
import { reconcileStamps } from './status-stamps';

export type TicketRecord = RowOf<typeof TicketsTab>;

/** A ticket the engine can evaluate: everything resolved from the register, or why not. */
export type Prepared =
  | { readonly ok: false; readonly problem: string; readonly ended?: boolean }
  | {
      readonly ok: true;
      readonly client: ClientRecord;
      readonly facts: TicketFacts;
      readonly policy: SlaPolicy;
      /** Set when the Policy cell must change (blank, unreadable, or a Priority / plan change). */
      readonly policyChange: { readonly from: SlaPolicy | null; readonly text: string } | null;
      readonly calendar: BusinessCalendar;
      /** Set when the ticket's own calendar is missing or broken and it counts on the fallback: why, for its due notes and Problems cell. */
      readonly fallback: { readonly reason: string; readonly note: string } | null;
      /** What reconciling Status with the stamps changed (empty when they agreed). */
      readonly stampChanges: readonly string[];
    };

/** In a ticket's Problems cell while it counts on the fallback calendar (so leaving it rewrites the due notes). */
export const FALLBACK_MARK = 'counted on the fallback';

const ms = (d: Date | null) => (d === null ? null : d.getTime());

/**
 * Resolves a Tickets row against the SLA context at `now`: client (not Ended), stamps
 * reconciled with Status, the policy it keeps (or a new one after a Priority or plan
 * change), and its calendar.
 */
export function prepareTicket(row: TicketRecord, ctx: SlaContext, now: number): Prepared {
  const clientId = row['Client ID'];
  const client = ctx.clients.get(clientId);
  if (!client) return { ok: false, problem: `Client ID ${clientId} is not on the Clients tab (or its row has a problem)` };
  if (client.Status === 'Ended')
    return { ok: false, ended: true, problem: `Client ${clientId} has ended: SLA tracking and escalation are off for this ticket` };
  const receivedAt = ms(row['Received at']);
  if (receivedAt === null) return { ok: false, problem: 'Received at is blank: deadlines count from it' };

  let pauses;
  try {
    pauses = parsePaused(row.Paused);
  } catch (e) {
    if (!(e instanceof PausedCellError)) throw e;
    return { ok: false, problem: e.message };
  }
  const stamps = reconcileStamps(row.Status, { resolvedAt: ms(row['Resolved at']), pauses }, now);

  const kept = row.Policy.trim() === '' ? null : decodePolicy(row.Policy);
  let policy: SlaPolicy | null = kept;
  const planChanged = kept !== null && kept.plan.trim().toLowerCase() !== client.Plan.trim().toLowerCase();
  if (kept === null || kept.priority !== row.Priority || planChanged) {
    policy = lookupPolicy(ctx.policies, client.Plan, row.Priority);
    if (!policy) return { ok: false, problem: `No SLA policy for plan "${client.Plan}" and priority ${row.Priority} (SLA Policies tab)` };
  }
  const text = encodePolicy(policy!);
  // Compared as policies, not cell text: a cell an earlier version wrote as JSON holds the same policy.
  const policyChange = kept !== null && encodePolicy(kept) === text ? null : { from: kept, text };

  const ownCal = clientCalendarId(client, ctx.settings);
  const calId = policyCalendarId(policy!, ownCal === '' ? null : asCalendarId(ownCal));
  const own = calId === null ? undefined : ctx.calendars.get(calId);
  // Fail safe, not open: a broken calendar must not switch the ticket's SLA off.
  const reason =
    calId === null
      ? 'No calendar: the client names none and Settings → Default calendar is blank'
      : `Calendar ${calId} is not on the Calendars tab (or has a problem)`;
  const fallback = own ? null : { reason, note: `${reason}; ${FALLBACK_MARK} ${ctx.fallback.label} until it is fixed` };
  const calendar = own ?? ctx.fallback.calendar;

  return {
    ok: true,
    client,
    facts: {
      receivedAt,
      priority: row.Priority,
      status: row.Status,
      pauses: stamps.pauses,
      firstResponseAt: ms(row['First response at']),
      lastStaffMessageAt: ms(row['Last staff message at']),
      resolvedAt: stamps.resolvedAt,
    },
    policy: policy!,
    policyChange,
    calendar,
    fallback,
    stampChanges: stamps.changes,
  };
}
