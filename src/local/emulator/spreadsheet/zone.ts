import { DateTime } from 'luxon';

/** Sheets stores dates as wall-clock times in the spreadsheet's zone; these convert at the edges. */

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}

/** The instant a wall-clock time denotes in `zone`; null if the calendar date does not exist. */
export function wallToInstant(wall: WallTime, zone: string): number | null {
  const dt = DateTime.fromObject(
    {
      year: wall.year,
      month: wall.month,
      day: wall.day,
      hour: wall.hour ?? 0,
      minute: wall.minute ?? 0,
      second: wall.second ?? 0,
      millisecond: wall.millisecond ?? 0,
    },
    { zone },
  );
  if (!dt.isValid || dt.day !== wall.day) return null;
  return dt.toMillis();
}

export function instantToWall(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone });
}

/** A host Date whose UTC fields carry a wall time (how exceljs reads and writes date serials). */
export function wallAsUtcToInstant(utcFields: number, zone: string): number {
  const w = DateTime.fromMillis(utcFields, { zone: 'utc' });
  return (
    wallToInstant(
      { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second, millisecond: w.millisecond },
      zone,
    ) ?? utcFields
  );
}

export function instantToWallAsUtc(ms: number, zone: string): number {
  const w = instantToWall(ms, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}
