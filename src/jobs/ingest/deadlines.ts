import type { SlaContext, ClientRecord } from '../shared/sla-context';
import { computeNewTicket } from '../tickets/new-ticket';
import { targetInWords } from '../../core/sla/evaluate';
import { isWeekdayHoliday } from '../../core/calendar/weekday-holiday';

export interface NewTicketDeadlines {
  /** Automation-owned cells of the new row (deadlines, SLA state, Policy, …), as the sweep computes them. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Notes for the due cells that have a deadline: how it was counted. */
  readonly notes: Readonly<Record<string, string>>;
  readonly firstResponseDue: number | null;
  /** The first-response target in words ("within 2 business days"), for the acknowledgement. */
  readonly firstResponseWithin: string | null;
  /** Whether now is a weekday holiday of the ticket's calendar (the acknowledgement then gives the emergency contact). */
  readonly holidayToday: boolean;
  /** The calendar's zone, to state the promise in local time. */
  readonly timeZone: string | null;
  readonly problem?: string;
}

/**
 * The SLA context ingest reads once per run (policies and calendars; clients come from the
 * ingest's own read), and the new-ticket rows computed over it by the shared ticket-row layer.
 */
export class Deadlines {
  constructor(
    private readonly context: Omit<SlaContext, 'clients'>,
    private readonly spreadsheetZone: string,
  ) {}

  /** Reference rows the context could not use, as Log lines. */
  get problems(): string[] {
    return this.context.problems.map((p) => `${p.tab} row ${p.rowNumber}: ${p.message}`);
  }

  /** `cells` is the new row as ingest will append it (without the computed cells). */
  forNewTicket(client: ClientRecord, cells: Readonly<Record<string, unknown>>, now: number): NewTicketDeadlines {
    const u = computeNewTicket(cells, client, this.context, now, this.spreadsheetZone);
    if (!('prepared' in u) || !u.prepared.ok || u.decision === null) {
      return {
        values: {},
        notes: {},
        firstResponseDue: null,
        firstResponseWithin: null,
        holidayToday: false,
        timeZone: null,
        problem: u.problem,
      };
    }
    // A new request is held rather than opened on the fallback: its acknowledgement would promise a made-up deadline.
    if (u.prepared.fallback !== null)
      return {
        values: {},
        notes: {},
        firstResponseDue: null,
        firstResponseWithin: null,
        holidayToday: false,
        timeZone: null,
        problem: u.prepared.fallback.reason,
      };
    const notes: Record<string, string> = {};
    for (const [header, note] of Object.entries(u.notes)) if (note !== '') notes[header] = note;
    return {
      values: u.values,
      notes,
      firstResponseDue: u.decision.dues['first response'],
      firstResponseWithin: u.prepared.policy.firstResponse ? targetInWords(u.prepared.policy.firstResponse) : null,
      timeZone: u.prepared.calendar.timeZone,
      holidayToday: isWeekdayHoliday(u.prepared.calendar, now),
    };
  }
}
