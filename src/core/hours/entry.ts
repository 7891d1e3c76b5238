import type { IsoDay } from './month';

/** One usable Hours row, in domain terms: durations in whole minutes, the day as a civil date. */
export interface HoursEntry {
  /** Sheet row, for Problems and for tracing a billing line back to the tab. */
  readonly rowNumber: number;
  readonly day: IsoDay;
  readonly clientId: string;
  readonly person: string;
  /** '' when the time is not for a ticket. */
  readonly ticketId: string;
  /** '' when the time is not for a statement of work. */
  readonly sowId?: string;
  readonly activity: string;
  readonly minutes: number;
  readonly required: boolean;
}

/** What the rules need to know about a ticket. */
export interface TicketFacts {
  readonly clientId: string;
  readonly reason: string;
}

/** Identifies "the same line" across months and edits: rows have no ID of their own. */
export function lineSignature(e: Pick<HoursEntry, 'day' | 'person' | 'ticketId' | 'activity' | 'required'>): string {
  return [
    e.day,
    e.person.trim().toLowerCase(),
    e.ticketId.trim().toUpperCase(),
    e.activity.trim().toLowerCase(),
    e.required ? 'Y' : 'N',
  ].join('|');
}

export const formatHours = (minutes: number): string => {
  const h = minutes / 60;
  return `${Number.isInteger(h) ? h : Number(h.toFixed(2))} h`;
};
