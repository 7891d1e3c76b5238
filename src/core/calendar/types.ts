import type { CalendarId } from '../types/ids';

/** An instant as milliseconds since the Unix epoch (UTC). */
export type EpochMs = number;
/** Minutes after local midnight; 0..1440, where 1440 (`24:00`) only ends an interval. */
export type MinuteOfDay = number;
/**
 * A civil date as days since 1970-01-01 (so weekday and month arithmetic need no zone);
 * `dayNumber * 86_400_000` is that date's local midnight read as if it were UTC.
 */
export type DayNumber = number;

/** A local wall-clock interval `[start, end)` on one date. */
export interface LocalInterval {
  readonly start: MinuteOfDay;
  readonly end: MinuteOfDay;
}

/** Sorted, non-overlapping, non-touching intervals of one date. */
export type DayHours = readonly LocalInterval[];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number];

/** What a user wrote, validated and normalised, before any time-zone work. */
export interface CalendarSpec {
  readonly id: CalendarId;
  readonly timeZone: string;
  /** Index 0 = Monday … 6 = Sunday. */
  readonly week: readonly DayHours[];
  /** Local date `YYYY-MM-DD` → replacement hours (empty = closed all day). */
  readonly holidays: ReadonlyMap<string, DayHours>;
}
