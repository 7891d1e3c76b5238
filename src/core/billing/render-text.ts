/** Escaping for the two text formats billing mails carry. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A figure for a CSV: written as the plain number it is (`-525.00`), so a SUM over the column counts it. */
export interface CsvNumber {
  readonly numeric: string;
}
export const csvNumber = (numeric: string): CsvNumber => ({ numeric });
export type CsvCell = string | number | CsvNumber;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at
 * the start) gets a leading apostrophe, as in the register (cells are not code); numbers
 * are numbers, never guarded (an apostrophe would turn a credit into text).
 */
export function csvField(v: CsvCell): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') return v.numeric;
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly CsvCell[]): string {
  return fields.map(csvField).join(',');
}

export const hoursText = (minutes: number): string => (minutes / 60).toFixed(2);
