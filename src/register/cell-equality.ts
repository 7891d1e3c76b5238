/**
 * Blankness and equality of cell values as `Range.getValues()` (and edit events) give them.
 * Every comparison of cells in src/ goes through here, so "did this cell change?" has one answer.
 */

/** '' is what Sheets returns for an empty cell; null/undefined are what a missing cell or row reads as. */
export const isBlankCell = (v: unknown): boolean => v === '' || v === null || v === undefined;

/** Whether every cell of a row is blank. */
export const isBlankRow = (row: readonly unknown[]): boolean => row.every(isBlankCell);

/**
 * A Date by its tag, not `instanceof`: the bundle runs in a different realm from the code that
 * built some values (the emulator, tests), where `instanceof Date` is false for a real Date.
 */
export const isDateValue = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Whether two cell values are the same for the register:
 * - blank equals blank ('' / null / undefined);
 * - dates are compared as instants; a date never equals a non-date (text that looks like a date is
 *   a different cell — Sheets would show it differently);
 * - a list (Followers as parsed) equals its cell text joined with ', ', as it is written;
 * - a number or boolean equals the text it prints as (`5` and `'5'`, `true` and `'true'`): edit
 *   events carry the old value as text while `getValues()` gives the typed value, and writing `'5'`
 *   to a number cell stores the number 5 anyway — so they are one value, decided here once.
 */
export function sameCell(a: unknown, b: unknown): boolean {
  if (isBlankCell(a) && isBlankCell(b)) return true;
  if (isDateValue(a) || isDateValue(b)) return isDateValue(a) && isDateValue(b) && a.getTime() === b.getTime();
  if (Array.isArray(b)) return sameCell(a, b.join(', '));
  if (Array.isArray(a)) return sameCell(a.join(', '), b);
  if (typeof a === 'string' && (typeof b === 'number' || typeof b === 'boolean')) return a === String(b);
  if (typeof b === 'string' && (typeof a === 'number' || typeof a === 'boolean')) return b === String(a);
  return a === b;
}
