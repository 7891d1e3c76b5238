import { isDate } from '../realm';
import { rangeA1 } from './a1';
import { specOf } from './data-validation';
import type { DataValidation } from './data-validation';
import type { Env } from './env';
import { MSG } from './messages';
import { DATE_TIME_FORMAT, DEFAULT_FORMAT, formatDate, formatNumber, isDateFormat } from './number-format';
import type { Protection } from './protection';
import type { Sheet } from './sheet';
import type { CellValue, SheetModel } from './sheet-model';
import { sortRows, type SortKey } from './sort';
import { type GridRef, newProtection, type ValidationSpec } from './specs';
import { applyCell, checkValidation, prepareCell, type PreparedCell } from './write-cells';

/** SpreadsheetApp.Range: a rectangle on a sheet; reads and writes go straight to the model. */
export class Range {
  constructor(
    private readonly env: Env,
    private readonly model: SheetModel,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  private get cells(): number {
    return this.numRows * this.numColumns;
  }

  /** The rectangle, for other parts of the service. */
  ref(): GridRef {
    return { sheetId: this.model.id, row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns };
  }

  private each(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numColumns; j++) fn(this.row + i, this.column + j, i, j);
  }

  /** A realm 2-D array filled by `cell`. */
  private grid<T>(cell: (r: number, c: number) => T): T[][] {
    const realm = this.env.ctx.realm;
    const out = new realm.Array(this.numRows) as T[][];
    for (let i = 0; i < this.numRows; i++) {
      const line = new realm.Array(this.numColumns) as T[];
      for (let j = 0; j < this.numColumns; j++) line[j] = cell(this.row + i, this.column + j);
      out[i] = line;
    }
    return out;
  }

  /** Checks a 2-D argument's shape against the range, with Apps Script's messages. */
  private checkShape(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || !values.every((line) => Array.isArray(line)))
      this.env.ctx.fail(MSG.signature(`SpreadsheetApp.Range.${method}`));
    const rows = values as unknown[][];
    if (rows.length !== this.numRows) this.env.ctx.fail(MSG.rowsMismatch(rows.length, this.numRows));
    for (const line of rows) if (line.length !== this.numColumns) this.env.ctx.fail(MSG.columnsMismatch(line.length, this.numColumns));
    return rows;
  }

  private toSandbox(v: CellValue): unknown {
    return isDate(v) ? this.env.ctx.realm.date(v.getTime()) : v;
  }

  private display(r: number, c: number): string {
    const v = this.model.value(r, c);
    const format = this.model.format(r, c);
    if (isDate(v)) return formatDate(v.getTime(), isDateFormat(format) ? format! : DATE_TIME_FORMAT, this.env.workbook.timeZone);
    if (typeof v === 'number') return formatNumber(v, format);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return v;
  }

  private write(prepared: PreparedCell[][]): void {
    prepared.forEach((line, i) => line.forEach((cell, j) => checkValidation(this.env, this.model, this.row + i, this.column + j, cell)));
    prepared.forEach((line, i) => line.forEach((cell, j) => applyCell(this.model, this.row + i, this.column + j, cell)));
  }

  // ---- geometry ----

  getRow(): number {
    this.env.call('Range.getRow', { cheap: true });
    return this.row;
  }
  getRowIndex(): number {
    this.env.call('Range.getRowIndex', { cheap: true });
    return this.row;
  }
  getColumn(): number {
    this.env.call('Range.getColumn', { cheap: true });
    return this.column;
  }
  getNumRows(): number {
    this.env.call('Range.getNumRows', { cheap: true });
    return this.numRows;
  }
  getNumColumns(): number {
    this.env.call('Range.getNumColumns', { cheap: true });
    return this.numColumns;
  }
  getHeight(): number {
    this.env.call('Range.getHeight', { cheap: true });
    return this.numRows;
  }
  getWidth(): number {
    this.env.call('Range.getWidth', { cheap: true });
    return this.numColumns;
  }
  getLastRow(): number {
    this.env.call('Range.getLastRow', { cheap: true });
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    this.env.call('Range.getLastColumn', { cheap: true });
    return this.column + this.numColumns - 1;
  }
  getA1Notation(): string {
    this.env.call('Range.getA1Notation', { cheap: true });
    return rangeA1(this.row, this.column, this.numRows, this.numColumns);
  }
  getGridId(): number {
    this.env.call('Range.getGridId', { cheap: true });
    return this.model.id;
  }
  getSheet(): Sheet {
    this.env.call('Range.getSheet', { cheap: true });
    return this.env.sheet(this.model);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    this.env.call('Range.offset', { cheap: true });
    return this.env.range(
      this.model,
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }
  getCell(row: number, column: number): Range {
    this.env.call('Range.getCell', { cheap: true });
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns) this.env.ctx.fail('Cell reference out of range');
    return this.env.range(this.model, this.row + row - 1, this.column + column - 1, 1, 1);
  }
  activate(): Range {
    this.env.call('Range.activate');
    this.env.workbook.active = {
      sheetId: this.model.id,
      range: { row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns },
    };
    return this;
  }
  isBlank(): boolean {
    this.env.call('Range.isBlank', { cells: this.cells });
    let blank = true;
    this.each((r, c) => {
      if (this.model.value(r, c) !== '' || this.model.formula(r, c) !== undefined) blank = false;
    });
    return blank;
  }

  // ---- values ----

  getValues(): unknown[][] {
    this.env.call('Range.getValues', { cells: this.cells });
    const realm = this.env.ctx.realm;
    const rows = this.model.rows;
    return this.grid((r, c) => {
      const v = rows[r - 1]?.v[c - 1];
      return v === undefined ? '' : isDate(v) ? realm.date(v.getTime()) : v;
    });
  }
  getValue(): unknown {
    this.env.call('Range.getValue');
    return this.toSandbox(this.model.value(this.row, this.column));
  }
  getDisplayValues(): string[][] {
    this.env.call('Range.getDisplayValues', { cells: this.cells });
    return this.grid((r, c) => this.display(r, c));
  }
  getDisplayValue(): string {
    this.env.call('Range.getDisplayValue');
    return this.display(this.row, this.column);
  }
  setValues(values: unknown[][]): Range {
    this.env.call('Range.setValues', { cells: this.cells });
    const rows = this.checkShape(values, 'setValues');
    this.write(rows.map((line, i) => line.map((v, j) => prepareCell(this.env, this.model, this.row + i, this.column + j, v))));
    return this;
  }
  setValue(value: unknown): Range {
    this.env.call('Range.setValue', { cells: this.cells });
    const prepared: PreparedCell[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: PreparedCell[] = [];
      for (let j = 0; j < this.numColumns; j++) line.push(prepareCell(this.env, this.model, this.row + i, this.column + j, value));
      prepared.push(line);
    }
    this.write(prepared);
    return this;
  }

  // ---- formulas ----

  getFormulas(): string[][] {
    this.env.call('Range.getFormulas', { cells: this.cells });
    return this.grid((r, c) => this.model.formula(r, c) ?? '');
  }
  getFormula(): string {
    this.env.call('Range.getFormula');
    return this.model.formula(this.row, this.column) ?? '';
  }
  setFormulas(formulas: string[][]): Range {
    this.env.call('Range.setFormulas', { cells: this.cells });
    const rows = this.checkShape(formulas, 'setFormulas');
    this.write(
      rows.map((line, i) =>
        line.map((f, j) => prepareCell(this.env, this.model, this.row + i, this.column + j, f === null ? '' : String(f))),
      ),
    );
    return this;
  }
  setFormula(formula: string): Range {
    this.env.call('Range.setFormula', { cells: this.cells });
    const text = String(formula);
    const prepared: PreparedCell[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const line: PreparedCell[] = [];
      for (let j = 0; j < this.numColumns; j++) line.push(prepareCell(this.env, this.model, this.row + i, this.column + j, text));
      prepared.push(line);
    }
    this.write(prepared);
    return this;
  }

  // ---- notes ----

  getNotes(): string[][] {
    this.env.call('Range.getNotes', { cells: this.cells });
    return this.grid((r, c) => this.model.note(r, c));
  }
  getNote(): string {
    this.env.call('Range.getNote');
    return this.model.note(this.row, this.column);
  }
  setNotes(notes: unknown[][]): Range {
    this.env.call('Range.setNotes', { cells: this.cells });
    const rows = this.checkShape(notes, 'setNotes');
    rows.forEach((line, i) => line.forEach((n, j) => this.model.setNote(this.row + i, this.column + j, n == null ? '' : String(n))));
    return this;
  }
  setNote(note: unknown): Range {
    this.env.call('Range.setNote', { cells: this.cells });
    this.each((r, c) => this.model.setNote(r, c, note == null ? '' : String(note)));
    return this;
  }
  clearNote(): Range {
    this.env.call('Range.clearNote', { cells: this.cells });
    this.each((r, c) => this.model.setNote(r, c, ''));
    return this;
  }

  // ---- number formats ----

  getNumberFormats(): string[][] {
    this.env.call('Range.getNumberFormats', { cells: this.cells });
    return this.grid((r, c) => this.model.format(r, c) ?? DEFAULT_FORMAT);
  }
  getNumberFormat(): string {
    this.env.call('Range.getNumberFormat');
    return this.model.format(this.row, this.column) ?? DEFAULT_FORMAT;
  }
  setNumberFormat(format: string): Range {
    this.env.call('Range.setNumberFormat', { cells: this.cells });
    this.each((r, c) => this.model.setFormat(r, c, String(format)));
    return this;
  }
  setNumberFormats(formats: string[][]): Range {
    this.env.call('Range.setNumberFormats', { cells: this.cells });
    const rows = this.checkShape(formats, 'setNumberFormats');
    rows.forEach((line, i) => line.forEach((f, j) => this.model.setFormat(this.row + i, this.column + j, String(f))));
    return this;
  }

  // ---- data validation ----

  getDataValidation(): DataValidation | null {
    this.env.call('Range.getDataValidation');
    const spec = this.model.validation(this.row, this.column);
    return spec ? this.env.validation(spec) : null;
  }
  getDataValidations(): (DataValidation | null)[][] {
    this.env.call('Range.getDataValidations', { cells: this.cells });
    return this.grid((r, c) => {
      const spec = this.model.validation(r, c);
      return spec ? this.env.validation(spec) : null;
    });
  }
  setDataValidation(rule: DataValidation | null): Range {
    this.env.call('Range.setDataValidation', { cells: this.cells });
    const spec = rule === null ? undefined : this.specFrom(rule);
    this.each((r, c) => this.model.setValidation(r, c, spec));
    return this;
  }
  setDataValidations(rules: (DataValidation | null)[][]): Range {
    this.env.call('Range.setDataValidations', { cells: this.cells });
    const rows = this.checkShape(rules, 'setDataValidations');
    rows.forEach((line, i) =>
      line.forEach((rule, j) =>
        this.model.setValidation(this.row + i, this.column + j, rule == null ? undefined : this.specFrom(rule as DataValidation)),
      ),
    );
    return this;
  }
  clearDataValidations(): Range {
    this.env.call('Range.clearDataValidations', { cells: this.cells });
    this.each((r, c) => this.model.setValidation(r, c, undefined));
    return this;
  }
  /** Checkboxes: a CHECKBOX rule and FALSE in every cell, as Apps Script does. */
  insertCheckboxes(): Range {
    this.env.call('Range.insertCheckboxes', { cells: this.cells });
    const spec: ValidationSpec = { criteria: 'CHECKBOX', values: [], allowInvalid: false, helpText: null };
    this.each((r, c) => {
      this.model.setValidation(r, c, spec);
      this.model.setValue(r, c, false);
      this.model.setFormula(r, c, undefined);
    });
    return this;
  }

  private specFrom(rule: DataValidation): ValidationSpec {
    const spec = specOf(rule);
    if (!spec) this.env.ctx.fail(MSG.signature('SpreadsheetApp.Range.setDataValidation'));
    return spec;
  }

  // ---- protection ----

  protect(): Protection {
    this.env.call('Range.protect');
    const spec = newProtection('RANGE', this.model.id, this.env.ctx.user, this.ref());
    this.model.protections.push(spec);
    return this.env.protection(spec);
  }

  // ---- clearing ----

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean; validationsOnly?: boolean }): Range {
    this.env.call('Range.clear', { cells: this.cells });
    const any = options && (options.contentsOnly || options.formatOnly || options.commentsOnly || options.validationsOnly);
    const contents = !any || options!.contentsOnly;
    const formats = !any || options!.formatOnly;
    this.each((r, c) => {
      if (contents) {
        this.model.setValue(r, c, '');
        this.model.setFormula(r, c, undefined);
      }
      if (formats) this.model.setFormat(r, c, undefined);
      if (options?.commentsOnly) this.model.setNote(r, c, '');
      if (options?.validationsOnly) this.model.setValidation(r, c, undefined);
    });
    if (formats) this.recordStyle('cleared', true);
    return this;
  }
  clearContent(): Range {
    this.env.call('Range.clearContent', { cells: this.cells });
    this.each((r, c) => {
      this.model.setValue(r, c, '');
      this.model.setFormula(r, c, undefined);
    });
    return this;
  }
  clearFormat(): Range {
    this.env.call('Range.clearFormat', { cells: this.cells });
    this.each((r, c) => this.model.setFormat(r, c, undefined));
    this.recordStyle('cleared', true);
    return this;
  }

  // ---- sorting ----

  sort(spec: unknown): Range {
    this.env.call('Range.sort', { cells: this.cells });
    const list = Array.isArray(spec) ? spec : [spec];
    const keys: SortKey[] = list.map((s) => {
      if (typeof s === 'number') return { column: s, ascending: true };
      if (s && typeof s === 'object' && typeof (s as { column?: unknown }).column === 'number') {
        const o = s as { column: number; ascending?: boolean };
        return { column: o.column, ascending: o.ascending !== false };
      }
      return this.env.ctx.fail(MSG.signature('SpreadsheetApp.Range.sort'));
    });
    for (const k of keys) if (k.column < this.column || k.column >= this.column + this.numColumns) this.env.ctx.fail(MSG.sortColumnOutside);
    sortRows(this.model, this.row, this.column, this.numRows, this.numColumns, keys);
    return this;
  }

  // ---- cosmetics: recorded for tests, no behaviour ----

  private recordStyle(property: string, value: unknown): Range {
    this.model.styles.push({ ref: this.ref(), property, value });
    return this;
  }
  private styleOf(property: string, fallback: unknown): unknown {
    const styles = this.model.styles;
    for (let i = styles.length - 1; i >= 0; i--) {
      const s = styles[i]!;
      const inside =
        s.ref.row <= this.row &&
        this.row < s.ref.row + s.ref.numRows &&
        s.ref.column <= this.column &&
        this.column < s.ref.column + s.ref.numColumns;
      if (!inside) continue;
      if (s.property === 'cleared') return fallback;
      if (s.property === property) return Array.isArray(s.value) ? s.value[this.row - s.ref.row]?.[this.column - s.ref.column] : s.value;
    }
    return fallback;
  }
  private styled(method: string, property: string, value: unknown, grid = false): Range {
    this.env.call(`Range.${method}`, { cells: this.cells });
    if (grid) this.checkShape(value, method);
    return this.recordStyle(property, grid ? (value as unknown[][]).map((line) => [...line]) : value);
  }

  setBackground(color: string | null): Range {
    return this.styled('setBackground', 'background', color);
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    return this.styled('setBackgrounds', 'background', colors, true);
  }
  setFontColor(color: string | null): Range {
    return this.styled('setFontColor', 'fontColor', color);
  }
  setFontColors(colors: (string | null)[][]): Range {
    return this.styled('setFontColors', 'fontColor', colors, true);
  }
  setFontWeight(weight: string | null): Range {
    return this.styled('setFontWeight', 'fontWeight', weight);
  }
  setFontWeights(weights: (string | null)[][]): Range {
    return this.styled('setFontWeights', 'fontWeight', weights, true);
  }
  setFontStyle(style: string | null): Range {
    return this.styled('setFontStyle', 'fontStyle', style);
  }
  setFontSize(size: number): Range {
    return this.styled('setFontSize', 'fontSize', size);
  }
  setFontFamily(family: string | null): Range {
    return this.styled('setFontFamily', 'fontFamily', family);
  }
  setFontLine(line: string | null): Range {
    return this.styled('setFontLine', 'fontLine', line);
  }
  setWrap(wrap: boolean): Range {
    return this.styled('setWrap', 'wrap', wrap);
  }
  setWrapStrategy(strategy: unknown): Range {
    return this.styled('setWrapStrategy', 'wrapStrategy', strategy);
  }
  setHorizontalAlignment(alignment: string | null): Range {
    return this.styled('setHorizontalAlignment', 'horizontalAlignment', alignment);
  }
  setHorizontalAlignments(alignments: (string | null)[][]): Range {
    return this.styled('setHorizontalAlignments', 'horizontalAlignment', alignments, true);
  }
  setVerticalAlignment(alignment: string | null): Range {
    return this.styled('setVerticalAlignment', 'verticalAlignment', alignment);
  }
  setBorder(...args: unknown[]): Range {
    return this.styled('setBorder', 'border', args);
  }
  getBackground(): string {
    this.env.call('Range.getBackground');
    return String(this.styleOf('background', null) ?? '#ffffff');
  }
  getFontColor(): string {
    this.env.call('Range.getFontColor');
    return String(this.styleOf('fontColor', null) ?? '#000000');
  }
  getFontWeight(): 'normal' | 'bold' {
    this.env.call('Range.getFontWeight');
    return this.styleOf('fontWeight', null) === 'bold' ? 'bold' : 'normal';
  }
  getWrap(): boolean {
    this.env.call('Range.getWrap');
    return this.styleOf('wrap', true) !== false;
  }
  getHorizontalAlignment(): string {
    this.env.call('Range.getHorizontalAlignment');
    return String(this.styleOf('horizontalAlignment', null) ?? 'general');
  }

  toString(): string {
    return 'Range';
  }
}
