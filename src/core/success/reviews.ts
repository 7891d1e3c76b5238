import type { IsoDay } from '../hours/month';
import type { TouchState } from '../types/vocab';
import { monthEnd, plusMonths, quarterEnd, quarterStart, plusDays } from './days';
import { touchStateOf } from './touch-cadence';

/**
 * The reviews a client is entitled to, each with its next due date:
 * - Monthly review: open requests and active projects "jointly reviewed between the client
 *   and their Client Success Manager on a basis not less frequently than monthly" (Ascent360
 *   service overview), for clients with a CSM;
 * - QBR: a Quarterly Business Review each calendar quarter (essensys, Enterprise editions);
 * - Annual review: a yearly account review of 1 to 4 hours "depending on the number of
 *   support hours in the contract" (Ascent360 Professional Services), a year after the last
 *   one or after Contract start.
 */
export type ReviewKind = 'Monthly review' | 'QBR' | 'Annual review';

export interface ReviewDue {
  readonly kind: ReviewKind;
  readonly due: IsoDay;
  readonly state: TouchState;
  /** Annual review only: its length by the contract's monthly hours. */
  readonly hours?: number;
}

export interface ReviewEntitlements {
  readonly monthly: boolean;
  readonly qbr: boolean;
  readonly annual: boolean;
}

/** "0: 1; 10: 2; 20: 3; 40: 4": monthly hours from → review hours. */
export type AnnualHours = readonly { readonly fromMonthlyHours: number; readonly hours: number }[];

export function annualReviewHours(table: AnnualHours, monthlyHours: number): number {
  let h = table[0]?.hours ?? 1;
  for (const row of [...table].sort((a, b) => a.fromMonthlyHours - b.fromMonthlyHours))
    if (monthlyHours >= row.fromMonthlyHours) h = row.hours;
  return h;
}

export function reviewsDue(
  c: {
    readonly contractStart: IsoDay | null;
    readonly monthlyHours: number;
    readonly last: (kind: ReviewKind) => IsoDay | null;
  },
  entitled: ReviewEntitlements,
  today: IsoDay,
  rules: { readonly dueSoonDays: number; readonly annualHours: AnnualHours },
): ReviewDue[] {
  const out: ReviewDue[] = [];
  const add = (kind: ReviewKind, due: IsoDay, extra: { hours?: number } = {}) =>
    out.push({ kind, due, state: touchStateOf(due, today, rules.dueSoonDays), ...extra });
  if (entitled.monthly) {
    // Never reviewed and no Contract start: by the end of this month (a date that holds all month, so one reminder).
    const from = c.last('Monthly review') ?? c.contractStart;
    add('Monthly review', from ? plusMonths(from, 1) : monthEnd(today));
  }
  if (entitled.qbr) {
    const last = c.last('QBR');
    const thisQuarter = quarterStart(today);
    add('QBR', last && last >= thisQuarter ? quarterEnd(plusDays(quarterEnd(today), 1)) : quarterEnd(today));
  }
  if (entitled.annual) {
    const from = c.last('Annual review') ?? c.contractStart;
    if (from) add('Annual review', plusMonths(from, 12), { hours: annualReviewHours(rules.annualHours, c.monthlyHours) });
  }
  return out;
}
