import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { isDate } from '../realm';
import { cellA1, rangeA1 } from './a1';
import { DATE_TIME_FORMAT, DEFAULT_FORMAT } from './number-format';
import type { CellValue, SheetModel } from './sheet-model';
import type { ConditionalRuleSpec, ValidationSpec } from './specs';
import type { WorkbookModel } from './workbook-model';
import { PX_PER_CHAR } from './xlsx-read';
import { validationToXlsx } from './xlsx-validation';
import { instantToWallAsUtc } from './zone';

function argb(color: string | null | undefined): string | undefined {
  if (!color || !/^#[0-9a-f]{6}$/i.test(color)) return undefined;
  return `FF${color.slice(1).toUpperCase()}`;
}

function conditionalToXlsx(rule: ConditionalRuleSpec, sheet: SheetModel): ExcelJS.ConditionalFormattingOptions | null {
  const refs = rule.ranges.filter((r) => r.sheetId === sheet.id);
  if (!rule.condition || refs.length === 0) return null;
  const style: Record<string, unknown> = {};
  const bg = argb(rule.format.background);
  const fg = argb(rule.format.fontColor);
  if (bg) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: bg } };
  if (fg || rule.format.bold) style.font = { ...(fg ? { color: { argb: fg } } : {}), ...(rule.format.bold ? { bold: true } : {}) };
  const [value] = rule.condition.values;
  let xrule: Record<string, unknown>;
  switch (rule.condition.type) {
    case 'CUSTOM_FORMULA':
      xrule = { type: 'expression', formulae: [String(value).replace(/^=/, '')] };
      break;
    case 'TEXT_CONTAINS':
      xrule = { type: 'containsText', operator: 'containsText', text: String(value) };
      break;
    case 'TEXT_EQUAL_TO':
      xrule = { type: 'cellIs', operator: 'equal', formulae: [`"${String(value).replace(/"/g, '""')}"`] };
      break;
    default:
      return null;
  }
  return {
    ref: refs.map((r) => rangeA1(r.row, r.column, r.numRows, r.numColumns)).join(' '),
    rules: [{ ...xrule, priority: 1, style } as unknown as ExcelJS.ConditionalFormattingRule],
  };
}

function writeSheet(wb: ExcelJS.Workbook, model: WorkbookModel, sheet: SheetModel): void {
  const zone = model.timeZone;
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    views: sheet.frozenRows || sheet.frozenColumns ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }] : [],
    ...(argb(sheet.tabColor) ? { properties: { tabColor: { argb: argb(sheet.tabColor)! } } } : {}),
  });
  const toWall = (v: CellValue): ExcelJS.CellValue => (isDate(v) ? new Date(instantToWallAsUtc(v.getTime(), zone)) : v === '' ? null : v);
  const dvs = new Map<ValidationSpec, ExcelJS.DataValidation | null>();
  sheet.rows.forEach((row, i) => {
    if (!row) return;
    const r = i + 1;
    const width = Math.max(row.v.length, row.f?.length ?? 0, row.fmt?.length ?? 0, row.note?.length ?? 0, row.dv?.length ?? 0);
    for (let c = 1; c <= width; c++) {
      const value = row.v[c - 1] ?? '';
      const formula = row.f?.[c - 1];
      const format = row.fmt?.[c - 1];
      const note = row.note?.[c - 1];
      const dv = row.dv?.[c - 1];
      if (value === '' && formula === undefined && format === undefined && !note && !dv) continue;
      const cell = ws.getCell(r, c);
      if (formula !== undefined) {
        const result = toWall(value);
        cell.value = { formula: formula.replace(/^=/, ''), ...(result === null ? {} : { result }) } as ExcelJS.CellFormulaValue;
      } else cell.value = toWall(value);
      // Excel tells dates from numbers only by format.
      const numFmt = format ?? (isDate(value) ? DATE_TIME_FORMAT : undefined);
      if (numFmt !== undefined && numFmt !== DEFAULT_FORMAT) cell.numFmt = numFmt;
      if (note) cell.note = note;
      if (dv) {
        if (!dvs.has(dv))
          dvs.set(
            dv,
            validationToXlsx(dv, model, (d) => new Date(instantToWallAsUtc(d.getTime(), zone))),
          );
        const x = dvs.get(dv);
        if (x)
          (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(cellA1(r, c), x);
      }
    }
  });
  writeStyles(ws, sheet);
  ws.pageSetup = printLayout(sheet);
  for (const [c, px] of sheet.columnWidths) ws.getColumn(c).width = px / PX_PER_CHAR;
  fitWrappedRows(ws, sheet);
  for (const c of sheet.hiddenColumns) ws.getColumn(c).hidden = true;
  for (const rule of sheet.conditionalRules) {
    const cf = conditionalToXlsx(rule, sheet);
    if (cf) ws.addConditionalFormatting(cf);
  }
}

/** A4 landscape with default margins holds about this many pixels (96 dpi) of columns at 100 %. */
const PAGE_WIDTH_PX = 1000;
/** Shrinking a tab to one page wide stays readable down to about 70 %; wider tabs print across pages instead. */
const MIN_FIT_SCALE = 0.7;

/**
 * How a tab prints (Sheets' own print dialog decides there; this is the exported file's
 * default): landscape A4, the header row repeated on every page. A tab that fits one page
 * wide at a readable size is fitted to it; a wider one (Tickets, Messages) prints at
 * 100 % across several pages — each band of rows with all its columns before the next
 * band — with its first column (the ID) repeated on each page, never shrunk to micro-text.
 */
function printLayout(sheet: SheetModel): Partial<ExcelJS.PageSetup> {
  let width = 0;
  for (let c = 1; c <= sheet.lastColumn(); c++) if (!sheet.hiddenColumns.has(c)) width += sheet.columnWidths.get(c) ?? 100;
  const fits = width * MIN_FIT_SCALE <= PAGE_WIDTH_PX;
  return {
    orientation: 'landscape',
    paperSize: 9,
    printTitlesRow: sheet.frozenRows ? `1:${sheet.frozenRows}` : undefined,
    ...(fits
      ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
      : { fitToPage: false, scale: 100, pageOrder: 'overThenDown', printTitlesColumn: 'A:A' }),
  } as Partial<ExcelJS.PageSetup>;
}

/** Arial 10 in Sheets: about 7 px a character, 13 pt a line. */
const CHAR_PX = 7;
const LINE_PT = 13;

/**
 * Sheets grows a row to fit its wrapped cells; an .xlsx shows the height it was saved with
 * (LibreOffice does not recompute it on open), so the export writes what Sheets shows:
 * each row as tall as its tallest wrapped cell, estimated from its lines and column width.
 */
function fitWrappedRows(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const wraps = sheet.styles.filter((s) => s.property === 'wrap');
  if (wraps.length === 0) return;
  const wrapped = (r: number, c: number) => {
    let on = false;
    for (const s of wraps) {
      const inside = r >= s.ref.row && r < s.ref.row + s.ref.numRows && c >= s.ref.column && c < s.ref.column + s.ref.numColumns;
      if (inside) on = s.value === true;
    }
    return on;
  };
  const columns = Array.from({ length: sheet.lastColumn() }, (_, i) => i + 1).filter((c) =>
    wraps.some((s) => c >= s.ref.column && c < s.ref.column + s.ref.numColumns),
  );
  sheet.rows.forEach((row, i) => {
    if (!row) return;
    let lines = 1;
    for (const c of columns) {
      const v = row.v[c - 1];
      if (typeof v !== 'string' || v === '' || !wrapped(i + 1, c)) continue;
      const perLine = Math.max(1, Math.floor(((sheet.columnWidths.get(c) ?? 100) - 8) / CHAR_PX));
      const n = v.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
      lines = Math.max(lines, n);
    }
    if (lines > 1) ws.getRow(i + 1).height = lines * LINE_PT + 2;
  });
}

/**
 * Cosmetic formatting the script set (bold headers, backgrounds, font colours), replayed
 * in order so later calls win, as in Sheets. Ranges spanning whole columns are clipped
 * to the rows that hold something, so a formatted empty column does not bloat the file.
 */
function writeStyles(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const lastRow = Math.max(sheet.lastRow(), 1);
  for (const st of sheet.styles) {
    const rows = Math.min(st.ref.numRows, Math.max(0, lastRow - st.ref.row + 1));
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < st.ref.numColumns; j++) {
        const v = Array.isArray(st.value) ? (st.value as unknown[][])[i]?.[j] : st.value;
        const cell = ws.getCell(st.ref.row + i, st.ref.column + j);
        if (st.property === 'cleared') {
          cell.style = { ...cell.style, font: {}, fill: { type: 'pattern', pattern: 'none' } };
        } else if (st.property === 'fontWeight') {
          cell.font = { ...cell.font, bold: v === 'bold' };
        } else if (st.property === 'background') {
          const color = argb(typeof v === 'string' ? v : null);
          cell.fill = color ? { type: 'pattern', pattern: 'solid', fgColor: { argb: color } } : { type: 'pattern', pattern: 'none' };
        } else if (st.property === 'verticalAlignment') {
          const vertical = v === 'top' || v === 'middle' || v === 'bottom' ? v : undefined;
          cell.alignment = { ...cell.alignment, vertical };
        } else if (st.property === 'horizontalAlignment') {
          const horizontal = v === 'left' || v === 'center' || v === 'right' ? v : undefined;
          cell.alignment = { ...cell.alignment, horizontal };
        } else if (st.property === 'wrap') {
          // Wrapped cells also sit at the top, so a tall ledger cell lines up with its row's other cells.
          cell.alignment = { ...cell.alignment, wrapText: v === true, ...(v === true ? { vertical: 'top' as const } : {}) };
        } else if (st.property === 'fontColor') {
          const color = argb(typeof v === 'string' ? v : null);
          cell.font = { ...cell.font, ...(color ? { color: { argb: color } } : {}) };
        }
      }
    }
  }
}

/** Writes the spreadsheet as an .xlsx that Excel and LibreOffice open; dates as wall times in its zone. */
export async function saveXlsx(workbook: WorkbookModel, file: string): Promise<void> {
  await writeFile(file, await xlsxBuffer(workbook));
}

/** The .xlsx bytes of the spreadsheet, for a caller that commits the file itself (atomically). */
export async function xlsxBuffer(workbook: WorkbookModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Support Desk for Sheets';
  wb.title = workbook.name;
  for (const sheet of workbook.sheets) writeSheet(wb, workbook, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
