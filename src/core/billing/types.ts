import type { HoursEntry } from '../hours/entry';
import type { IsoDay, YearMonth } from '../hours/month';
import type { Cents, RateMicros } from './money';

export const BILLING_STATUSES = ['Draft', 'Final'] as const;
export type BillingStatus = (typeof BILLING_STATUSES)[number];

/** A client's contract as the Clients tab states it. */
export interface ClientContract {
  readonly clientId: string;
  readonly name: string;
  readonly status: string;
  readonly edition: string;
  /** null = no hours included. */
  readonly monthlyHours: number | null;
  /** null = the Default hourly rate. */
  readonly rateMicros: RateMicros | null;
  readonly start: IsoDay | null;
  readonly end: IsoDay | null;
}

export interface BillingSettings {
  readonly defaultRateMicros: RateMicros;
  /** Billing increment in minutes (0.25 h = 15). */
  readonly incrementMin: number;
}

/** An Hours entry after the counting rules ran. */
export interface ClassifiedEntry extends HoursEntry {
  readonly counted: boolean;
  readonly reason: string;
}

/** An Hours row that cannot be billed, shown so nothing is dropped silently. */
export interface UnbilledRow {
  readonly rowNumber: number;
  readonly clientId: string;
  readonly day: IsoDay | null;
  readonly person: string;
  readonly activity: string;
  readonly problem: string;
}

/** SOW / SOW total: time-and-materials work on a signed statement of work (src/core/billing/sow.ts). */
export type LineKind = 'Contract' | 'Hours' | 'SOW' | 'SOW total' | 'Adjustment' | 'Adjustment total' | 'Not billed';

/** A detail line of the billing tab; every figure of a client row is a sum of its lines. */
export interface StatementLine {
  readonly kind: LineKind;
  readonly clientId: string;
  readonly day: string;
  readonly person: string;
  readonly ticketId: string;
  readonly activity: string;
  readonly required: boolean | null;
  readonly loggedMin: number | null;
  readonly countedMin: number | null;
  readonly excludedMin: number | null;
  readonly amountCents: Cents | null;
  readonly reason: string;
  /** The month an adjustment corrects ('' for this month's own lines). */
  readonly forMonth: string;
  /** The statement of work of a SOW / SOW total line ('' or absent otherwise). */
  readonly sowId?: string;
  /** The rate a SOW total line bills at. */
  readonly rateMicros?: RateMicros;
}

export interface ClientRow {
  readonly clientId: string;
  readonly name: string;
  readonly allowanceMin: number;
  readonly loggedMin: number;
  readonly excludedMin: number;
  readonly countedMin: number;
  readonly overageMin: number;
  readonly rateMicros: RateMicros;
  readonly overageCents: Cents;
  readonly adjustmentCents: Cents;
  /** Time and materials on signed SOWs, billed in full. */
  readonly sowCents: Cents;
  readonly dueCents: Cents;
}

export interface Totals {
  readonly allowanceMin: number;
  readonly loggedMin: number;
  readonly excludedMin: number;
  readonly countedMin: number;
  readonly overageMin: number;
  readonly overageCents: Cents;
  readonly adjustmentCents: Cents;
  readonly sowCents: Cents;
  readonly dueCents: Cents;
}

export interface MonthStatement {
  readonly month: YearMonth;
  readonly status: BillingStatus;
  readonly rows: readonly ClientRow[];
  readonly totals: Totals;
  /** Grouped by client, in the order of `rows`. */
  readonly lines: readonly StatementLine[];
}

/** What a final month's tab says was billed, with later adjustments folded in. */
export interface BilledClientMonth {
  readonly clientId: string;
  readonly allowanceMin: number;
  readonly rateMicros: RateMicros;
  readonly countedMin: number;
  readonly amountCents: Cents;
}

export interface BilledLine {
  readonly clientId: string;
  readonly day: string;
  readonly person: string;
  readonly ticketId: string;
  readonly activity: string;
  readonly required: boolean;
  readonly loggedMin: number;
  readonly countedMin: number;
}

export interface BilledMonth {
  readonly month: YearMonth;
  readonly clients: ReadonlyMap<string, BilledClientMonth>;
  readonly lines: readonly BilledLine[];
}
