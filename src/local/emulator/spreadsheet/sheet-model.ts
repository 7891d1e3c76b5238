import { isDate } from '../realm';
import type { ConditionalRuleSpec, ProtectionSpec, StyleRecord, ValidationSpec } from './specs';

/** A stored cell value. Dates are host Dates (the instant); '' is blank. */
export type CellValue = string | number | boolean | Date;

/**
 * One row's cells. Values are a dense array; the rarer attributes are sparse arrays that
 * exist only once something is set, so 10,000 × 25 rows stay cheap and moving a row
 * (sort, insert, delete) moves everything about it at once.
 */
export interface RowData {
  v: (CellValue | undefined)[];
  f?: (string | undefined)[];
  fmt?: (string | undefined)[];
  note?: (string | undefined)[];
  dv?: (ValidationSpec | undefined)[];
}

type SparseKey = 'f' | 'fmt' | 'note' | 'dv';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export class SheetModel {
  name: string;
  readonly id: number;
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  hidden = false;
  /** Pixel widths of columns set explicitly. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly protections: ProtectionSpec[] = [];
  conditionalRules: ConditionalRuleSpec[] = [];
  readonly styles: StyleRecord[] = [];
  rows: (RowData | undefined)[] = [];
  private version = 0;
  private extentCache: { version: number; lastRow: number; lastColumn: number } | null = null;

  constructor(name: string, id: number, maxRows = DEFAULT_ROWS, maxColumns = DEFAULT_COLUMNS) {
    this.name = name;
    this.id = id;
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  touch(): void {
    this.version++;
  }

  row(r: number): RowData | undefined {
    return this.rows[r - 1];
  }

  private ensureRow(r: number): RowData {
    let row = this.rows[r - 1];
    if (!row) {
      row = { v: [] };
      while (this.rows.length < r - 1) this.rows.push(undefined);
      this.rows[r - 1] = row;
    }
    return row;
  }

  value(r: number, c: number): CellValue {
    return this.rows[r - 1]?.v[c - 1] ?? '';
  }

  setValue(r: number, c: number, value: CellValue): void {
    const row = value === '' ? this.rows[r - 1] : this.ensureRow(r);
    if (row) row.v[c - 1] = value;
    this.version++;
  }

  private getSparse<K extends SparseKey>(key: K, r: number, c: number): NonNullable<RowData[K]>[number] | undefined {
    return this.rows[r - 1]?.[key]?.[c - 1] as NonNullable<RowData[K]>[number] | undefined;
  }

  private setSparse<K extends SparseKey>(key: K, r: number, c: number, value: NonNullable<RowData[K]>[number] | undefined): void {
    if (value === undefined) {
      const arr = this.rows[r - 1]?.[key];
      if (arr) arr[c - 1] = undefined;
      return;
    }
    const row = this.ensureRow(r);
    const arr = (row[key] ??= []) as unknown[];
    arr[c - 1] = value;
  }

  formula(r: number, c: number): string | undefined {
    return this.getSparse('f', r, c);
  }
  setFormula(r: number, c: number, formula: string | undefined): void {
    this.setSparse('f', r, c, formula);
    this.version++;
  }
  format(r: number, c: number): string | undefined {
    return this.getSparse('fmt', r, c);
  }
  setFormat(r: number, c: number, format: string | undefined): void {
    this.setSparse('fmt', r, c, format);
  }
  note(r: number, c: number): string {
    return this.getSparse('note', r, c) ?? '';
  }
  setNote(r: number, c: number, note: string): void {
    this.setSparse('note', r, c, note === '' ? undefined : note);
  }
  validation(r: number, c: number): ValidationSpec | undefined {
    return this.getSparse('dv', r, c);
  }
  setValidation(r: number, c: number, spec: ValidationSpec | undefined): void {
    this.setSparse('dv', r, c, spec);
  }

  /** Content is a value or a formula; formats, notes and validations do not count (as in Sheets). */
  private rowLastColumn(row: RowData | undefined): number {
    if (!row) return 0;
    let last = row.v.length;
    while (last > 0 && (row.v[last - 1] === undefined || row.v[last - 1] === '')) last--;
    if (row.f)
      for (let c = row.f.length; c > last; c--)
        if (row.f[c - 1] !== undefined) {
          last = c;
          break;
        }
    return last;
  }

  private extent(): { lastRow: number; lastColumn: number } {
    if (this.extentCache?.version === this.version) return this.extentCache;
    let lastRow = 0;
    let lastColumn = 0;
    for (let r = this.rows.length; r >= 1; r--) {
      const lc = this.rowLastColumn(this.rows[r - 1]);
      if (lc > 0 && lastRow === 0) lastRow = r;
      if (lc > lastColumn) lastColumn = lc;
    }
    this.extentCache = { version: this.version, lastRow, lastColumn };
    return this.extentCache;
  }

  lastRow(): number {
    return this.extent().lastRow;
  }

  lastColumn(): number {
    return this.extent().lastColumn;
  }

  insertRows(beforeRow: number, count: number): void {
    if (beforeRow - 1 < this.rows.length) this.rows.splice(beforeRow - 1, 0, ...new Array<RowData | undefined>(count));
    this.maxRows += count;
    this.moveRanges((ref) => {
      if (beforeRow <= ref.row) ref.row += count;
      else if (beforeRow <= ref.row + ref.numRows - 1) ref.numRows += count; // inserted inside: the range grows
    });
    this.version++;
  }

  deleteRows(row: number, count: number): void {
    this.rows.splice(row - 1, count);
    this.maxRows -= count;
    const end = row + count - 1;
    this.moveRanges((ref) => {
      const last = ref.row + ref.numRows - 1;
      if (last < row) return;
      if (ref.row > end) {
        ref.row -= count;
        return;
      }
      const removed = Math.min(last, end) - Math.max(ref.row, row) + 1;
      ref.numRows -= removed;
      if (ref.row > row) ref.row = row;
    });
    // A protected range whose rows are all deleted is deleted with them.
    for (let i = this.protections.length - 1; i >= 0; i--) if (this.protections[i]!.range?.numRows === 0) this.protections.splice(i, 1);
    this.version++;
  }

  /**
   * Protected ranges and conditional-format ranges follow rows as Sheets moves them:
   * shifted by rows inserted or deleted above, grown by rows inserted inside, shrunk by rows
   * deleted inside (a range left with no rows is gone). Rows added after a range's last row
   * are not in it.
   */
  private moveRanges(move: (ref: { row: number; numRows: number }) => void): void {
    for (const p of this.protections) {
      if (p.range && p.range.sheetId === this.id) move(p.range);
      for (const u of p.unprotected) if (u.sheetId === this.id) move(u);
    }
    for (const rule of this.conditionalRules) {
      for (const ref of rule.ranges) if (ref.sheetId === this.id) move(ref);
      rule.ranges = rule.ranges.filter((ref) => ref.numRows > 0);
    }
  }

  insertColumns(beforeColumn: number, count: number): void {
    const holes = new Array<undefined>(count);
    for (const row of this.rows) {
      if (!row) continue;
      for (const key of ['v', 'f', 'fmt', 'note', 'dv'] as const) {
        const arr = row[key] as unknown[] | undefined;
        if (arr && beforeColumn - 1 < arr.length) arr.splice(beforeColumn - 1, 0, ...holes);
      }
    }
    this.maxColumns += count;
    this.version++;
  }

  deleteColumns(column: number, count: number): void {
    for (const row of this.rows) {
      if (!row) continue;
      for (const key of ['v', 'f', 'fmt', 'note', 'dv'] as const) (row[key] as unknown[] | undefined)?.splice(column - 1, count);
    }
    this.maxColumns -= count;
    this.version++;
  }

  /** Host-side copy of the values in rows 1..lastRow, columns 1..lastColumn ('' for blanks). */
  values(): CellValue[][] {
    const { lastRow, lastColumn } = this.extent();
    const out: CellValue[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const line: CellValue[] = [];
      for (let c = 1; c <= lastColumn; c++) {
        const v = this.value(r, c);
        line.push(isDate(v) ? new Date(v.getTime()) : v);
      }
      out.push(line);
    }
    return out;
  }
}
