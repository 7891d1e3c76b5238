import { DateTime } from 'luxon';
import { CalendarError, calendarFromRows, type BusinessCalendar } from '../../core/calendar/index';
import { PolicyError, encodePolicy, evaluateTicket, lookupPolicy, overallState, policyCalendarId, policyFromRow, type SlaPolicy } from '../../core/sla/index';
import { asCalendarId } from '../../core/types/ids';
import type { Priority, SlaState } from '../../core/types/vocab';
import type { CalendarsTab, HolidaysTab, SlaPoliciesTab } from '../../register/tabs';
import type { RowOf } from '../../register/tab-spec';

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
 * The SLA engine over the register as read this run: policies by (plan, priority),
 * calendars built from the Calendars and Holidays tabs on first use.
 */
export class Deadlines {
  private readonly policies: SlaPolicy[] = [];
  private readonly calendars = new Map<string, BusinessCalendar | string>();
  readonly problems: string[] = [];

  constructor(
    policyRows: readonly RowOf<typeof SlaPoliciesTab>[],
    private readonly calendarRows: readonly RowOf<typeof CalendarsTab>[],
    private readonly holidayRows: readonly RowOf<typeof HolidaysTab>[],
    private readonly spreadsheetZone: string,
    private readonly defaultCalendar: string,
  ) {
    for (const r of policyRows) {
      try {
        this.policies.push(
          policyFromRow({
            plan: r.Plan,
            priority: r.Priority,
            firstResponse: r['First response (h)'] ?? '',
            nextUpdate: r['Next update (h)'] ?? '',
            resolution: r['Resolution (h)'] ?? '',
            calendar: r.Calendar,
            atRiskPercent: r['At risk at (%)'] ?? '',
          }),
        );
      } catch (e) {
        if (!(e instanceof PolicyError)) throw e;
        this.problems.push(e.message);
      }
    }
  }

  private calendar(id: string): BusinessCalendar | string {
    const cached = this.calendars.get(id);
    if (cached !== undefined) return cached;
    let out: BusinessCalendar | string;
    const row = this.calendarRows.find((c) => c['Calendar ID'].toLowerCase() === id.toLowerCase());
    if (!row) out = `calendar "${id}" is not on the Calendars tab`;
    else {
      try {
        // Holiday dates are date cells: local midnights in the spreadsheet's zone.
        const holidays = this.holidayRows
          .filter((h) => h['Calendar ID'].toLowerCase() === id.toLowerCase())
          .map((h) => ({ date: DateTime.fromJSDate(h.Date, { zone: this.spreadsheetZone }).toISODate() ?? '', open: h['Open hours'], name: h.Name }));
        out = calendarFromRows(
          { id: row['Calendar ID'], timeZone: row['Time zone'], mon: row.Mon, tue: row.Tue, wed: row.Wed, thu: row.Thu, fri: row.Fri, sat: row.Sat, sun: row.Sun },
          holidays,
        );
      } catch (e) {
        if (!(e instanceof CalendarError)) throw e;
        out = e.message;
      }
    }
    this.calendars.set(id, out);
    return out;
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
    const policy = lookupPolicy(this.policies, plan, priority);
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
