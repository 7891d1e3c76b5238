import { allowanceFor } from '../billing';
import type { ClassifiedEntry } from '../billing';
import type { IsoDay, YearMonth } from '../hours/month';

/** What usage needs to know of a client's contract. */
export interface ClientContractTerms {
  readonly clientId: string;
  readonly monthlyHours: number | null;
  readonly start: IsoDay | null;
  readonly end: IsoDay | null;
}

/** A client's hours this month against the contract: what the sidebar's bar shows. */
export interface ClientUsage {
  readonly clientId: string;
  readonly month: string;
  /** Hours that count toward the contract (the Activities rules applied, as billing does). */
  readonly countedHours: number;
  /** Every valid hour logged, counted or not. */
  readonly loggedHours: number;
  /** The month's allowance (prorated when the contract starts or ends in it). */
  readonly contractedHours: number;
  /** counted ÷ contracted in whole percent; null when there is no allowance. */
  readonly percent: number | null;
  /** One line for people, e.g. "4.5 h of 6 h counted in 2026-11 (75%)". */
  readonly text: string;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** Usage of each client in `month` from the classified Hours rows (the billing rules, not a copy of them). */
export function usageByClient(
  clients: readonly ClientContractTerms[],
  counted: readonly ClassifiedEntry[],
  month: YearMonth,
): Map<string, ClientUsage> {
  const used = new Map<string, number>();
  const logged = new Map<string, number>();
  for (const e of counted) {
    if (!e.day.startsWith(month)) continue;
    logged.set(e.clientId, (logged.get(e.clientId) ?? 0) + e.minutes);
    if (e.counted) used.set(e.clientId, (used.get(e.clientId) ?? 0) + e.minutes);
  }
  const out = new Map<string, ClientUsage>();
  for (const c of clients) {
    const allowance = allowanceFor(month, c.monthlyHours ?? 0, c.start, c.end).minutes;
    const usedMin = used.get(c.clientId) ?? 0;
    const percent = allowance > 0 ? Math.round((usedMin * 100) / allowance) : null;
    const text =
      allowance > 0
        ? `${hours(usedMin)} h of ${hours(allowance)} h counted in ${month} (${percent}%)`
        : `${hours(usedMin)} h counted in ${month}; no contracted hours, so all of it is overage`;
    out.set(c.clientId, {
      clientId: c.clientId,
      month,
      countedHours: hours(usedMin),
      loggedHours: hours(logged.get(c.clientId) ?? 0),
      contractedHours: hours(allowance),
      percent,
      text,
    });
  }
  return out;
}
