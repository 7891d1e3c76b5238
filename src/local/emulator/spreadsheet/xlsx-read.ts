import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { isDateFormat } from './number-format';
import type { CellValue, SheetModel } from './sheet-model';
import { DEFAULT_COLUMNS, DEFAULT_ROWS } from './sheet-model';
import type { ConditionalRuleSpec, ValidationSpec } from './specs';
import { DEFAULT_TIME_ZONE, WorkbookModel } from './workbook-model';
import { normaliseCommentParts } from './xlsx-parts';
import { validationFromXlsx } from './xlsx-validation';
import { isValidZone, wallAsUtcToInstant } from './zone';

/** Pixels per character of Excel column width (Calibri 11 at 96 dpi, rounded). */
export const PX_PER_CHAR = 7;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'text' in value) return String((value as { text: unknown }).text);
  return String(value);
}

/** A look at a file's cells before it is loaded: the text of a sheet's cells, row by row. */
export interface XlsxPeek {
  sheetText(name: string): string[][] | undefined;
}

function peekOf(wb: ExcelJS.Workbook): XlsxPeek {
  return {
    sheetText(name) {
      const ws = wb.getWorksheet(name);
      if (!ws) return undefined;
      const rows: string[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row: string[] = [];
        ws.getRow(r).eachCell({ includeEmpty: true }, (cell, c) => {
          row[c - 1] = cellText(cell.value);
        });
        rows.push(Array.from(row, (v) => v ?? ''));
      }
      return rows;
    },
  };
}

function noteText(note: string | ExcelJS.Comment | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

function scalar(value: unknown, numFmt: string | undefined, zone: string): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return new Date(wallAsUtcToInstant(value.getTime(), zone));
  if (typeof value === 'number') {
    // A formula result may come back as a bare serial even under a date format.
    if (isDateFormat(numFmt)) return new Date(wallAsUtcToInstant(Math.round((value - 25569) * 86_400_000), zone));
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && 'error' in value) return String((value as { error: unknown }).error);
  return cellText(value as ExcelJS.CellValue);
}

function readCell(sheet: SheetModel, cell: ExcelJS.Cell, r: number, c: number, zone: string): void {
  const numFmt = cell.numFmt || undefined;
  if (numFmt && numFmt !== 'General') sheet.setFormat(r, c, numFmt);
  const value = cell.value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const formula = cell.formula;
    if (formula) sheet.setFormula(r, c, `=${formula}`);
    sheet.setValue(r, c, scalar(cell.result, numFmt, zone));
  } else {
    sheet.setValue(r, c, scalar(value, numFmt, zone));
  }
  const note = noteText(cell.note);
  if (note) sheet.setNote(r, c, note);
}

type RawConditional = { ref: string; rules: Array<Record<string, unknown>> };

function readConditionals(ws: ExcelJS.Worksheet, sheet: SheetModel): ConditionalRuleSpec[] {
  const list = (ws as unknown as { conditionalFormattings?: RawConditional[] }).conditionalFormattings ?? [];
  const out: ConditionalRuleSpec[] = [];
  for (const cf of list) {
    const ranges = cf.ref.split(/\s+/).flatMap((a1) => {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1.replace(/\$/g, ''));
      if (!m) return [];
      const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const row = Number(m[2]);
      const column = col(m[1]!);
      return [{ sheetId: sheet.id, row, column, numRows: Number(m[4] ?? m[2]) - row + 1, numColumns: col(m[3] ?? m[1]!) - column + 1 }];
    });
    for (const rule of cf.rules) {
      const style = rule.style as
        | { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean } }
        | undefined;
      const argb = (c?: { argb?: string }) => (c?.argb ? `#${c.argb.slice(-6).toLowerCase()}` : undefined);
      const format: ConditionalRuleSpec['format'] = {};
      const bg = argb(style?.fill?.bgColor);
      const fg = argb(style?.font?.color);
      if (bg) format.background = bg;
      if (fg) format.fontColor = fg;
      if (style?.font?.bold) format.bold = true;
      const formulae = (rule.formulae as string[] | undefined) ?? [];
      let condition: ConditionalRuleSpec['condition'] = null;
      if (rule.type === 'expression') condition = { type: 'CUSTOM_FORMULA', values: [`=${formulae[0] ?? ''}`] };
      else if (rule.type === 'containsText') condition = { type: 'TEXT_CONTAINS', values: [String(rule.text ?? '')] };
      else if (rule.type === 'cellIs' && rule.operator === 'equal' && /^".*"$/.test(formulae[0] ?? ''))
        condition = { type: 'TEXT_EQUAL_TO', values: [formulae[0]!.slice(1, -1).replace(/""/g, '"')] };
      if (condition) out.push({ ranges, condition, format });
    }
  }
  return out;
}

/** The cosmetic formats a cell carries that the product sets and the writer writes back. */
type CellStyle = Partial<Record<'fontWeight' | 'fontColor' | 'background' | 'horizontalAlignment' | 'verticalAlignment' | 'wrap', unknown>>;

const hex = (c?: { argb?: string }) => (c?.argb ? `#${c.argb.slice(-6).toLowerCase()}` : undefined);

function cellStyleOf(cell: ExcelJS.Cell): CellStyle | null {
  const style: CellStyle = {};
  if (cell.font?.bold) style.fontWeight = 'bold';
  const color = hex(cell.font?.color as { argb?: string } | undefined);
  if (color) style.fontColor = color;
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && hex(fill.fgColor)) style.background = hex(fill.fgColor);
  const a = cell.alignment;
  if (a?.horizontal === 'left' || a?.horizontal === 'center' || a?.horizontal === 'right') style.horizontalAlignment = a.horizontal;
  if (a?.vertical === 'top' || a?.vertical === 'middle' || a?.vertical === 'bottom') style.verticalAlignment = a.vertical;
  if (a?.wrapText) style.wrap = true;
  return Object.keys(style).length ? style : null;
}

/**
 * A row's cell styles as style records, one per run of neighbouring cells with the same
 * value: a register saved by the CLI and opened again keeps its bold headers, colours,
 * alignment and wrapping, as a file opened in Sheets would.
 */
function recordRowStyles(sheet: SheetModel, row: number, styled: readonly { column: number; style: CellStyle }[]): void {
  const properties = new Set(styled.flatMap((s) => Object.keys(s.style))) as Set<keyof CellStyle>;
  for (const property of properties) {
    let start = -1;
    let value: unknown;
    let last = -1;
    const flush = () => {
      if (start > 0)
        sheet.styles.push({ ref: { sheetId: sheet.id, row, column: start, numRows: 1, numColumns: last - start + 1 }, property, value });
    };
    for (const { column, style } of styled) {
      const v = style[property];
      if (v !== undefined && start > 0 && column === last + 1 && v === value) {
        last = column;
        continue;
      }
      flush();
      start = v === undefined ? -1 : column;
      value = v;
      last = column;
    }
    flush();
  }
}

/**
 * Loads an .xlsx as the spreadsheet. An .xlsx has no time zone, and its date cells are wall
 * times in it: the zone is opts.timeZone, or what a function of the file's cells says (a
 * project that keeps its zone in a cell reads it so), else DEFAULT_TIME_ZONE.
 */
export async function loadXlsx(
  file: string,
  opts: { timeZone?: string | ((file: XlsxPeek) => string | undefined) } = {},
): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  // Through the part-name fix: a workbook saved by openpyxl must open too (see xlsx-parts.ts).
  await wb.xlsx.load((await normaliseCommentParts(await readFile(file))) as unknown as ExcelJS.Buffer);
  const read = typeof opts.timeZone === 'function' ? opts.timeZone(peekOf(wb)) : undefined;
  const zone = typeof opts.timeZone === 'string' ? opts.timeZone : read && isValidZone(read) ? read : DEFAULT_TIME_ZONE;
  const model = new WorkbookModel({ name: basename(file, extname(file)), timeZone: zone });
  const pending: Array<{ sheet: SheetModel; ws: ExcelJS.Worksheet }> = [];
  for (const ws of wb.worksheets) {
    const sheet = model.addSheet(ws.name, {
      rows: Math.max(DEFAULT_ROWS, ws.rowCount),
      columns: Math.max(DEFAULT_COLUMNS, ws.columnCount),
    });
    sheet.hidden = ws.state !== undefined && ws.state !== 'visible';
    const frozen = (ws.views ?? []).find((v) => v.state === 'frozen') as { ySplit?: number; xSplit?: number } | undefined;
    sheet.frozenRows = frozen?.ySplit ?? 0;
    sheet.frozenColumns = frozen?.xSplit ?? 0;
    const tab = ws.properties.tabColor as { argb?: string } | undefined;
    if (tab?.argb) sheet.tabColor = `#${tab.argb.slice(-6).toLowerCase()}`;
    ws.columns?.forEach((col, i) => {
      if (col.width) sheet.columnWidths.set(i + 1, Math.round(col.width * PX_PER_CHAR));
      if (col.hidden) sheet.hiddenColumns.add(i + 1);
    });
    // Blank cells count too: a column formatted by setup keeps its format in the rows
    // nothing has been written to yet, as it does when Sheets imports the file.
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const styled: { column: number; style: CellStyle }[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (cell.type !== ExcelJS.ValueType.Null) readCell(sheet, cell, r, c, zone);
        else if (cell.numFmt && cell.numFmt !== 'General') sheet.setFormat(r, c, cell.numFmt);
        const style = cellStyleOf(cell);
        if (style) styled.push({ column: c, style });
      });
      recordRowStyles(sheet, r, styled);
    });
    sheet.conditionalRules = readConditionals(ws, sheet);
    pending.push({ sheet, ws });
  }
  // Validations last: list-from-range rules may point at any sheet.
  const toInstant = (d: Date) => new Date(wallAsUtcToInstant(d.getTime(), zone));
  for (const { sheet, ws } of pending) {
    const model2 = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations
      .model;
    const shared = new Map<ExcelJS.DataValidation, ValidationSpec | null>();
    for (const [address, dv] of Object.entries(model2)) {
      if (!dv) continue;
      if (!shared.has(dv)) shared.set(dv, validationFromXlsx(dv, model, toInstant));
      const spec = shared.get(dv);
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      if (!spec || !m) continue;
      const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      sheet.setValidation(Number(m[2]), column, spec);
    }
  }
  return model;
}
