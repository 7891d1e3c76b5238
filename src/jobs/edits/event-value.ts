import { DateTime } from 'luxon';
import type { ColumnFormat } from '../../register/tab-spec';

/** Sheets' day zero: serial 0 is 1899-12-30 00:00 local time. */
const SERIAL_EPOCH_WALL = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * The instant of a Sheets date serial (days since 1899-12-30, local wall time in the
 * spreadsheet's zone), as `e.oldValue` gives a date cell's previous content.
 */
export function instantOfSerial(serial: number, zone: string): number {
  const wall = SERIAL_EPOCH_WALL + Math.round(serial * DAY_MS);
  return DateTime.fromMillis(wall, { zone: 'UTC' }).setZone(zone, { keepLocalTime: true }).toMillis();
}

/**
 * A single-cell edit's `oldValue` text as the value to write back into a column of the
 * given format: dates come as serial numbers, numbers as their text, everything else
 * verbatim. Unreadable dates are kept as text (the sweep then reports the row) rather than
 * guessed.
 */
export function valueFromEventText(text: string, format: ColumnFormat | undefined, zone: string): unknown {
  if (text === '') return '';
  if (format === 'datetime' || format === 'date') {
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n)) return new Date(instantOfSerial(n, zone));
    const t = Date.parse(text);
    return Number.isNaN(t) ? text : new Date(t);
  }
  if (format === 'number' || format === 'hours' || format === 'money' || format === 'percent') {
    const n = Number(text);
    return text.trim() !== '' && Number.isFinite(n) ? n : text;
  }
  return text;
}
