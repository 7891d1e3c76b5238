/**
 * Sheets parses what a script writes as if a person typed it: `=SUM(…)` becomes a
 * formula, `+1 (555)` a formula error, `00123` the number 123, `2026-11-30` a date. Text
 * from outside is therefore written with a leading apostrophe, which Sheets drops and
 * which makes it store the rest verbatim as text.
 */
export const CELL_LIMIT = 50_000;
const MARKER = (omitted: number) => ` … [cut: ${omitted} more characters]`;

/** Cuts text to fit one cell (apostrophe included) with a visible marker. */
export function fitCell(text: string): string {
  const room = CELL_LIMIT - 1;
  if (text.length <= room) return text;
  // The marker's length depends on the number it shows; reserve room for the largest.
  const keep = room - MARKER(text.length).length;
  return text.slice(0, keep) + MARKER(text.length - keep);
}

/**
 * A string exactly as it should land in a cell: verbatim text, never a formula. In a cell
 * formatted as plain text Sheets parses nothing (and would keep an apostrophe), so there
 * the text goes as it is.
 */
export function plainText(text: string, plainTextCell = false): string {
  if (text === '') return '';
  return plainTextCell ? fitCell(text) : `'${fitCell(text)}`;
}

/**
 * Prepares any value the automation writes. Strings are always made literal: even our own
 * strings (a ticket id, a state name) cost nothing to protect, and a value read back and
 * rewritten unchanged must not be re-parsed into something else.
 */
export function cellValue(value: unknown, plainTextCell = false): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return plainText(value, plainTextCell);
  if (Array.isArray(value)) return plainText(value.join(', '), plainTextCell);
  return value;
}
