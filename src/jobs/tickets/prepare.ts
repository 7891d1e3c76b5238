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
      /** What reconciling Status with the stamps changed (empty when they agreed). */
      readonly stampChanges: readonly string[];
    };

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
  const calendar = calId === null ? undefined : ctx.calendars.get(calId);
  if (!calendar)
    return {
      ok: false,
      problem:
        calId === null
          ? 'No calendar: the client names none and Settings → Default calendar is blank'
          : `Calendar ${calId} is not on the Calendars tab (or has a problem)`,
    };

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
    stampChanges: stamps.changes,
  };
}
