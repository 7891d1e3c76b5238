/** A1 notation: column letters, cell and range references as Sheets writes them. */

export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference; absent bounds mean "to the edge of the sheet" (A:A, 2:5, A2:B). */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startColumn?: number;
  endRow?: number;
  endColumn?: number;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { row?: number; column?: number } | null {
  const m = CELL.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  const out: { row?: number; column?: number } = {};
  if (m[1]) out.column = columnNumber(m[1]);
  if (m[2]) {
    const row = Number(m[2]);
    if (row < 1) return null;
    out.row = row;
  }
  return out;
}

function splitSheet(a1: string): { sheetName?: string; rest: string } {
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(a1);
  if (quoted) return { sheetName: quoted[1]!.replace(/''/g, "'"), rest: quoted[2]! };
  const bang = a1.lastIndexOf('!');
  if (bang > 0) return { sheetName: a1.slice(0, bang), rest: a1.slice(bang + 1) };
  return { rest: a1 };
}

/** Returns null when the text is not a reference Sheets would accept. */
export function parseA1(a1: string): A1Ref | null {
  const { sheetName, rest } = splitSheet(a1.trim());
  const pieces = rest.split(':');
  if (pieces.length > 2 || rest === '') return null;
  const first = parsePart(pieces[0]!);
  if (!first) return null;
  const ref: A1Ref = sheetName === undefined ? {} : { sheetName };
  if (pieces.length === 1) {
    // A lone "A" or "5" is not a cell: only ranges may omit a dimension.
    if (first.row === undefined || first.column === undefined) return null;
    return { ...ref, startRow: first.row, startColumn: first.column, endRow: first.row, endColumn: first.column };
  }
  const second = parsePart(pieces[1]!);
  if (!second) return null;
  const rowOnly = first.column === undefined && second.column === undefined;
  const colOnly = first.row === undefined && second.row === undefined;
  if (first.column === undefined && !rowOnly) return null;
  if (first.row === undefined && !colOnly) return null;
  return {
    ...ref,
    startRow: first.row,
    startColumn: first.column,
    endRow: second.row,
    endColumn: second.column,
  };
}

export function cellA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function rangeA1(row: number, column: number, numRows: number, numColumns: number): string {
  const start = cellA1(row, column);
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${cellA1(row + numRows - 1, column + numColumns - 1)}`;
}

/** Sheet-qualified, quoted the way Sheets quotes names with spaces or punctuation. */
export function qualifiedA1(sheetName: string, a1: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheetName);
  return `${plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`}!${a1}`;
}
