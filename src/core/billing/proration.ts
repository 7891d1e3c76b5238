import { daysInMonth, type IsoDay, type YearMonth } from '../hours/month';

export interface Allowance {
  readonly minutes: number;
  /** How the figure was reached, for the Contract line of the billing tab. */
  readonly explanation: string;
  /** Days of the month the contract covers. */
  readonly days: number;
}

/**
 * A month's contracted minutes. A contract that starts or ends inside the month gets the
 * monthly hours × (days covered ÷ days in the month), start and end days included, rounded
 * to the nearest minute. A month outside the contract gets 0.
 */
export function allowanceFor(month: YearMonth, monthlyHours: number, start: IsoDay | null, end: IsoDay | null): Allowance {
  const total = daysInMonth(month);
  const first = `${month}-01` as IsoDay;
  const last = `${month}-${String(total).padStart(2, '0')}` as IsoDay;
  const from = start && start > first ? start : first;
  const to = end && end < last ? end : last;
  const days = to < from ? 0 : Number(to.slice(8)) - Number(from.slice(8)) + 1;
  const full = Math.round(monthlyHours * 60);
  const hours = `${monthlyHours} h a month`;
  if (days === total) return { minutes: full, explanation: hours, days };
  const minutes = Math.round((full * days) / total);
  const why = [start && start > first ? `contract starts ${start}` : '', end && end < last ? `ends ${end}` : ''].filter(Boolean).join(', ');
  if (days === 0) return { minutes: 0, explanation: `${hours}; ${why || 'contract not in force'}: no days of ${month} covered`, days };
  return { minutes, explanation: `${hours}; ${why}: ${days} of ${total} days → ${(minutes / 60).toFixed(2)} h`, days };
}
