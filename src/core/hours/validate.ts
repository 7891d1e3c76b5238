import type { HoursEntry, TicketFacts } from './entry';
import { formatHours } from './entry';
import type { IsoDay } from './month';

export interface ValidationContext {
  readonly clientIds: ReadonlySet<string>;
  /** Why a client ID that has a row in Clients is still unusable (its row fails a check), if it does. */
  readonly clientProblem?: (clientId: string) => string | undefined;
  readonly hasActivity: (name: string) => boolean;
  readonly ticket: (id: string) => TicketFacts | undefined;
  /** The client's Contract start, if it has one: work before it belongs to no contract. */
  readonly contractStart?: (clientId: string) => IsoDay | null;
  /** Today in the provider's zone: later days are in the future. */
  readonly today: IsoDay;
  /** Most minutes one client can log in a month before its month is taken for a typo, and the setting's name. */
  readonly monthLimitMin?: number;
  readonly monthLimitSetting?: string;
}

const DAY_LIMIT_MIN = 24 * 60;

/**
 * Problems of each entry (row number → reasons). Rows with problems are flagged and never
 * counted or billed silently; they stay visible in the Hours tab and the billing tab.
 */
export function validateEntries(entries: readonly HoursEntry[], ctx: ValidationContext): Map<number, string[]> {
  const problems = new Map<number, string[]>();
  const flag = (row: number, message: string) => {
    const list = problems.get(row) ?? [];
    list.push(message);
    problems.set(row, list);
  };
  const perPersonDay = new Map<string, { minutes: number; rows: number[]; person: string; day: IsoDay }>();
  for (const e of entries) {
    if (!ctx.clientIds.has(e.clientId)) {
      const why = ctx.clientProblem?.(e.clientId);
      flag(
        e.rowNumber,
        why
          ? `Client ID ${e.clientId}: its row in the Clients tab has a problem (${why})`
          : `Client ID ${e.clientId} is not in the Clients tab`,
      );
    }
    if (!ctx.hasActivity(e.activity)) flag(e.rowNumber, `Activity "${e.activity}" is not in the Activities tab`);
    if (e.ticketId) {
      const t = ctx.ticket(e.ticketId);
      if (!t) flag(e.rowNumber, `Ticket ${e.ticketId} is not in the Tickets tab`);
      else if (t.clientId !== e.clientId) flag(e.rowNumber, `Ticket ${e.ticketId} belongs to client ${t.clientId}, not ${e.clientId}`);
    }
    if (e.day > ctx.today) flag(e.rowNumber, `Date ${e.day} is in the future`);
    // Counting it would eat into the first month's prorated allowance for days the contract did not cover.
    const start = ctx.contractStart?.(e.clientId) ?? null;
    if (start !== null && e.day < start) {
      flag(e.rowNumber, `Date ${e.day} is before ${e.clientId}'s Contract start ${start}: fix the date or the contract start`);
    }
    const key = `${e.person.trim().toLowerCase()}|${e.day}`;
    const acc = perPersonDay.get(key) ?? { minutes: 0, rows: [], person: e.person.trim(), day: e.day };
    acc.minutes += e.minutes;
    acc.rows.push(e.rowNumber);
    perPersonDay.set(key, acc);
  }
  if (ctx.monthLimitMin !== undefined) {
    const perClientMonth = new Map<string, { minutes: number; rows: number[]; clientId: string; month: string }>();
    for (const e of entries) {
      const key = `${e.clientId}|${e.day.slice(0, 7)}`;
      const acc = perClientMonth.get(key) ?? { minutes: 0, rows: [], clientId: e.clientId, month: e.day.slice(0, 7) };
      acc.minutes += e.minutes;
      acc.rows.push(e.rowNumber);
      perClientMonth.set(key, acc);
    }
    for (const acc of perClientMonth.values()) {
      if (acc.minutes <= ctx.monthLimitMin) continue;
      const why = `${acc.clientId} has ${formatHours(acc.minutes)} in ${acc.month}, more than Settings → ${ctx.monthLimitSetting ?? 'the monthly limit'} (${formatHours(ctx.monthLimitMin)}): not billed until the hours are checked (or the setting raised)`;
      for (const row of acc.rows) flag(row, why);
    }
  }
  for (const acc of perPersonDay.values()) {
    if (acc.minutes <= DAY_LIMIT_MIN) continue;
    for (const row of acc.rows) flag(row, `${acc.person} logged ${formatHours(acc.minutes)} on ${acc.day}: more than 24 h in one day`);
  }
  return problems;
}
