import type { BusinessCalendar } from '../../core/calendar/index';
import { encodePolicy, evaluateTicket, lookupPolicy, overallState, policyCalendarId } from '../../core/sla/index';
import type { SlaContext } from '../shared/sla-context';
import { asCalendarId } from '../../core/types/ids';
import type { Priority, SlaState } from '../../core/types/vocab';

export interface NewTicketDeadlines {
  readonly firstResponseDue: number | null;
  readonly nextUpdateDue: number | null;
  readonly resolutionDue: number | null;
  /** One line per due cell, for its note (explainDue). */
  readonly notes: { readonly first?: string; readonly next?: string; readonly resolution?: string };
  readonly slaState: SlaState | null;
  readonly policy: string;
  /** The calendar's zone, to state the promise in local time. */
  readonly timeZone: string | null;
  readonly problem?: string;
}

/**
 * The SLA engine over the register as read this run: policies by (plan, priority) and
 * calendars from the shared SLA context (the same loader the sweep uses, so a ticket's
 * deadlines are computed alike at opening and at every sweep).
 */
export class Deadlines {
  constructor(
    private readonly context: Pick<SlaContext, 'calendars' | 'policies' | 'problems'>,
    private readonly defaultCalendar: string,
  ) {}

  /** Reference rows the context could not use, as Log lines. */
  get problems(): string[] {
    return this.context.problems.map((p) => `${p.tab} row ${p.rowNumber}: ${p.message}`);
  }

  private calendar(id: string): BusinessCalendar | string {
    return this.context.calendars.get(id) ?? `calendar "${id}" is not on the Calendars tab (or has problems)`;
  }

  forNewTicket(plan: string, clientCalendar: string, priority: Priority, receivedAt: number, now: number): NewTicketDeadlines {
    const none = (problem: string): NewTicketDeadlines => ({
      firstResponseDue: null,
      nextUpdateDue: null,
      resolutionDue: null,
      notes: {},
      slaState: null,
      policy: '',
      timeZone: null,
      problem,
    });
    const policy = lookupPolicy(this.context.policies, plan, priority);
    if (!policy) return none(`no SLA policy for plan "${plan}" and priority ${priority}`);
    const calId = policyCalendarId(policy, clientCalendar ? asCalendarId(clientCalendar) : null) ?? asCalendarId(this.defaultCalendar);
    const cal = this.calendar(calId);
    if (typeof cal === 'string') return { ...none(cal), policy: encodePolicy(policy) };
    const evals = evaluateTicket(
      { receivedAt, priority, status: 'New', pauses: [], firstResponseAt: null, lastStaffMessageAt: null, resolvedAt: null },
      policy,
      cal,
      now,
      { explain: true },
    );
    const of = (name: string) => evals.find((e) => e.target === name);
    return {
      firstResponseDue: of('first response')?.dueMs ?? null,
      nextUpdateDue: of('next update')?.dueMs ?? null,
      resolutionDue: of('resolution')?.dueMs ?? null,
      notes: {
        ...(of('first response')?.explanation ? { first: of('first response')!.explanation! } : {}),
        ...(of('next update')?.explanation ? { next: of('next update')!.explanation! } : {}),
        ...(of('resolution')?.explanation ? { resolution: of('resolution')!.explanation! } : {}),
      },
      slaState: overallState(evals),
      policy: encodePolicy(policy),
      timeZone: cal.timeZone,
    };
  }
}
