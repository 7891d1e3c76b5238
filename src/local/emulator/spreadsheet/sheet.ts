import { sheetCharts, type EmbeddedChart, type EmbeddedChartBuilder } from './charts';
import type { ConditionalFormatRule } from './conditional-format';
import { ruleSpecOf } from './conditional-format';
import type { Env } from './env';
import { MSG } from './messages';
import type { Protection } from './protection';
import type { Range } from './range';
import { findSheet, resolveA1 } from './resolve';
import type { SheetModel } from './sheet-model';
import { sortRows } from './sort';
import { newProtection } from './specs';
import type { Spreadsheet } from './spreadsheet';
import { applyCell, checkValidation, prepareCell } from './write-cells';

const DEFAULT_COLUMN_WIDTH = 100;

/** SpreadsheetApp.Sheet. */
export class Sheet {
  constructor(
    private readonly env: Env,
    private readonly model: SheetModel,
  ) {}

  private fail(message: string): never {
    return this.env.ctx.fail(message);
  }

  private positive(method: string, ...values: unknown[]): void {
    for (const v of values) if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(MSG.signature(`SpreadsheetApp.Sheet.${method}`));
  }

  // ---- identity ----

  getName(): string {
    this.env.call('Sheet.getName', { cheap: true });
    return this.model.name;
  }
  getSheetName(): string {
    this.env.call('Sheet.getSheetName', { cheap: true });
    return this.model.name;
  }
  setName(name: string): Sheet {
    this.env.call('Sheet.setName');
    const text = String(name);
    const clash = findSheet(this.env, text);
    if (clash && clash !== this.model) this.fail(MSG.sheetExists(text));
    this.model.name = text;
    return this;
  }
  getSheetId(): number {
    this.env.call('Sheet.getSheetId', { cheap: true });
    return this.model.id;
  }
  getIndex(): number {
    this.env.call('Sheet.getIndex', { cheap: true });
    return this.env.workbook.sheets.indexOf(this.model) + 1;
  }
  getParent(): Spreadsheet {
    this.env.call('Sheet.getParent', { cheap: true });
    return this.env.spreadsheet();
  }
  activate(): Sheet {
    this.env.call('Sheet.activate');
    this.env.workbook.active = { sheetId: this.model.id };
    return this;
  }

  // ---- extent ----

  getLastRow(): number {
    this.env.call('Sheet.getLastRow', { cheap: true });
    return this.model.lastRow();
  }
  getLastColumn(): number {
    this.env.call('Sheet.getLastColumn', { cheap: true });
    return this.model.lastColumn();
  }
  getMaxRows(): number {
    this.env.call('Sheet.getMaxRows', { cheap: true });
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    this.env.call('Sheet.getMaxColumns', { cheap: true });
    return this.model.maxColumns;
  }

  // ---- ranges ----

  getRange(a: unknown, column?: number, numRows?: number, numColumns?: number): Range {
    this.env.call('Sheet.getRange', { cheap: true });
    if (typeof a === 'string' && column === undefined) return resolveA1(this.env, this.model, a);
    this.positive('getRange', a, column, ...(numRows === undefined ? [] : [numRows]), ...(numColumns === undefined ? [] : [numColumns]));
    return this.env.range(this.model, a as number, column!, numRows ?? 1, numColumns ?? 1);
  }
  getDataRange(): Range {
    this.env.call('Sheet.getDataRange', { cheap: true });
    return this.env.range(this.model, 1, 1, Math.max(1, this.model.lastRow()), Math.max(1, this.model.lastColumn()));
  }

  // ---- rows and columns ----

  private checkPosition(position: number, max: number): void {
    if (position < 1) this.fail(position < 1 ? MSG.rowTooSmall : MSG.outsideSheet);
    if (position > max) this.fail(MSG.outsideSheet);
  }

  /**
   * New rows carry no number format, data validation or note: Google documents inheriting
   * only for the Sheets API's InsertDimension (from the rows after, unless inheritFromBefore),
   * and there are none after the last row; the product must set what it needs itself.
   */
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.env.call('Sheet.insertRowsAfter');
    this.positive('insertRowsAfter', afterPosition, howMany);
    this.checkPosition(afterPosition, this.model.maxRows);
    this.model.insertRows(afterPosition + 1, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): Sheet {
    this.env.call('Sheet.insertRowAfter');
    this.positive('insertRowAfter', afterPosition);
    this.checkPosition(afterPosition, this.model.maxRows);
    this.model.insertRows(afterPosition + 1, 1);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.env.call('Sheet.insertRowsBefore');
    this.positive('insertRowsBefore', beforePosition, howMany);
    this.checkPosition(beforePosition, this.model.maxRows);
    this.model.insertRows(beforePosition, howMany);
    return this;
  }
  insertRowBefore(beforePosition: number): Sheet {
    this.env.call('Sheet.insertRowBefore');
    this.positive('insertRowBefore', beforePosition);
    this.checkPosition(beforePosition, this.model.maxRows);
    this.model.insertRows(beforePosition, 1);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.env.call('Sheet.insertColumnsAfter');
    this.positive('insertColumnsAfter', afterPosition, howMany);
    this.checkPosition(afterPosition, this.model.maxColumns);
    this.model.insertColumns(afterPosition + 1, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): Sheet {
    this.env.call('Sheet.insertColumnAfter');
    this.positive('insertColumnAfter', afterPosition);
    this.checkPosition(afterPosition, this.model.maxColumns);
    this.model.insertColumns(afterPosition + 1, 1);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.env.call('Sheet.insertColumnsBefore');
    this.positive('insertColumnsBefore', beforePosition, howMany);
    this.checkPosition(beforePosition, this.model.maxColumns);
    this.model.insertColumns(beforePosition, howMany);
    return this;
  }
  insertColumnBefore(beforePosition: number): Sheet {
    this.env.call('Sheet.insertColumnBefore');
    this.positive('insertColumnBefore', beforePosition);
    this.checkPosition(beforePosition, this.model.maxColumns);
    this.model.insertColumns(beforePosition, 1);
    return this;
  }
  deleteRow(rowPosition: number): Sheet {
    this.env.call('Sheet.deleteRow');
    this.positive('deleteRow', rowPosition);
    return this.removeRows(rowPosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): Sheet {
    this.env.call('Sheet.deleteRows');
    this.positive('deleteRows', rowPosition, howMany);
    return this.removeRows(rowPosition, howMany);
  }
  private removeRows(row: number, count: number): Sheet {
    if (row < 1) this.fail(MSG.rowTooSmall);
    if (count < 1) this.fail(MSG.numRowsTooSmall);
    if (row + count - 1 > this.model.maxRows) this.fail(MSG.outsideSheet);
    if (this.model.maxRows - count <= this.model.frozenRows) this.fail(MSG.deleteAllRows);
    this.model.deleteRows(row, count);
    return this;
  }
  deleteColumn(columnPosition: number): Sheet {
    this.env.call('Sheet.deleteColumn');
    this.positive('deleteColumn', columnPosition);
    return this.removeColumns(columnPosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): Sheet {
    this.env.call('Sheet.deleteColumns');
    this.positive('deleteColumns', columnPosition, howMany);
    return this.removeColumns(columnPosition, howMany);
  }
  private removeColumns(column: number, count: number): Sheet {
    if (column < 1) this.fail(MSG.columnTooSmall);
    if (count < 1) this.fail(MSG.numColumnsTooSmall);
    if (column + count - 1 > this.model.maxColumns) this.fail(MSG.outsideSheet);
    if (this.model.maxColumns - count <= this.model.frozenColumns) this.fail(MSG.deleteAllColumns);
    this.model.deleteColumns(column, count);
    return this;
  }

  /** Writes below the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): Sheet {
    this.env.call('Sheet.appendRow', { cells: Array.isArray(rowContents) ? rowContents.length : 0 });
    if (!Array.isArray(rowContents)) this.fail(MSG.signature('SpreadsheetApp.Sheet.appendRow'));
    const row = this.model.lastRow() + 1;
    const prepared = rowContents.map((v, j) => prepareCell(this.env, this.model, row, j + 1, v));
    prepared.forEach((cell, j) => checkValidation(this.env, this.model, row, j + 1, cell));
    if (row > this.model.maxRows) this.model.maxRows = row;
    if (prepared.length > this.model.maxColumns) this.model.maxColumns = prepared.length;
    prepared.forEach((cell, j) => applyCell(this.model, row, j + 1, cell));
    return this;
  }

  // ---- layout ----

  getFrozenRows(): number {
    this.env.call('Sheet.getFrozenRows', { cheap: true });
    return this.model.frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.env.call('Sheet.setFrozenRows');
    this.positive('setFrozenRows', rows);
    if (rows < 0 || rows >= this.model.maxRows) this.fail(MSG.outsideSheet);
    this.model.frozenRows = rows;
  }
  getFrozenColumns(): number {
    this.env.call('Sheet.getFrozenColumns', { cheap: true });
    return this.model.frozenColumns;
  }
  setFrozenColumns(columns: number): void {
    this.env.call('Sheet.setFrozenColumns');
    this.positive('setFrozenColumns', columns);
    if (columns < 0 || columns >= this.model.maxColumns) this.fail(MSG.outsideSheet);
    this.model.frozenColumns = columns;
  }
  getColumnWidth(columnPosition: number): number {
    this.env.call('Sheet.getColumnWidth', { cheap: true });
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.env.call('Sheet.setColumnWidth');
    this.positive('setColumnWidth', columnPosition, width);
    this.model.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    this.env.call('Sheet.setColumnWidths');
    this.positive('setColumnWidths', startColumn, numColumns, width);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths.set(c, width);
    return this;
  }
  /** Approximates Sheets' fit-to-data with ~7 px a character. */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    this.env.call('Sheet.autoResizeColumns');
    this.positive('autoResizeColumns', startColumn, numColumns);
    const last = this.model.lastRow();
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r = 1; r <= last; r++) {
        const v = this.model.value(r, c);
        longest = Math.max(
          longest,
          ...String(v)
            .split('\n')
            .map((l) => l.length),
        );
      }
      this.model.columnWidths.set(c, Math.max(21, Math.min(longest * 7 + 10, 1000)));
    }
    return this;
  }
  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.env.call('Sheet.hideColumns');
    this.positive('hideColumns', columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.env.call('Sheet.showColumns');
    this.positive('showColumns', columnIndex, numColumns);
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.model.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.env.call('Sheet.isColumnHiddenByUser', { cheap: true });
    return this.model.hiddenColumns.has(columnPosition);
  }
  hideSheet(): Sheet {
    this.env.call('Sheet.hideSheet');
    this.model.hidden = true;
    return this;
  }
  showSheet(): Sheet {
    this.env.call('Sheet.showSheet');
    this.model.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    this.env.call('Sheet.isSheetHidden', { cheap: true });
    return this.model.hidden;
  }
  setTabColor(color: string | null): Sheet {
    this.env.call('Sheet.setTabColor');
    this.model.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    this.env.call('Sheet.getTabColor', { cheap: true });
    return this.model.tabColor;
  }

  // ---- protection ----

  /** A sheet has at most one sheet protection: asking again returns it. */
  protect(): Protection {
    this.env.call('Sheet.protect');
    const existing = this.model.protections.find((p) => p.type === 'SHEET');
    if (existing) return this.env.protection(existing);
    const spec = newProtection('SHEET', this.model.id, this.env.ctx.user);
    this.model.protections.push(spec);
    return this.env.protection(spec);
  }
  getProtections(type: unknown): Protection[] {
    this.env.call('Sheet.getProtections');
    if (type !== 'RANGE' && type !== 'SHEET') this.fail(MSG.signature('SpreadsheetApp.Sheet.getProtections'));
    return this.env.ctx.realm.toRealm(this.model.protections.filter((p) => p.type === type).map((p) => this.env.protection(p)));
  }

  // ---- conditional formats ----

  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.env.call('Sheet.getConditionalFormatRules');
    return this.env.ctx.realm.toRealm(this.model.conditionalRules.map((r) => this.env.conditionalRule(r)));
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.env.call('Sheet.setConditionalFormatRules');
    if (!Array.isArray(rules)) this.fail(MSG.signature('SpreadsheetApp.Sheet.setConditionalFormatRules'));
    this.model.conditionalRules = rules.map(
      (r) => ruleSpecOf(r) ?? this.fail(MSG.signature('SpreadsheetApp.Sheet.setConditionalFormatRules')),
    );
  }
  clearConditionalFormatRules(): void {
    this.env.call('Sheet.clearConditionalFormatRules');
    this.model.conditionalRules = [];
  }

  // ---- whole-sheet edits ----

  /** Sorts everything below the frozen rows by one column. */
  sort(columnPosition: number, ascending = true): Sheet {
    this.env.call('Sheet.sort');
    this.positive('sort', columnPosition);
    const first = this.model.frozenRows + 1;
    const last = this.model.lastRow();
    if (last >= first)
      sortRows(this.model, first, 1, last - first + 1, this.model.maxColumns, [{ column: columnPosition, ascending: ascending !== false }]);
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    this.env.call('Sheet.clear');
    const contents = !options?.formatOnly || options.contentsOnly;
    const formats = !options?.contentsOnly || options.formatOnly;
    for (const row of this.model.rows) {
      if (!row) continue;
      if (contents) {
        row.v = [];
        delete row.f;
      }
      if (formats) delete row.fmt;
    }
    if (formats) this.model.styles.length = 0;
    this.model.touch();
    return this;
  }
  clearContents(): Sheet {
    this.env.call('Sheet.clearContents');
    for (const row of this.model.rows) {
      if (!row) continue;
      row.v = [];
      delete row.f;
    }
    this.model.touch();
    return this;
  }
  clearFormats(): Sheet {
    this.env.call('Sheet.clearFormats');
    for (const row of this.model.rows) if (row) delete row.fmt;
    this.model.styles.length = 0;
    return this;
  }
  clearNotes(): Sheet {
    this.env.call('Sheet.clearNotes');
    for (const row of this.model.rows) if (row) delete row.note;
    return this;
  }

  // ---- embedded charts (charts.ts) ----

  newChart(): EmbeddedChartBuilder {
    return sheetCharts.newChart(this.env, this.model);
  }
  insertChart(chart: EmbeddedChart): void {
    sheetCharts.insertChart(this.env, this.model, chart);
  }
  getCharts(): EmbeddedChart[] {
    return sheetCharts.getCharts(this.env, this.model);
  }
  updateChart(chart: EmbeddedChart): void {
    sheetCharts.updateChart(this.env, this.model, chart);
  }
  removeChart(chart: EmbeddedChart): void {
    sheetCharts.removeChart(this.env, this.model, chart);
  }

  toString(): string {
    return 'Sheet';
  }
}
